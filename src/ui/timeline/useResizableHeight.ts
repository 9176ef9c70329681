/**
 * The event log's height, dragged from its top edge and remembered across reloads. Keyboard:
 * arrow keys on the handle move it by 24 px.
 */
import type { KeyboardEvent as ReactKeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';
import { useCallback, useState } from 'react';

const STORAGE_KEY = 'topolab.logHeight';
export const LOG_MIN_HEIGHT = 120;
const DEFAULT_HEIGHT = 210;

function maxHeight(): number {
  return Math.max(LOG_MIN_HEIGHT, Math.round(window.innerHeight * 0.6));
}

export function clampHeight(h: number): number {
  return Math.round(Math.min(maxHeight(), Math.max(LOG_MIN_HEIGHT, h)));
}

function initialHeight(): number {
  try {
    const saved = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(saved) && saved > 0 ? clampHeight(saved) : DEFAULT_HEIGHT;
  } catch {
    return DEFAULT_HEIGHT;
  }
}

function save(h: number): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(h));
  } catch {
    // Private mode: the height simply is not remembered.
  }
}

export function useResizableHeight() {
  const [height, setHeight] = useState(initialHeight);

  const onPointerDown = useCallback(
    (e: ReactPointerEvent<HTMLElement>) => {
      e.preventDefault();
      const startY = e.clientY;
      const start = height;
      let last = start;
      const move = (ev: PointerEvent) => {
        last = clampHeight(start - (ev.clientY - startY));
        setHeight(last);
      };
      const up = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        save(last);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
    },
    [height],
  );

  const onKeyDown = useCallback(
    (e: ReactKeyboardEvent<HTMLElement>) => {
      const delta = e.key === 'ArrowUp' ? 24 : e.key === 'ArrowDown' ? -24 : 0;
      if (delta === 0) return;
      e.preventDefault();
      const next = clampHeight(height + delta);
      setHeight(next);
      save(next);
    },
    [height],
  );

  return { height, onPointerDown, onKeyDown };
}
