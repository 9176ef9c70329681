/**
 * Discrete-event scheduler with a virtual clock. Time is an integer number of microseconds
 * (`VirtualUs`) so sums never drift; events fire in (time, insertion order), which makes runs
 * byte-for-byte repeatable (DESIGN.md §5 "deterministic").
 */

/** Virtual time in integer microseconds. */
export type VirtualUs = number;

/** Converts milliseconds (possibly fractional) to virtual microseconds, rounding to 1 µs. */
export function msToUs(ms: number): VirtualUs {
  return Math.round(ms * 1000);
}

/** Converts virtual microseconds to milliseconds, as the event stream reports time. */
export function usToMs(us: VirtualUs): number {
  return us / 1000;
}

/**
 * Something scheduled; `cancel()` makes the scheduler skip it. Hot paths subclass it (one object
 * per frame in flight instead of an event plus a closure); others pass a function to `at`.
 */
export abstract class ScheduledEvent {
  /** @internal */ cancelled = false;
  /** @internal */ time: VirtualUs = 0;
  /** @internal insertion order: breaks ties between events at the same time. */
  seq = 0;

  cancel(): void {
    this.cancelled = true;
  }

  /** What happens when the event's time comes. */
  abstract run(): void;
}

class FnEvent extends ScheduledEvent {
  constructor(private readonly fn: () => void) {
    super();
  }
  run(): void {
    this.fn();
  }
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

/** A binary min-heap of events ordered by (time, seq), with a virtual clock. */
export class Scheduler {
  private heap: ScheduledEvent[] = [];
  private nextSeq = 0;
  private current: VirtualUs = 0;
  /** Events run so far (for benchmarks). */
  executed = 0;

  /** The virtual time now. */
  get now(): VirtualUs {
    return this.current;
  }

  /** Events waiting (cancelled ones included until they reach the top). */
  get pending(): number {
    return this.heap.length;
  }

  /** Runs `fn` at absolute virtual time `time` (never in the past). */
  at(time: VirtualUs, fn: () => void): ScheduledEvent {
    return this.schedule(new FnEvent(fn), time);
  }

  /** Schedules an event object at absolute virtual time `time` (never in the past). */
  schedule<E extends ScheduledEvent>(ev: E, time: VirtualUs): E {
    ev.time = Math.max(time, this.current);
    ev.seq = this.nextSeq++;
    ev.cancelled = false;
    this.push(ev);
    return ev;
  }

  /** Runs `fn` after `delay` microseconds. */
  after(delay: VirtualUs, fn: () => void): ScheduledEvent {
    return this.at(this.current + delay, fn);
  }

  /** Time of the next live event, or undefined when nothing is scheduled. */
  nextTime(): VirtualUs | undefined {
    this.dropCancelled();
    return this.heap[0]?.time;
  }

  /** Runs the next live event; returns false when there is none. */
  step(): boolean {
    this.dropCancelled();
    const ev = this.pop();
    if (!ev) return false;
    this.current = ev.time;
    this.executed++;
    ev.run();
    return true;
  }

  /** Runs every event with time ≤ `until`, then sets the clock to `until`. */
  runUntil(until: VirtualUs): void {
    for (;;) {
      const top = this.heap[0];
      if (!top || top.time > until) break;
      this.pop();
      if (top.cancelled) continue;
      this.current = top.time;
      this.executed++;
      top.run();
    }
    if (until > this.current) this.current = until;
  }

  private dropCancelled(): void {
    while (this.heap[0]?.cancelled) this.pop();
  }

  private push(ev: ScheduledEvent): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(ev);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as ScheduledEvent;
      if (!before(ev, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = ev;
  }

  private pop(): ScheduledEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r] as ScheduledEvent, heap[l] as ScheduledEvent) ? r : l;
      const c = heap[child] as ScheduledEvent;
      if (!before(c, last)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
