/**
 * The running lab session: opens the first lab (share link > autosave > default), starts the
 * worker bridge, forwards every document change to the worker and to the autosave, and gives
 * components the live lab commands. One session at a time; `startSession` again replaces it.
 */
import type { Topology } from '../model';
import { validateTopology } from '../model';
import type { WorkerLike } from '../worker/client';
import type { Bridge, LabCommands } from './bridge';
import { createBridge } from './bridge';
import type { StorageLike } from './persistence';
import { backupAutosave, clearShareFragment, createAutosaver, importJson, loadInitialDoc, writeAutosave } from './persistence';
import { useTopologyStore } from './topologyStore';
import { Capture } from './topologyTypes';
import { syncAnalysisDoc } from './analysisStore';

export interface SessionOptions {
  createWorker?: () => WorkerLike;
  /** Where the autosave lives; default `localStorage`, null for none. */
  storage?: StorageLike | null;
  /** The page address (share links); default `window.location`. */
  location?: Pick<Location, 'hash' | 'pathname' | 'search'>;
  /** To drop `#lab=` from the address bar; default `window.history`. */
  history?: Pick<History, 'replaceState' | 'state'>;
  /** The bridge's per-frame scheduling and clock (tests pass fakes). */
  raf?: (fn: () => void) => void;
  now?: () => number;
}

export interface Session {
  commands: LabCommands;
  dispose(): void;
}

interface Active {
  bridge: Bridge;
  load(doc: Topology): boolean;
  dispose(): void;
}

let active: Active | null = null;

function defaultStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (sandboxed frame, privacy settings)
  }
}

function commandsOf(bridge: Bridge): LabCommands {
  return {
    fault: (target, action) => bridge.fault(target, action),
    play: () => bridge.play(),
    pause: () => bridge.pause(),
    step: () => bridge.step(),
    setSpeed: (speed) => bridge.setSpeed(speed),
    requestFrame: (link, frame) => bridge.requestFrame(link, frame),
    requestPcap: (link) => bridge.requestPcap(link),
    analyze: () => bridge.analyze(),
    restartWorker: () => bridge.restartWorker(),
  };
}

function openInitialLab(options: SessionOptions, storage: StorageLike | null): Topology {
  const location = options.location ?? (typeof window === 'undefined' ? undefined : window.location);
  const history = options.history ?? (typeof window === 'undefined' ? undefined : window.history);
  const initial = loadInitialDoc(location, storage ?? undefined);
  const store = useTopologyStore.getState();
  store.setDoc(initial.doc, Capture.never);
  useTopologyStore.temporal.getState().clear();
  if (initial.notice) store.showNotice(initial.notice);
  if (initial.hasShareLink && location && history) clearShareFragment(location, history);
  if (initial.source === 'share' && storage) {
    // A reload must reopen the shared lab, not the older autosave; keep that one aside.
    backupAutosave(storage);
    writeAutosave(storage, initial.doc);
  }
  return useTopologyStore.getState().doc;
}

/** Starts the lab: first document, worker bridge, autosave, live edits. */
export function startSession(options: SessionOptions = {}): Session {
  active?.dispose();
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const doc = openInitialLab(options, storage);
  const autosaver = storage ? createAutosaver(storage, { onError: (n) => useTopologyStore.getState().showNotice(n) }) : null;
  const bridge = createBridge({
    ...(options.createWorker ? { createWorker: options.createWorker } : {}),
    ...(options.raf ? { raf: options.raf } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  bridge.load(doc);

  let isLoading = false;
  const unsubscribe = useTopologyStore.subscribe((state, prev) => {
    if (state.doc === prev.doc) return; // selection, notice, history: nothing to send
    autosaver?.schedule(state.doc);
    syncAnalysisDoc(state.doc);
    if (!isLoading) bridge.edit(state.doc);
  });
  const flush = () => autosaver?.flush();
  if (typeof window !== 'undefined') window.addEventListener('pagehide', flush);

  const self: Active = {
    bridge,
    load(next) {
      const before = useTopologyStore.getState().doc;
      isLoading = true;
      try {
        useTopologyStore.getState().setDoc(next);
      } finally {
        isLoading = false;
      }
      const after = useTopologyStore.getState().doc;
      if (after === before && next !== before) return false;
      bridge.load(after);
      return true;
    },
    dispose() {
      unsubscribe();
      if (typeof window !== 'undefined') window.removeEventListener('pagehide', flush);
      autosaver?.flush();
      bridge.dispose();
      if (active === self) active = null;
    },
  };
  active = self;
  return { commands: commandsOf(bridge), dispose: () => self.dispose() };
}

/**
 * Replaces the lab (examples menu, import, share): one undo step in the topology store and a
 * fresh run in the worker. Returns false (with an error notice) for an invalid document.
 */
export function loadDoc(doc: Topology): boolean {
  if (active) return active.load(doc);
  const result = validateTopology(doc);
  useTopologyStore.getState().setDoc(doc);
  return result.ok;
}

/** Imports a JSON file's text as the lab; an invalid file sets an error notice and returns false. */
export function importLab(text: string): boolean {
  const result = importJson(text);
  if (!result.ok) {
    useTopologyStore.getState().showNotice(result.notice);
    return false;
  }
  return loadDoc(result.doc);
}

const noSession = (): Promise<never> => Promise.reject(new Error('no lab session'));

/** Commands that always reach the current session (no-ops before `startSession`). */
const liveCommands: LabCommands = {
  fault: (target, action) => active?.bridge.fault(target, action),
  play: () => active?.bridge.play(),
  pause: () => active?.bridge.pause(),
  step: () => active?.bridge.step(),
  setSpeed: (speed) => active?.bridge.setSpeed(speed),
  requestFrame: (link, frame) => (active ? active.bridge.requestFrame(link, frame) : noSession()),
  requestPcap: (link) => (active ? active.bridge.requestPcap(link) : noSession()),
  analyze: () => active?.bridge.analyze(),
  restartWorker: () => active?.bridge.restartWorker(),
};

/**
 * The lab commands for components (`commands.fault(id, 'fail')`, `commands.play()`…). A stable
 * object whose methods may be destructured and passed as handlers; extra arguments are ignored.
 */
export function useLabCommands(): LabCommands {
  return liveCommands;
}

/** The same commands outside React. */
export function getLabCommands(): LabCommands {
  return liveCommands;
}
