/**
 * VRRPv3 (RFC 5798) first-hop redundancy: one {@link VirtualRouter} per (router interface, VRID).
 * The only module of this folder imported from outside; see README.md for the integration contract.
 */
export { VirtualRouter } from './virtualRouter';
export type { ResolvedVrrpConfig } from './config';
export { resolveVrrpConfig } from './config';
export {
  CS_US,
  DEFAULT_ADVERT_INTERVAL_CS,
  DEFAULT_PRIORITY,
  MAX_BACKUP_PRIORITY,
  MIN_BACKUP_PRIORITY,
  csToUs,
  masterDownIntervalUs,
  skewTimeUs,
} from './timers';
export type { VrrpConfig, VrrpEvent, VrrpHost, VrrpReasonName, VrrpRxResult, VrrpStateName, VrrpTrack } from './types';
export { VrrpReason, VrrpRx, VrrpState } from './types';
