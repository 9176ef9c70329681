/** Reachability probes and measured outages, with the standard's prediction; see README.md. */
export { ProbeLab, upstreamIp } from './probeLab';
export { HostProber, PING_ID } from './prober';
export type { ProbeContext } from './prober';
export { predictOutage } from './predict';
export type { FaultFact, PredictionInput } from './predict';
