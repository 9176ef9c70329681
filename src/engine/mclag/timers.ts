/** MC-LAG timers: Cisco vPC defaults (Nexus configuration guide; shared/reference/protocols.md §3.1, §7.4). */
const S = 1_000_000;

/** vPC peer-keepalive interval: 1 s. */
export const KEEPALIVE_INTERVAL = 1 * S;
/** vPC peer-keepalive timeout: 5 s without a keepalive and the peer counts as gone. */
export const KEEPALIVE_TIMEOUT = 5 * S;
/** vPC hold-timeout: 3 s after the peer-link fails before the secondary decides. */
export const HOLD_TIMEOUT = 3 * S;
/** vPC delay restore: member ports of a recovering peer come back 30 s after the peer-link. */
export const DELAY_RESTORE = 30 * S;
/** Keepalives use the IEEE 802 local experimental EtherType (vPC's real keepalive is UDP in a management VRF). */
export const ETHERTYPE_KEEPALIVE = 0x88b5;
