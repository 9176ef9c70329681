/**
 * Periodic Transmission machine, 802.1AX-2008 5.4.13 (figure 5-12). The transmit rate follows the
 * partner's LACP_Timeout: Short → every Fast_Periodic_Time (1 s), Long → Slow_Periodic_Time (30 s).
 * Nothing is sent when both ends are passive (NO_PERIODIC).
 */
import { LacpStateBit as B } from '../codecs/lacpdu';
import type { LacpPort } from './lacpPort';
import { FAST_PERIODIC_TIME, SLOW_PERIODIC_TIME } from './timers';

/**
 * Evaluates the global and state transitions; returns true when the state changed.
 * `enabled` = LACP_Enabled ∧ port_enabled (and the control plane alive).
 */
export function periodicStep(p: LacpPort, enabled: boolean): boolean {
  const anyActive = p.actor(B.lacpActivity) || p.partnerHas(B.lacpActivity);
  if (!enabled || !anyActive) {
    if (p.periodic === 'NO_PERIODIC') return false;
    p.periodic = 'NO_PERIODIC';
    p.periodicTimer.stop();
    return true;
  }
  const partnerShort = p.partnerHas(B.lacpTimeout);
  switch (p.periodic) {
    case 'NO_PERIODIC':
      p.periodic = 'FAST_PERIODIC';
      p.periodicTimer.start(FAST_PERIODIC_TIME);
      return true;
    case 'FAST_PERIODIC':
      if (partnerShort) return false;
      p.periodic = 'SLOW_PERIODIC';
      p.periodicTimer.start(SLOW_PERIODIC_TIME);
      return true;
    case 'SLOW_PERIODIC':
      if (!partnerShort) return false;
      periodicTx(p);
      return true;
  }
}

/** periodic_timer expired (or SLOW_PERIODIC saw a Short partner): PERIODIC_TX sets NTT, then re-arm. */
export function periodicTx(p: LacpPort): void {
  p.ntt = true;
  if (p.partnerHas(B.lacpTimeout)) {
    p.periodic = 'FAST_PERIODIC';
    p.periodicTimer.start(FAST_PERIODIC_TIME);
  } else {
    p.periodic = 'SLOW_PERIODIC';
    p.periodicTimer.start(SLOW_PERIODIC_TIME);
  }
}
