/**
 * Port Transmit state machine, 802.1D-2004 17.26, with txConfig, txRstp and txTcn (17.21.19–21).
 * A port sends a BPDU whenever its information changed (newInfo) — at most Transmit Hold Count
 * per second (txCount, decremented once a second) — and designated ports (and a root port while
 * tcWhile runs) every Hello Time. A port sending RST BPDUs sends them whatever its role; towards a
 * legacy bridge a designated port sends Configuration BPDUs and a root port TCNs.
 */
import type { Bpdu } from '../../codecs/bpdu';
import { BpduPortRole, makePortId, msToBpduTime, portIdFromRaw } from '../../codecs/bpdu';
import { bridgeIdOf } from '../priorityVector';
import { TRANSMIT_HOLD_COUNT, TX_COUNT_TICK, msUs } from '../timers';
import type { Role, RstpPort } from './rstpPort';

/** What the machine needs of its bridge. */
export interface TransmitBridge {
  transmit(p: RstpPort, bpdu: Bpdu): void;
}

const ROLE_CODE: Record<Role, 0 | 1 | 2 | 3> = {
  Disabled: BpduPortRole.unknown,
  Root: BpduPortRole.root,
  Designated: BpduPortRole.designated,
  Alternate: BpduPortRole.alternateOrBackup,
  Backup: BpduPortRole.alternateOrBackup,
};

/** The priority vector and times a port advertises: its designated ones (17.21.19–20). */
function body(p: RstpPort) {
  const v = p.designatedPriority;
  const t = p.designatedTimes;
  const raw = portIdFromRaw(v.port);
  return {
    rootId: bridgeIdOf(v.root),
    rootPathCost: v.cost,
    bridgeId: bridgeIdOf(v.bridge),
    portId: makePortId(raw.priority, raw.number),
    messageAge: msToBpduTime(t.messageAge),
    maxAge: msToBpduTime(t.maxAge),
    helloTime: msToBpduTime(t.helloTime),
    forwardDelay: msToBpduTime(t.forwardDelay),
  };
}

/** 17.21.19 txConfig. */
function txConfig(p: RstpPort): Bpdu {
  return { kind: 'config', version: 0, flags: { topologyChange: !p.tcWhile.isZero, topologyChangeAck: p.tcAck }, ...body(p) };
}

/** 17.21.20 txRstp: the role, Proposal, Agreement, Learning and Forwarding flags; TCA is 0. */
function txRstp(p: RstpPort): Bpdu {
  const flags = { topologyChange: !p.tcWhile.isZero, proposal: p.proposing, portRole: ROLE_CODE[p.role], learning: p.learning, forwarding: p.forwarding, agreement: p.agree, topologyChangeAck: false };
  return { kind: 'rst', version: 2, flags, version1Length: 0, ...body(p) };
}

/** IDLE: wait Hello Time for the next periodic transmission. */
function idle(p: RstpPort): void {
  p.ptx = 'IDLE';
  p.helloWhen.set(msUs(p.designatedTimes.helloTime));
}

/** Counts a transmission against Transmit Hold Count; the Port Timers machine decrements it. */
function count(p: RstpPort): void {
  p.txCount++;
  if (!p.txTick.isRunning) p.txTick.start(TX_COUNT_TICK);
}

/** TRANSMIT_INIT (BEGIN, or the port is disabled): send as soon as the port is up. */
function transmitInit(p: RstpPort): void {
  p.ptx = 'TRANSMIT_INIT';
  p.newInfo = true;
  p.txCount = 0;
  p.txTick.stop();
  p.helloWhen.set(0);
}

export function portTransmitBegin(p: RstpPort): void {
  transmitInit(p);
}

/** Sends what is due; the bridge calls it once the other machines have settled. */
export function portTransmit(b: TransmitBridge, p: RstpPort): void {
  if (!p.portEnabled) {
    if (p.ptx !== 'TRANSMIT_INIT' || !p.newInfo || p.txCount !== 0) transmitInit(p);
    return;
  }
  if (p.ptx === 'TRANSMIT_INIT') idle(p);
  if (!p.selected || p.updtInfo) return;
  if (p.helloWhen.isZero) {
    // TRANSMIT_PERIODIC
    p.newInfo = p.newInfo || p.role === 'Designated' || (p.role === 'Root' && !p.tcWhile.isZero);
    idle(p);
  }
  if (!p.newInfo || p.txCount >= TRANSMIT_HOLD_COUNT || p.role === 'Disabled') return;
  let bpdu: Bpdu | null = null;
  if (p.sendRSTP) bpdu = txRstp(p); // TRANSMIT_RSTP
  // TRANSMIT_TCN — only while a topology change is being notified: a legacy designated bridge
  // takes any TCN for one (17.26 sends one on every newInfo of a root port; see README).
  else if (p.role === 'Root' && !p.tcWhile.isZero) bpdu = { kind: 'tcn', version: 0 };
  else if (p.role === 'Designated') bpdu = txConfig(p); // TRANSMIT_CONFIG
  p.newInfo = false;
  if (!bpdu) return;
  if (bpdu.kind !== 'tcn') p.tcAck = false;
  count(p);
  b.transmit(p, bpdu);
  idle(p);
}

/** Port Timers (17.22): once a second txCount goes down; returns true when a BPDU may now be due. */
export function txCountTick(p: RstpPort): boolean {
  if (p.txCount > 0) p.txCount--;
  if (p.txCount > 0) p.txTick.start(TX_COUNT_TICK);
  return p.newInfo;
}
