/**
 * Counts the data frames each link carries per direction and reports them once a virtual
 * second as `traffic` events (control frames — LACPDUs, BPDUs — are not traffic). Links that were
 * busy and fall silent get one event with zeros, so the canvas can clear them.
 */
import type { EventSink } from '../events';
import type { Scheduler } from '../scheduler';
import { usToMs } from '../scheduler';
import type { SimLink, SimPort } from './types';

export const TRAFFIC_INTERVAL_US = 1_000_000;

interface Counts {
  link: SimLink;
  framesAB: number;
  framesBA: number;
  bytesAB: number;
  bytesBA: number;
  wasBusy: boolean;
}

/** Slow Protocols (0x8809) and 802.2 LLC frames to 01-80-C2-00-00-0x (BPDUs) are control. */
function isControl(frame: Uint8Array): boolean {
  const etherType = ((frame[12] ?? 0) << 8) | (frame[13] ?? 0);
  return etherType === 0x8809 || (frame[0] === 0x01 && frame[1] === 0x80 && frame[2] === 0xc2 && frame[3] === 0 && frame[4] === 0);
}

export class TrafficMeter {
  private readonly counts = new Map<string, Counts>();
  private isTicking = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly emit: EventSink,
  ) {}

  readonly tap = (link: SimLink, from: SimPort, _t: number, frame: Uint8Array): void => {
    if (isControl(frame)) return;
    let c = this.counts.get(link.id);
    if (!c) {
      c = { link, framesAB: 0, framesBA: 0, bytesAB: 0, bytesBA: 0, wasBusy: false };
      this.counts.set(link.id, c);
    }
    if (from === link.a) {
      c.framesAB++;
      c.bytesAB += frame.length;
    } else {
      c.framesBA++;
      c.bytesBA += frame.length;
    }
    if (!this.isTicking) {
      this.isTicking = true;
      this.scheduler.after(TRAFFIC_INTERVAL_US, this.report);
    }
  };

  private readonly report = (): void => {
    let busy = false;
    for (const [id, c] of this.counts) {
      const isBusy = c.framesAB + c.framesBA > 0;
      if (isBusy || c.wasBusy) {
        this.emit({ t: usToMs(this.scheduler.now), type: 'traffic', link: id, framesAB: c.framesAB, framesBA: c.framesBA, bytesAB: c.bytesAB, bytesBA: c.bytesBA });
      }
      c.wasBusy = isBusy;
      busy ||= isBusy;
      c.framesAB = c.framesBA = c.bytesAB = c.bytesBA = 0;
      if (!isBusy) this.counts.delete(id);
    }
    this.isTicking = busy;
    if (busy) this.scheduler.after(TRAFFIC_INTERVAL_US, this.report);
  };
}
