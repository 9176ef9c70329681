/**
 * Times on the command line: `500ms`, `10s`, `1.5s`, `2m`, `1h`, or a bare number of seconds.
 * Virtual time runs in microseconds, so values are rounded to the microsecond.
 */
import { CliInputError } from './errors';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
type Unit = keyof typeof UNIT_MS;

/** The longest run the CLI accepts: a week of virtual time (a typo like `10000h` fails fast). */
export const MAX_TIME_MS = 7 * 24 * 3_600_000;

const HINT = 'use e.g. 500ms, 10s, 2m';
const TIME = /^(\d+(?:\.\d*)?|\.\d+)(ms|s|m|h)?$/;

/** Parses a time into milliseconds; throws CliInputError with a one-line message. */
export function parseTime(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') throw new CliInputError(`empty time: ${HINT}`);
  if (/^-\s*[\d.]/.test(trimmed)) {
    throw new CliInputError(`negative time "${text}": virtual time starts at 0; ${HINT}`);
  }
  const match = TIME.exec(trimmed);
  if (!match) throw new CliInputError(`malformed time "${text}": ${HINT}`);
  const value = Number(match[1]);
  const unit = (match[2] ?? 's') as Unit;
  const ms = Math.round(value * UNIT_MS[unit] * 1000) / 1000;
  if (!Number.isFinite(ms)) throw new CliInputError(`malformed time "${text}": ${HINT}`);
  if (ms > MAX_TIME_MS) throw new CliInputError(`time "${text}" is too long: at most 168h (one week)`);
  return ms;
}

/** Milliseconds as seconds with 3 decimals: 12000 → `12.000`. */
export function formatSeconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
