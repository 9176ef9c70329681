/**
 * Guided lessons (issue 6): whether the lesson list is open, the active lesson, and the lessons
 * completed, kept in localStorage (`topolab.lessons.v1`) so progress survives a reload.
 */
import { create } from 'zustand';

/** The localStorage key of lesson progress (`{ done: string[] }` as JSON). */
export const LESSONS_KEY = 'topolab.lessons.v1';

export interface LessonState {
  isOpen: boolean;
  /** The lesson whose goal card is showing, or null. */
  activeId: string | null;
  /** Ids of completed lessons. */
  done: readonly string[];
  setOpen(isOpen: boolean): void;
  setActive(id: string | null): void;
  markDone(id: string): void;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The completed lessons saved in `store`; nothing when absent or unreadable. */
export function readProgress(store: Pick<Storage, 'getItem'> | null = storage()): string[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(LESSONS_KEY) ?? 'null');
    const done = (parsed as { done?: unknown } | null)?.done;
    return Array.isArray(done) ? done.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return [];
  }
}

function writeProgress(done: readonly string[]): void {
  try {
    storage()?.setItem(LESSONS_KEY, JSON.stringify({ done }));
  } catch {
    // Storage full or blocked: progress stays in memory for this visit.
  }
}

export const useLessonStore = create<LessonState>()((set, get) => ({
  isOpen: false,
  activeId: null,
  done: readProgress(),
  setOpen: (isOpen) => set({ isOpen }),
  setActive: (activeId) => set({ activeId }),
  markDone: (id) => {
    if (get().done.includes(id)) return;
    const done = [...get().done, id];
    writeProgress(done);
    set({ done });
  },
}));
