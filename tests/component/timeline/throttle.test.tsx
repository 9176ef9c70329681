/** Panels that follow the whole log re-render at most ~4×/s (useThrottledOverlay). */
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverlayState } from '../../../src/store/overlayStore';
import { useOverlayStore } from '../../../src/store/overlayStore';
import { THROTTLE_MS, useThrottledOverlay } from '../../../src/ui/useThrottledOverlay';
import { resetStores } from '../labFixture';

const selectClock = (s: OverlayState) => s.clock;

beforeEach(() => {
  resetStores();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('when the overlay changes every frame', () => {
  it('shows the first change at once, then at most one more per interval, ending on the last', () => {
    useOverlayStore.setState({ clock: 1 });
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useThrottledOverlay(selectClock);
    });
    expect(result.current).toBe(1);
    act(() => useOverlayStore.setState({ clock: 2 }));
    act(() => {
      vi.advanceTimersByTime(0);
    });
    expect(result.current).toBe(2);
    const before = renders;
    for (let i = 3; i <= 20; i++) {
      act(() => {
        useOverlayStore.setState({ clock: i });
        vi.advanceTimersByTime(16);
      });
    }
    // 18 changes over 288 ms: at most two renders (one per interval), none in between.
    expect(renders - before).toBeLessThanOrEqual(2);
    act(() => {
      vi.advanceTimersByTime(THROTTLE_MS);
    });
    expect(result.current).toBe(20);
  });

  it('does not render for changes it does not select', () => {
    let renders = 0;
    renderHook(() => {
      renders++;
      return useThrottledOverlay(selectClock);
    });
    const before = renders;
    act(() => {
      useOverlayStore.setState({ speed: 2 });
      vi.advanceTimersByTime(THROTTLE_MS * 2);
    });
    expect(renders).toBe(before);
  });
});
