/**
 * `npm run bench`: engine speed and memory on a generated lab. Prints figures; asserts nothing
 * (speed targets live here, never in tests). Target (issue 2): ≥ 100× real time and < 200 MB for
 * 500 switches and 2,000 LACP member links at the fast rate.
 */
import { performance } from 'node:perf_hooks';
import type { SimEventType } from '../src/engine';
import { Simulation } from '../src/engine';
import { lacpRing } from './lacpRing';

interface Figures {
  label: string;
  buildMs: number;
  virtualS: number;
  wallS: number;
  schedulerEvents: number;
  streamEvents: number;
  heapMB: number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heapMB(): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function measure(label: string, virtualS: number, events?: SimEventType[]): Figures {
  const doc = lacpRing(500, 4);
  const heapBefore = heapMB();
  const t0 = performance.now();
  const sim = new Simulation(doc, events ? { events } : {});
  let streamEvents = 0;
  sim.onEvent(() => streamEvents++);
  const t1 = performance.now();
  sim.runUntil(virtualS * 1000);
  const t2 = performance.now();
  const heap = heapMB() - heapBefore;
  const up = sim.lags().filter((l) => l.up).length;
  if (up !== 1000) throw new Error(`expected 1000 LAGs up, got ${up}`);
  return { label, buildMs: t1 - t0, virtualS, wallS: (t2 - t1) / 1000, schedulerEvents: sim.scheduler.executed, streamEvents, heapMB: heap };
}

function print(f: Figures): void {
  const rt = f.virtualS / f.wallS;
  console.log(`${f.label}`);
  console.log(`  build ${f.buildMs.toFixed(0)} ms · ran ${f.virtualS} virtual s in ${f.wallS.toFixed(2)} wall s → ${rt.toFixed(0)}× real time ${rt >= 100 ? '(target ≥ 100×: met)' : '(target ≥ 100×: MISSED)'}`);
  console.log(`  scheduler events ${f.schedulerEvents.toLocaleString('en')} → ${(f.schedulerEvents / f.wallS).toFixed(0)} /wall s · stream events ${f.streamEvents.toLocaleString('en')} → ${(f.streamEvents / f.wallS).toFixed(0)} /wall s`);
  console.log(`  heap held by the lab ${f.heapMB.toFixed(1)} MB ${f.heapMB < 200 ? '(target < 200 MB: met)' : '(target < 200 MB: MISSED)'} · process RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
}

const virtualS = Number(process.env.BENCH_SECONDS ?? 120);
console.log(`TopoLab engine benchmark — 500 switches, 1,000 LAGs, 2,000 LACP member links at the fast rate (node ${process.version})`);
if (!(globalThis as { gc?: unknown }).gc) console.log('  (run with --expose-gc for exact heap figures)');
print(measure('every event on the stream (as the CLI --json sees it):', virtualS));
print(measure('state events only (no per-LACPDU events, as the canvas needs for a big lab):', virtualS, ['link', 'fault', 'lacp', 'lag']));
