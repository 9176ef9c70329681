/**
 * One port of a legacy STP bridge: the port parameters of 802.1D-1998 8.5.5 and its timers
 * (8.5.6: Message Age, Forward Delay, Hold). Names follow the standard (designated_root →
 * designatedRoot…).
 */
import type { StpPortState } from '../../events';
import type { Scheduler } from '../../scheduler';
import { Timer } from '../../scheduler';
import type { BridgeKey } from '../priorityVector';

/** 802.1D-1998 8.4 port states. */
export type LegacyState = Extract<StpPortState, 'disabled' | 'blocking' | 'listening' | 'learning' | 'forwarding'>;

/** What the port's timers call. */
export interface LegacyTimerHooks {
  messageAgeExpired(p: LegacyPort): void;
  forwardDelayExpired(p: LegacyPort): void;
  holdExpired(p: LegacyPort): void;
}

export class LegacyPort {
  /** State (8.4). */
  state: LegacyState = 'disabled';
  /** Path Cost. */
  pathCost = 0;
  /** The designated root, cost, bridge and port recorded for the LAN. */
  designatedRoot: BridgeKey = '';
  designatedCost = 0;
  designatedBridge: BridgeKey = '';
  designatedPort = 0;
  /** Topology Change Acknowledge: TCA goes in the next Configuration BPDU. */
  topologyChangeAck = false;
  /** Configuration Pending: a BPDU waits for the Hold Timer. */
  configPending = false;
  /** Change Detection Enabled: false on edge ports (PortFast sends no TCN). */
  changeDetectionEnabled = true;
  /** Edge operation ("PortFast", a vendor feature on legacy STP): cleared by a received BPDU. */
  operEdge: boolean;
  /** Message Age of the last recorded information and when it was recorded (the timer's value). */
  messageAgeMs = 0;
  recordedAtUs = 0;
  readonly messageAgeTimer: Timer;
  readonly forwardDelayTimer: Timer;
  readonly holdTimer: Timer;

  constructor(
    readonly bp: string,
    /** Port Identifier (16-bit wire value). */
    readonly portId: number,
    readonly adminEdge: boolean,
    scheduler: Scheduler,
    hooks: LegacyTimerHooks,
  ) {
    this.operEdge = adminEdge;
    this.messageAgeTimer = new Timer(scheduler, () => hooks.messageAgeExpired(this));
    this.forwardDelayTimer = new Timer(scheduler, () => hooks.forwardDelayExpired(this));
    this.holdTimer = new Timer(scheduler, () => hooks.holdExpired(this));
  }

  stopTimers(): void {
    this.messageAgeTimer.stop();
    this.forwardDelayTimer.stop();
    this.holdTimer.stop();
  }
}
