/**
 * LACP on one device (802.1AX 5.4): owns the device's aggregators, takes Slow Protocols frames
 * off the wire and routes carrier, power and mute changes to the right members.
 */
import type { ResolvedLag } from '../../model';
import { CodecError } from '../codecs/errors';
import type { Lacpdu } from '../codecs/lacpdu';
import { LACP_SUBTYPE, decodeLacpdu } from '../codecs/lacpdu';
import { ETHERTYPE_SLOW } from '../codecs/ethernet';
import type { Network } from '../device/network';
import type { LagService, PortAggregation } from '../device/services';
import type { ProtocolHandler, SimDevice, SimPort } from '../device/types';
import { operSpeedMbps } from '../device/types';
import type { ScheduledEvent } from '../scheduler';
import { msToUs } from '../scheduler';
import { LacpAggregator } from './aggregator';
import { LacpPort } from './lacpPort';
import { portStatus } from './status';
import type { LacpPort as LacpPortType } from './lacpPort';
import type { LacpReporter } from './reporter';
import type { LacpTransmitter } from './transmitMachine';

/**
 * The speed most members run at (ties → the faster); members at another speed get a different
 * operational key, so they cannot join the aggregate (802.1AX 5.3.5: equal keys only for ports
 * that can aggregate, which means the same speed).
 */
