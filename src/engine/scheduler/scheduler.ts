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

/** Events due at one instant, in insertion order; `head` is the next one to run. */
interface Bucket {
  readonly events: ScheduledEvent[];
  head: number;
}

/**
 * The queue: a min-heap of the distinct times that have events, and for each time a FIFO bucket.
 * Events at one instant run in insertion order, which is exactly (time, seq) order, and the many
 * events that share an instant (every port's periodic timer, say) cost an array push, not a heap
 * insertion.
 */
export class Scheduler {
  private readonly times: VirtualUs[] = [];
  private readonly buckets = new Map<VirtualUs, Bucket>();
  private nextSeq = 0;
  private current: VirtualUs = 0;
  private queued = 0;
  /** Events run so far (for benchmarks). */
  executed = 0;

  /** The virtual time now. */
  get now(): VirtualUs {
    return this.current;
  }

  /** Events waiting (cancelled ones included until their time comes). */
  get pending(): number {
    return this.queued;
  }

  /** Runs `fn` at absolute virtual time `time` (never in the past). */
  at(time: VirtualUs, fn: () => void): ScheduledEvent {
    return this.schedule(new FnEvent(fn), time);
  }

  /** Schedules an event object at absolute virtual time `time` (never in the past). */
  schedule<E extends ScheduledEvent>(ev: E, time: VirtualUs): E {
    const t = Math.max(time, this.current);
    ev.time = t;
    ev.seq = this.nextSeq++;
    ev.cancelled = false;
    const bucket = this.buckets.get(t);
    if (bucket) bucket.events.push(ev);
    else {
      this.buckets.set(t, { events: [ev], head: 0 });
      this.pushTime(t);
    }
    this.queued++;
    return ev;
  }

  /** Runs `fn` after `delay` microseconds. */
  after(delay: VirtualUs, fn: () => void): ScheduledEvent {
    return this.at(this.current + delay, fn);
  }

  /** Time of the next live event, or undefined when nothing is scheduled. */
  nextTime(): VirtualUs | undefined {
    return this.peek()?.time;
  }

  /** Runs the next live event; returns false when there is none. */
  step(): boolean {
    const ev = this.peek();
    if (!ev) return false;
    this.take();
    this.run(ev);
    return true;
  }

  /** Runs every event with time ≤ `until`, then sets the clock to `until`. */
  runUntil(until: VirtualUs): void {
    for (;;) {
      const t = this.times[0];
      if (t === undefined || t > until) break;
      const bucket = this.buckets.get(t) as Bucket;
      this.current = t;
      // The bucket may grow while it runs (events scheduled for now): they run in turn.
      while (bucket.head < bucket.events.length) {
        const ev = bucket.events[bucket.head++] as ScheduledEvent;
        this.queued--;
        if (!ev.cancelled) this.run(ev);
      }
      this.buckets.delete(t);
      this.popTime();
    }
    if (until > this.current) this.current = until;
  }

  private run(ev: ScheduledEvent): void {
    this.current = ev.time;
    this.executed++;
    ev.run();
  }

  /** The next live event without running it (drops cancelled ones on the way). */
  private peek(): ScheduledEvent | undefined {
    for (;;) {
      const t = this.times[0];
      if (t === undefined) return undefined;
      const bucket = this.buckets.get(t) as Bucket;
      while (bucket.head < bucket.events.length) {
        const ev = bucket.events[bucket.head] as ScheduledEvent;
        if (!ev.cancelled) return ev;
        bucket.head++;
        this.queued--;
      }
      this.buckets.delete(t);
      this.popTime();
    }
  }

  /** Removes the event `peek()` returned. */
  private take(): void {
    const t = this.times[0] as VirtualUs;
    const bucket = this.buckets.get(t) as Bucket;
    bucket.head++;
    this.queued--;
    if (bucket.head >= bucket.events.length) {
      this.buckets.delete(t);
      this.popTime();
    }
  }

  private pushTime(t: VirtualUs): void {
    const heap = this.times;
    let i = heap.length;
    heap.push(t);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as VirtualUs;
      if (p <= t) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = t;
  }

  private popTime(): void {
    const heap = this.times;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && (heap[r] as VirtualUs) < (heap[l] as VirtualUs) ? r : l;
      const c = heap[child] as VirtualUs;
      if (c >= last) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
  }
}
