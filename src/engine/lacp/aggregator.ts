/**
 * One LAG on one device: its member ports' machines, the selection logic that binds them to
 * the aggregator, and the events that report them. Every input (a PDU, a timer, a carrier change)
 * ends in `settle()`, which runs the machines until nothing changes, then transmits what NTT asks.
 */
import type { ResolvedLag } from '../../model';
import type { Lacpdu } from '../codecs/lacpdu';
import { LacpStateBit as B } from '../codecs/lacpdu';
import type { SimDevice } from '../device/types';
import type { LacpReason } from '../events';
import type { LacpPort, PortTimerHooks } from './lacpPort';
import { muxReset, muxStep } from './muxMachine';
import { periodicStep, periodicTx } from './periodicMachine';
import type { ActorView } from './receiveMachine';
import { rxBegin, rxPdu, rxPortDisabled, rxTimeout } from './receiveMachine';
import type { LacpReporter } from './reporter';
import type { SelectionView } from './selection';
import { runSelection } from './selection';
import type { StatusContext } from './status';
import { msToUs } from '../scheduler';
import { CHURN_DETECTION_TIME } from './timers';
import type { LacpTransmitter } from './transmitMachine';

/** Bound on machine iterations per settle; the machines converge in a handful. */
const MAX_SETTLE_ROUNDS = 32;

export class LacpAggregator implements PortTimerHooks, ActorView, SelectionView, StatusContext {
  readonly ports: LacpPort[] = [];
  partnerGroup: string | null = null;
  /** Called at the end of an instant in which a member's status changed (for the data plane, STP, bonds). */
  onMembersChanged: (() => void) | null = null;
  isStarted: boolean;
  /** MC-LAG: speak with the device's own system id instead of the pair's. */
  useOwnIdentity = false;
  private isSelectionDirty = true;

  constructor(
    readonly device: SimDevice,
    readonly config: ResolvedLag,
    private readonly tx: LacpTransmitter,
    private readonly reporter: LacpReporter,
  ) {
    this.isStarted = config.startMs <= 0;
  }

  /**
   * Actor System (5.3.2): the device MAC, or the MC-LAG pair's shared system MAC while the pair
   * speaks as one (`useOwnIdentity` reverts it, as Juniper's standby node does on ICCP loss).
   */
  get system(): string {
    return this.config.mclag && !this.useOwnIdentity ? this.config.mclag.systemMac : this.device.config.mac;
  }
  get systemPriority(): number {
    return this.config.systemPriority;
  }
  get key(): number {
    return this.config.key;
  }
  get maxActive(): number {
    return this.config.maxActive;
  }
  get isStatic(): boolean {
    return this.config.mode === 'on';
  }
  get individualPolicy(): 'suspend' | 'individual' {
    return this.device.config.individualPolicy;
  }
  /** The control plane can act: device powered and not muted. */
  get isAlive(): boolean {
    return !this.device.isFailed && !this.device.isMuted;
  }

  lacpEnabled(p: LacpPort): boolean {
    return this.isStarted && !this.isStatic && p.port.duplex === 'full';
  }
  disabledReason(p: LacpPort): LacpReason {
    return !this.isStarted ? 'notStarted' : p.port.duplex === 'half' ? 'halfDuplex' : 'noPartner';
  }
  selectionChanged(): void {
    this.isSelectionDirty = true;
  }

  /** BEGIN (5.4.12 etc.): every machine of every member back to its initial state. */
  begin(): void {
    for (const p of this.ports) {
      p.stopTimers();
      p.actorState = (this.config.mode === 'active' ? B.lacpActivity : 0) | (this.config.rate === 'fast' ? B.lacpTimeout : 0) | B.aggregation;
      muxReset(p);
      p.ntt = true;
      p.periodic = 'NO_PERIODIC';
      p.inFallback = false;
      p.churn = false;
      p.heardSinceUp = false;
      rxBegin(this, p);
      if (p.isEnabled) this.portCameUp(p);
    }
    this.partnerGroup = null;
    this.isSelectionDirty = true;
  }

  /** Power off / mute: every timer stops, nothing is sent until `begin()`. */
  freeze(): void {
    for (const p of this.ports) p.stopTimers();
  }

