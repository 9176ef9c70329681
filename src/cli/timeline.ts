/**
 * Folds the event stream into what the readable summary needs: the notable events (faults,
 * links, LAG changes, member status changes, and through L2Fold spanning tree, bonds, MC-LAG
 * and flows), LACPDU counts per link and sender, and which devices are muted at the end. It
 * keeps data, not text; summary.ts and l2Summary.ts own the wording.
 */
import type { FaultEvent, LacpEvent, LacpPortStatus, LacpReason, LagEvent, LinkEvent, SimEvent } from '../engine';
import type { GatewayEntry } from './gatewayTimeline';
import { GatewayFold } from './gatewayTimeline';
import type { L2Change, L2Entry } from './l2Timeline';
import { L2Fold, mergeL2 } from './l2Timeline';
import { formatSeconds } from './time';

/** A member's one-word status and why (the part of a `lacp` event the timeline shows). */
export interface MemberView {
  status: LacpPortStatus;
  reason: LacpReason | undefined;
  /** Churn detected (802.1AX 5.4.17). */
  churn: boolean;
}

export type TimelineEntry =
  | { kind: 'fault'; t: number; event: FaultEvent }
  | { kind: 'link'; t: number; event: LinkEvent }
  | { kind: 'lag'; t: number; event: LagEvent; wasUp: boolean | undefined }
  | { kind: 'member'; t: number; device: string; lag: string; port: string; from: MemberView; to: MemberView }
  | L2Entry
  | GatewayEntry;

/** LACPDUs one link carried, by sending device. */
export type PduCounts = Map<string, Map<string, number>>;

function sameView(a: MemberView, b: MemberView): boolean {
  return a.status === b.status && a.reason === b.reason && a.churn === b.churn;
}

export class Timeline {
  private readonly list: (TimelineEntry | null)[] = [];
  /** Last status seen per `device port`; the first report of a port is its silent baseline. */
  private readonly members = new Map<string, MemberView>();
  private readonly lagUp = new Map<string, boolean>();
  /**
   * Entries at the current displayed instant (the millisecond the summary prints), by key:
   * changes of one member or LAG within it merge into one line, from the first state to the last.
   */
  private bucket = new Map<string, number>();
  private bucketTime = '';
  readonly pdus: PduCounts = new Map();
  /** Devices whose control plane is muted at the end, with the time it happened. */
  readonly muted = new Map<string, number>();
  /** Devices failed (powered off) at the end, with the time it happened. */
  readonly failed = new Map<string, number>();
  /** Spanning tree, bonds, MC-LAG, flows and link load: their last state. */
  readonly l2 = new L2Fold();
  /** VRRP (and later probes): their last state. */
  readonly gateway = new GatewayFold();

  /** Takes the next event of the stream. */
  add(event: SimEvent): void {
    const shown = formatSeconds(event.t);
    if (shown !== this.bucketTime) {
      this.bucket = new Map();
      this.bucketTime = shown;
    }
    switch (event.type) {
      case 'lacpdu':
        this.countPdu(event.link, event.from.device);
        break;
      case 'fault':
        this.noteFault(event);
        this.list.push({ kind: 'fault', t: event.t, event });
        break;
      case 'link':
        this.list.push({ kind: 'link', t: event.t, event });
        break;
      case 'lag':
        this.addLag(event);
        break;
      case 'lacp':
        this.addMember(event);
        break;
      default:
        for (const change of this.l2.add(event)) this.addL2(change);
        for (const entry of this.gateway.add(event)) this.list.push(entry);
    }
  }

  /** A layer-2 change; changes of one key within the displayed instant merge into one line. */
  private addL2({ key, entry }: L2Change): void {
    const at = this.bucket.get(key);
    const earlier = at === undefined ? undefined : this.list[at];
    if (at !== undefined && earlier && earlier.kind === entry.kind) {
      this.list[at] = mergeL2(earlier, entry);
      if (this.list[at] === null) this.bucket.delete(key);
      return;
    }
    this.bucket.set(key, this.list.length);
    this.list.push(entry);
  }

  /** The notable events, in time order. */
  entries(): TimelineEntry[] {
    return this.list.filter((e): e is TimelineEntry => e !== null);
  }

  /** Total LACPDUs counted. */
  get pduTotal(): number {
    let total = 0;
    for (const bySender of this.pdus.values()) for (const n of bySender.values()) total += n;
    return total;
  }

  private countPdu(link: string, from: string): void {
    let bySender = this.pdus.get(link);
    if (!bySender) {
      bySender = new Map();
      this.pdus.set(link, bySender);
    }
    bySender.set(from, (bySender.get(from) ?? 0) + 1);
  }

  private noteFault(event: FaultEvent): void {
    if (event.kind !== 'device') return;
    const since = event.action === 'mute' ? this.muted : event.action === 'fail' ? this.failed : undefined;
    if (since && !since.has(event.target)) since.set(event.target, event.t);
    if (event.action === 'unmute') this.muted.delete(event.target);
    if (event.action === 'restore') this.failed.delete(event.target);
  }

  private addLag(event: LagEvent): void {
    const key = `lag ${event.device} ${event.lag}`;
    const wasUp = this.lagUp.get(key);
    this.lagUp.set(key, event.up);
    const at = this.bucket.get(key);
    const earlier = at === undefined ? undefined : this.list[at];
    if (at !== undefined && earlier?.kind === 'lag') {
      this.list[at] = { ...earlier, event };
      return;
    }
    this.bucket.set(key, this.list.length);
    this.list.push({ kind: 'lag', t: event.t, event, wasUp });
  }

  private addMember(event: LacpEvent): void {
    const key = `member ${event.device} ${event.port}`;
    const to: MemberView = { status: event.status, reason: event.reason, churn: event.churn === true };
    const from = this.members.get(key);
    this.members.set(key, to);
    if (!from || sameView(from, to)) return;
    const at = this.bucket.get(key);
    const earlier = at === undefined ? undefined : this.list[at];
    if (at !== undefined && earlier?.kind === 'member') {
      this.list[at] = sameView(earlier.from, to) ? null : { ...earlier, to };
      if (this.list[at] === null) this.bucket.delete(key);
      return;
    }
    this.bucket.set(key, this.list.length);
    this.list.push({ kind: 'member', t: event.t, device: event.device, lag: event.lag, port: event.port, from, to });
  }
}
