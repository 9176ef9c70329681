import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Topology } from '../../src/model';
import { encodeShare } from '../../src/model/shareCodec';
import {
  AUTOSAVE_KEY,
  AUTOSAVE_PREVIOUS_KEY,
  DEFAULT_LAB,
  backupAutosave,
  clearShareFragment,
  createAutosaver,
  exportJson,
  importJson,
  loadInitialDoc,
  readAutosave,
  titleSlug,
  writeAutosave,
} from '../../src/store/persistence';

const SHARED: Topology = { version: 1, meta: { title: 'Shared' }, devices: [{ id: 'sw1', type: 'switch', ports: [{ id: 'eth1' }] }], links: [] };
const SAVED: Topology = { version: 1, meta: { title: 'Mine' }, devices: [{ id: 'r1', type: 'router', ports: [] }], links: [] };

function saveAutosave(doc: unknown): void {
  localStorage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: 1, doc }));
}

const at = (hash: string) => ({ hash });

afterEach(() => vi.useRealTimers());

describe('when choosing the lab to open', () => {
  it('prefers a valid share link, then the autosave, then the default example', () => {
    saveAutosave(SAVED);
    expect(loadInitialDoc(at(`#lab=${encodeShare(SHARED)}`), localStorage)).toEqual({
      doc: SHARED,
      source: 'share',
      hasShareLink: true,
      notice: { key: 'notices.share.loaded', level: 'info' },
    });
    expect(loadInitialDoc(at(''), localStorage)).toEqual({ doc: SAVED, source: 'autosave', hasShareLink: false });
    localStorage.clear();
    expect(loadInitialDoc(at(''), localStorage)).toEqual({ doc: DEFAULT_LAB, source: 'default', hasShareLink: false });
    expect(loadInitialDoc(undefined, undefined).source).toBe('default');
  });

  it('keeps the autosaved lab when the share link is corrupt, with an error notice', () => {
    saveAutosave(SAVED);
    const r = loadInitialDoc(at('#lab=v1.garbage!!'), localStorage);
    expect(r).toEqual({ doc: SAVED, source: 'autosave', hasShareLink: true, notice: { key: 'errors.share.corrupt', level: 'error' } });
  });

  it('says which version a link from a newer TopoLab has', () => {
    const r = loadInitialDoc(at('#lab=v7.abc'), undefined);
    expect(r.source).toBe('default');
    expect(r.notice).toEqual({ key: 'errors.share.version', params: { version: 'v7' }, level: 'error' });
  });

  it('ignores a corrupt or invalid autosave with an info notice', () => {
    localStorage.setItem(AUTOSAVE_KEY, '{not json');
    expect(loadInitialDoc(at(''), localStorage)).toEqual({
      doc: DEFAULT_LAB,
      source: 'default',
      hasShareLink: false,
      notice: { key: 'errors.autosave.ignored', params: { detail: '(document): not valid JSON' }, level: 'info' },
    });
    saveAutosave({ version: 1, devices: 'nope', links: [] });
    const r = loadInitialDoc(at(''), localStorage);
    expect(r.source).toBe('default');
    expect(r.notice?.level).toBe('info');
    expect(r.notice?.params?.detail).toMatch(/^devices/);
  });

  it('reports the share error, not the autosave one, when both are bad', () => {
    localStorage.setItem(AUTOSAVE_KEY, '[]');
    const r = loadInitialDoc(at('#lab=nothing'), localStorage);
    expect(r.doc).toBe(DEFAULT_LAB);
    expect(r.notice?.key).toBe('errors.share.corrupt');
  });

  it('survives a storage that throws', () => {
    const throwing = { getItem: () => { throw new Error('denied'); } };
    expect(readAutosave(throwing)).toBeNull();
    expect(loadInitialDoc(at(''), throwing).source).toBe('default');
  });
});

