/**
 * The engine's front door: builds the network and its protocols from a topology document and
 * runs it on the virtual clock. The worker, the CLI and the tests all drive the engine through
 * this class and read what happens from the event stream.
 */
import type { ResolvedLag, ResolvedTopology, Topology } from '../model';
import { formatIssue, portIndex, resolveTopology, targetError, validateTopology } from '../model';
import type { FrameTap } from './device/network';
import { Network } from './device/network';
import type { EventSink, FaultAction, LacpPortStatus, LacpReason, LagEvent, SimEvent, SimEventType } from './events';
import { LacpEntity, LacpReporter, LacpTransmitter } from './lacp';
import type { SimDevice } from './device/types';
import { L2Bridge } from './l2/bridge';
import { planUpdate } from './liveEdit';
import { TrafficMeter } from './device/trafficMeter';
import { FlowTracker } from './host/flowTracker';
import { HostStack } from './host/hostStack';
import type { Bond } from './bond';
import { buildBonds } from './bond';
import type { VrrpLab } from './gateway/vrrpLab';
import type { IpStack } from './l3';
import { Layer3, layer3Key } from './layer3';
import { McLagDomain } from './mclag/domain';
import { mcLagStp } from './mclag/stpPair';
import type { StpContext } from './stp';
import { BpduTransmitter, SpanningTree } from './stp';
import { lacpStateNames } from './codecs/lacpdu';
import { portStatus } from './lacp/status';
import type { VirtualUs } from './scheduler';
import { Rng, Scheduler, msToUs, usToMs } from './scheduler';

/** Every event type the engine produces (the default for `SimulationOptions.events`). */
export const ALL_EVENT_TYPES: readonly SimEventType[] = ['link', 'fault', 'lacpdu', 'lacp', 'lag', 'arp', 'flow', 'traffic', 'mclag', 'bond', 'stp', 'bpdu', 'vrrp', 'vrrpAdvert', 'probe', 'outage'];

export interface SimulationOptions {
  /** Event types to produce; default all. Leaving out `lacpdu` makes big labs much faster. */
  events?: readonly SimEventType[];
}

/** Thrown for an invalid document or command; `issues` holds one line per problem. */
export class SimulationInputError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join('\n'));
    this.name = 'SimulationInputError';
  }
}

/** A LAG's aggregate as the engine sees it now. */
export interface LagSnapshot extends Pick<LagEvent, 'device' | 'lag' | 'mode' | 'up' | 'active' | 'standby'> {
  members: MemberSnapshot[];
}

export interface MemberSnapshot {
  port: string;
  status: LacpPortStatus;
  reason: LacpReason | undefined;
  rx: string;
  mux: string;
  selected: string;
  periodic: string;
  actorState: number;
  actorFlags: string[];
  actorKey: number;
  partnerState: number;
  partnerFlags: string[];
  partnerSystem: string;
  partnerPort: number;
  partnerKey: number;
  churn: boolean;
}

export class Simulation {
  readonly scheduler = new Scheduler();
  readonly network: Network;
  readonly rng: Rng;
  topology: ResolvedTopology;
  private readonly entities = new Map<string, LacpEntity>();
  private readonly listeners: EventSink[] = [];
  private knownTargets: { ports: ReturnType<typeof portIndex>; links: Set<string> };
  private readonly tx: LacpTransmitter;
  private readonly flowTracker: FlowTracker;
  private readonly emitEvent: EventSink;
  private hosts: HostStack[] = [];
  private hasTrafficTaps = false;
  private bonds: Bond[] = [];
  private mclags: McLagDomain[] = [];
  private isStarted = false;
  private readonly reporter: LacpReporter;
  private readonly stpCtx: StpContext;
  private readonly layer3: Layer3;

