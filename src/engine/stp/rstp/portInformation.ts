/**
 * Port Information state machine, 802.1D-2004 17.27, with the procedures it calls (17.21): it
 * keeps the port's priority vector (portPriority) — received from the designated bridge on the
 * LAN, or this bridge's own — ages received information when rcvdInfoWhile runs out, and records
 * proposals, agreements, disputes and topology-change flags from each received message.
 * Transient states (UPDATE, SUPERIOR_DESIGNATED, …) run their actions and return to CURRENT at once.
 */
import type { Bpdu } from '../../codecs/bpdu';
import { BpduPortRole, bpduTimeToMs } from '../../codecs/bpdu';
import type { PriorityVector, Times } from '../priorityVector';
import { betterOrSame, bridgeAddress, bridgeKey, compareVectors, portNumber, sameTimes, sameVector } from '../priorityVector';
import { MESSAGE_AGE_INCREMENT, RCVD_INFO_HELLOS } from '../timers';
import type { RcvdInfo, RstpPort } from './rstpPort';

/** What the machine needs of its bridge. */
export interface InformationBridge {
  readonly rstpVersion: boolean;
}

/** The message priority vector and times of a Configuration or RST BPDU (17.21.8). */
function decodeMessage(bpdu: Exclude<Bpdu, { kind: 'tcn' }>): { priority: PriorityVector; times: Times } {
  return {
    priority: { root: bridgeKey(bpdu.rootId), cost: bpdu.rootPathCost, bridge: bridgeKey(bpdu.bridgeId), port: bpdu.portId.raw },
    times: { messageAge: bpduTimeToMs(bpdu.messageAge), maxAge: bpduTimeToMs(bpdu.maxAge), forwardDelay: bpduTimeToMs(bpdu.forwardDelay), helloTime: bpduTimeToMs(bpdu.helloTime) },
  };
}

/**
 * A Configuration BPDU implicitly conveys a Designated Port Role; an RST BPDU says its role, and
 * the Unknown role is accepted as Designated (9.2.9 note: treated as a Configuration BPDU).
 */
function conveysDesignated(bpdu: Exclude<Bpdu, { kind: 'tcn' }>): boolean {
  if (bpdu.kind === 'config') return true;
  return bpdu.flags.portRole === BpduPortRole.designated || bpdu.flags.portRole === BpduPortRole.unknown;
}

/** 17.21.8 rcvInfo: classifies the received message against the port's priority vector. */
export function rcvInfo(p: RstpPort): RcvdInfo {
  const bpdu = p.rcvdBpduData;
  if (!bpdu) return 'OtherInfo';
  if (bpdu.kind === 'tcn') {
    // 17.21.17 setTcFlags: a TCN BPDU sets rcvdTcn; it carries no priority vector.
    p.rcvdTcn = true;
    return 'OtherInfo';
  }
  const msg = decodeMessage(bpdu);
  p.msgPriority = msg.priority;
  p.msgTimes = msg.times;
  const isBetter = compareVectors(msg.priority, p.portPriority) < 0;
  if (conveysDesignated(bpdu)) {
    const sameSender = bridgeAddress(msg.priority.bridge) === bridgeAddress(p.portPriority.bridge) && portNumber(msg.priority.port) === portNumber(p.portPriority.port);
    if (isBetter || sameSender) return 'SuperiorDesignatedInfo';
    const isSame = sameVector(msg.priority, p.portPriority);
    if (isSame && !sameTimes(msg.times, p.portTimes)) return 'SuperiorDesignatedInfo';
    if (isSame && p.infoIs === 'Received') return 'RepeatedDesignatedInfo';
    return 'InferiorDesignatedInfo';
  }
  return isBetter ? 'OtherInfo' : 'InferiorRootAlternateInfo';
}

/** 17.21.1 betterorsameInfo. */
function betterorsameInfo(p: RstpPort, newInfoIs: 'Received' | 'Mine'): boolean {
  if (newInfoIs === 'Received' && p.infoIs === 'Received') return betterOrSame(p.msgPriority, p.portPriority);
  if (newInfoIs === 'Mine' && p.infoIs === 'Mine') return betterOrSame(p.designatedPriority, p.portPriority);
  return false;
}

function rstFlags(p: RstpPort) {
  const bpdu = p.rcvdBpduData;
  return bpdu?.kind === 'rst' ? bpdu.flags : null;
}

/** 17.21.11 recordProposal: a designated message with the Proposal flag. */
function recordProposal(p: RstpPort): void {
  if (rstFlags(p)?.proposal === true) p.proposed = true;
}

