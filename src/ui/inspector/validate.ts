/**
 * Parsing of what a student types into a numeric field. A value is refused in place, with a
 * message key and its range, and never reaches the store.
 */
export interface FieldError {
  key: string;
  params: Record<string, string | number>;
}

export type Parsed = { ok: true; value: number } | { ok: false; error: FieldError };

export interface NumberRule {
  min: number;
  max: number;
  /** Whole numbers only (priorities, keys, counts). */
  integer: boolean;
  /** Only multiples of this (802.1D priorities: 4096 for bridges, 16 for ports). */
  step?: number;
}

export function parseNumber(text: string, rule: NumberRule): Parsed {
  const trimmed = text.trim();
  const range = { min: rule.min, max: rule.max };
  if (trimmed === '') return { ok: false, error: { key: 'inspector.error.required', params: range } };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, error: { key: 'inspector.error.notNumber', params: range } };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, error: { key: 'inspector.error.notInteger', params: range } };
  if (value < rule.min || value > rule.max) return { ok: false, error: { key: 'inspector.error.range', params: range } };
  if (rule.step !== undefined && value % rule.step !== 0) return { ok: false, error: { key: 'inspector.error.step', params: { ...range, step: rule.step } } };
  return { ok: true, value };
}

/** A device or LAG name: at most 64 characters (the schema's limit). */
export function parseName(text: string): { ok: true; value: string } | { ok: false; error: FieldError } {
  const value = text.trim();
  if (value.length > 64) return { ok: false, error: { key: 'inspector.error.tooLong', params: { max: 64 } } };
  return { ok: true, value };
}

export const PRIORITY: NumberRule = { min: 0, max: 65535, integer: true };
export const KEY: NumberRule = { min: 1, max: 65535, integer: true };
export const MEMBER_COUNT: NumberRule = { min: 1, max: 32, integer: true };
export const DELAY_MS: NumberRule = { min: 0, max: 10_000, integer: false };
/** Fallback timeout in seconds in the UI (the document stores ms, 1 ms … 1 h). */
export const FALLBACK_S: NumberRule = { min: 0.001, max: 3600, integer: false };
/** 802.1D-2004 Table 17-2: bridge priority 0–61440 in steps of 4096, port priority 0–240 in steps of 16. */
export const BRIDGE_PRIORITY: NumberRule = { min: 0, max: 61440, integer: true, step: 4096 };
export const STP_PORT_PRIORITY: NumberRule = { min: 0, max: 240, integer: true, step: 16 };
export const STP_COST: NumberRule = { min: 1, max: 200_000_000, integer: true };
/** Spanning-tree timers in seconds (802.1D-1998 Table 8-3 ranges, as the schema). */
export const HELLO_S: NumberRule = { min: 1, max: 10, integer: true };
export const MAX_AGE_S: NumberRule = { min: 6, max: 40, integer: true };
export const FORWARD_DELAY_S: NumberRule = { min: 4, max: 30, integer: true };
/** Linux bonding options in ms. */
export const MIIMON_MS: NumberRule = { min: 0, max: 10_000, integer: true };
export const BOND_DELAY_MS: NumberRule = { min: 0, max: 60_000, integer: true };
export const GRAT_ARP: NumberRule = { min: 0, max: 255, integer: true };
/** MC-LAG domain id (vPC 1–1000) and role priority. */
export const DOMAIN_ID: NumberRule = { min: 1, max: 1000, integer: true };
export const ROLE_PRIORITY: NumberRule = { min: 1, max: 65535, integer: true };
/** Flow settings. */
export const FLOW_PPS: NumberRule = { min: 0.1, max: 1000, integer: false };
export const FLOW_BYTES: NumberRule = { min: 0, max: 1472, integer: true };
export const UDP_PORT: NumberRule = { min: 1, max: 65535, integer: true };
export const START_S: NumberRule = { min: 0, max: 86_400, integer: false };
/** VRRP (RFC 5798 §5.2, §6.1): VRID, priority (255 only for the owner, checked beside), interval in seconds (centisecond steps). */
export const VRID: NumberRule = { min: 1, max: 255, integer: true };
export const VRRP_PRIORITY: NumberRule = { min: 1, max: 255, integer: true };
export const ADVERT_INTERVAL_S: NumberRule = { min: 0.01, max: 40.95, integer: false };
export const PREEMPT_DELAY_MS: NumberRule = { min: 0, max: 3_600_000, integer: true };
export const TRACK_DECREMENT: NumberRule = { min: 1, max: 254, integer: true };
/** Probe interval, ms. */
export const PROBE_INTERVAL_MS: NumberRule = { min: 10, max: 10_000, integer: true };
