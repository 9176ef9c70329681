/** The guided lessons, in teaching order (the chapter "이중화 기술", as issue 6 lists them). */
import { checkAllActiveGateway, checkBondMclag, checkBondMode4, checkLacpModes, checkMemberFailure, checkPxeFallback, checkSpofBasics, checkStpVsMclag, checkVrrpFailover } from './checks';
import { checkNMinus1 } from './capacityCheck';
import type { Lesson } from './types';

export const LESSONS: readonly Lesson[] = [
  { id: 'spof-basics', lab: 'single-gateway', check: checkSpofBasics },
  { id: 'lacp-modes', lab: 'passive-passive', check: checkLacpModes },
  { id: 'lacp-member-failure', lab: 'member-failure', isByHand: true, check: checkMemberFailure },
  { id: 'lacp-vs-mclag', lab: 'single-switch-lag', check: checkBondMclag },
  { id: 'stp-vs-mclag', lab: 'stp-two-uplinks', check: checkStpVsMclag },
  { id: 'bond-mode1-vs-mode4', lab: 'bond-mode1-vs-mode4', check: checkBondMode4 },
  { id: 'vrrp-failover', lab: 'vrrp-pair', isByHand: true, check: checkVrrpFailover },
  { id: 'all-active-gateway', lab: 'vrrp-pair', check: checkAllActiveGateway },
  { id: 'n-minus-1', lab: 'n-minus-1', check: checkNMinus1 },
  { id: 'pxe-fallback', lab: 'pxe-fallback', check: checkPxeFallback },
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
