/**
 * The "lost for 2.3 s" counters of hosts that cannot reach a target: one animation-frame loop for
 * all of them, writing each counter's text straight into its element when its tenth of a second
 * changes (zustand "transient updates"), so a counting host never re-renders its card. The loop
 * runs only while a counter is shown, and reads the interpolated virtual clock (paused = still).
 */
import { clockNow, useOverlayStore } from '../../store/overlayStore';

interface Counter {
  sinceMs: number;
  format: (tenths: number) => string;
  last: number;
}

const counters = new Map<HTMLElement, Counter>();
let frame = 0;

/** Tenths of a second lost at virtual time `now` (never negative). */
export function lostTenths(sinceMs: number, now: number): number {
  return Math.max(0, Math.floor((now - sinceMs) / 100));
}

/** The virtual clock now, as the counters read it. */
export function virtualNow(): number {
  return clockNow(useOverlayStore.getState(), performance.now());
}

function tick(): void {
  frame = 0;
  const now = virtualNow();
  for (const [el, c] of counters) {
    const tenths = lostTenths(c.sinceMs, now);
    if (tenths === c.last) continue;
    c.last = tenths;
    el.textContent = c.format(tenths);
  }
  schedule();
}

function schedule(): void {
  if (frame === 0 && counters.size > 0 && typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(tick);
}

/**
 * Keeps `el`'s text at `format(tenths lost since sinceMs)` until the returned function is called.
 * `format` gets whole tenths of a second (23 → "2.3 s").
 */
export function trackLost(el: HTMLElement, sinceMs: number, format: (tenths: number) => string): () => void {
  const tenths = lostTenths(sinceMs, virtualNow());
  counters.set(el, { sinceMs, format, last: tenths });
  el.textContent = format(tenths);
  schedule();
  return () => {
    counters.delete(el);
    if (counters.size === 0 && frame !== 0) {
      cancelAnimationFrame(frame);
      frame = 0;
    }
  };
}
