/**
 * VRRPv3 parameters and derived timers (RFC 5798 §6.1–6.2), in integer virtual microseconds.
 *
 * Rounding: 1 cs = 10 000 µs exactly, so intervals are exact. Skew_Time =
 * ((256 − Priority) × Master_Adver_Interval) / 256 is exact in µs whenever the product is a
 * multiple of 16 (e.g. priority 100 or 200 at 100 cs: 609 375 µs, 218 750 µs); otherwise the
 * fraction of a microsecond is dropped (floor), e.g. priority 254 at 100 cs: 7 812.5 → 7 812 µs.
 * Implementations that keep centiseconds truncate much more (FRR: 60 cs for priority 100);
 * protocols.md §5.2 and §7.1 use the exact values, which these reproduce to the microsecond.
 */
import type { VirtualUs } from '../scheduler';

/** Microseconds per centisecond, the unit of Max Adver Int (RFC 5798 §5.2.7). */
export const CS_US = 10_000;
/** Advertisement_Interval default, 100 cs = 1 s (RFC 5798 §6.1). */
export const DEFAULT_ADVERT_INTERVAL_CS = 100;
/** Priority default for a router that is not the owner (RFC 5798 §6.1). */
export const DEFAULT_PRIORITY = 100;
/** Lowest priority a backup may have; 0 means "resigning" on the wire (RFC 5798 §5.2.4). */
export const MIN_BACKUP_PRIORITY = 1;
/** Highest priority of a router that is not the owner (RFC 5798 §5.2.4). */
export const MAX_BACKUP_PRIORITY = 254;

/** Centiseconds to virtual microseconds (exact). */
export function csToUs(cs: number): VirtualUs {
  return cs * CS_US;
}

/** Skew_Time = ((256 − Priority) × Master_Adver_Interval) / 256 (RFC 5798 §6.1), floored to 1 µs. */
export function skewTimeUs(priority: number, masterAdverIntervalCs: number): VirtualUs {
  return Math.floor(((256 - priority) * masterAdverIntervalCs * CS_US) / 256);
}

/** Master_Down_Interval = 3 × Master_Adver_Interval + Skew_Time (RFC 5798 §6.1). */
export function masterDownIntervalUs(priority: number, masterAdverIntervalCs: number): VirtualUs {
  return 3 * csToUs(masterAdverIntervalCs) + skewTimeUs(priority, masterAdverIntervalCs);
}
