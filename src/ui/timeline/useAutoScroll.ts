/**
 * Keeps a list scrolled to its newest (bottom) line as lines arrive, unless the student has
 * scrolled up to read; scrolling back to the bottom (or `toBottom`) resumes following.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/** Within this many px of the bottom counts as "at the bottom". */
const SLACK = 24;

export function useAutoScroll<T extends HTMLElement>(changeKey: unknown) {
  const ref = useRef<T>(null);
  const follow = useRef(true);
  const [isFollowing, setFollowing] = useState(true);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [changeKey]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= SLACK;
    follow.current = atBottom;
    setFollowing(atBottom);
  }, []);

  const toBottom = useCallback(() => {
    const el = ref.current;
    follow.current = true;
    setFollowing(true);
    if (el) el.scrollTop = el.scrollHeight;
  }, []);

  return { ref, onScroll, isFollowing, toBottom };
}