describe('when autosaving', () => {
  it('writes {savedAt, doc} once, 300 ms after the last change', () => {
    vi.useFakeTimers();
    const saver = createAutosaver(localStorage);
    saver.schedule(SHARED);
    vi.advanceTimersByTime(200);
    saver.schedule(SAVED);
    vi.advanceTimersByTime(299);
    expect(localStorage.getItem(AUTOSAVE_KEY)).toBeNull();
    vi.advanceTimersByTime(1);
    const record = JSON.parse(localStorage.getItem(AUTOSAVE_KEY) ?? 'null') as { savedAt: number; doc: Topology };
    expect(record.doc).toEqual(SAVED);
    expect(typeof record.savedAt).toBe('number');
    expect(readAutosave(localStorage)).toEqual({ ok: true, doc: SAVED });
  });

  it('flushes a pending save now, and cancel drops it', () => {
    vi.useFakeTimers();
    const saver = createAutosaver(localStorage);
    saver.schedule(SAVED);
    saver.flush();
    expect(readAutosave(localStorage)).toEqual({ ok: true, doc: SAVED });
    saver.schedule(SHARED);
    saver.cancel();
    vi.advanceTimersByTime(1000);
    expect(readAutosave(localStorage)).toEqual({ ok: true, doc: SAVED });
  });

  it('reports a full storage once per failure streak', () => {
    const onError = vi.fn();
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    const saver = createAutosaver(full, { onError });
    saver.schedule(SAVED);
    saver.flush();
    saver.schedule(SAVED);
    saver.flush();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith({ key: 'errors.autosave.failed', level: 'error' });
    expect(writeAutosave(full, SAVED)).toEqual({ key: 'errors.autosave.failed', level: 'error' });
  });

  it('keeps the replaced autosave aside when a share link overwrites it', () => {
    saveAutosave(SAVED);
    const before = localStorage.getItem(AUTOSAVE_KEY);
    backupAutosave(localStorage);
    writeAutosave(localStorage, SHARED);
    expect(localStorage.getItem(AUTOSAVE_PREVIOUS_KEY)).toBe(before);
  });
});

describe('when leaving the share link', () => {
  it('removes the fragment from the address bar without a new history entry', () => {
    const history = { state: { a: 1 }, replaceState: vi.fn() };
    clearShareFragment({ pathname: '/lab/', search: '?x=1' }, history);
    expect(history.replaceState).toHaveBeenCalledWith({ a: 1 }, '', '/lab/?x=1');
  });
});

describe('when exporting and importing JSON', () => {
  it('exports pretty JSON and a file name from the title', () => {
    const { text, filename } = exportJson(DEFAULT_LAB);
    expect(filename).toBe('reference-lab-bonded-servers-an-mc-lag-pair-that-is-the-vrrp.topolab.json');
    expect(text).toContain('\n  "version": 1,');
    expect(importJson(text)).toEqual({ ok: true, doc: DEFAULT_LAB });
  });

  it('slugs any script and falls back to "lab"', () => {
    expect(titleSlug('LACP 실습: 스위치 한 쌍')).toBe('lacp-실습-스위치-한-쌍');
    expect(titleSlug(undefined)).toBe('lab');
    expect(titleSlug('***')).toBe('lab');
    expect(titleSlug('a'.repeat(59) + ' b')).toBe('a'.repeat(59));
  });

  it('refuses invalid JSON and invalid labs with errors.import.invalid', () => {
    expect(importJson('{')).toMatchObject({ ok: false, notice: { key: 'errors.import.invalid', level: 'error' } });
    const r = importJson(JSON.stringify({ version: 1, devices: [], links: [{ id: 'l1', a: { device: 'x', port: 'p' }, b: { device: 'y', port: 'p' } }] }));
    expect(r).toEqual({ ok: false, notice: { key: 'errors.import.invalid', params: { detail: 'links[0].a.device: no device "x"' }, level: 'error' } });
  });
});
