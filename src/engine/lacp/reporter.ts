/**
 * Turns machine states into `lacp` and `lag` events, emitting only what changed since the last
 * report, so the stream says exactly when each member and each aggregate moved.
 */
import { stateNames as lacpStateNames } from './stateNames';
import type { EventSink, LagEvent } from '../events';
import type { Scheduler } from '../scheduler';
import { usToMs } from '../scheduler';
import type { LacpAggregator } from './aggregator';
import type { LacpPort, PortReport } from './lacpPort';
import { portStatus } from './status';

/** True when the last report still describes the port (compared field by field, no allocation). */
function unchanged(r: PortReport, p: LacpPort, status: string, reason: string | undefined): boolean {
  return r.status === status && r.reason === reason && r.rx === p.rx && r.mux === p.mux && r.selected === p.selected && r.periodic === p.periodic && r.churn === p.churn && r.actorState === p.actorState && r.partnerState === p.partner.state && r.partnerSystem === p.partner.system && r.partnerKey === p.partner.key && r.partnerPort === p.partner.port;
}

/** A LAG's aggregate as last reported. */
interface LagReport {
  up: boolean;
  active: string;
  standby: string;
  partner: string | undefined;
}

export class LacpReporter {
  private readonly lagReports = new Map<LacpAggregator, LagReport>();
  /** Aggregators whose `lag` event is due at the end of the current instant. */
  private readonly pendingLags = new Set<LacpAggregator>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly emit: EventSink,
    private readonly wantsPortEvents: boolean,
  ) {}

  /**
   * Emits `lacp` events for members whose state changed now, and checks the aggregate once all
   * events of this instant have run, so members that join together give one `lag` event.
   */
  report(agg: LacpAggregator): void {
    let statusChanged = false;
    for (const p of agg.ports) statusChanged = this.reportPort(agg, p) || statusChanged;
    if (!statusChanged || this.pendingLags.has(agg)) return;
    this.pendingLags.add(agg);
    this.scheduler.at(this.scheduler.now, () => {
      this.pendingLags.delete(agg);
      this.reportLag(agg);
      agg.onMembersChanged?.();
    });
  }

  /** Emits a `lacp` event if the port changed; returns true when its status did (the aggregate may have). */
  private reportPort(agg: LacpAggregator, p: LacpPort): boolean {
    const { status, reason } = portStatus(agg, p);
    const last = p.report;
    if (last && unchanged(last, p, status, reason)) return false;
    p.report = { rx: p.rx, mux: p.mux, selected: p.selected, periodic: p.periodic, status, reason, churn: p.churn, actorState: p.actorState, partnerState: p.partner.state, partnerSystem: p.partner.system, partnerKey: p.partner.key, partnerPort: p.partner.port };
    const statusChanged = !last || last.status !== status;
    if (!this.wantsPortEvents) return statusChanged;
    this.emit({
      t: usToMs(this.scheduler.now),
      type: 'lacp',
      device: agg.device.id,
      port: p.id,
      lag: agg.config.id,
      rx: p.rx,
      mux: p.mux,
      selected: p.selected,
      periodic: p.periodic,
      status,
      ...(reason ? { reason } : {}),
      ...(p.churn ? { churn: true } : {}),
      actor: { state: p.actorState, flags: lacpStateNames(p.actorState), key: p.opKey },
      partner: { system: p.partner.system, key: p.partner.key, port: p.partner.port, state: p.partner.state, flags: lacpStateNames(p.partner.state) },
    });
    return statusChanged;
  }

  private reportLag(agg: LacpAggregator): void {
    const active: string[] = [];
    const standby: string[] = [];
    for (const p of agg.ports) {
      const status = p.report?.status;
      if (status === 'distributing' || status === 'static') active.push(p.id);
      else if (status === 'standby') standby.push(p.id);
    }
    const up = active.length >= agg.config.minLinks;
    const partner = !agg.isStatic && active.length > 0 ? partnerId(agg.partnerGroup) : undefined;
    const next: LagReport = { up, active: active.join(','), standby: standby.join(','), partner };
    const last = this.lagReports.get(agg);
    if (last && last.up === next.up && last.active === next.active && last.standby === next.standby && last.partner === next.partner) return;
    this.lagReports.set(agg, next);
    const event: LagEvent = { t: usToMs(this.scheduler.now), type: 'lag', device: agg.device.id, lag: agg.config.id, mode: agg.config.mode, up, active, standby };
    if (partner) event.partner = partner;
    this.emit(event);
  }
}

/** `priority|mac|key` → `32768,00:13:c4:12:0f:00 key 13`. */
function partnerId(group: string | null): string | undefined {
  if (!group) return undefined;
  const [prio, mac, key] = group.split('|');
  return `${prio},${mac} key ${key}`;
}
