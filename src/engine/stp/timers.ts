/**
 * Spanning-tree constants, in virtual microseconds or plain counts, each with the clause that sets
 * it. Hello Time, Max Age and Forward Delay are per-bridge settings (the document's `stp`), so
 * only their defaults appear here (802.1D-2004 Table 17-1; 802.1D-1998 Table 8-3).
 */
const S = 1_000_000;

/** 802.1D-2004 17.13, Table 17-1 Migrate Time: 3 s before a port may switch BPDU version again. */
export const MIGRATE_TIME = 3 * S;
/** 802.1D-2004 17.13, Table 17-1 Transmit Hold Count: at most 6 BPDUs per port per second. */
export const TRANSMIT_HOLD_COUNT = 6;
/** 802.1D-2004 17.22 Port Timers: txCount is decremented once a second. */
export const TX_COUNT_TICK = 1 * S;
/** 802.1D-1998 8.10, Table 8-3 Hold Time: at least 1 s between Configuration BPDUs on a port. */
export const HOLD_TIME = 1 * S;
/**
 * Message Age grows by this much at every bridge a configuration message crosses (802.1D-2004
 * 17.21.25 b: rootTimes.messageAge = root port's messageAge + 1 s; 802.1D-1998 8.6.1 "Message Age
 * Increment", an overestimate of the transit delay — 1 s here too, as protocols.md §4.3 says).
 */
export const MESSAGE_AGE_INCREMENT = 1 * S;
/** 802.1D-2004 17.21.7 newTcWhile: tcWhile = HelloTime + 1 s when the port sends RST BPDUs. */
export const TC_WHILE_EXTRA = 1 * S;
/** 802.1D-2004 17.21.23 updtRcvdInfoWhile: received information lives 3 × Hello Time. */
export const RCVD_INFO_HELLOS = 3;
/** 802.1D-2004 17.29 BACKUP_PORT: rbWhile = 2 × Hello Time. */
export const RB_WHILE_HELLOS = 2;
/** 802.1D-2004 Table 17-2 / 802.1D-1998 Table 8-4: Bridge Priority default. */
export const DEFAULT_BRIDGE_PRIORITY = 32768;
/** 802.1D-2004 Table 17-2: Port Priority default. */
export const DEFAULT_PORT_PRIORITY = 128;

/** Milliseconds to virtual microseconds (settings are in ms). */
export function msUs(ms: number): number {
  return Math.round(ms * 1000);
}
