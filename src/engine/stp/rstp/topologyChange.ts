/**
 * Topology Change state machine, 802.1D-2004 17.31. A non-edge Root or Designated port that starts
 * forwarding is a topology change (DETECTED): the bridge sends BPDUs with TC set for tcWhile on its
 * other root/designated ports and flushes their filtering-database entries (PROPAGATING). A TC
 * received on a port (NOTIFIED_TC) propagates the same way to every other port; a TCN from a legacy
 * bridge (NOTIFIED_TCN) also, and is acknowledged (tcAck). Edge ports neither cause nor flush.
 * A port that leaves the active topology (INACTIVE) flushes its own entries.
 */
import { TC_WHILE_EXTRA, msUs } from '../timers';
import type { RstpPort } from './rstpPort';

/** What the machine needs of its bridge. */
export interface TcBridge {
  readonly ports: readonly RstpPort[];
  /** rootTimes Max Age and Forward Delay, ms (tcWhile towards legacy bridges). */
  readonly rootTimes: { maxAge: number; forwardDelay: number };
  /** The filtering database removes the port's entries (17.19.7 fdbFlush, rstpVersion: at once). */
  flush(p: RstpPort): void;
}

function isActiveRole(p: RstpPort): boolean {
  return p.role === 'Root' || p.role === 'Designated';
}

/** 17.21.7 newTcWhile. */
function newTcWhile(b: TcBridge, p: RstpPort): void {
  if (!p.tcWhile.isZero) return;
  if (p.sendRSTP) {
    p.tcWhile.set(msUs(p.designatedTimes.helloTime) + TC_WHILE_EXTRA);
    p.newInfo = true;
  } else {
    p.tcWhile.set(msUs(b.rootTimes.maxAge + b.rootTimes.forwardDelay));
  }
}

/** 17.21.18 setTcPropTree: every other port propagates. */
function setTcPropTree(b: TcBridge, p: RstpPort): void {
  for (const q of b.ports) if (q !== p) q.tcProp = true;
}

/** fdbFlush = TRUE: done at once, edge ports excepted (they hold no bridged stations' entries to move). */
function fdbFlush(b: TcBridge, p: RstpPort): void {
  if (!p.operEdge) b.flush(p);
  p.fdbFlush = false;
}

function inactive(b: TcBridge, p: RstpPort): void {
  p.tcm = 'INACTIVE';
  fdbFlush(b, p);
  p.tcWhile.set(0);
  p.tcAck = false;
}

function learning(p: RstpPort): void {
  p.tcm = 'LEARNING';
  p.rcvdTc = p.rcvdTcn = p.rcvdTcAck = false;
  p.tcProp = false;
}

export function topologyChangeBegin(b: TcBridge, p: RstpPort): void {
  inactive(b, p);
}

/** ACTIVE: one of the notifications, or back to LEARNING; true when something happened. */
function active(b: TcBridge, p: RstpPort): boolean {
  if (!isActiveRole(p) || p.operEdge) {
    learning(p);
  } else if (p.rcvdTcn) {
    newTcWhile(b, p); // NOTIFIED_TCN, then NOTIFIED_TC
    notifiedTc(b, p);
  } else if (p.rcvdTc) {
    notifiedTc(b, p);
  } else if (p.tcProp && !p.operEdge) {
    newTcWhile(b, p); // PROPAGATING
    fdbFlush(b, p);
    p.tcProp = false;
  } else if (p.rcvdTcAck) {
    p.tcWhile.set(0); // ACKNOWLEDGED
    p.rcvdTcAck = false;
  } else {
    return false;
  }
  return true;
}

/** NOTIFIED_TC. */
function notifiedTc(b: TcBridge, p: RstpPort): void {
  p.rcvdTcn = p.rcvdTc = false;
  if (p.role === 'Designated') p.tcAck = true;
  setTcPropTree(b, p);
}

/** One step; true when the machine moved. */
export function topologyChange(b: TcBridge, p: RstpPort): boolean {
  switch (p.tcm) {
    case 'INACTIVE':
      if (!p.learn || p.fdbFlush) return false;
      learning(p);
      return true;
    case 'LEARNING':
      if (isActiveRole(p) && p.forward && !p.operEdge) {
        p.tcm = 'ACTIVE'; // DETECTED, then ACTIVE
        newTcWhile(b, p);
        setTcPropTree(b, p);
        p.newInfo = true;
        return true;
      }
      if (p.rcvdTc || p.rcvdTcn || p.rcvdTcAck || p.tcProp) {
        learning(p);
        return true;
      }
      if (!isActiveRole(p) && !(p.learn || p.learning)) {
        inactive(b, p);
        return true;
      }
      return false;
    case 'ACTIVE':
      return active(b, p);
  }
}
