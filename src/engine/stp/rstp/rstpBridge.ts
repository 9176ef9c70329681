/**
 * One RSTP bridge (802.1D-2004 clause 17): the per-bridge variables (17.18) and its ports. Every
 * input — a BPDU, a timer, a port coming or going — ends in `settle()`, which runs the machines
 * (17.23–17.31) until none moves, then lets Port Transmit send what is due.
 */
import type { Bpdu } from '../../codecs/bpdu';
import type { Scheduler } from '../../scheduler';
import type { BridgeKey, PriorityVector, Times } from '../priorityVector';
import { bridgeKey, bridgeText } from '../priorityVector';
import type { BridgeSettings, EngineIo, PortLink, PortSettings, PortView, RootView, SpanningTreeEngine } from '../types';
import { bridgeDetection, bridgeDetectionBegin } from './bridgeDetection';
import { portInformation, portInformationBegin } from './portInformation';
import { portReceive, portReceiveBegin } from './portReceive';
import { portRoleSelection, portRoleSelectionBegin } from './portRoleSelection';
import { portRoleTransitions, portRoleTransitionsBegin } from './portRoleTransitions';
import { portStateTransition, portStateTransitionBegin } from './portStateTransition';
import { portTransmit, portTransmitBegin, txCountTick } from './portTransmit';
import { protocolMigration, protocolMigrationBegin } from './protocolMigration';
import type { Role } from './rstpPort';
import { RstpPort } from './rstpPort';
import { topologyChange, topologyChangeBegin } from './topologyChange';

/** Bound on machine rounds per settle; a handful is the norm. */
const MAX_SETTLE_ROUNDS = 64;

const ROLE_NAMES: Record<Role, PortView['role']> = { Disabled: 'disabled', Root: 'root', Designated: 'designated', Alternate: 'alternate', Backup: 'backup' };

export class RstpBridge implements SpanningTreeEngine {
  readonly ports: RstpPort[] = [];
  private readonly byBp = new Map<string, RstpPort>();
  /** 17.20.11 rstpVersion: Force Protocol Version ≥ 2 (always: `stp` mode runs the legacy engine). */
  readonly rstpVersion = true;
  readonly bridgeId: BridgeKey;
  readonly bridgePriority: PriorityVector;
  readonly bridgeTimes: Times;
  rootPortId = 0;
  rootPriority: PriorityVector;
  rootTimes: Times;
  prs: 'INIT_BRIDGE' | 'ROLE_SELECTION' = 'INIT_BRIDGE';
  private isFrozen = false;
  private isSettling = false;
  /** Rounds the last settle took (tests check the machines reach a fixed point). */
  lastSettleRounds = 0;

  constructor(
    settings: BridgeSettings,
    private readonly io: EngineIo,
  ) {
    this.bridgeId = bridgeKey({ priority: settings.priority, mac: settings.mac });
    this.bridgePriority = { root: this.bridgeId, cost: 0, bridge: this.bridgeId, port: 0 };
    this.bridgeTimes = { messageAge: 0, maxAge: settings.maxAgeMs, forwardDelay: settings.forwardDelayMs, helloTime: settings.helloMs };
    this.rootPriority = this.bridgePriority;
    this.rootTimes = this.bridgeTimes;
  }

  private get scheduler(): Scheduler {
    return this.io.scheduler;
  }

  addPort(s: PortSettings): void {
    const p = new RstpPort(s.bp, s.portId, s.adminEdge, this.scheduler, { expired: () => this.settle() }, (q) => {
      if (txCountTick(q)) this.settle();
    });
    p.portPriority = p.designatedPriority = { ...this.bridgePriority, port: s.portId };
    p.portTimes = p.designatedTimes = this.bridgeTimes;
    this.ports.push(p);
    this.byBp.set(s.bp, p);
    this.beginPort(p);
    p.reselect = true;
    this.settle();
  }

