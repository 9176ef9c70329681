/**
 * Keyboard shortcuts for time: Space plays or pauses, "." steps to the next event. They stay
 * quiet while the student types in a field or holds a modifier (browser and OS shortcuts).
 */
import { useEffect } from 'react';
import { useOverlayStore } from '../../store/overlayStore';
import { useLabCommands } from '../../store/session';

/**
 * True when the key press belongs to the focused control: a text field, a list box, a check box
 * or an editable element. Buttons and sliders do not need Space, so the shortcut wins there.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'range', 'file', 'submit', 'reset'].includes(target.type);
  return false;
}

export function useTimeShortcuts(): void {
  const commands = useLabCommands();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === ' ' || e.code === 'Space') {
        // A focused button would also "click" on Space: the shortcut wins, once.
        e.preventDefault();
        if (useOverlayStore.getState().running) commands.pause();
        else commands.play();
      } else if (e.key === '.') {
        e.preventDefault();
        commands.step();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands]);
}
