/** The worker's entry point: a LabRunner on the worker's own endpoint, ticking every ~16 ms. */
import type { Ticker } from './runner';
import { LabRunner } from './runner';

const FRAME_MS = 16;

function intervalTicker(): Ticker {
  let handle: ReturnType<typeof setInterval> | null = null;
  return {
    start(fn) {
      if (handle === null) handle = setInterval(fn, FRAME_MS);
    },
    stop() {
      if (handle !== null) clearInterval(handle);
      handle = null;
    },
  };
}

new LabRunner(self, performance, intervalTicker());
