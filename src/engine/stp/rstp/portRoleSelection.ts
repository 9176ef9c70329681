/**
 * Port Role Selection state machine, 802.1D-2004 17.28, and updtRolesTree (17.21.25): picks the
 * root port (best root path priority vector), computes the designated priority vector of every
 * port and gives each port its role — Root, Designated, Alternate, Backup or Disabled.
 */
import type { PriorityVector, Times } from '../priorityVector';
import { betterOrSame, bridgeAddress, compareVectors, sameTimes, sameVector } from '../priorityVector';
import { MESSAGE_AGE_INCREMENT } from '../timers';
import type { RstpPort } from './rstpPort';

/** What the machine reads and writes on its bridge (17.18). */
export interface SelectionBridge {
  readonly ports: readonly RstpPort[];
  readonly bridgeId: string;
  /** {own id : 0 : own id : 0} (17.18 BridgePriority). */
  readonly bridgePriority: PriorityVector;
  /** Message Age 0 and this bridge's Max Age, Forward Delay, Hello Time (17.18 BridgeTimes). */
  readonly bridgeTimes: Times;
  rootPortId: number;
  rootPriority: PriorityVector;
  rootTimes: Times;
  prs: 'INIT_BRIDGE' | 'ROLE_SELECTION';
}

/**
 * 17.21.25 a)–c): the best root path priority vector {portPriority with the port's path cost
 * added : receiving port id} among ports holding received information that did not come from this
 * bridge; the bridge's own vector when none is better.
 */
function selectRoot(b: SelectionBridge): RstpPort | null {
  let best: RstpPort | null = null;
  let bestVector = b.bridgePriority;
  for (const p of b.ports) {
    if (p.infoIs !== 'Received' || bridgeAddress(p.portPriority.bridge) === bridgeAddress(b.bridgeId)) continue;
    const v: PriorityVector = { ...p.portPriority, cost: p.portPriority.cost + p.portPathCost };
    const c = compareVectors(v, bestVector);
    if (c < 0 || (c === 0 && best !== null && p.portId < best.portId)) {
      best = p;
      bestVector = v;
    }
  }
  b.rootPriority = bestVector;
  b.rootPortId = best ? best.portId : 0;
  b.rootTimes = best ? { ...best.portTimes, messageAge: best.portTimes.messageAge + MESSAGE_AGE_INCREMENT / 1000 } : b.bridgeTimes;
  return best;
}

/** 17.21.25 d)–e) and the role of one port. */
function assignRole(b: SelectionBridge, p: RstpPort, rootPort: RstpPort | null): void {
  p.designatedPriority = { root: b.rootPriority.root, cost: b.rootPriority.cost, bridge: b.bridgeId, port: p.portId };
  // designatedTimes = rootTimes, with this bridge's own Hello Time.
  p.designatedTimes = { ...b.rootTimes, helloTime: b.bridgeTimes.helloTime };
  switch (p.infoIs) {
    case 'Disabled':
      p.selectedRole = 'Disabled';
      return;
    case 'Aged':
      p.selectedRole = 'Designated';
      p.updtInfo = true;
      return;
    case 'Mine':
      p.selectedRole = 'Designated';
      if (!sameVector(p.portPriority, p.designatedPriority) || !sameTimes(p.portTimes, p.designatedTimes)) p.updtInfo = true;
      return;
    case 'Received':
      if (p === rootPort) {
        p.selectedRole = 'Root';
        p.updtInfo = false;
      } else if (betterOrSame(p.portPriority, p.designatedPriority)) {
        // The LAN already has a better designated port: ours blocks. Another bridge's → Alternate; ours → Backup.
        p.selectedRole = bridgeAddress(p.portPriority.bridge) === bridgeAddress(b.bridgeId) ? 'Backup' : 'Alternate';
        p.updtInfo = false;
      } else {
        p.selectedRole = 'Designated';
        p.updtInfo = true;
      }
  }
}

/** ROLE_SELECTION: clearReselectTree(); updtRolesTree(); setSelectedTree() (17.21.2, .25, .16). */
function roleSelection(b: SelectionBridge): void {
  for (const p of b.ports) p.reselect = false;
  const rootPort = selectRoot(b);
  for (const p of b.ports) assignRole(b, p, rootPort);
  for (const p of b.ports) p.selected = true;
}

/** INIT_BRIDGE (BEGIN): updtRoleDisabledTree (17.21.24). */
export function portRoleSelectionBegin(b: SelectionBridge): void {
  b.prs = 'INIT_BRIDGE';
  for (const p of b.ports) p.selectedRole = 'Disabled';
  b.rootPriority = b.bridgePriority;
  b.rootPortId = 0;
  b.rootTimes = b.bridgeTimes;
}

/** One step; true when roles were (re)computed. */
export function portRoleSelection(b: SelectionBridge): boolean {
  if (b.prs === 'INIT_BRIDGE' || b.ports.some((p) => p.reselect)) {
    b.prs = 'ROLE_SELECTION';
    roleSelection(b);
    return true;
  }
  return false;
}
