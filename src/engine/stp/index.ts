/** Spanning tree: RSTP (802.1D-2004 clause 17) and legacy STP (802.1D-1998 clause 8). See README.md. */
export { SpanningTree } from './spanningTree';
export type { StpContext, StpPortSnapshot } from './spanningTree';
export { BpduTransmitter, bpduFlagNames } from './reporter';
export type { LagLookup } from './bridgePorts';
export type { PortView, RootView, SharedBpduReceiver, StpMcLag } from './types';
export * from './timers';
