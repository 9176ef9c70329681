import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Topology } from '../../src/model';
import { encodeShare } from '../../src/model/shareCodec';
import { AUTOSAVE_KEY, AUTOSAVE_PREVIOUS_KEY, DEFAULT_LAB, readAutosave } from '../../src/store/persistence';
import type { Session } from '../../src/store/session';
import { importLab, loadDoc, startSession, useLabCommands } from '../../src/store/session';
import { resetTopologyStore, useTopologyStore } from '../../src/store/topologyStore';
import type { UiToWorker } from '../../src/worker/protocol';
import type { WorkerLike } from '../../src/worker/client';

const SHARED: Topology = { version: 1, meta: { title: 'Shared' }, devices: [{ id: 'sw1', type: 'switch', ports: [{ id: 'eth1' }] }], links: [] };
const SAVED: Topology = { version: 1, meta: { title: 'Mine' }, devices: [{ id: 'r1', type: 'router', ports: [] }], links: [] };

class FakeWorker implements WorkerLike {
  static all: FakeWorker[] = [];
  sent: UiToWorker[] = [];
  isTerminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent | Event) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(message: UiToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.isTerminated = true;
  }
  types(): string[] {
    return this.sent.map((m) => m.type);
  }
}

const store = () => useTopologyStore.getState();
let session: Session | null = null;

function start(hash = '', storage: Storage | null = localStorage) {
  const history = { state: null, replaceState: vi.fn() };
  session = startSession({ createWorker: () => new FakeWorker(), storage, location: { hash, pathname: '/', search: '' }, history, raf: () => undefined, now: () => 0 });
  return { worker: FakeWorker.all.at(-1) as FakeWorker, history };
}

beforeEach(() => {
  FakeWorker.all = [];
  resetTopologyStore();
  vi.useFakeTimers();
});

afterEach(() => {
  session?.dispose();
  session = null;
  vi.useRealTimers();
});

describe('when a session starts', () => {
  it('opens the autosave without an undo step and loads it into the worker', () => {
    localStorage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: 1, doc: SAVED }));
    const { worker, history } = start();
    expect(store().doc).toEqual(SAVED);
    expect(store().canUndo()).toBe(false);
    expect(worker.types()).toEqual(['hello', 'load']);
    expect(worker.sent[1]).toMatchObject({ type: 'load', topology: SAVED });
    expect(history.replaceState).not.toHaveBeenCalled();
  });

  it('opens a share link, clears it from the address bar and makes it the autosave', () => {
    localStorage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: 1, doc: SAVED }));
    const { history } = start(`#lab=${encodeShare(SHARED)}`);
    expect(store().doc).toEqual(SHARED);
    expect(store().notice).toEqual({ key: 'notices.share.loaded', level: 'info' });
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/');
    expect(readAutosave(localStorage)).toEqual({ ok: true, doc: SHARED });
    expect(JSON.parse(localStorage.getItem(AUTOSAVE_PREVIOUS_KEY) ?? '{}')).toMatchObject({ doc: SAVED });
  });

  it('keeps the autosaved lab when the share link is corrupt', () => {
    localStorage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: 1, doc: SAVED }));
    const { history } = start('#lab=v1.%%%');
    expect(store().doc).toEqual(SAVED);
    expect(store().notice).toEqual({ key: 'errors.share.corrupt', level: 'error' });
    expect(history.replaceState).toHaveBeenCalled();
  });
});

describe('when the student edits', () => {
  it('sends each doc change to the worker and autosaves it, but not selection changes', () => {
    const { worker } = start('', localStorage);
    expect(store().doc).toBe(DEFAULT_LAB);
    store().select({ devices: ['core1'] });
    expect(worker.types()).toEqual(['hello', 'load']);
    store().addDevice('host', { x: 0, y: 0 });
    expect(worker.types()).toEqual(['hello', 'load', 'edit']);
    expect(worker.sent[2]).toMatchObject({ type: 'edit', topology: store().doc });
    store().undo();
    expect(worker.types().at(-1)).toBe('edit');
    expect(localStorage.getItem(AUTOSAVE_KEY)).toBeNull();
    vi.advanceTimersByTime(300);
    expect(readAutosave(localStorage)).toEqual({ ok: true, doc: DEFAULT_LAB });
  });

  it('replaces the lab with loadDoc: one undo step and a fresh load', () => {
    const { worker } = start('', null);
    expect(loadDoc(SAVED)).toBe(true);
    expect(worker.types()).toEqual(['hello', 'load', 'load']);
    expect(store().doc).toBe(SAVED);
    expect(store().canUndo()).toBe(true);
    expect(loadDoc({ version: 1, devices: 5 } as unknown as Topology)).toBe(false);
    expect(store().notice?.key).toBe('errors.edit.invalid');
    expect(worker.types()).toHaveLength(3);
  });

  it('imports a file as the lab, or shows why not', () => {
    const { worker } = start('', null);
    expect(importLab(JSON.stringify(SAVED))).toBe(true);
    expect(worker.types().at(-1)).toBe('load');
    expect(importLab('{"version": 1')).toBe(false);
    expect(store().notice?.key).toBe('errors.import.invalid');
    expect(store().doc).toEqual(SAVED);
  });
});

describe('when components send commands', () => {
  it('reaches the live session through useLabCommands, and nothing after dispose', async () => {
    const { worker } = start('', null);
    const { fault, play, pause, step, setSpeed } = useLabCommands();
    fault('core1', 'fail');
    pause();
    step();
    play();
    setSpeed(0.1);
    expect(worker.types().slice(2)).toEqual(['fault', 'pause', 'step', 'play', 'setSpeed']);
    session?.commands.fault('l1', 'restore');
    expect(worker.sent.at(-1)).toMatchObject({ type: 'fault', target: 'l1', action: 'restore' });
    session?.dispose();
    session = null;
    expect(worker.isTerminated).toBe(true);
    play();
    expect(worker.types().at(-1)).toBe('fault');
    await expect(useLabCommands().requestPcap('l1')).rejects.toThrow('no lab session');
  });

  it('flushes a pending autosave on dispose', () => {
    start('', localStorage);
    store().addDevice('switch', { x: 0, y: 0 });
    session?.dispose();
    session = null;
    expect(readAutosave(localStorage)).toMatchObject({ ok: true });
  });
});