  applyLinks(changes: readonly (readonly [string, PortLink])[]): void {
    for (const [bp, link] of changes) {
      const p = this.byBp.get(bp);
      if (!p) continue;
      p.portEnabled = link.isEnabled;
      p.operPointToPointMAC = link.isPointToPoint;
      if (p.portPathCost !== link.pathCost) {
        // 17.13: a new Port Path Cost makes Port Role Selection run again.
        p.portPathCost = link.pathCost;
        p.reselect = true;
        p.selected = false;
      }
    }
    this.settle();
  }

  receive(bp: string, bpdu: Bpdu): void {
    const p = this.byBp.get(bp);
    if (!p?.portEnabled || this.isFrozen) return;
    p.rcvdBpduData = bpdu;
    p.rcvdBpdu = true;
    this.settle();
  }

  /** BEGIN for one port's machines (17.22–17.31 BEGIN transitions). */
  private beginPort(p: RstpPort): void {
    p.stopTimers();
    portReceiveBegin(p);
    protocolMigrationBegin(p, this.rstpVersion);
    bridgeDetectionBegin(p);
    portTransmitBegin(p);
    portInformationBegin(p);
    portRoleTransitionsBegin(p);
    portStateTransitionBegin(p);
    topologyChangeBegin(this.tcBridge, p);
  }

  begin(): void {
    this.isFrozen = false;
    for (const p of this.ports) {
      p.portPriority = p.designatedPriority = { ...this.bridgePriority, port: p.portId };
      p.portTimes = p.designatedTimes = this.bridgeTimes;
      this.beginPort(p);
    }
    portRoleSelectionBegin(this);
    this.settle();
  }

  freeze(): void {
    this.isFrozen = true;
    for (const p of this.ports) p.stopTimers();
  }

  /** The Topology Change machine's view: flushes go to the filtering database. */
  private readonly tcBridge = {
    ports: this.ports,
    rootTimes: { maxAge: 0, forwardDelay: 0 },
    flush: (p: RstpPort) => this.io.flush(p.bp),
  };

  /** Runs the machines to a fixed point, then transmits. */
  settle(): void {
    if (this.isFrozen || this.isSettling) return;
    this.isSettling = true;
    this.tcBridge.rootTimes = this.rootTimes;
    let round = 0;
    for (; round < MAX_SETTLE_ROUNDS; round++) if (!this.round()) break;
    this.lastSettleRounds = round;
    const tx = { transmit: (p: RstpPort, bpdu: Bpdu) => this.io.transmit(p.bp, bpdu) };
    for (const p of this.ports) portTransmit(tx, p);
    this.isSettling = false;
    this.io.settled();
  }

  /** One round of every machine; true when any moved. */
  private round(): boolean {
    let changed = false;
    for (const p of this.ports) {
      changed = portReceive(p) || changed;
      changed = protocolMigration(p, this.rstpVersion) || changed;
      changed = bridgeDetection(p) || changed;
      changed = portInformation(this, p) || changed;
    }
    changed = portRoleSelection(this) || changed;
    this.tcBridge.rootTimes = this.rootTimes;
    for (const p of this.ports) {
      changed = portRoleTransitions(this, p) || changed;
      changed = portStateTransition(p) || changed;
      changed = topologyChange(this.tcBridge, p) || changed;
    }
    return changed;
  }

  view(bp: string): PortView | undefined {
    const p = this.byBp.get(bp);
    if (!p) return undefined;
    const forwarding = p.forwarding ? 'forwarding' : p.learning ? 'learning' : 'discarding';
    return { role: ROLE_NAMES[p.role], state: forwarding, forwarding };
  }

  root(): RootView {
    return { rootBridge: bridgeText(this.rootPriority.root), rootCost: this.rootPriority.cost, isRoot: this.rootPortId === 0 };
  }

  /** The RSTP port record (tests, inspection). */
  port(bp: string): RstpPort | undefined {
    return this.byBp.get(bp);
  }
}
