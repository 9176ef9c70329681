/** State names of the LACP machines, as the standard spells them (802.1AX-2008 5.4.12-5.4.15). */

/** 802.1AX 5.4.12 Receive machine states. */
export const RxState = {
  INITIALIZE: 'INITIALIZE',
  PORT_DISABLED: 'PORT_DISABLED',
  LACP_DISABLED: 'LACP_DISABLED',
  EXPIRED: 'EXPIRED',
  DEFAULTED: 'DEFAULTED',
  CURRENT: 'CURRENT',
} as const;
export type RxState = (typeof RxState)[keyof typeof RxState];

/** 802.1AX 5.4.13 Periodic Transmission machine states (PERIODIC_TX is transient). */
export const PeriodicState = {
  NO_PERIODIC: 'NO_PERIODIC',
  FAST_PERIODIC: 'FAST_PERIODIC',
  SLOW_PERIODIC: 'SLOW_PERIODIC',
} as const;
export type PeriodicState = (typeof PeriodicState)[keyof typeof PeriodicState];

/** 802.1AX 5.4.15 Mux machine states, independent control (figure 5-15). */
export const MuxState = {
  DETACHED: 'DETACHED',
  WAITING: 'WAITING',
  ATTACHED: 'ATTACHED',
  COLLECTING: 'COLLECTING',
  DISTRIBUTING: 'DISTRIBUTING',
} as const;
export type MuxState = (typeof MuxState)[keyof typeof MuxState];

/** 802.1AX 5.4.6 Selected variable. */
export const Selected = {
  SELECTED: 'SELECTED',
  UNSELECTED: 'UNSELECTED',
  STANDBY: 'STANDBY',
} as const;
export type Selected = (typeof Selected)[keyof typeof Selected];
