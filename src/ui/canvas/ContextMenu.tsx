/**
 * The right-click menu of a device or a link: fail / restore, delete, and for links selected
 * together between the same two devices, "Make LAG".
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useOverlayStore } from '../../store/overlayStore';
import { useLabCommands } from '../../store/session';
import { useTopologyStore } from '../../store/topologyStore';
import type { FaultTarget } from './failTool';
import { faultAction } from './failTool';

export interface MenuState {
  target: FaultTarget;
  /** Where the menu opens, relative to the canvas. */
  x: number;
  y: number;
}

/** The selected links, when there are several and all run between the same two devices. */
export function lagCandidates(linkIds: readonly string[], links: readonly { id: string; a: { device: string }; b: { device: string } }[]): string[] | null {
  if (linkIds.length < 2) return null;
  const chosen = links.filter((l) => linkIds.includes(l.id));
  const pair = (l: (typeof chosen)[number]) => [l.a.device, l.b.device].sort().join('|');
  const first = chosen[0];
  if (!first || chosen.length !== linkIds.length) return null;
  return chosen.every((l) => pair(l) === pair(first)) ? chosen.map((l) => l.id) : null;
}

function useMenuDismiss(close: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (ref.current && e.target instanceof Node && ref.current.contains(e.target)) return;
      close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('keydown', onKey);
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('keydown', onKey);
    };
  }, [close]);
  return ref;
}

export function ContextMenu({ menu, onClose }: { menu: MenuState; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useLabCommands();
  const ref = useMenuDismiss(onClose);
  const action = useOverlayStore((s) => faultAction(menu.target, useTopologyStore.getState().doc, s));
  const lagLinks = useTopologyStore(useShallow((s) => (menu.target.kind === 'link' ? lagCandidates(s.selection.links, s.doc.links) : null)));
  const run = (fn: () => void) => () => {
    fn();
    onClose();
  };
  const store = useTopologyStore.getState;
  return (
    <div ref={ref} className="canvas-menu" role="menu" style={{ left: menu.x, top: menu.y }} data-testid="canvas-menu" onContextMenu={(e) => e.preventDefault()}>
      <button type="button" role="menuitem" className={action === 'fail' ? 'is-danger' : ''} data-testid="menu-fault" onClick={run(() => commands.fault(menu.target.id, action))}>
        {t(action === 'fail' ? 'canvas.menu.fail' : 'canvas.menu.restore')}
      </button>
      {lagLinks && (
        <button type="button" role="menuitem" data-testid="menu-make-lag" onClick={run(() => store().makeLag(lagLinks))}>
          {t('canvas.menu.makeLag', { count: lagLinks.length })}
        </button>
      )}
      <div className="canvas-menu-sep" role="separator" />
      <button type="button" role="menuitem" data-testid="menu-delete" onClick={run(() => store().deleteSelection())}>
        {t('canvas.menu.delete')}
        <kbd>Del</kbd>
      </button>
    </div>
  );
}
