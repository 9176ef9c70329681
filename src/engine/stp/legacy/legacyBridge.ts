/**
 * One legacy STP bridge (802.1D-1998 clause 8): the bridge parameters (8.5.3) and timers (8.5.4)
 * and its ports, driven through the procedures (8.6) and operations (8.7, 8.8). Only the root
 * originates Configuration BPDUs every Hello Time; other bridges relay them from their root port
 * to their designated ports, so when the root's information stops, it ages out everywhere after
 * Max Age. Port roles are not part of 802.1D-1998: the view derives them (a blocked port is
 * Alternate when another bridge serves its LAN, Backup when this bridge does).
 */
import type { Bpdu } from '../../codecs/bpdu';
import type { Scheduler } from '../../scheduler';
import { Timer } from '../../scheduler';
import type { BridgeKey } from '../priorityVector';
import { bridgeKey, bridgeText } from '../priorityVector';
import type { BridgeSettings, EngineIo, PortLink, PortSettings, PortView, RootView, SpanningTreeEngine } from '../types';
import { LegacyPort } from './legacyPort';
import { disablePort, enablePort, setPathCost, forwardDelayTimerExpiry, helloTimerExpiry, holdTimerExpiry, initialisation, messageAgeTimerExpiry, receivedConfigBpdu, receivedTcnBpdu, tcnTimerExpiry, topologyChangeTimerExpiry } from './operation';
import type { LegacyBridgeState } from './procedures';
import { isDesignatedPort } from './procedures';

export class LegacyBridge implements SpanningTreeEngine, LegacyBridgeState {
  readonly ports: LegacyPort[] = [];
  private readonly byBp = new Map<string, LegacyPort>();
  private readonly enabled = new Set<LegacyPort>();
  readonly bridgeId: BridgeKey;
  designatedRoot: BridgeKey;
  rootPathCost = 0;
  rootPort: LegacyPort | null = null;
  maxAgeMs: number;
  helloTimeMs: number;
  forwardDelayMs: number;
  readonly bridgeMaxAgeMs: number;
  readonly bridgeHelloTimeMs: number;
  readonly bridgeForwardDelayMs: number;
  topologyChangeDetected = false;
  topologyChange = false;
  readonly helloTimer: Timer;
  readonly tcnTimer: Timer;
  readonly topologyChangeTimer: Timer;
  private isFrozen = false;

  constructor(
    settings: BridgeSettings,
    private readonly io: EngineIo,
  ) {
    this.bridgeId = bridgeKey({ priority: settings.priority, mac: settings.mac });
    this.designatedRoot = this.bridgeId;
    this.maxAgeMs = this.bridgeMaxAgeMs = settings.maxAgeMs;
    this.helloTimeMs = this.bridgeHelloTimeMs = settings.helloMs;
    this.forwardDelayMs = this.bridgeForwardDelayMs = settings.forwardDelayMs;
    this.helloTimer = new Timer(io.scheduler, () => this.run(() => helloTimerExpiry(this)));
    this.tcnTimer = new Timer(io.scheduler, () => this.run(() => tcnTimerExpiry(this)));
    this.topologyChangeTimer = new Timer(io.scheduler, () => this.run(() => topologyChangeTimerExpiry(this)));
  }

  get scheduler(): Scheduler {
    return this.io.scheduler;
  }

  /** Runs one operation, then lets the handler report. */
  private run(op: () => void): void {
    if (this.isFrozen) return;
    op();
    this.io.settled();
  }

  setTopologyChange(isOn: boolean): void {
    if (this.topologyChange === isOn) return;
    this.topologyChange = isOn;
    // While the Topology Change flag is set, entries age out after Forward Delay (clause 8, Topology Change).
    const forMs = isOn ? this.bridgeMaxAgeMs + this.bridgeForwardDelayMs : 0;
    this.io.flush(undefined, { ageingMs: this.forwardDelayMs, forMs });
  }

  send(p: LegacyPort, bpdu: Bpdu): void {
    this.io.transmit(p.bp, bpdu);
  }

  addPort(s: PortSettings): void {
    const p = new LegacyPort(s.bp, s.portId, s.adminEdge, this.io.scheduler, {
      messageAgeExpired: (q) => this.run(() => messageAgeTimerExpiry(this, q)),
      forwardDelayExpired: (q) => this.run(() => forwardDelayTimerExpiry(this, q)),
      holdExpired: (q) => this.run(() => holdTimerExpiry(this, q)),
    });
    p.designatedRoot = this.designatedRoot;
    p.designatedBridge = this.bridgeId;
    p.designatedPort = p.portId;
    this.ports.push(p);
    this.byBp.set(s.bp, p);
  }

  applyLinks(changes: readonly (readonly [string, PortLink])[]): void {
    if (this.isFrozen) return;
    for (const [bp, link] of changes) {
      const p = this.byBp.get(bp);
      if (!p) continue;
      if (link.isEnabled && !this.enabled.has(p)) {
        p.pathCost = link.pathCost;
        this.enabled.add(p);
        enablePort(this, p);
      } else if (!link.isEnabled && this.enabled.has(p)) {
        this.enabled.delete(p);
        disablePort(this, p);
      } else if (p.pathCost !== link.pathCost) {
        setPathCost(this, p, link.pathCost);
      }
    }
    this.io.settled();
  }

  receive(bp: string, bpdu: Bpdu): void {
    const p = this.byBp.get(bp);
    if (!p || this.isFrozen || !this.enabled.has(p)) return;
    if (p.operEdge) {
      // A BPDU on an edge port: a bridge is there after all; the port becomes a normal port.
      p.operEdge = false;
      p.changeDetectionEnabled = true;
    }
    this.run(() => {
      if (bpdu.kind === 'config') receivedConfigBpdu(this, p, bpdu);
      else if (bpdu.kind === 'tcn') receivedTcnBpdu(this, p);
      // RST BPDUs (type 0x02) are not 802.1D-1998 BPDUs: a legacy bridge ignores them (9.3.4).
    });
  }

  begin(): void {
    this.isFrozen = false;
    initialisation(this, (p) => this.enabled.has(p));
    this.io.settled();
  }

  freeze(): void {
    this.isFrozen = true;
    for (const p of this.ports) p.stopTimers();
    this.helloTimer.stop();
    this.tcnTimer.stop();
    this.topologyChangeTimer.stop();
  }

  view(bp: string): PortView | undefined {
    const p = this.byBp.get(bp);
    if (!p) return undefined;
    const forwarding = p.state === 'forwarding' ? 'forwarding' : p.state === 'learning' ? 'learning' : 'discarding';
    return { role: this.roleOf(p), state: p.state, forwarding };
  }

  private roleOf(p: LegacyPort): PortView['role'] {
    if (p.state === 'disabled') return 'disabled';
    if (p === this.rootPort) return 'root';
    if (isDesignatedPort(this, p)) return 'designated';
    return p.designatedBridge === this.bridgeId ? 'backup' : 'alternate';
  }

  root(): RootView {
    return { rootBridge: bridgeText(this.designatedRoot), rootCost: this.rootPathCost, isRoot: this.designatedRoot === this.bridgeId };
  }

  /** The legacy port record (tests, inspection). */
  port(bp: string): LegacyPort | undefined {
    return this.byBp.get(bp);
  }
}
