/**
 * The one-word status of a LAG member that the canvas colours and the CLI prints, derived from
 * the machines' states (it is a view, never an input to them).
 */
import type { LacpPortStatus, LacpReason } from '../events';
import type { LacpPort } from './lacpPort';

export interface StatusContext {
  readonly isStarted: boolean;
  readonly isStatic: boolean;
  readonly individualPolicy: 'suspend' | 'individual';
}

/** Reasons that leave a member out of the aggregate for good (until something changes). */
const OUT_REASONS: ReadonlySet<LacpReason> = new Set<LacpReason>(['noPartner', 'halfDuplex', 'speedMismatch', 'partnerMismatch', 'partnerIndividual']);

export function portStatus(ctx: StatusContext, p: LacpPort): { status: LacpPortStatus; reason: LacpReason | undefined } {
  if (!p.isEnabled) return { status: 'down', reason: 'linkDown' };
  if (!ctx.isStarted) return { status: 'notStarted', reason: 'notStarted' };
  if (ctx.isStatic) return { status: 'static', reason: undefined };
  if (p.inFallback) return { status: 'fallback', reason: 'noPartner' };
  const expired = p.rx === 'EXPIRED' ? 'partnerExpired' : undefined;
  switch (p.mux) {
    case 'DISTRIBUTING':
      return { status: 'distributing', reason: undefined };
    case 'COLLECTING':
      return { status: 'collecting', reason: expired };
    case 'ATTACHED':
      return { status: 'attached', reason: expired };
    case 'WAITING':
      return p.selected === 'STANDBY' ? { status: 'standby', reason: 'maxActive' } : { status: 'waiting', reason: undefined };
    case 'DETACHED':
      if (p.reason && OUT_REASONS.has(p.reason)) {
        return { status: ctx.individualPolicy === 'individual' ? 'individual' : 'suspended', reason: p.reason };
      }
      return { status: 'detached', reason: p.reason ?? expired };
  }
}

/** True when the member carries data: in the aggregate, a static member, or in fallback. */
export function isForwarding(status: LacpPortStatus): boolean {
  return status === 'distributing' || status === 'static' || status === 'fallback' || status === 'individual' || status === 'notStarted';
}
