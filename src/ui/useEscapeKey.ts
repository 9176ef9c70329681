/** Closes a dialog or panel with Escape while it is open (one window listener, removed on close). */
import { useEffect } from 'react';

export function useEscapeKey(isOpen: boolean, close: () => void): void {
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isOpen, close]);
}
