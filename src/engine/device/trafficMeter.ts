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

interface Counts {
  link: SimLink;
  framesAB: number;
  framesBA: number;
  bytesAB: number;
  bytesBA: number;
  dropsAB: number;
  dropsBA: number;
  dropBytesAB: number;
  dropBytesBA: number;
  wasBusy: boolean;
}

const zeroCounts = (link: SimLink): Counts => ({ link, framesAB: 0, framesBA: 0, bytesAB: 0, bytesBA: 0, dropsAB: 0, dropsBA: 0, dropBytesAB: 0, dropBytesBA: 0, wasBusy: false });

export class TrafficMeter {
  private readonly counts = new Map<string, Counts>();
  private isTicking = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly emit: EventSink,
  ) {}

  readonly tap = (link: SimLink, from: SimPort, _t: number, frame: Uint8Array): void => {
    if (isControlFrame(frame)) return;
    const c = this.countsOf(link);
    if (from === link.a) {
      c.framesAB++;
      c.bytesAB += frame.length;
    } else {
      c.framesBA++;
      c.bytesBA += frame.length;
    }
  };

  /** A data frame the link's full transmit queue dropped. */
  readonly dropTap = (link: SimLink, from: SimPort, _t: number, frame: Uint8Array): void => {
    const c = this.countsOf(link);
    if (from === link.a) {
      c.dropsAB++;
      c.dropBytesAB += frame.length;
    } else {
      c.dropsBA++;
      c.dropBytesBA += frame.length;
    }
  };

  private countsOf(link: SimLink): Counts {
    let c = this.counts.get(link.id);
    if (!c) {
      c = zeroCounts(link);
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
      const isBusy = c.framesAB + c.framesBA + c.dropsAB + c.dropsBA > 0;
      if (isBusy || c.wasBusy) {
        const drops = c.dropsAB + c.dropsBA > 0 ? { dropsAB: c.dropsAB, dropsBA: c.dropsBA, dropBytesAB: c.dropBytesAB, dropBytesBA: c.dropBytesBA } : {};
        this.emit({ t: usToMs(this.scheduler.now), type: 'traffic', link: id, framesAB: c.framesAB, framesBA: c.framesBA, bytesAB: c.bytesAB, bytesBA: c.bytesBA, ...drops });
      }
      c.wasBusy = isBusy;
      busy ||= isBusy;
      c.framesAB = c.framesBA = c.bytesAB = c.bytesBA = c.dropsAB = c.dropsBA = c.dropBytesAB = c.dropBytesBA = 0;
      if (!isBusy) this.counts.delete(id);
    }
    this.isTicking = busy;
    if (busy) this.scheduler.after(TRAFFIC_INTERVAL_US, this.report);
  };
}
