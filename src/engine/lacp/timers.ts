/**
 * LACP constants, in virtual microseconds, with the clause that sets each
 * (IEEE 802.1AX-2008 5.4.4; same values in 802.3-2005 43.4.4 and 802.1AX-2014 6.4.4).
 */
const S = 1_000_000;

/** 802.1AX 5.4.4 Fast_Periodic_Time: 1 s between PDUs when the partner asked for short timeouts. */
export const FAST_PERIODIC_TIME = 1 * S;
/** 802.1AX 5.4.4 Slow_Periodic_Time: 30 s between PDUs when the partner asked for long timeouts. */
export const SLOW_PERIODIC_TIME = 30 * S;
/** 802.1AX 5.4.4 Short_Timeout_Time: 3 × Fast_Periodic_Time. */
export const SHORT_TIMEOUT_TIME = 3 * FAST_PERIODIC_TIME;
/** 802.1AX 5.4.4 Long_Timeout_Time: 3 × Slow_Periodic_Time. */
export const LONG_TIMEOUT_TIME = 3 * SLOW_PERIODIC_TIME;
/** 802.1AX 5.4.4 Aggregate_Wait_Time: 2 s in Mux WAITING so ports that come up together attach together. */
export const AGGREGATE_WAIT_TIME = 2 * S;
/** 802.1AX 5.4.4 Churn_Detection_Time: 60 s out of sync before churn is flagged. */
export const CHURN_DETECTION_TIME = 60 * S;
/** 802.1AX 5.4.16: no more than 3 LACPDUs in any Fast_Periodic_Time interval. */
export const MAX_TX_PER_FAST_PERIODIC = 3;
