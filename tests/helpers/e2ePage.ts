/**
 * Page objects for the browser tests (in the spirit of tldraw's Playwright fixtures): open the
 * lab in a fresh context, find canvas and panel parts by their `data-testid`, drag from the
 * palette, wire ports, and wait on what the simulation shows. Every wait is on DOM state.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { test as base, expect, inject, onTestFinished } from 'vitest';
import type { Topology } from '../../src/model';
import { AUTOSAVE_KEY, ROOT, launchChromium } from './e2eServer';

export { AUTOSAVE_KEY, CHROMIUM_ARGS, CHROMIUM_PATH, LANG_KEY, launchChromium, savedLab } from './e2eServer';

/** The preview server's origin, provided by the global setup. */
export function baseUrl(): string {
  return inject('baseUrl');
}

export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'e2e');

export const EMPTY_LAB: Topology = { version: 1, devices: [], links: [], lags: [] };

export interface OpenLabOptions {
  /** Full URL or a path / hash relative to the base URL; default the base URL. */
  url?: string;
  /** Browser locale; default `en-US` so texts are predictable. */
  locale?: string;
  /** localStorage entries present before the first load (set once, not on every reload). */
  storage?: Record<string, string>;
  viewport?: { width: number; height: number };
}

export interface Lab {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far; the test fails if any remain. */
  errors: string[];
}

/**
 * Opens the lab in a fresh context and waits for the canvas. When the test finishes the context
 * is closed, and the test fails if the page logged a console error or threw.
 */
