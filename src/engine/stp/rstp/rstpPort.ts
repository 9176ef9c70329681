/**
 * One RSTP bridge port: the per-port variables of 802.1D-2004 17.19, its timers (17.17) and the
 * state of each per-port machine (17.23–17.31). The machines in this folder act on it; variable
 * names are the standard's.
 */
import type { Bpdu } from '../../codecs/bpdu';
import type { Scheduler } from '../../scheduler';
import { Timer } from '../../scheduler';
import type { PriorityVector, Times } from '../priorityVector';
import { WhileTimer } from '../whileTimer';

/** infoIs (17.19.10): where the port's priority vector came from. */
export type InfoIs = 'Disabled' | 'Aged' | 'Mine' | 'Received';
/** Port roles (17.7): role and selectedRole. */
export type Role = 'Disabled' | 'Root' | 'Designated' | 'Alternate' | 'Backup';
/** rcvInfo() results (17.21.8). */
export type RcvdInfo = 'SuperiorDesignatedInfo' | 'RepeatedDesignatedInfo' | 'InferiorDesignatedInfo' | 'InferiorRootAlternateInfo' | 'OtherInfo';

export type PrxState = 'DISCARD' | 'RECEIVE';
export type PpmState = 'CHECKING_RSTP' | 'SELECTING_STP' | 'SENSING';
export type BdmState = 'EDGE' | 'NOT_EDGE';
export type PtxState = 'TRANSMIT_INIT' | 'IDLE';
export type PimState = 'DISABLED' | 'AGED' | 'CURRENT';
export type PrtState = 'INIT_PORT' | 'DISABLE_PORT' | 'DISABLED_PORT' | 'ROOT_PORT' | 'DESIGNATED_PORT' | 'BLOCK_PORT' | 'ALTERNATE_PORT';
export type PstState = 'DISCARDING' | 'LEARNING' | 'FORWARDING';
export type TcmState = 'INACTIVE' | 'LEARNING' | 'ACTIVE';

/** Hooks the port's timers call (the bridge runs its machines). */
export interface RstpTimerHooks {
  expired(): void;
}

const NO_VECTOR: PriorityVector = { root: '', cost: 0, bridge: '', port: 0 };
const NO_TIMES: Times = { messageAge: 0, maxAge: 0, forwardDelay: 0, helloTime: 0 };

export class RstpPort {
  /** Port Path Cost (17.19.20) and the link's state, set by the handler. */
  portPathCost = 0;
  portEnabled = false;
  operPointToPointMAC = true;

  // 17.19 per-port variables.
  agree = false;
  agreed = false;
  designatedPriority: PriorityVector = NO_VECTOR;
  designatedTimes: Times = NO_TIMES;
  disputed = false;
  fdbFlush = false;
  forward = false;
  forwarding = false;
  infoIs: InfoIs = 'Disabled';
  learn = false;
  learning = false;
  mcheck = false;
  msgPriority: PriorityVector = NO_VECTOR;
  msgTimes: Times = NO_TIMES;
  newInfo = false;
  operEdge = false;
  portPriority: PriorityVector = NO_VECTOR;
  portTimes: Times = NO_TIMES;
  proposed = false;
  proposing = false;
  rcvdBpdu = false;
  rcvdInfo: RcvdInfo = 'OtherInfo';
  rcvdMsg = false;
  rcvdRSTP = false;
  rcvdSTP = false;
  rcvdTc = false;
  rcvdTcAck = false;
  rcvdTcn = false;
  reRoot = false;
  reselect = false;
  role: Role = 'Disabled';
  selected = false;
  selectedRole: Role = 'Disabled';
  sendRSTP = true;
  sync = false;
  synced = false;
  tcAck = false;
  tcProp = false;
  txCount = 0;
  updtInfo = false;
  /** The BPDU Port Receive hands to Port Information (17.23 "the received BPDU"). */
  rcvdBpduData: Bpdu | null = null;

  // 17.17 timers (edgeDelayWhile is not kept: AutoEdge is not modelled, see README).
  readonly fdWhile: WhileTimer;
  readonly helloWhen: WhileTimer;
  readonly mdelayWhile: WhileTimer;
  readonly rbWhile: WhileTimer;
  readonly rcvdInfoWhile: WhileTimer;
  readonly rrWhile: WhileTimer;
  readonly tcWhile: WhileTimer;
  /** The Port Timers machine's once-a-second decrement of txCount (17.22). */
  readonly txTick: Timer;

  // Machine states.
  prx: PrxState = 'DISCARD';
  ppm: PpmState = 'CHECKING_RSTP';
  bdm: BdmState = 'NOT_EDGE';
  ptx: PtxState = 'TRANSMIT_INIT';
  pim: PimState = 'DISABLED';
  prt: PrtState = 'INIT_PORT';
  pst: PstState = 'DISCARDING';
  tcm: TcmState = 'INACTIVE';

  constructor(
    readonly bp: string,
    readonly portId: number,
    readonly adminEdge: boolean,
    scheduler: Scheduler,
    hooks: RstpTimerHooks,
    onTxTick: (p: RstpPort) => void,
  ) {
    const expired = () => hooks.expired();
    this.fdWhile = new WhileTimer(scheduler, expired);
    this.helloWhen = new WhileTimer(scheduler, expired);
    this.mdelayWhile = new WhileTimer(scheduler, expired);
    this.rbWhile = new WhileTimer(scheduler, expired);
    this.rcvdInfoWhile = new WhileTimer(scheduler, expired);
    this.rrWhile = new WhileTimer(scheduler, expired);
    this.tcWhile = new WhileTimer(scheduler, expired);
    this.txTick = new Timer(scheduler, () => onTxTick(this));
  }

  stopTimers(): void {
    for (const t of [this.fdWhile, this.helloWhen, this.mdelayWhile, this.rbWhile, this.rcvdInfoWhile, this.rrWhile, this.tcWhile]) t.stop();
    this.txTick.stop();
  }
}
