/**
 * Port State Transition state machine, 802.1D-2004 17.30: the port's actual state follows the
 * learn and forward decisions of Port Role Transitions — DISCARDING, LEARNING, FORWARDING.
 * (enableLearning/enableForwarding, 17.21.3–6, take effect at once: the relay asks `forwarding`
 * and `learning` on every frame.)
 */
import type { RstpPort } from './rstpPort';

export function portStateTransitionBegin(p: RstpPort): void {
  p.pst = 'DISCARDING';
  p.learning = p.forwarding = false;
}

/** One step; true when the machine moved. */
export function portStateTransition(p: RstpPort): boolean {
  switch (p.pst) {
    case 'DISCARDING':
      if (!p.learn) return false;
      p.pst = 'LEARNING';
      p.learning = true;
      return true;
    case 'LEARNING':
      if (!p.learn) {
        portStateTransitionBegin(p);
        return true;
      }
      if (!p.forward) return false;
      p.pst = 'FORWARDING';
      p.forwarding = true;
      return true;
    case 'FORWARDING':
      if (p.forward) return false;
      portStateTransitionBegin(p);
      return true;
  }
}
