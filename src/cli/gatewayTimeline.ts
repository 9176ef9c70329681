/**
 * The first-hop part of the timeline fold: VRRP members' states, the advertisements sent, the
 * hosts' reachability and their measured outages. It keeps the last state of each (the final
 * sections print them) and says which events are worth a timeline line. It keeps data, not
 * text; gatewaySummary.ts owns the wording.
 */
import type { OutageEvent, ProbeEvent, SimEvent, VrrpEvent } from '../engine';

export type GatewayEntry =
  | { kind: 'vrrp'; t: number; event: VrrpEvent; from: VrrpEvent | undefined }
  | { kind: 'probe'; t: number; event: ProbeEvent }
  | { kind: 'outage'; t: number; event: OutageEvent };

const memberKey = (e: VrrpEvent): string => `${e.group ?? e.vrid} ${e.device} ${e.port ?? ''}`;

export class GatewayFold {
  /** Last `vrrp` event per group member, in the order members first reported. */
  readonly vrrp = new Map<string, VrrpEvent>();
  /** Advertisements each group's routers sent (counted once, on the sender's own link). */
  readonly adverts = new Map<string, number>();
  /** Last `probe` event per host and target. */
  readonly probes = new Map<string, ProbeEvent>();
  /** Every measured outage, in order. */
  readonly outages: OutageEvent[] = [];

  /** Folds one event; returns the lines it is worth (a priority-only or Master-learned change is one too). */
  add(event: SimEvent): GatewayEntry[] {
    if (event.type === 'vrrpAdvert') {
      if (event.from.device === event.device) this.adverts.set(event.group, (this.adverts.get(event.group) ?? 0) + 1);
      return [];
    }
    if (event.type === 'probe') {
      this.probes.set(`${event.host} ${event.target}`, event);
      return [{ kind: 'probe', t: event.t, event }];
    }
    if (event.type === 'outage') {
      this.outages.push(event);
      return [{ kind: 'outage', t: event.t, event }];
    }
    if (event.type !== 'vrrp') return [];
    const key = memberKey(event);
    const from = this.vrrp.get(key);
    this.vrrp.set(key, event);
    // A Backup learning who the Master is repeats what the Master's own line said.
    if (from && event.reason === 'newMaster' && from.state === event.state) return [];
    return [{ kind: 'vrrp', t: event.t, event, from }];
  }
}