  /** Builds a simulation from a document; throws SimulationInputError when it is invalid. */
  constructor(input: unknown, options: SimulationOptions = {}) {
    const result = validateTopology(input);
    if (!result.ok) throw new SimulationInputError(result.issues.map(formatIssue));
    const doc: Topology = result.topology;
    this.topology = resolveTopology(doc);
    this.rng = new Rng(this.topology.seed);
    this.knownTargets = { ports: portIndex(doc), links: new Set(doc.links.map((l) => l.id)) };
    const wants = new Set<SimEventType>(options.events ?? ALL_EVENT_TYPES);
    const emit: EventSink = (e) => {
      if (!wants.has(e.type)) return;
      for (const l of this.listeners) l(e);
    };
    this.network = new Network(this.scheduler, this.topology, emit);
    this.tx = new LacpTransmitter(this.network, emit, wants.has('lacpdu'));
    this.reporter = new LacpReporter(this.scheduler, emit, wants.has('lacp'));
    this.stpCtx = {
      network: this.network,
      emit,
      tx: new BpduTransmitter(this.network, emit, wants.has('bpdu')),
      lags: (device) => (lag) => this.topology.lags.find((l) => l.device === device && l.id === lag),
      mclag: (device) => mcLagStp(() => this.topology, this.network, device, () => this.stpPartner(device)),
    };
    for (const lag of this.topology.lags) this.entityFor(lag.device, []).addLagAtLoad(lag);
    for (const device of this.network.devices.values()) this.attachDataPlane(device);
    this.flowTracker = new FlowTracker(this.scheduler, emit);
    this.emitEvent = emit;
    this.layer3 = new Layer3(this.network, emit, this.flowTracker, { wantsAdverts: wants.has('vrrpAdvert'), topology: () => this.topology });
    this.layer3.build(this.topology);
    this.buildHosts();
    this.buildMcLags();
    this.scheduler.at(0, () => this.start());
    for (const step of doc.scenario ?? []) this.scheduleFault(step.atMs, step.action, step.target);
  }

  /** A stack for every host with an address; flows start with the run (or now, when rebuilt live). */
  private buildHosts(): void {
    // Bonds first, so each stack finds its host's `services.bond`.
    for (const b of this.bonds) b.destroy();
    this.bonds = buildBonds(this.topology.bonds, this.network, this.emitEvent);
    if (this.isStarted) for (const b of this.bonds) b.start();
    for (const h of this.hosts) {
      h.destroy();
      const protocols = h.device.protocols;
      protocols.splice(protocols.indexOf(h), 1);
    }
    // Flow destinations: hosts by their address, upstreams by theirs (their ip, else a port's).
    const peers = new Map<string, string>();
    for (const d of this.topology.devices) {
      const ip = d.ip ?? (d.type === 'upstream' ? d.ports.find((p) => p.ip)?.ip : null);
      if (ip) peers.set(d.id, ip.address);
    }
    this.hosts = [];
    // Data traffic starts at hosts: labs without host stacks skip the per-frame taps entirely.
    if (!this.hasTrafficTaps && this.topology.devices.some((d) => d.type === 'host' && d.ip)) {
      this.hasTrafficTaps = true;
      this.network.addTap(this.flowTracker.tap);
      this.network.addDropTap(this.flowTracker.dropTap);
      const meter = new TrafficMeter(this.scheduler, this.emitEvent);
      this.network.addTap(meter.tap);
      this.network.addDropTap(meter.dropTap);
    }
    for (const device of this.network.devices.values()) {
      if (device.config.type !== 'host' || !device.config.ip) continue;
      const flows = this.topology.flows.filter((f) => f.from === device.id);
      const stack = new HostStack(device, this.network, this.emitEvent, this.flowTracker, flows, peers);
      device.protocols.push(stack);
      this.hosts.push(stack);
      if (this.isStarted) stack.start();
    }
    this.layer3.attachProbes(this.hosts);
  }

  /** MC-LAG domains: peers consume keepalives before the bridge and sync MACs into each other's bridge. */
  private buildMcLags(): void {
    for (const d of this.mclags) {
      d.destroy();
      for (const p of d.peers) {
        const protocols = p.device.protocols;
        if (protocols.includes(p)) protocols.splice(protocols.indexOf(p), 1);
        if (p.device.services.mclag === p) delete p.device.services.mclag;
      }
    }
    // The bridge asks per frame (through the peers): group the LAGs once per document.
    let memo: { lags: readonly ResolvedLag[]; byDevice: Map<string, ResolvedLag[]> } | null = null;
    const lagsOf = (device: string): readonly ResolvedLag[] => {
      const lags = this.topology.lags;
      if (memo?.lags !== lags) {
        const byDevice = new Map<string, ResolvedLag[]>();
        for (const l of lags) byDevice.set(l.device, [...(byDevice.get(l.device) ?? []), l]);
        memo = { lags, byDevice };
      }
      return memo.byDevice.get(device) ?? [];
    };
    this.mclags = this.topology.mclags.map((cfg) => new McLagDomain(cfg, this.network, this.emitEvent, lagsOf));
    for (const domain of this.mclags) {
      for (const peer of domain.peers) {
        peer.device.protocols.unshift(peer);
        const self = peer.device.id;
        peer.install = (mac, bp) => this.bridge(self)?.installSynced(mac, bp);
      }
      if (this.isStarted) domain.start();
    }
  }

