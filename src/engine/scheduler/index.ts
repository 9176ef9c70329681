export { Scheduler, ScheduledEvent, msToUs, usToMs } from './scheduler';
export type { VirtualUs } from './scheduler';
export { Timer } from './timer';
export { Rng } from './rng';
