/** LACP, IEEE 802.1AX-2008 clause 5.4 (see README.md for clause → file). */
export { LacpEntity } from './lacpEntity';
export { LacpAggregator } from './aggregator';
export { LacpTransmitter, buildLacpdu } from './transmitMachine';
export { LacpReporter } from './reporter';
export { isForwarding } from './status';
export type { LacpPort } from './lacpPort';
export * from './timers';
export * from './types';
