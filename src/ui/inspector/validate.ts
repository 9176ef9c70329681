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
}

export function parseNumber(text: string, rule: NumberRule): Parsed {
  const trimmed = text.trim();
  const range = { min: rule.min, max: rule.max };
  if (trimmed === '') return { ok: false, error: { key: 'inspector.error.required', params: range } };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, error: { key: 'inspector.error.notNumber', params: range } };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, error: { key: 'inspector.error.notInteger', params: range } };
  if (value < rule.min || value > rule.max) return { ok: false, error: { key: 'inspector.error.range', params: range } };
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
