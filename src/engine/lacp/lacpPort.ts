/**
 * One LAG member port's LACP variables (802.1AX-2008 5.4.7 per-port variables) and timers.
 * The machines in receiveMachine / periodicMachine / muxMachine / transmitMachine act on it.
 */
import type { LacpInfo, Lacpdu } from '../codecs/lacpdu';
import { LacpStateBit } from '../codecs/lacpdu';
import type { SimPort } from '../device/types';
import type { LacpReason, LacpPortStatus } from '../events';
import type { Scheduler } from '../scheduler';
import { Timer } from '../scheduler';
import type { MuxState, PeriodicState, RxState, Selected } from './types';

/** Hooks a port's timers call; implemented by its aggregator. */
export interface PortTimerHooks {
  currentWhileExpired(p: LacpPort): void;
  periodicExpired(p: LacpPort): void;
  waitWhileExpired(p: LacpPort): void;
  fallbackExpired(p: LacpPort): void;
  churnExpired(p: LacpPort): void;
  txAllowed(p: LacpPort): void;
}

/** What was last reported for the port, to emit `lacp` events only on change. */
export interface PortReport {
  rx: string;
  mux: string;
  selected: string;
  periodic: string;
  status: LacpPortStatus;
  reason: LacpReason | undefined;
  churn: boolean;
  actorState: number;
  partnerState: number;
  partnerSystem: string;
  partnerKey: number;
  partnerPort: number;
}

export const ZERO_MAC = '00:00:00:00:00:00';

export class LacpPort {
  /** Actor_Oper_Port_State (802.1AX 5.4.2.2 state octet). */
  actorState = 0;
  /** Actor_Oper_Port_Key: the LAG key, or another one when the speed differs (5.3.5). */
  opKey: number;
  /**
   * Actor_Port (5.3.4): the port number, plus an offset on the second MC-LAG peer so port numbers
   * stay unique within the pair's shared system (Juniper chassis-id, vPC).
   */
  actorPort: number;
  /** Partner operational parameters (5.4.7). */
  partner: LacpInfo;
  rx: RxState = 'INITIALIZE';
  mux: MuxState = 'DETACHED';
  periodic: PeriodicState = 'NO_PERIODIC';
  selected: Selected = 'UNSELECTED';
  /** Need To Transmit (5.4.7). */
  ntt = false;
  /** Ready_N: wait_while expired in WAITING (5.4.7). */
  readyN = false;
  /** Some LACPDU arrived since the port last came up (fallback, 1.10 of protocols.md). */
  heardSinceUp = false;
  /** Forwarding as an individual port after the fallback timeout. */
  inFallback = false;
  /** Actor or partner churn flagged (5.4.17). */
  churn = false;
  /** Why the port is not aggregated, set by the selection logic. */
  reason: LacpReason | undefined = undefined;
  /** Times of the last LACPDUs sent, for the 3-per-second limit (5.4.16). */
  readonly txTimes: number[] = [];
  report: PortReport | null = null;
  /** The last LACPDU sent and its bytes (reused while unchanged). */
  lastTx: { pdu: Lacpdu; frame: Uint8Array } | null = null;
  /** The last frame received and its decoding (the same bytes arrive every second). */
  lastRx: { frame: Uint8Array; pdu: Lacpdu } | null = null;

  readonly currentWhile: Timer;
  readonly periodicTimer: Timer;
  readonly waitWhile: Timer;
  readonly fallbackTimer: Timer;
  readonly churnTimer: Timer;
  readonly txTimer: Timer;

  constructor(
    readonly port: SimPort,
    readonly portPriority: number,
    adminKey: number,
    portOffset: number,
    scheduler: Scheduler,
    hooks: PortTimerHooks,
  ) {
    this.opKey = adminKey;
    this.actorPort = port.number + portOffset;
    this.partner = defaultPartner(0);
    this.currentWhile = new Timer(scheduler, () => hooks.currentWhileExpired(this));
    this.periodicTimer = new Timer(scheduler, () => hooks.periodicExpired(this));
    this.waitWhile = new Timer(scheduler, () => hooks.waitWhileExpired(this));
    this.fallbackTimer = new Timer(scheduler, () => hooks.fallbackExpired(this));
    this.churnTimer = new Timer(scheduler, () => hooks.churnExpired(this));
    this.txTimer = new Timer(scheduler, () => hooks.txAllowed(this));
  }

  get id(): string {
    return this.port.id;
  }

  /** port_enabled (5.4.7): the MAC is operational — carrier up and the port not failed. */
  get isEnabled(): boolean {
    return this.port.isUp;
  }

  actor(bit: number): boolean {
    return (this.actorState & bit) !== 0;
  }

  setActor(bit: number, on: boolean): void {
    this.actorState = on ? this.actorState | bit : this.actorState & ~bit;
  }

  partnerHas(bit: number): boolean {
    return (this.partner.state & bit) !== 0;
  }

  setPartner(bit: number, on: boolean): void {
    this.partner.state = on ? this.partner.state | bit : this.partner.state & ~bit;
  }

  get partnerSync(): boolean {
    return this.partnerHas(LacpStateBit.synchronization);
  }

  /** Partner known from a PDU: a non-zero system id (Linux ad_port_selection_logic). */
  get hasPartner(): boolean {
    return this.partner.system !== ZERO_MAC;
  }

  stopTimers(): void {
    this.currentWhile.stop();
    this.periodicTimer.stop();
    this.waitWhile.stop();
    this.fallbackTimer.stop();
    this.churnTimer.stop();
    this.txTimer.stop();
  }
}

/**
 * Partner_Admin values (5.4.7) used by recordDefault: an unknown partner (system all zeros),
 * passive, individual. Its LACP_Timeout is the actor's own rate, so a lone active port keeps
 * transmitting at the rate it was configured for.
 */
export function defaultPartner(timeoutBit: number): LacpInfo {
  return { systemPriority: 0, system: ZERO_MAC, key: 0, portPriority: 0, port: 0, state: timeoutBit };
}
