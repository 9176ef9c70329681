/**
 * `npm run bench:browser`: how smoothly the page runs a big lab in Debian's Chromium, and how
 * much JavaScript the first load costs. Prints figures; asserts nothing (speed is measured here,
 * never in tests — DESIGN.md §8).
 *
 * Lab: 200 switches as 100 pairs, each pair joined by a 2-member LACP LAG at the fast rate, laid
 * out on a grid, injected as the autosaved lab before the first load. The page runs at 1× for
 * 5 s while requestAnimationFrame callbacks are counted in the page.
 *
 * Targets: ≥ 55 fps, no frame over 50 ms, initial JS < 300 KB gzip.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Topology } from '../src/model';
import { AUTOSAVE_KEY, buildApp, launchChromium, previewApp, savedLab } from '../tests/helpers/e2eServer';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TARGET = { fps: 55, longestFrameMs: 50, initialJsKB: 300 };

/** `pairs` switch pairs, 10 pairs to a row, each pair joined by a 2-link LAG (fast rate). */
export function pairGrid(pairs: number): Topology {
  const devices: Topology['devices'] = [];
  const links: Topology['links'] = [];
  const lags: NonNullable<Topology['lags']> = [];
  const ports = [{ id: 'eth1' }, { id: 'eth2' }];
  for (let i = 0; i < pairs; i++) {
    const col = i % 10;
    const row = Math.floor(i / 10);
    const [a, b] = [`s${i}a`, `s${i}b`];
    devices.push({ id: a, type: 'switch', position: { x: col * 320, y: row * 160 }, ports });
    devices.push({ id: b, type: 'switch', position: { x: col * 320 + 150, y: row * 160 }, ports });
    links.push({ id: `l${i}_1`, a: { device: a, port: 'eth1' }, b: { device: b, port: 'eth1' } });
    links.push({ id: `l${i}_2`, a: { device: a, port: 'eth2' }, b: { device: b, port: 'eth2' } });
    for (const device of [a, b]) lags.push({ id: 'po1', device, members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' });
  }
  return { version: 1, seed: 1, devices, links, lags };
}

/** JS files the built index.html loads up front (module scripts and modulepreloads). */
function initialScripts(outDir: string): string[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const srcs = [
    ...Array.from(html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g), (m) => m[1]!),
    ...Array.from(html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g), (m) => m[1]!),
  ];
  return [...new Set(srcs)].filter((s) => !/^https?:/.test(s));
}

function gzipKB(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

interface FrameFigures {
  frames: number;
  seconds: number;
  longestFrameMs: number;
  framesOver50: number;
  longTasks: number | null;
  longestTaskMs: number | null;
}

/**
 * Counts rAF callbacks for `seconds` and watches long tasks, all inside the page. Sent as source
 * text: tsx (esbuild keepNames) would wrap a compiled function's inner functions in a `__name`
 * helper that does not exist in the page.
 */
const MEASURE_FRAMES = `async (s) => {
  const tasks = [];
  let observer = null;
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
    observer.observe({ type: 'longtask' });
  }
  const deltas = [];
  const start = await new Promise((resolve) => requestAnimationFrame(resolve));
  let last = start;
  await new Promise((resolve) => {
    function tick(t) {
      deltas.push(t - last);
      last = t;
      if (t - start >= s * 1000) resolve();
      else requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  });
  observer?.disconnect();
  return {
    frames: deltas.length,
    seconds: (last - start) / 1000,
    longestFrameMs: Math.max(0, ...deltas),
    framesOver50: deltas.filter((d) => d > 50).length,
    longTasks: observer ? tasks.length : null,
    longestTaskMs: observer ? Math.max(0, ...tasks) : null,
  };
}`;

function measureFrames(page: Page, seconds: number): Promise<FrameFigures> {
  return page.evaluate<FrameFigures>(`(${MEASURE_FRAMES})(${seconds})`);
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}

function report(f: FrameFigures): void {
  const fps = f.frames / f.seconds;
  console.log(`  frames: ${f.frames} in ${f.seconds.toFixed(2)} s → ${fps.toFixed(1)} fps (target ≥ ${TARGET.fps}: ${verdict(fps >= TARGET.fps)})`);
  console.log(
    `  longest frame: ${f.longestFrameMs.toFixed(1)} ms, ${f.framesOver50} frames over 50 ms (target none over ${TARGET.longestFrameMs} ms: ${verdict(f.longestFrameMs <= TARGET.longestFrameMs)})`,
  );
  console.log(
    f.longTasks === null
      ? '  long tasks: not reported by this browser'
      : `  long tasks (> 50 ms on the main thread): ${f.longTasks}, longest ${f.longestTaskMs!.toFixed(0)} ms`,
  );
}

async function clockText(page: Page): Promise<string> {
  const clock = page.locator('[data-testid="clock"]');
  return (await clock.count()) ? (await clock.first().innerText()).trim() : '(no clock)';
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'topolab-bench-'));
  const doc = pairGrid(PAIRS);
  console.log(
    `TopoLab browser benchmark — ${doc.devices.length} switches, ${doc.lags?.length} LAG ends, ${doc.links.length} LACP member links at the fast rate, ${SECONDS} s at 1×`,
  );
  try {
    await buildApp(outDir);
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  const served = await previewApp(outDir);
  const browser = await launchChromium();
  try {
    const scripts = initialScripts(outDir);
    const sizes = scripts.map((s) => ({ s, kb: gzipKB(join(outDir, s.replace(/^\//, ''))) }));
    const total = sizes.reduce((sum, x) => sum + x.kb, 0);
    console.log(`initial JS: ${total.toFixed(1)} KB gzip (target < ${TARGET.initialJsKB} KB: ${verdict(total < TARGET.initialJsKB)})`);
    for (const { s, kb } of sizes) console.log(`  ${s}  ${kb.toFixed(1)} KB gzip`);

    const origin = new URL(served.url).origin;
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1440, height: 900 },
      storageState: { cookies: [], origins: [{ origin, localStorage: [{ name: AUTOSAVE_KEY, value: savedLab(doc) }] }] },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = performance.now();
    await page.goto(served.url);
    const devices = page.locator('.react-flow__node [data-testid^="device-"]:not([data-testid^="device-failed-"]):not([data-testid^="device-muted-"])');
    await devices.first().waitFor({ state: 'attached', timeout: 15_000 }).catch(() => undefined);
    console.log(`first device on screen after ${(performance.now() - t0).toFixed(0)} ms; ${await devices.count()} device nodes in the DOM`);

    // The first window starts with the lab (every LAG forming at once); the second is steady state.
    for (const label of ['from load (LAGs forming)', 'steady state (next window)']) {
      const clockBefore = await clockText(page);
      const f = await measureFrames(page, SECONDS);
      const clockAfter = await clockText(page);
      const distributing = await page.locator('[data-testid^="link-"]:not([data-testid^="link-marker-"])[data-status="distributing"]').count();
      console.log(`\n${label}: clock ${clockBefore} → ${clockAfter}; ${distributing} links distributing at the end`);
      report(f);
    }
    if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
    await context.close();
  } finally {
    await browser.close();
    await served.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
