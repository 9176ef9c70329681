/**
 * Keeping the student's lab (DESIGN.md §8: "the lab the student already has is never lost"):
 * autosave to localStorage, the choice of the lab to open (share link > autosave > default
 * example), and JSON export / import. Every failure is a Notice (i18n key), never an exception.
 */
import referenceLab from '../../examples/reference-lab.json';
import type { Topology } from '../model';
import { formatIssue, parseTopologyJson, validateTopology } from '../model';
import { decodeShare, fragmentFromHash } from '../model/shareCodec';
import type { Notice } from './topologyTypes';

/** The localStorage key of the autosaved lab (`AutosaveRecord` as JSON). */
export const AUTOSAVE_KEY = 'topolab.lab.v1';
/** The lab a share link replaced in the autosave, kept once as a safety net. */
export const AUTOSAVE_PREVIOUS_KEY = 'topolab.lab.v1.previous';
/** Autosave waits this long after the last change (ms), so a drag writes once. */
export const AUTOSAVE_DELAY_MS = 300;

/** What the autosave key holds. */
export interface AutosaveRecord {
  /** Epoch ms of the save. */
  savedAt: number;
  doc: Topology;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;
export type LoadSource = 'share' | 'autosave' | 'default';

export interface InitialDoc {
  doc: Topology;
  /** Why the share link or the autosave was not used, or that a shared lab was opened. */
  notice?: Notice;
  source: LoadSource;
  /** The address had a `#lab=` fragment (used or not); the caller removes it from the bar. */
  hasShareLink: boolean;
}

/** i18n keys of persistence messages. */
export const PersistenceKey = {
  /** An autosaved lab could not be read and was ignored (info): {detail}. */
  autosaveIgnored: 'errors.autosave.ignored',
  /** The browser refused to store the lab (quota, private mode). */
  autosaveFailed: 'errors.autosave.failed',
  /** An imported file is not a valid lab: {detail}. */
  importInvalid: 'errors.import.invalid',
  /** A shared lab was opened (info). */
  shareLoaded: 'notices.share.loaded',
} as const;

function loadDefault(): Topology {
  const result = validateTopology(referenceLab);
  if (!result.ok) throw new Error(`examples/reference-lab.json is invalid: ${result.issues.map(formatIssue).join('; ')}`);
  return result.topology;
}

/**
 * The reference lab a student sees first (examples/reference-lab.json, DESIGN.md §1 journey 1):
 * bonded servers, an MC-LAG pair that is also the VRRP gateway pair, an upstream.
 */
export const DEFAULT_LAB: Topology = loadDefault();

type ReadResult = { ok: true; doc: Topology } | { ok: false; detail: string } | null;

/** Reads the autosave: null when there is none, or why it is unusable. */
export function readAutosave(storage: Pick<Storage, 'getItem'> | undefined): ReadResult {
  let text: string | null;
  try {
    text = storage?.getItem(AUTOSAVE_KEY) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return { ok: false, detail: '(document): not valid JSON' };
  }
  const doc = typeof record === 'object' && record !== null && 'doc' in record ? record.doc : undefined;
  const result = validateTopology(doc);
  if (result.ok) return { ok: true, doc: result.topology };
  const first = result.issues[0];
  return { ok: false, detail: first ? formatIssue(first) : '(document)' };
}

/** Writes the autosave now; returns an error notice if the browser refuses. */
export function writeAutosave(storage: StorageLike, doc: Topology, now: number = Date.now()): Notice | null {
  const record: AutosaveRecord = { savedAt: now, doc };
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(record));
    return null;
  } catch {
    return { key: PersistenceKey.autosaveFailed, level: 'error' };
  }
}

/** Copies the current autosave aside before a share link overwrites it. */
export function backupAutosave(storage: StorageLike): void {
  try {
    const current = storage.getItem(AUTOSAVE_KEY);
    if (current !== null) storage.setItem(AUTOSAVE_PREVIOUS_KEY, current);
  } catch {
    // Best effort: the share link still opens.
  }
}

/**
 * The lab to open: a valid `#lab=` share link, else a valid autosave, else the default example.
 * A bad share link gives an error notice and falls back, so the current lab is never lost; a
 * bad autosave is ignored with an info notice.
 */
export function loadInitialDoc(location: Pick<Location, 'hash'> | undefined, storage: Pick<Storage, 'getItem'> | undefined): InitialDoc {
  const fragment = location ? fragmentFromHash(location.hash) : null;
  const hasShareLink = fragment !== null;
  let shareNotice: Notice | undefined;
  if (fragment !== null) {
    const shared = decodeShare(fragment);
    if (shared.ok) return { doc: shared.topology, source: 'share', hasShareLink, notice: { key: PersistenceKey.shareLoaded, level: 'info' } };
    shareNotice = { ...shared.error, level: 'error' };
  }
  const saved = readAutosave(storage);
  if (saved?.ok) return withNotice({ doc: saved.doc, source: 'autosave', hasShareLink }, shareNotice);
  const ignored: Notice | undefined = saved ? { key: PersistenceKey.autosaveIgnored, params: { detail: saved.detail }, level: 'info' } : undefined;
  return withNotice({ doc: DEFAULT_LAB, source: 'default', hasShareLink }, shareNotice ?? ignored);
}

function withNotice(result: InitialDoc, notice: Notice | undefined): InitialDoc {
  return notice ? { ...result, notice } : result;
}

/** Removes `#…` from the address bar without a reload or a history entry. */
export function clearShareFragment(location: Pick<Location, 'pathname' | 'search'>, history: Pick<History, 'replaceState' | 'state'>): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

export interface Autosaver {
  /** Saves `doc` after AUTOSAVE_DELAY_MS without a newer change. */
  schedule(doc: Topology): void;
  /** Saves a pending change now (page hide, dispose). */
  flush(): void;
  /** Drops a pending change. */
  cancel(): void;
}

/** A debounced autosave; a storage failure is reported once per failure streak. */
export function createAutosaver(storage: StorageLike, options: { delayMs?: number; onError?: (notice: Notice) => void } = {}): Autosaver {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  let pending: Topology | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let isFailing = false;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending === null) return;
    const notice = writeAutosave(storage, pending);
    pending = null;
    if (notice && !isFailing) options.onError?.(notice);
    isFailing = notice !== null;
  };
  return {
    schedule(doc) {
      pending = doc;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

/** A file-name-safe slug of a title (letters of any script, digits, dashes). */
export function titleSlug(title: string | undefined): string {
  const slug = (title ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'lab' : slug;
}

/** The lab as pretty JSON and a suggested file name `<title-slug>.topolab.json`. */
export function exportJson(doc: Topology): { text: string; filename: string } {
  return { text: `${JSON.stringify(doc, null, 2)}\n`, filename: `${titleSlug(doc.meta?.title)}.topolab.json` };
}

/** Parses and validates an imported file; a syntax error or an invalid lab is an error notice. */
export function importJson(text: string): { ok: true; doc: Topology } | { ok: false; notice: Notice } {
  const result = parseTopologyJson(text);
  if (result.ok) return { ok: true, doc: result.topology };
  const first = result.issues[0];
  return { ok: false, notice: { key: PersistenceKey.importInvalid, params: { detail: first ? formatIssue(first) : '(document)' }, level: 'error' } };
}
