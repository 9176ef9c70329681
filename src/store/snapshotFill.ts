/**
 * A big lab's first snapshot, written into the overlay a budget of entries per frame instead of
 * all at once. Right after a load every link, port, LAG and device changes from "no word yet" to
 * its state; in one frame that re-renders the whole canvas and freezes the page for a moment.
 * Filled in over a few frames, it looks like the lab coming up. The fill runs before any batch
 * that came after the snapshot (the bridge holds them back), so nothing newer is overwritten.
 */
import type { OverlayData } from './overlayReducer';

type Maps = Pick<OverlayData, (typeof FILLED)[number]>;

const FILLED = ['links', 'devices', 'ports', 'lags', 'stp', 'bonds', 'mclags', 'flows', 'traffic', 'vrrp', 'probes', 'outages'] as const;
type Entry = { [K in keyof Maps]: { map: K; key: string; value: Maps[K][string] } }[keyof Maps];

export interface SnapshotFill {
  /** Entries still to write. */
  readonly size: number;
  /** Starts filling `full` in; returns the empty maps to show until then. */
  start(full: Maps): Maps;
  clear(): void;
  /** Writes up to `budget` entries into (copies of) the state's maps. */
  apply(state: Maps, budget: number): Partial<Maps>;
}

export function createSnapshotFill(): SnapshotFill {
  let entries: Entry[] = [];
  let next = 0;
  return {
    get size() {
      return entries.length - next;
    },
    start(full) {
      entries = [];
      next = 0;
      for (const map of FILLED) {
        const values: Record<string, unknown> = full[map];
        for (const key of Object.keys(values)) entries.push({ map, key, value: values[key] } as Entry);
      }
      return { links: {}, devices: {}, ports: {}, lags: {}, stp: {}, bonds: {}, mclags: {}, flows: {}, traffic: {}, vrrp: {}, probes: {}, outages: {} };
    },
    clear() {
      entries = [];
      next = 0;
    },
    apply(state, budget) {
      const out: Partial<Record<keyof Maps, Record<string, unknown>>> = {};
      const end = Math.min(entries.length, next + budget);
      for (; next < end; next++) {
        const e = entries[next] as Entry;
        const map = (out[e.map] ??= { ...state[e.map] });
        map[e.key] = e.value;
      }
      if (next >= entries.length) {
        entries = [];
        next = 0;
      }
      return out as Partial<Maps>;
    },
  };
}
