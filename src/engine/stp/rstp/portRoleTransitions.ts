/**
 * Port Role Transitions state machine, 802.1D-2004 17.29 (ordering of simultaneous conditions as
 * in mstpd's PRTSM, which follows 802.1Q-2005 13.34). It moves each port towards its selected role
 * and decides when it may learn and forward: at once for edge ports, after the downstream bridge's
 * Agreement on point-to-point links (the proposal/agreement handshake with sync), immediately for
 * a new root port when no recent root port still forwards (reRooted), or after Forward Delay.
 *
 * States that the standard re-enters every tick to keep a timer full (DISABLED_PORT, ROOT_PORT,
 * ALTERNATE_PORT with BACKUP_PORT) hold it instead (see whileTimer.ts) and release it on leaving.
 */
import { RB_WHILE_HELLOS } from '../timers';
import { msUs } from '../timers';
import type { PrtState, RstpPort } from './rstpPort';

/** What the machine needs of its bridge. */
export interface TransitionsBridge {
  readonly ports: readonly RstpPort[];
  readonly rstpVersion: boolean;
}

/**
 * FwdDelay (17.20.6) and forwardDelay (17.20.5) in µs. 802.1D-2004 makes forwardDelay Hello Time
 * for ports that send RST BPDUs and holds fdWhile at Max Age in DISABLED_PORT; we use Forward Delay
 * for both, as protocols.md §4.7 (2) and vendors do, so a designated port that gets no agreement
 * takes 2 × Forward Delay (README: "Simplifications").
 */
function fwdDelay(p: RstpPort): number {
  return msUs(p.designatedTimes.forwardDelay);
}
function helloTime(p: RstpPort): number {
  return msUs(p.designatedTimes.helloTime);
}

/** Enters a state: a timer held by the state left starts counting down. */
function enter(p: RstpPort, next: PrtState): void {
  if (p.prt === next) return;
  if (p.prt === 'DISABLED_PORT' || p.prt === 'ALTERNATE_PORT') {
    p.fdWhile.release();
    p.rbWhile.release();
  }
  if (p.prt === 'ROOT_PORT') p.rrWhile.release();
  p.prt = next;
}

/** 17.20.3 allSynced (as refined in 802.1Q 13.25.1): every port selected, in role, synced. */
function allSynced(b: TransitionsBridge, p: RstpPort): boolean {
  for (const q of b.ports) {
    if (!q.selected || q.role !== q.selectedRole || q.updtInfo) return false;
    if (p.role === 'Root' || p.role === 'Alternate') {
      if (q.role !== 'Root' && !q.synced) return false;
    } else if (p.role === 'Designated') {
      if (q !== p && !q.synced) return false;
    } else {
      return false;
    }
  }
  return true;
}

/** 17.20.10 reRooted: no other port is a recent root port (rrWhile running). */
function reRooted(b: TransitionsBridge, p: RstpPort): boolean {
  return b.ports.every((q) => q === p || q.rrWhile.isZero);
}

function setSyncTree(b: TransitionsBridge): void {
  for (const q of b.ports) q.sync = true;
}

function setReRootTree(b: TransitionsBridge): void {
  for (const q of b.ports) q.reRoot = true;
}

/** INIT_PORT (BEGIN). */
export function portRoleTransitionsBegin(p: RstpPort): void {
  p.prt = 'INIT_PORT';
  p.role = 'Disabled';
  p.learn = p.forward = false;
  p.synced = false;
  p.sync = p.reRoot = true;
  p.rrWhile.set(fwdDelay(p));
  p.fdWhile.set(msUs(p.designatedTimes.maxAge));
  p.rbWhile.set(0);
}

/** DISABLED_PORT, entered or re-entered; true when anything changed. */
function disabledPort(p: RstpPort): boolean {
  const changed = p.prt !== 'DISABLED_PORT' || p.sync || p.reRoot || !p.synced || !p.rrWhile.isZero;
  enter(p, 'DISABLED_PORT');
  const held = p.fdWhile.hold(fwdDelay(p));
  p.synced = true;
  p.rrWhile.set(0);
  p.sync = p.reRoot = false;
  return changed || held;
}

/** ALTERNATE_PORT, entered or re-entered; true when anything changed. */
function alternatePort(p: RstpPort): boolean {
  const changed = p.prt !== 'ALTERNATE_PORT' || p.sync || p.reRoot || !p.synced || !p.rrWhile.isZero;
  enter(p, 'ALTERNATE_PORT');
  const held = p.fdWhile.hold(fwdDelay(p));
  p.synced = true;
  p.rrWhile.set(0);
  p.sync = p.reRoot = false;
  return changed || held;
}