/** 17.21.9 recordAgreement: only on point-to-point links, only from RSTP neighbours. */
function recordAgreement(b: InformationBridge, p: RstpPort): void {
  if (b.rstpVersion && p.operPointToPointMAC && rstFlags(p)?.agreement === true) {
    p.agreed = true;
    p.proposing = false;
  } else {
    p.agreed = false;
  }
}

/** 17.21.10 recordDispute: an inferior designated message from a port that is already learning. */
function recordDispute(p: RstpPort): void {
  if (rstFlags(p)?.learning === true) {
    p.disputed = true;
    p.agreed = false;
  }
}

/** 17.21.17 setTcFlags: Topology Change and TC Acknowledgment flags of a Config or RST BPDU. */
function setTcFlags(p: RstpPort): void {
  const bpdu = p.rcvdBpduData;
  if (!bpdu || bpdu.kind === 'tcn') return;
  if (bpdu.flags.topologyChange) p.rcvdTc = true;
  if (bpdu.flags.topologyChangeAck) p.rcvdTcAck = true;
}

/**
 * 17.21.23 updtRcvdInfoWhile: three Hello Times, or 0 (aged at once) when the message has
 * crossed too many bridges (Message Age + 1 s > Max Age).
 */
function updtRcvdInfoWhile(p: RstpPort): void {
  const t = p.portTimes;
  if (t.messageAge + MESSAGE_AGE_INCREMENT / 1000 <= t.maxAge) p.rcvdInfoWhile.set(Math.round(RCVD_INFO_HELLOS * t.helloTime * 1000));
  else p.rcvdInfoWhile.set(0);
}

function disabled(p: RstpPort): void {
  p.pim = 'DISABLED';
  p.rcvdMsg = false;
  p.proposing = p.proposed = p.agree = p.agreed = false;
  p.rcvdInfoWhile.set(0);
  p.infoIs = 'Disabled';
  p.reselect = true;
  p.selected = false;
}

function aged(p: RstpPort): void {
  p.pim = 'AGED';
  p.infoIs = 'Aged';
  p.reselect = true;
  p.selected = false;
}

/** UPDATE: the port's vector becomes this bridge's designated vector. */
function update(p: RstpPort): void {
  p.proposing = p.proposed = false;
  p.agreed = p.agreed && betterorsameInfo(p, 'Mine');
  p.synced = p.synced && p.agreed;
  p.portPriority = p.designatedPriority;
  p.portTimes = p.designatedTimes;
  p.updtInfo = false;
  p.infoIs = 'Mine';
  p.newInfo = true;
  p.pim = 'CURRENT';
}

function superiorDesignated(p: RstpPort): void {
  p.agreed = p.proposing = false;
  recordProposal(p);
  setTcFlags(p);
  p.agree = p.agree && betterorsameInfo(p, 'Received');
  p.portPriority = p.msgPriority; // 17.21.12 recordPriority
  p.portTimes = p.msgTimes; // 17.21.13 recordTimes
  updtRcvdInfoWhile(p);
  p.infoIs = 'Received';
  p.reselect = true;
  p.selected = false;
}

/** RECEIVE and the state its rcvInfo() result leads to; every branch ends with rcvdMsg = FALSE. */
function receive(b: InformationBridge, p: RstpPort): void {
  p.rcvdInfo = rcvInfo(p);
  switch (p.rcvdInfo) {
    case 'SuperiorDesignatedInfo':
      superiorDesignated(p);
      break;
    case 'RepeatedDesignatedInfo':
      recordProposal(p);
      setTcFlags(p);
      updtRcvdInfoWhile(p);
      break;
    case 'InferiorDesignatedInfo':
      recordDispute(p);
      break;
    case 'InferiorRootAlternateInfo':
      recordAgreement(b, p);
      setTcFlags(p);
      break;
    case 'OtherInfo':
      break;
  }
  p.rcvdMsg = false;
  p.pim = 'CURRENT';
}

/** BEGIN. */
export function portInformationBegin(p: RstpPort): void {
  disabled(p);
}

/** One step; true when the machine moved. */
export function portInformation(b: InformationBridge, p: RstpPort): boolean {
  if (!p.portEnabled && p.infoIs !== 'Disabled') {
    disabled(p);
    return true;
  }
  switch (p.pim) {
    case 'DISABLED':
      if (p.rcvdMsg) {
        disabled(p);
        return true;
      }
      if (!p.portEnabled) return false;
      aged(p);
      return true;
    case 'AGED':
      if (!(p.selected && p.updtInfo)) return false;
      update(p);
      return true;
    case 'CURRENT':
      if (p.selected && p.updtInfo) update(p);
      else if (p.infoIs === 'Received' && p.rcvdInfoWhile.isZero && !p.updtInfo && !p.rcvdMsg) aged(p);
      else if (p.rcvdMsg && !p.updtInfo) receive(b, p);
      else return false;
      return true;
  }
}
