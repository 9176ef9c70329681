/**
 * Canvas shortcuts: Delete / Backspace deletes the selection, Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z
 * and Ctrl+Y redo, Escape clears the selection. Keys typed into a field, or pressed inside a
 * dialog (packet inspector, share), are left alone.
 */
import { useEffect } from 'react';
import { useTopologyStore } from '../../store/topologyStore';

/** True when the key press belongs to a text field, a list box, an editable element or a dialog. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable="true"], [role="textbox"], [role="combobox"], [role="dialog"]') !== null;
}

export type CanvasKeyAction = 'delete' | 'undo' | 'redo' | 'deselect';

/** What a key press means on the canvas, if anything. */
export function keyAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): CanvasKeyAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (e.altKey) return null;
  if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) return 'delete';
  if (!mod && e.key === 'Escape') return 'deselect';
  if (mod && key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (e.ctrlKey && !e.metaKey && key === 'y') return 'redo';
  return null;
}

export function useCanvasKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const action = keyAction(e);
      if (!action) return;
      const store = useTopologyStore.getState();
      e.preventDefault();
      if (action === 'delete') store.deleteSelection();
      else if (action === 'undo') store.undo();
      else if (action === 'redo') store.redo();
      else store.select({ devices: [], links: [], lag: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
