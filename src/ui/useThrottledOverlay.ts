/**
 * A view of the overlay store that re-renders at most ~4×/s: for panels whose content is a
 * summary of the whole log (event log, timeline strip), where following every animation frame
 * costs a full list reconcile and a forced layout each time, and 250 ms is still "live" to a
 * reader. The first change after a quiet spell shows at once (leading edge), later ones wait for
 * the end of the interval (trailing edge), so the last state is always shown.
 */
import { useState, useSyncExternalStore } from 'react';
import { shallow } from 'zustand/shallow';
import type { OverlayState } from '../store/overlayStore';
import { useOverlayStore } from '../store/overlayStore';

/** The shortest time between two renders of a throttled view. */
export const THROTTLE_MS = 250;

interface Source<T> {
  subscribe: (onChange: () => void) => () => void;
  getSnapshot: () => T;
}

function throttledSource<T>(selector: (s: OverlayState) => T, ms: number): Source<T> {
  let value = selector(useOverlayStore.getState());
  let last = -Infinity;
  return {
    getSnapshot: () => value,
    subscribe: (onChange) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const refresh = () => {
        timer = undefined;
        const next = selector(useOverlayStore.getState());
        if (shallow(value, next)) return;
        value = next;
        last = performance.now();
        onChange();
      };
      refresh();
      const unsubscribe = useOverlayStore.subscribe((state, prev) => {
        if (timer !== undefined || shallow(selector(state), selector(prev))) return;
        timer = setTimeout(refresh, Math.max(0, last + ms - performance.now()));
      });
      return () => {
        unsubscribe();
        clearTimeout(timer);
      };
    },
  };
}

/**
 * `selector(overlay)`, refreshed at most every `ms`. The selector is read once (pass a module-level
 * function); it may return a new object each time: values are compared shallowly.
 */
export function useThrottledOverlay<T>(selector: (s: OverlayState) => T, ms = THROTTLE_MS): T {
  const [source] = useState(() => throttledSource(selector, ms));
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
