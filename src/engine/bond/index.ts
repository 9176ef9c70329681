/** Linux bonding on hosts (Documentation/networking/bonding.rst; see README.md for source → file). */
import type { ResolvedBond } from '../../model';
import type { Network } from '../device/network';
import type { EventSink } from '../events';
import { Bond } from './bond';

export { Bond, usesActiveSlave } from './bond';
export type { BondSlave } from './slave';
export type { MiiLink } from './miiMonitor';
export { learningPacket, tlbBucket } from './alb';
export * from './timers';

/** A Bond for every configured bond whose host exists, in document order (not started yet). */
export function buildBonds(configs: readonly ResolvedBond[], network: Network, emit: EventSink): Bond[] {
  return configs.flatMap((cfg) => {
    const device = network.devices.get(cfg.device);
    return device ? [new Bond(cfg, device, network, emit)] : [];
  });
}