  /** Switches relay frames (802.1D); control protocols registered before it see their frames first. */
  private attachDataPlane(device: SimDevice): void {
    if (device.config.type !== 'switch') return;
    // Spanning tree consumes BPDUs before the relay and tells it which ports may forward.
    if (device.config.stp.mode !== 'off') device.protocols.push(new SpanningTree(device, this.stpCtx));
    device.protocols.push(new L2Bridge(device, this.network));
  }

  /** A switch's spanning tree, when its `stp.mode` is not off (tests, inspection). */
  spanningTree(deviceId: string): SpanningTree | undefined {
    return this.network.devices.get(deviceId)?.protocols.find((p): p is SpanningTree => p instanceof SpanningTree);
  }

  /** The other MC-LAG peer's spanning tree while the pair is joined (peer-link up, both alive). */
  private stpPartner(device: string): SpanningTree | undefined {
    for (const domain of this.mclags) {
      const self = domain.peers.find((p) => p.device.id === device);
      if (!self) continue;
      const other = domain.other(self);
      return self.peerLinkUp() && !other.device.isFailed ? this.spanningTree(other.device.id) : undefined;
    }
    return undefined;
  }

  /** Builds a switch's spanning tree again (its MC-LAG pair changed): its ports restart from BEGIN. */
  private rebuildSpanningTree(deviceId: string): void {
    const device = this.network.devices.get(deviceId);
    const old = this.spanningTree(deviceId);
    if (!device || !old) return;
    old.destroy();
    device.protocols.splice(device.protocols.indexOf(old), 1, new SpanningTree(device, this.stpCtx));
  }

  /** The IP stack of a router, upstream or L3 switch (tests, inspection). */
  ipStack(deviceId: string): IpStack | undefined {
    return this.layer3.stacks.get(deviceId);
  }

  /** The VRRP members running now (tests, inspection). */
  vrrp(): VrrpLab | null {
    return this.layer3.vrrp;
  }

  /** The network stack of a host with an address (tests, inspection). */
  hostStack(deviceId: string): HostStack | undefined {
    return this.hosts.find((h) => h.device.id === deviceId);
  }

  /** The data plane of a switch (tests, inspection). */
  bridge(deviceId: string): L2Bridge | undefined {
    return this.network.devices.get(deviceId)?.protocols.find((p): p is L2Bridge => p instanceof L2Bridge);
  }

  /** The device's LACP entity, created (with these LAGs) on first use. */
  private entityFor(deviceId: string, lags: readonly ResolvedLag[]): LacpEntity {
    let entity = this.entities.get(deviceId);
    if (entity) return entity;
    const device = this.network.devices.get(deviceId);
    if (!device) throw new Error(`unknown device ${deviceId}`);
    entity = new LacpEntity(device, lags, this.network, this.tx, this.reporter);
    // LACP sees Slow Protocols frames before the bridge.
    device.protocols.unshift(entity);
    this.entities.set(deviceId, entity);
    return entity;
  }

  /**
   * Applies an edited document to the running lab at the current virtual time: untouched
   * devices, links and LAGs keep their state; changed ones are rebuilt (see liveEdit.ts). The
   * new document's scenario is not replayed. Throws SimulationInputError when it is invalid.
   */
  update(input: unknown): void {
    const result = validateTopology(input);
    if (!result.ok) throw new SimulationInputError(result.issues.map(formatIssue));
    const next = resolveTopology(result.topology);
    const plan = planUpdate(this.topology, next);
    const mclagsChanged = JSON.stringify(this.topology.mclags) !== JSON.stringify(next.mclags);
    const hostsChanged = JSON.stringify(this.topology.flows) !== JSON.stringify(next.flows) || JSON.stringify(this.topology.bonds) !== JSON.stringify(next.bonds) || plan.devicesAdded.some((d) => d.type === 'host') || plan.devicesRemoved.length > 0;
    const stpPeers = new Set([...this.topology.mclags, ...next.mclags].flatMap((m) => m.peers));
    const layer3Changed = layer3Key(this.topology) !== layer3Key(next) || plan.devicesAdded.length > 0 || plan.devicesRemoved.length > 0;
    for (const l of plan.lagsRemoved) this.entities.get(l.device)?.removeLag(l.id);
    for (const id of plan.linksRemoved) this.network.removeLink(id);
    for (const id of plan.devicesRemoved) {
      this.entities.get(id)?.destroy();
      this.spanningTree(id)?.destroy();
      this.entities.delete(id);
      this.network.removeDevice(id);
    }
    // New devices are built against the new document (a rebuilt MC-LAG peer's spanning tree reads its pair).
    this.topology = next;
    const rebuilt = new Set(plan.devicesAdded.map((d) => d.id));
    for (const d of next.devices) {
      const device = this.network.devices.get(d.id);
      if (device && !rebuilt.has(d.id)) device.config = d;
    }
    for (const d of plan.devicesAdded) this.attachDataPlane(this.network.addDevice(d));
    for (const l of plan.linksAdded) this.network.refresh(this.network.addLink(l));
    for (const lag of plan.lagsAdded) this.entityFor(lag.device, []).addLag(lag);
    if (layer3Changed) this.layer3.build(next);
    if (hostsChanged || layer3Changed) this.buildHosts();
    if (mclagsChanged || plan.devicesRemoved.length > 0) this.buildMcLags();
    const added = new Set(plan.devicesAdded.map((d) => d.id));
    if (mclagsChanged) for (const id of stpPeers) if (!added.has(id)) this.rebuildSpanningTree(id);
    this.knownTargets = { ports: portIndex(result.topology), links: new Set(result.topology.links.map((l) => l.id)) };
  }

