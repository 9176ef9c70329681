/**
 * Counts the data frames each link carries per direction, and those its full transmit queues drop
 * (txQueue.ts), and reports them once a virtual second as `traffic` events (control frames —
 * LACPDUs, BPDUs — are not traffic). Links that were busy and fall silent get one event with
 * zeros, so the canvas can clear them.
 */
import type { EventSink } from '../events';
import type { Scheduler } from '../scheduler';
import { usToMs } from '../scheduler';
import { isControlFrame } from './txQueue';
import type { SimLink, SimPort } from './types';

export const TRAFFIC_INTERVAL_US = 1_000_000;

/** Frames and bytes one way: index 0 from the link's `a` end to `b`, 1 the other way. */
interface Tally {
  frames: [number, number];
  bytes: [number, number];
}

interface Counts {
  link: SimLink;
  carried: Tally;
  dropped: Tally;
  wasBusy: boolean;
}

const zeroTally = (): Tally => ({ frames: [0, 0], bytes: [0, 0] });

export class TrafficMeter {
  private readonly counts = new Map<string, Counts>();
  private isTicking = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly emit: EventSink,
  ) {}

  readonly tap = (link: SimLink, from: SimPort, _t: number, frame: Uint8Array): void => {
    if (!isControlFrame(frame)) this.add(this.countsOf(link).carried, link, from, frame);
  };

  /** A data frame the link's full transmit queue dropped. */
  readonly dropTap = (link: SimLink, from: SimPort, _t: number, frame: Uint8Array): void => {
    this.add(this.countsOf(link).dropped, link, from, frame);
  };

  private add(tally: Tally, link: SimLink, from: SimPort, frame: Uint8Array): void {
    const dir = from === link.a ? 0 : 1;
    tally.frames[dir]++;
    tally.bytes[dir] += frame.length;
  }

  private countsOf(link: SimLink): Counts {
    let c = this.counts.get(link.id);
    if (!c) {
      c = { link, carried: zeroTally(), dropped: zeroTally(), wasBusy: false };
      this.counts.set(link.id, c);
    }
    if (!this.isTicking) {
      this.isTicking = true;
      this.scheduler.after(TRAFFIC_INTERVAL_US, this.report);
    }
    return c;
  }

  private readonly report = (): void => {
    let busy = false;
    for (const [id, c] of this.counts) {
      const { carried, dropped } = c;
      const drops = dropped.frames[0] + dropped.frames[1];
      const isBusy = carried.frames[0] + carried.frames[1] + drops > 0;
      if (isBusy || c.wasBusy) {
        const dropFields = drops > 0 ? { dropsAB: dropped.frames[0], dropsBA: dropped.frames[1], dropBytesAB: dropped.bytes[0], dropBytesBA: dropped.bytes[1] } : {};
        this.emit({ t: usToMs(this.scheduler.now), type: 'traffic', link: id, framesAB: carried.frames[0], framesBA: carried.frames[1], bytesAB: carried.bytes[0], bytesBA: carried.bytes[1], ...dropFields });
      }
      c.wasBusy = isBusy;
      busy ||= isBusy;
      c.carried = zeroTally();
      c.dropped = zeroTally();
      if (!isBusy) this.counts.delete(id);
    }
    this.isTicking = busy;
    if (busy) this.scheduler.after(TRAFFIC_INTERVAL_US, this.report);
  };
}
