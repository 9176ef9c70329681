/**
 * Follows each flow datagram across the network. Frames are immutable byte arrays that bridges
 * relay without copying, so the same object crosses every link of its path: a WeakMap from the
 * frame to its flow records the links it was put on, and the receiving host reports delivery.
 * Emits a `flow` event when a flow's delivered path or its state (ok / lost) changes. A datagram a
 * full transmit buffer drops (txQueue.ts) is congestion, not a broken path: it does not count
 * towards `lost`, so a flow through an overloaded link stays ok (the links' meters report the
 * share dropped) instead of flapping between ok and lost.
 */
import type { ResolvedFlow } from '../../model';
import type { SimLink } from '../device/types';
import type { EventSink } from '../events';
import type { Scheduler } from '../scheduler';
import { usToMs } from '../scheduler';

/** A flow is lost when this many datagrams in a row were sent and none delivered (congestion drops aside). */
export const LOST_AFTER = 3;

interface FlowState {
  readonly flow: ResolvedFlow;
  sent: number;
  lastDelivered: number;
  /** Datagrams after `lastDelivered` that a full transmit buffer dropped. */
  congested: number[];
  state: 'ok' | 'lost' | 'new';
  path: string;
}

interface InFlight {
  state: FlowState;
  seq: number;
  links: string[];
}

export class FlowTracker {
  private readonly frames = new WeakMap<Uint8Array, InFlight>();
  private readonly flows = new Map<string, FlowState>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly emit: EventSink,
  ) {}

  /** A host put a datagram of `flow` on the wire (or queued it behind ARP). */
  sent(flow: ResolvedFlow, frame: Uint8Array | null): void {
    let s = this.flows.get(flow.id);
    if (!s) {
      s = { flow, sent: 0, lastDelivered: 0, congested: [], state: 'new', path: '' };
      this.flows.set(flow.id, s);
    }
    s.sent++;
    if (frame) this.frames.set(frame, { state: s, seq: s.sent, links: [] });
    if (s.state !== 'lost' && s.sent - s.lastDelivered - s.congested.length > LOST_AFTER) {
      s.state = 'lost';
      s.path = '';
      this.report(s, []);
    }
  }

  /** Network tap: the frame was put on `link`. */
  readonly tap = (link: SimLink, _from: unknown, _t: number, frame: Uint8Array): void => {
    const rec = this.frames.get(frame);
    if (rec && rec.links[rec.links.length - 1] !== link.id) rec.links.push(link.id);
  };

  /** Network drop tap: a full transmit buffer dropped the frame (congestion, not a broken path). */
  readonly dropTap = (_link: SimLink, _from: unknown, _t: number, frame: Uint8Array): void => {
    const rec = this.frames.get(frame);
    if (!rec) return;
    const s = rec.state;
    if (rec.seq > s.lastDelivered && !s.congested.includes(rec.seq)) s.congested.push(rec.seq);
  };

  /**
   * A router forwarded the datagram: `to` is the frame it put on the next link (new MACs, TTL − 1).
   * The datagram keeps its record, so its path runs on across the router.
   */
  relay(from: Uint8Array, to: Uint8Array): void {
    const rec = this.frames.get(from);
    if (rec) this.frames.set(to, rec);
  }

  /** The destination host received the frame. */
  delivered(frame: Uint8Array): void {
    const rec = this.frames.get(frame);
    if (!rec || rec.seq <= rec.state.lastDelivered) return;
    const s = rec.state;
    s.lastDelivered = rec.seq;
    if (s.congested.length > 0) s.congested = s.congested.filter((seq) => seq > rec.seq);
    const path = rec.links.join(',');
    if (s.state === 'ok' && path === s.path) return;
    s.state = 'ok';
    s.path = path;
    this.report(s, rec.links);
  }

  private report(s: FlowState, path: string[]): void {
    this.emit({ t: usToMs(this.scheduler.now), type: 'flow', flow: s.flow.id, from: s.flow.from, to: s.flow.to, state: s.state === 'lost' ? 'lost' : 'ok', path: [...path] });
  }
}