  private start(): void {
    this.isStarted = true;
    for (const entity of this.entities.values()) entity.begin();
    this.network.start();
    this.layer3.start();
    for (const b of this.bonds) b.start();
    for (const h of this.hosts) h.start();
    for (const d of this.mclags) d.start();
  }

  /** Adds a reader of the event stream. */
  onEvent(listener: EventSink): void {
    this.listeners.push(listener);
  }

  /** Adds a tap that sees every frame any link carries (pcap export, packet inspector). */
  onFrame(tap: FrameTap): void {
    this.network.addTap(tap);
  }

  /** Virtual time now, in ms. */
  get nowMs(): number {
    return usToMs(this.scheduler.now);
  }

  /** Plans a fault at virtual time `atMs`; throws SimulationInputError for an unknown target. */
  scheduleFault(atMs: number, action: FaultAction, target: string): void {
    const error = targetError(target, action, this.knownTargets.ports, this.knownTargets.links);
    if (error) throw new SimulationInputError([`${action} ${target}: ${error.message}`]);
    if (!(atMs >= 0) || !Number.isFinite(atMs)) throw new SimulationInputError([`${action} ${target}: time must be a finite number ≥ 0`]);
    this.scheduler.at(msToUs(atMs), () => this.network.applyFault(target, action));
  }

  /** Runs every event up to and including virtual time `ms`. */
  runUntil(ms: number): void {
    this.scheduler.runUntil(msToUs(ms));
  }

  /** Runs one scheduler event; returns false when nothing is left to run. */
  step(): boolean {
    return this.scheduler.step();
  }

  /** Time of the next scheduled event in ms, if any. */
  nextEventMs(): number | undefined {
    const t: VirtualUs | undefined = this.scheduler.nextTime();
    return t === undefined ? undefined : usToMs(t);
  }

  /** Every LAG of every device, as it stands now, in document order. */
  lags(): LagSnapshot[] {
    const out: LagSnapshot[] = [];
    for (const cfg of this.topology.lags) {
      const snap = this.lag(cfg.device, cfg.id);
      if (snap) out.push(snap);
    }
    return out;
  }

  /** One LAG as it stands now. */
  lag(deviceId: string, lagId: string): LagSnapshot | undefined {
    const agg = this.entities.get(deviceId)?.aggregators.find((a) => a.config.id === lagId);
    if (!agg) return undefined;
    const members: MemberSnapshot[] = agg.ports.map((p) => {
      const { status, reason } = portStatus(agg, p);
      return {
        port: p.id,
        status,
        reason,
        rx: p.rx,
        mux: p.mux,
        selected: p.selected,
        periodic: p.periodic,
        actorState: p.actorState,
        actorFlags: lacpStateNames(p.actorState),
        actorKey: p.opKey,
        partnerState: p.partner.state,
        partnerFlags: lacpStateNames(p.partner.state),
        partnerSystem: p.partner.system,
        partnerPort: p.partner.port,
        partnerKey: p.partner.key,
        churn: p.churn,
      };
    });
    const active = members.filter((m) => m.status === 'distributing' || m.status === 'static').map((m) => m.port);
    const standby = members.filter((m) => m.status === 'standby').map((m) => m.port);
    return { device: deviceId, lag: lagId, mode: agg.config.mode, up: active.length >= agg.config.minLinks, active, standby, members };
  }
}

/** Runs a document to `untilMs` and returns every event (tests, golden files). */
export function runToEvents(input: unknown, untilMs: number, options: SimulationOptions = {}): SimEvent[] {
  const sim = new Simulation(input, options);
  const events: SimEvent[] = [];
  sim.onEvent((e) => events.push(e));
  sim.runUntil(untilMs);
  return events;
}
