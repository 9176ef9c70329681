/**
 * What every edit returns, the catalogue of refusal keys, and the small helpers the edits share
 * (first-free ids, range checks, the final validation that keeps every result a valid document).
 */
import type { Topology } from '../schema';
import { formatIssue, validateTopology } from '../validate';

/** Why an edit was refused: an i18n key (`errors.edit.*`) and its parameters. */
export interface EditError {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * The outcome of an edit: the new document (always valid) plus edit-specific data such as a new
 * id, or the reason for refusing. A refused edit never changes anything.
 */
export type EditResult<T extends object = object> = ({ ok: true; doc: Topology } & T) | { ok: false; error: EditError };

/** A LAG is named by its device and its id (ids are unique per device only). */
export interface LagRef {
  device: string;
  id: string;
}

/** i18n keys of refused edits (translations in `src/ui/i18n/<lang>/errors.json`, under `edit`). */
export const EditErrorKey = {
  /** The result would not validate: {detail} is the first issue, `path: message`. */
  invalid: 'errors.edit.invalid',
  /** {device} does not exist. */
  unknownDevice: 'errors.edit.unknownDevice',
  /** {device} has no port {port}. */
  unknownPort: 'errors.edit.unknownPort',
  /** {link} does not exist. */
  unknownLink: 'errors.edit.unknownLink',
  /** {device} has no LAG {lag}. */
  unknownLag: 'errors.edit.unknownLag',
  /** A link from a port to itself: {port}. */
  samePort: 'errors.edit.samePort',
  /** A link between two ports of one device: {device}. */
  sameDevice: 'errors.edit.sameDevice',
  /** {port} (`device:port`) is already wired by {link}. */
  portWired: 'errors.edit.portWired',
  /** A LAG needs at least one link. */
  lagEmpty: 'errors.edit.lagEmpty',
  /** The links of a LAG must all join the same two devices {a} and {b}; {link} does not. */
  lagDevices: 'errors.edit.lagDevices',
  /** {port} (`device:port`) is already a member of LAG {lag}. */
  alreadyInLag: 'errors.edit.alreadyInLag',
  /** LAG {lag} would have more than {max} members. */
  lagFull: 'errors.edit.lagFull',
  /** {port} is not a member of LAG {lag} (port priorities). */
  notMember: 'errors.edit.notMember',
  /** {device} already has the most ports a device may have, {max}. */
  tooManyPorts: 'errors.edit.tooManyPorts',
  /** {field} must be between {min} and {max}. */
  range: 'errors.edit.range',
  /** {field} must be at least {min}. */
  min: 'errors.edit.min',
  /** {field} must be a whole number. */
  integer: 'errors.edit.integer',
  /** {field} is longer than {max} characters. */
  tooLong: 'errors.edit.tooLong',
  /** {value} is not a speed a port can run at ({field}). */
  speed: 'errors.edit.speed',
  /** {value} is not one of the choices of {field}. */
  choice: 'errors.edit.choice',
} as const;
export type EditErrorKey = (typeof EditErrorKey)[keyof typeof EditErrorKey];

/** A refused edit. */
export function refuse(key: EditErrorKey, params?: Record<string, string | number>): { ok: false; error: EditError } {
  return { ok: false, error: params ? { key, params } : { key } };
}

/**
 * Accepts an edited document only if it validates, so no edit can ever hand out an invalid lab.
 * The document itself is returned (not zod's parsed copy) to keep unchanged parts by reference.
 */
export function accept<T extends object>(doc: Topology, extra: T): EditResult<T> {
  const result = validateTopology(doc);
  if (!result.ok) {
    const first = result.issues[0];
    return refuse(EditErrorKey.invalid, { detail: first ? formatIssue(first) : '(document)' });
  }
  return { ok: true, doc, ...extra };
}

/** `prefix` + the first number from `start` that makes an id not in `used`. */
export function firstFreeId(prefix: string, used: ReadonlySet<string>, start = 1): string {
  for (let n = start; ; n++) {
    const id = `${prefix}${n}`;
    if (!used.has(id)) return id;
  }
}

/** Ids that share one namespace: devices and links (a link id may not be a device id). */
export function deviceAndLinkIds(doc: Topology): Set<string> {
  return new Set([...doc.devices.map((d) => d.id), ...doc.links.map((l) => l.id)]);
}

/** Checks a whole number in [min, max]; undefined when fine. */
export function checkInt(field: string, value: number, min: number, max: number): EditError | undefined {
  if (typeof value !== 'number' || Number.isNaN(value)) return { key: EditErrorKey.range, params: { field, min, max } };
  if (!Number.isInteger(value) && Number.isFinite(value)) return { key: EditErrorKey.integer, params: { field } };
  return checkNumber(field, value, min, max);
}

/** Checks a finite number in [min, max] (or just ≥ min when max is undefined). */
export function checkNumber(field: string, value: number, min: number, max?: number): EditError | undefined {
  const isNumber = typeof value === 'number' && Number.isFinite(value);
  if (max === undefined) return isNumber && value >= min ? undefined : { key: EditErrorKey.min, params: { field, min } };
  return isNumber && value >= min && value <= max ? undefined : { key: EditErrorKey.range, params: { field, min, max } };
}

/** Checks that a value is one of a list of choices. */
export function checkChoice(field: string, value: unknown, choices: readonly string[]): EditError | undefined {
  return typeof value === 'string' && choices.includes(value) ? undefined : { key: EditErrorKey.choice, params: { field, value: String(value) } };
}

/** Checks a text's length. */
export function checkText(field: string, value: unknown, max: number): EditError | undefined {
  if (typeof value !== 'string') return { key: EditErrorKey.choice, params: { field, value: String(value) } };
  return value.length <= max ? undefined : { key: EditErrorKey.tooLong, params: { field, max } };
}

/** Returns a copy of `obj` without `key` (exactOptionalPropertyTypes forbids `key: undefined`). */
export function without<T extends object, K extends keyof T>(obj: T, key: K): T {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}