function referenceSpeed(ports: readonly SimPort[]): number {
  const counts = new Map<number, number>();
  for (const p of ports) counts.set(operSpeedMbps(p), (counts.get(operSpeedMbps(p)) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [speed, count] of counts) {
    if (count > bestCount || (count === bestCount && speed > best)) {
      best = speed;
      bestCount = count;
    }
  }
  return best;
}

// The bridge asks for every frame: the answers are shared, never rebuilt.
const INDIVIDUAL: PortAggregation = { role: 'individual' };
const BLOCKED: PortAggregation = { role: 'blocked' };

/** True when every member still has the report object it had (reports are replaced on change). */
function sameReports(reports: readonly (LacpPort['report'] | undefined)[], ports: readonly LacpPort[]): boolean {
  if (reports.length !== ports.length) return false;
  for (let i = 0; i < ports.length; i++) if (reports[i] !== ports[i]?.report) return false;
  return true;
}

export class LacpEntity implements ProtocolHandler, LagService {
  readonly aggregators: LacpAggregator[] = [];
  private readonly members = new Map<SimPort, { agg: LacpAggregator; port: LacpPort; aggregated: PortAggregation }>();
  private readonly listeners: (() => void)[] = [];
  /**
   * Each LAG's distributing members, remembered with the member reports they were built from: the
   * bridge asks on every frame, and a report object is replaced whenever its member changes.
   */
  private readonly distributingCache = new Map<string, { agg: LacpAggregator; reports: (LacpPort['report'] | undefined)[]; list: SimPort[] }>();
  /** Pending `startMs` events, cancelled if the LAG is removed first. */
  private readonly starts = new Map<LacpAggregator, ScheduledEvent>();

  constructor(
    readonly device: SimDevice,
    lags: readonly ResolvedLag[],
    private readonly network: Network,
    private readonly tx: LacpTransmitter,
    private readonly reporter: LacpReporter,
  ) {
    for (const cfg of lags) this.createLag(cfg);
    device.services.lag = this;
  }

  /** LagService: how a member port forwards now, from its status (see status.ts). */
  portAggregation(port: SimPort): PortAggregation | null {
    const member = this.members.get(port);
    if (!member) return null;
    const status = member.port.report?.status ?? portStatus(member.agg, member.port).status;
    if (status === 'distributing' || status === 'collecting' || status === 'static') return member.aggregated;
    if (status === 'fallback' || status === 'individual' || status === 'notStarted') return INDIVIDUAL;
    return BLOCKED;
  }

  /** LagService: calls `listener` when a member's status changed. */
  subscribe(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** LagService: members the LAG may transmit on now. */
  distributing(lag: string): readonly SimPort[] {
    const cached = this.distributingCache.get(lag);
    if (cached && this.aggregators.includes(cached.agg) && sameReports(cached.reports, cached.agg.ports)) return cached.list;
    const agg = this.aggregators.find((a) => a.config.id === lag);
    if (!agg) return [];
    const list: SimPort[] = [];
    for (const p of agg.ports) {
      const status = p.report?.status;
      if (status === 'distributing' || status === 'static') list.push(p.port);
    }
    this.distributingCache.set(lag, { agg, reports: agg.ports.map((p) => p.report), list });
    return list;
  }

  private createLag(cfg: ResolvedLag): LacpAggregator {
    const agg = new LacpAggregator(this.device, cfg, this.tx, this.reporter);
    agg.onMembersChanged = () => {
      for (const l of this.listeners) l();
    };
    const simPorts = cfg.members.map((id) => this.network.port(this.device.id, id));
    const refSpeed = referenceSpeed(simPorts);
    for (const sp of simPorts) {
      const opKey = operSpeedMbps(sp) === refSpeed ? cfg.key : cfg.key ^ 0x8000;
      const lp = new LacpPort(sp, cfg.portPriorities[sp.id] ?? this.device.config.portPriority, opKey, cfg.mclag?.portOffset ?? 0, this.network.scheduler, agg);
      agg.ports.push(lp);
      this.members.set(sp, { agg, port: lp, aggregated: { role: 'aggregated', lag: cfg.id, bridgePort: `l:${cfg.id}` } });
    }
    this.aggregators.push(agg);
    if (!agg.isStarted) {
      const start = this.network.scheduler.at(msToUs(cfg.startMs), () => this.startLag(agg));
      this.starts.set(agg, start);
    }
    return agg;
  }

  /** Adds a LAG of the loaded document (BEGIN comes with the start of the run). */
  addLagAtLoad(cfg: ResolvedLag): void {
    this.createLag(cfg);
  }

  /** Adds a LAG while the lab runs: its members start from BEGIN now. */
  addLag(cfg: ResolvedLag): void {
    const agg = this.createLag(cfg);
    if (this.device.isFailed) return;
    agg.begin();
    agg.settle();
  }

  /** Removes a LAG while the lab runs: its machines stop and its ports become plain ports. */
  removeLag(id: string): void {
    const agg = this.aggregators.find((a) => a.config.id === id);
    if (!agg) return;
    agg.freeze();
    this.starts.get(agg)?.cancel();
    this.starts.delete(agg);
    for (const p of agg.ports) this.members.delete(p.port);
    this.aggregators.splice(this.aggregators.indexOf(agg), 1);
  }

  /** Stops everything (the device is being removed). */
  destroy(): void {
    for (const agg of [...this.aggregators]) this.removeLag(agg.config.id);
  }

  /** Initial BEGIN of every aggregator (ports are still down; links come up next). */
  begin(): void {
    for (const agg of this.aggregators) {
      agg.begin();
      agg.settle();
    }
  }

  private startLag(agg: LacpAggregator): void {
    this.starts.delete(agg);
    agg.isStarted = true;
    if (this.device.isFailed) return;
    agg.start();
  }

  onFrame(port: SimPort, frame: Uint8Array, etherType: number, payload: Uint8Array): boolean {
    if (etherType !== ETHERTYPE_SLOW || payload[0] !== LACP_SUBTYPE) return false;
    const member = this.members.get(port);
    if (!member || this.device.isMuted) return true;
    const pdu = this.decode(member.port, frame, payload);
    if (!pdu) return true;
    // Linux bond_3ad_rx_indication: a PDU carrying our own system id is an illegal loopback.
    if (pdu.actor.system === this.device.config.mac || pdu.actor.system === member.agg.system) return true;
    member.agg.receive(member.port, pdu);
    return true;
  }

  /** Decodes a LACPDU; the same frame object again (an unchanged periodic PDU) reuses the decoding. */
  private decode(p: LacpPortType, frame: Uint8Array, payload: Uint8Array): Lacpdu | null {
    if (p.lastRx?.frame === frame) return p.lastRx.pdu;
    try {
      const pdu = decodeLacpdu(payload);
      p.lastRx = { frame, pdu };
      return pdu;
    } catch (err) {
      if (err instanceof CodecError) return null;
      throw err;
    }
  }

  onCarrier(port: SimPort, isUp: boolean): void {
    const member = this.members.get(port);
    if (!member || this.device.isMuted) return;
    member.agg.carrier(member.port, isUp);
  }

  onPower(isOn: boolean): void {
    for (const agg of this.aggregators) {
      if (isOn) agg.restart();
      else agg.powerOff();
    }
  }

  onMute(isMuted: boolean): void {
    for (const agg of this.aggregators) {
      if (isMuted) agg.freeze();
      else agg.restart();
    }
  }

  /** The aggregator and member record of a port, if it is a LAG member. */
  memberOf(portId: string): { agg: LacpAggregator; port: LacpPort } | undefined {
    const sp = this.device.ports.get(portId);
    return sp ? this.members.get(sp) : undefined;
  }
}