export async function openLab(browser: Browser, options: OpenLabOptions = {}): Promise<Lab> {
  const home = baseUrl();
  const origin = new URL(home).origin;
  const storage = Object.entries(options.storage ?? {}).map(([name, value]) => ({ name, value }));
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1440, height: 900 },
    storageState: { cookies: [], origins: storage.length ? [{ origin, localStorage: storage }] : [] },
  });
  const errors: string[] = [];
  context.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()} (${msg.location().url})`);
  });
  context.on('weberror', (err) => errors.push(`page error: ${err.error().message}`));
  onTestFinished(async () => {
    await context.close();
    expect(errors, 'the page logged errors').toEqual([]);
  });
  const page = await context.newPage();
  page.on('crash', () => errors.push('page crashed'));
  await page.goto(new URL(options.url ?? '', home).href);
  await waitForCanvas(page);
  return { context, page, errors };
}

/**
 * The e2e test API (fixtures in the manner of tldraw's Playwright fixtures): `browser` is one
 * Chromium per test file; `lab(options)` opens the lab in a fresh context of it (see `openLab`).
 *
 * ```ts
 * it('…', async ({ lab }) => {
 *   const { page } = await lab({ locale: 'ko-KR' });
 * });
 * ```
 */
export const test = base
  // eslint-disable-next-line no-empty-pattern -- Vitest reads a fixture's dependencies from this pattern
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }) => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('lab', ({ browser }) => (options: OpenLabOptions = {}) => openLab(browser, options));

/** `it` with the e2e fixtures, for `describe('when …')` then `it('…')` (style guide §8). */
export const it = test;

/** Waits until React Flow has mounted its viewport. */
export async function waitForCanvas(page: Page): Promise<void> {
  await page.locator('.react-flow__viewport').first().waitFor({ state: 'attached', timeout: 10_000 });
}

export function byTestId(page: Page, id: string): Locator {
  return page.locator(`[data-testid="${id}"]`);
}

/** Saves `test-results/e2e/<name>.png` (the full page) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

// ---- canvas -----------------------------------------------------------------------------------

/**
 * The id suffixes of the outermost elements whose testid starts with `prefix`, in document order.
 * Parts inside them that share the prefix (`device-failed-<id>` in `device-<id>`,
 * `link-marker-<id>-a` in `link-<id>`) are skipped.
 */
export async function testIdsWithPrefix(page: Page, prefix: string): Promise<string[]> {
  return page.evaluate((p) => {
    const sel = `[data-testid^="${p}"]`;
    return Array.from(document.querySelectorAll(sel))
      .filter((el) => !el.parentElement?.closest(sel))
      .map((el) => el.getAttribute('data-testid')!.slice(p.length));
  }, prefix);
}

/** Device ids on the canvas, from `device-<id>` nodes. */
export function deviceIds(page: Page): Promise<string[]> {
  return testIdsWithPrefix(page, 'device-');
}

/** Link ids on the canvas, from `link-<id>` edges. */
export function linkIds(page: Page): Promise<string[]> {
  return testIdsWithPrefix(page, 'link-');
}

/** Port ids of a device, from its `port-<device>-<port>` handles. */
export async function portIds(page: Page, device: string): Promise<string[]> {
  return testIdsWithPrefix(page, `port-${device}-`);
}

/** Each device node's visible text (name, type, port names), keyed by id. */
export async function deviceTexts(page: Page): Promise<Record<string, string>> {
  const ids = await deviceIds(page);
  const out: Record<string, string> = {};
  for (const id of ids) out[id] = (await byTestId(page, `device-${id}`).innerText()).replace(/\s+/g, ' ').trim();
  return out;
}

export function linkStatus(page: Page, link: string): Promise<string | null> {
  return byTestId(page, `link-${link}`).first().getAttribute('data-status', { timeout: 5_000 });
}

/**
 * Waits until link `link` shows one of `statuses` in `data-status`. The failure message names
 * the status it last showed.
 */
export async function waitForLinkStatus(page: Page, link: string, statuses: string | string[], timeout = 15_000): Promise<void> {
  const wanted = Array.isArray(statuses) ? statuses : [statuses];
  await expect
    .poll(() => byTestId(page, `link-${link}`).first().getAttribute('data-status', { timeout: 1_000 }).catch(() => 'missing'), {
      message: `link-${link} data-status should become ${wanted.join(' | ')}`,
      timeout,
      interval: 100,
    })
    .toSatisfy((s: string | null) => s !== null && wanted.includes(s));
}

/** The centre of an element's bounding box, or a thrown error naming the testid. */
export async function centreOf(locator: Locator, what: string): Promise<{ x: number; y: number }> {
  await locator.waitFor({ state: 'attached', timeout: 5_000 });
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${what} has no bounding box (not visible)`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The canvas area (React Flow's root element). */
export function canvas(page: Page): Locator {
  return page.locator('.react-flow').first();
}

/**
 * Drags palette item `kind` (switch, router, host, upstream) onto the canvas at `at`, given
 * relative to the canvas' top-left corner, with a real HTML5 drag and drop.
 */
export async function dragFromPalette(page: Page, kind: string, at: { x: number; y: number }): Promise<void> {
  const source = byTestId(page, `palette-${kind}`);
  await source.waitFor({ timeout: 5_000 });
  await source.dragTo(canvas(page), { targetPosition: at });
}

/**
 * Wires two ports by dragging from one handle to the other with the mouse, as a student does
 * (down on the first handle, moves in steps, up on the second).
 */
export async function wire(page: Page, from: { device: string; port: string }, to: { device: string; port: string }): Promise<void> {
  const a = await centreOf(byTestId(page, `port-${from.device}-${from.port}`), `port-${from.device}-${from.port}`);
  const b = await centreOf(byTestId(page, `port-${to.device}-${to.port}`), `port-${to.device}-${to.port}`);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

/**
 * Clicks a link's edge where the pointer really reaches it: the first point along its path (from
 * the middle outwards) whose topmost element belongs to the link, so a LAG label or a crossing
 * link on the middle is stepped around. Modifiers are held on the keyboard meanwhile.
 */
export async function clickLink(page: Page, link: string, modifiers: ('Shift' | 'Control' | 'Meta')[] = []): Promise<void> {
  const edge = byTestId(page, `link-${link}`).first();
  await edge.waitFor({ state: 'attached', timeout: 5_000 });
  const point = await edge.evaluate((el) => {
    const path = el.querySelector('path');
    if (!path) return null;
    const matrix = path.getScreenCTM();
    const length = path.getTotalLength();
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
      const p = path.getPointAtLength(length * t);
      const { x, y } = matrix ? new DOMPoint(p.x, p.y).matrixTransform(matrix) : p;
      const hit = document.elementFromPoint(x, y);
      if (hit && el.contains(hit)) return { x, y };
    }
    return null;
  });
  if (!point) throw new Error(`link-${link}: no point along its path is reachable by the pointer`);
  await clickAt(page, point, modifiers);
}

/** A mouse click at page coordinates with modifier keys held. */
export async function clickAt(page: Page, at: { x: number; y: number }, modifiers: string[] = []): Promise<void> {
  for (const key of modifiers) await page.keyboard.down(key);
  await page.mouse.click(at.x, at.y);
  for (const key of [...modifiers].reverse()) await page.keyboard.up(key);
}

/**
 * The centre of the first element matching `selector` that is on top at its own centre (not
 * covered by another one), with its attributes; null when every match is covered or none exists.
 */
export async function topmostAtCentre(page: Page, selector: string): Promise<{ x: number; y: number; attrs: Record<string, string> } | null> {
  return page.evaluate((sel) => {
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      if (document.elementFromPoint(x, y) !== el) continue;
      return { x, y, attrs: Object.fromEntries(Array.from(el.attributes, (a) => [a.name, a.value])) };
    }
    return null;
  }, selector);
}

// ---- panels -----------------------------------------------------------------------------------

/**
 * The clock as virtual milliseconds: from a `data-ms` / `data-t` attribute if the clock has one,
 * else parsed from its text (`12.345 s`, `1:02.5`, `850 ms`, `00:01:02.500`).
 */
