/** A LabRunner on a fake endpoint, with a hand-driven wall clock and ticker (worker tests). */
import type { Endpoint, UiToWorker, WorkerToUi } from '../../src/worker/protocol';
import type { Ticker } from '../../src/worker/runner';
import { LabRunner } from '../../src/worker/runner';

export function runnerHarness() {
  const out: WorkerToUi[] = [];
  let listener: ((e: { data: unknown }) => void) | null = null;
  const endpoint: Endpoint = {
    postMessage: (m) => out.push(m),
    addEventListener: (_t, l) => (listener = l),
  };
  let wall = 0;
  let tickFn: (() => void) | null = null;
  const ticker: Ticker = { start: (fn) => (tickFn = fn), stop: () => (tickFn = null) };
  new LabRunner(endpoint, { now: () => wall }, ticker);
  const send = (m: UiToWorker) => listener?.({ data: m });
  /** One 16 ms tick of wall time. */
  const tick = () => {
    wall += 16;
    tickFn?.();
  };
  /** Advances wall time in 16 ms ticks. */
  const advance = (ms: number) => {
    for (let t = 0; t < ms; t += 16) tick();
  };
  const of = <T extends WorkerToUi['type']>(type: T) => out.filter((m): m is Extract<WorkerToUi, { type: T }> => m.type === type);
  const batches = () => of('batch');
  return { out, send, tick, advance, of, batches };
}