/** Root port transitions (17.29). */
function rootPort(b: TransitionsBridge, p: RstpPort): boolean {
  if (!p.forward && !p.reRoot) {
    setReRootTree(b); // REROOT
    return true;
  }
  if ((p.agreed && !p.synced) || (p.sync && p.synced)) {
    p.synced = true; // ROOT_SYNCED
    p.sync = false;
    return true;
  }
  if ((allSynced(b, p) && !p.agree) || (p.proposed && p.agree)) {
    p.proposed = p.sync = false; // ROOT_AGREED
    p.agree = true;
    p.newInfo = true;
    return true;
  }
  if (p.proposed && !p.agree) {
    setSyncTree(b); // ROOT_PROPOSED
    p.proposed = false;
    return true;
  }
  if (p.fdWhile.isZero || (reRooted(b, p) && p.rbWhile.isZero && b.rstpVersion)) {
    if (!p.learn) {
      p.fdWhile.set(fwdDelay(p)); // ROOT_LEARN
      p.learn = true;
      return true;
    }
    if (!p.forward) {
      p.fdWhile.set(0); // ROOT_FORWARD
      p.forward = true;
      return true;
    }
  }
  if (p.reRoot && p.forward) {
    p.reRoot = false; // REROOTED
    return true;
  }
  return p.rrWhile.hold(fwdDelay(p)); // ROOT_PORT keeps rrWhile at FwdDelay
}

/** Designated port transitions (17.29). */
function designatedPort(p: RstpPort): boolean {
  if (p.reRoot && p.rrWhile.isZero) {
    p.reRoot = false; // DESIGNATED_RETIRED
    return true;
  }
  if ((!p.learning && !p.forwarding && !p.synced) || (p.agreed && !p.synced) || (p.operEdge && !p.synced) || (p.sync && p.synced)) {
    p.rrWhile.set(0); // DESIGNATED_SYNCED
    p.synced = true;
    p.sync = false;
    return true;
  }
  if (!p.forward && !p.agreed && !p.proposing && !p.operEdge) {
    p.proposing = true; // DESIGNATED_PROPOSE
    p.newInfo = true;
    return true;
  }
  if ((p.fdWhile.isZero || p.agreed || p.operEdge) && (p.rrWhile.isZero || !p.reRoot) && !p.sync) {
    if (!p.learn) {
      p.learn = true; // DESIGNATED_LEARN
      p.fdWhile.set(fwdDelay(p));
      return true;
    }
    if (!p.forward) {
      p.forward = true; // DESIGNATED_FORWARD
      p.fdWhile.set(0);
      p.agreed = p.sendRSTP;
      return true;
    }
  }
  if (((p.sync && !p.synced) || (p.reRoot && !p.rrWhile.isZero) || p.disputed) && !p.operEdge && (p.learn || p.forward)) {
    p.learn = p.forward = p.disputed = false; // DESIGNATED_DISCARD
    p.fdWhile.set(fwdDelay(p));
    return true;
  }
  return false;
}

/** Alternate and Backup port transitions (17.29). */
function alternateOrBackupPort(b: TransitionsBridge, p: RstpPort): boolean {
  if ((allSynced(b, p) && !p.agree) || (p.proposed && p.agree)) {
    p.proposed = false; // ALTERNATE_AGREED
    p.agree = true;
    p.newInfo = true;
    return true;
  }
  if (p.proposed && !p.agree) {
    setSyncTree(b); // ALTERNATE_PROPOSED
    p.proposed = false;
    return true;
  }
  // BACKUP_PORT keeps rbWhile at 2 × Hello Time while the role is Backup.
  const backup = p.role === 'Backup' && p.rbWhile.hold(RB_WHILE_HELLOS * helloTime(p));
  return alternatePort(p) || backup;
}

/** The role the port was selected for differs from its role: go to that role's first state. */
function changeRole(p: RstpPort): void {
  switch (p.selectedRole) {
    case 'Disabled':
      enter(p, 'DISABLE_PORT');
      p.role = 'Disabled';
      p.learn = p.forward = false;
      return;
    case 'Root':
      enter(p, 'ROOT_PORT');
      p.role = 'Root';
      p.rrWhile.hold(fwdDelay(p));
      return;
    case 'Designated':
      enter(p, 'DESIGNATED_PORT');
      p.role = 'Designated';
      return;
    case 'Alternate':
    case 'Backup':
      enter(p, 'BLOCK_PORT');
      p.role = p.selectedRole;
      p.learn = p.forward = false;
  }
}

/** One step; true when the machine moved. */
export function portRoleTransitions(b: TransitionsBridge, p: RstpPort): boolean {
  const ready = p.selected && !p.updtInfo;
  if (p.role !== p.selectedRole && ready) {
    changeRole(p);
    return true;
  }
  switch (p.prt) {
    case 'INIT_PORT':
      enter(p, 'DISABLE_PORT');
      p.role = 'Disabled';
      p.learn = p.forward = false;
      return true;
    case 'DISABLE_PORT':
      return ready && !p.learning && !p.forwarding && disabledPort(p);
    case 'DISABLED_PORT':
      return ready && disabledPort(p);
    case 'ROOT_PORT':
      return ready && rootPort(b, p);
    case 'DESIGNATED_PORT':
      return ready && designatedPort(p);
    case 'BLOCK_PORT':
      return ready && !p.learning && !p.forwarding && alternatePort(p);
    case 'ALTERNATE_PORT':
      return ready && alternateOrBackupPort(b, p);
  }
}