  /** The LAG starts running LACP (its startMs has come: the server finished PXE booting). */
  start(): void {
    this.isStarted = true;
    this.begin();
    this.settle();
  }

  carrier(p: LacpPort, isUp: boolean): void {
    rxPortDisabled(this, p);
    if (isUp) this.portCameUp(p);
    else {
      p.inFallback = false;
      p.fallbackTimer.stop();
      p.churnTimer.stop();
      p.churn = false;
      p.txTimes.length = 0;
    }
    this.settle();
  }

  private portCameUp(p: LacpPort): void {
    p.heardSinceUp = false;
    const timeout = this.config.fallbackTimeoutMs;
    if (timeout !== null && this.lacpEnabled(p)) p.fallbackTimer.start(msToUs(timeout));
  }

  receive(p: LacpPort, pdu: Lacpdu): void {
    if (!this.lacpEnabled(p) || !p.isEnabled) return;
    p.heardSinceUp = true;
    let changed = false;
    if (p.inFallback || p.fallbackTimer.isRunning) {
      p.inFallback = false;
      p.fallbackTimer.stop();
      this.isSelectionDirty = true;
      changed = true;
    }
    // An unchanged periodic PDU only restarts current_while: nothing else can move.
    if (rxPdu(this, p, pdu) || changed) this.settle();
  }

  // Timer hooks (PortTimerHooks): each is one transition of the standard's machines.
  currentWhileExpired(p: LacpPort): void {
    rxTimeout(this, p);
    this.settle();
  }
  periodicExpired(p: LacpPort): void {
    const before = p.periodic;
    periodicTx(p);
    // PERIODIC_TX only raised NTT (the rate did not change): transmit, nothing else can move.
    if (p.periodic === before && this.isAlive) this.tx.transmit(this, p);
    else this.settle();
  }
  waitWhileExpired(p: LacpPort): void {
    p.readyN = true;
    this.settle();
  }
  fallbackExpired(p: LacpPort): void {
    if (p.heardSinceUp || !p.isEnabled) return;
    p.inFallback = true;
    this.settle();
  }
  churnExpired(p: LacpPort): void {
    p.churn = true;
    this.settle();
  }
  txAllowed(): void {
    this.settle();
  }

  /** Ready (5.4.8): every port selected for the aggregator and waiting has Ready_N. */
  private isReady(): boolean {
    for (const p of this.ports) if (p.selected === 'SELECTED' && p.mux === 'WAITING' && !p.readyN) return false;
    return true;
  }

  /** Runs periodic → selection → mux until nothing changes, then churn, transmit and report. */
  settle(): void {
    if (!this.isAlive) return;
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      let changed = false;
      for (const p of this.ports) changed = periodicStep(p, this.lacpEnabled(p) && p.isEnabled) || changed;
      if (this.isSelectionDirty) {
        this.isSelectionDirty = false;
        changed = runSelection(this, this.ports) || changed;
      }
      const ready = this.isReady();
      for (const p of this.ports) {
        if (muxStep(p, ready)) {
          changed = true;
          if (p.mux === 'DETACHED') this.isSelectionDirty = true;
        }
      }
      if (!changed) break;
    }
    for (const p of this.ports) {
      this.updateChurn(p);
      if (p.ntt) this.tx.transmit(this, p);
    }
    this.reporter.report(this);
  }

  /** Churn detection (5.4.17): out of sync for Churn_Detection_Time flags churn (a hint only). */
  private updateChurn(p: LacpPort): void {
    const inSync = p.actor(B.synchronization) && p.partnerSync;
    if (!p.isEnabled || !this.lacpEnabled(p) || inSync || p.selected === 'STANDBY') {
      p.churnTimer.stop();
      if (inSync || !p.isEnabled) p.churn = false;
      return;
    }
    if (!p.churn && !p.churnTimer.isRunning) p.churnTimer.start(CHURN_DETECTION_TIME);
  }

  /** Test/CLI query: the member record of a port. */
  member(portId: string): LacpPort | undefined {
    return this.ports.find((p) => p.id === portId);
  }

  /** BEGIN and settle: the control plane (re)starts after power on or unmute. */
  restart(): void {
    this.begin();
    this.settle();
  }

  /** Power off: machines reset and stopped, members reported down. */
  powerOff(): void {
    this.begin();
    this.freeze();
    this.reporter.report(this);
  }
}
