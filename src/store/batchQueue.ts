/**
 * The worker batches waiting for the next animation frame. A frame takes them in order, up to a
 * budget of state events (everything but LACPDUs, which only move dots and count), and may stop
 * inside a batch; the rest waits for the next frame. It also notices gaps in the batch numbers,
 * after which the bridge asks the worker for a snapshot.
 */
import type { SimEvent } from '../engine/events';
import type { BatchMessage } from '../worker/client';

export interface Share {
  events: SimEvent[];
  /** The last batch taken whole (its clock, running and speed now hold); null if none. */
  done: BatchMessage | null;
  /** A batch number was skipped. */
  gap: boolean;
}

export interface BatchQueue {
  push(batch: BatchMessage): void;
  readonly size: number;
  /** This frame's share: whole batches, then part of one when the budget runs out. */
  take(budget: number): Share;
  /** After a snapshot taken at `seq`: drops the batches it covers. */
  resetTo(seq: number): void;
  /** A new lab: numbering starts again. */
  restart(): void;
}

export function createBatchQueue(): BatchQueue {
  let queue: BatchMessage[] = [];
  /** Events of `queue[0]` already taken (a frame stopped inside that batch). */
  let offset = 0;
  let lastSeq = 0;
  return {
    push: (batch) => void queue.push(batch),
    get size() {
      return queue.length;
    },
    take(budget) {
      const share: Share = { events: [], done: null, gap: false };
      let left = budget;
      while (queue.length > 0) {
        const b = queue[0] as BatchMessage;
        if (b.seq !== lastSeq) {
          // First look at this batch (a frame may stop before its first event and come back).
          if (lastSeq !== 0 && b.seq !== lastSeq + 1) share.gap = true;
          lastSeq = b.seq;
        }
        for (; offset < b.events.length; offset++) {
          const e = b.events[offset] as SimEvent;
          if (e.type !== 'lacpdu' && left-- <= 0) return share;
          share.events.push(e);
        }
        queue.shift();
        offset = 0;
        share.done = b;
      }
      return share;
    },
    resetTo(seq) {
      const head = queue[0];
      lastSeq = seq;
      queue = queue.filter((b) => b.seq > seq);
      if (queue[0] !== head) offset = 0;
    },
    restart() {
      lastSeq = 0;
    },
  };
}