export async function readClock(page: Page): Promise<{ text: string; ms: number }> {
  const clock = byTestId(page, 'clock');
  const text = (await clock.innerText({ timeout: 5_000 })).trim();
  const attr = (await clock.getAttribute('data-ms')) ?? (await clock.getAttribute('data-t'));
  if (attr !== null && Number.isFinite(Number(attr))) return { text, ms: Number(attr) };
  return { text, ms: parseClock(text) };
}

/** Waits until the clock holds still (after a pause reaches the worker and the UI). */
export async function waitForClockToStop(page: Page, timeout = 5_000): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const { text } = await readClock(page);
        const still = text === last;
        last = text;
        return still;
      },
      { message: 'the clock should stop', timeout, interval: 250 },
    )
    .toBe(true);
}

/** Virtual milliseconds from a clock text; NaN when no time is recognised. */
export function parseClock(text: string): number {
  const t = text.replace(/,/g, '.');
  const hms = /(\d+):(\d{1,2})(?::(\d{1,2}))?(?:\.(\d+))?/.exec(t);
  if (hms) {
    const parts = [hms[1], hms[2], hms[3]].filter((p): p is string => p !== undefined).map(Number);
    const whole = parts.reduce((acc, p) => acc * 60 + p, 0);
    return (whole + Number(`0.${hms[4] ?? '0'}`)) * 1000;
  }
  const unit = /(\d+(?:\.\d+)?)\s*(ms|s|초)\b/.exec(t) ?? /(\d+(?:\.\d+)?)\s*(ms|s|초)/.exec(t);
  if (unit) return Number(unit[1]) * (unit[2] === 'ms' ? 1 : 1000);
  const bare = /(\d+(?:\.\d+)?)/.exec(t);
  return bare ? Number(bare[1]) * 1000 : Number.NaN;
}

/**
 * Sets the speed slider. `'max'` / `'min'` press End / Home as a keyboard user does; a number is
 * a speed factor (10 = 10×): the slider's positions are searched (the scale may be logarithmic)
 * for the first one whose `aria-valuetext` reads at least that factor. Returns the value text.
 */
export async function setSpeed(page: Page, speed: 'max' | 'min' | number = 10): Promise<string> {
  const slider = byTestId(page, 'speed-slider');
  await slider.waitFor({ timeout: 5_000 });
  const valueText = async () => (await slider.getAttribute('aria-valuetext')) ?? (await slider.inputValue());
  if (speed === 'max' || speed === 'min') {
    await slider.focus();
    await slider.press(speed === 'max' ? 'End' : 'Home');
    return valueText();
  }
  const factorAt = async (position: number) => {
    await slider.evaluate((el, v) => {
      const input = el as HTMLInputElement;
      // The prototype's setter, so React's value tracker sees a change and fires onChange.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(v));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, position);
    const match = /\d+(?:[.,]\d+)?/.exec(await valueText());
    return match ? Number(match[0].replace(',', '.')) : Number.NaN;
  };
  let lo = Number((await slider.getAttribute('min')) ?? 0);
  let hi = Number((await slider.getAttribute('max')) ?? 100);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await factorAt(mid)) >= speed) hi = mid;
    else lo = mid;
  }
  await factorAt(hi);
  return valueText();
}

/** Palette items present (testid suffixes of `palette-*`). */
export function paletteKinds(page: Page): Promise<string[]> {
  return testIdsWithPrefix(page, 'palette-');
}

/** The autosaved document, if any. */
export async function autosavedDoc(page: Page): Promise<Topology | null> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY);
  if (raw === null) return null;
  return (JSON.parse(raw) as { doc: Topology }).doc;
}

// ---- labs and live attributes -------------------------------------------------------------------

/** Loads a shipped example (`examples/<id>.json`) through the toolbar's Examples menu. */
export async function loadExample(page: Page, id: string): Promise<void> {
  await byTestId(page, 'examples-menu').click();
  await page.locator(`[data-testid="example-item"][data-example="${id}"]`).click();
  await expect.poll(() => byTestId(page, 'examples-menu').getAttribute('aria-expanded'), { message: 'the Examples menu closes' }).toBe('false');
}

/** Loads a lab document through the toolbar's import input, as a student picking a file does. */
export async function importLabDoc(page: Page, doc: Topology, name = 'lab.json'): Promise<void> {
  await byTestId(page, 'input-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
}

/**
 * Waits until the element with test id `id` has attribute `attr` equal to one of `values`; the
 * failure message names the value it last had.
 */
export async function waitForAttr(page: Page, id: string, attr: string, values: string | string[], timeout = 15_000): Promise<void> {
  const wanted = Array.isArray(values) ? values : [values];
  await expect
    .poll(() => byTestId(page, id).first().getAttribute(attr, { timeout: 1_000 }).catch(() => 'missing'), {
      message: `${id} ${attr} should become ${wanted.join(' | ')}`,
      timeout,
      interval: 100,
    })
    .toSatisfy((v: string | null) => v !== null && wanted.includes(v));
}
