/**
 * Keeps log lines' and timeline marks' identity across refreshes: an item that reads the same as
 * last time is handed back as last time's object, so memoized rows (LogRow, the strip's marks)
 * skip re-rendering (like derive.ts does for React Flow's nodes and edges).
 */
import type { LogLine } from './describe';

/** Makes a stabilizer of items with an `id`, with its own memory of the last list. */
export function createStabilizer<T extends { id: number }>(same: (a: T, b: T) => boolean): (items: readonly T[]) => T[] {
  let before = new Map<number, T>();
  return (items) => {
    const out = items.map((item) => {
      const old = before.get(item.id);
      return old && same(old, item) ? old : item;
    });
    before = new Map(out.map((item) => [item.id, item]));
    return out;
  };
}

function sameLine(a: LogLine, b: LogLine): boolean {
  return a.text === b.text && a.tone === b.tone && a.t === b.t && a.type === b.type && JSON.stringify(a.target) === JSON.stringify(b.target);
}

/** A stabilizer for the event log's lines. */
export function createLineStabilizer(): (lines: readonly LogLine[]) => LogLine[] {
  return createStabilizer(sameLine);
}
