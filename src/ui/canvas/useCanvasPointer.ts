/**
 * Clicks that are commands rather than edits: with the fail tool, a click fails (or restores) a
 * device or a link; a right click opens the device / link menu.
 */
import type { MouseEvent as ReactMouseEvent } from 'react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useOverlayStore } from '../../store/overlayStore';
import { useLabCommands } from '../../store/session';
import { useTopologyStore } from '../../store/topologyStore';
import { useUiStore } from '../uiStore';
import type { MenuState } from './ContextMenu';
import type { DeviceNodeType, LinkEdgeType } from './derive';
import type { FaultTarget } from './failTool';
import { faultAction } from './failTool';

export function useCanvasPointer() {
  const commands = useLabCommands();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  const handlers = useMemo(() => {
    const fault = (target: FaultTarget) => {
      if (useUiStore.getState().tool !== 'fail') return;
      commands.fault(target.id, faultAction(target, useTopologyStore.getState().doc, useOverlayStore.getState()));
    };
    const openMenu = (e: ReactMouseEvent, target: FaultTarget) => {
      e.preventDefault();
      const store = useTopologyStore.getState();
      const { selection } = store;
      if (target.kind === 'device' && !selection.devices.includes(target.id)) store.select({ devices: [target.id], links: [], lag: null });
      if (target.kind === 'link' && !selection.links.includes(target.id)) store.select({ devices: [], links: [target.id], lag: null });
      const box = wrapperRef.current?.getBoundingClientRect();
      setMenu({ target, x: e.clientX - (box?.left ?? 0), y: e.clientY - (box?.top ?? 0) });
    };
    return {
      onNodeClick: (_e: ReactMouseEvent, node: DeviceNodeType) => fault({ kind: 'device', id: node.id }),
      onEdgeClick: (_e: ReactMouseEvent, edge: LinkEdgeType) => fault({ kind: 'link', id: edge.id }),
      onNodeContextMenu: (e: ReactMouseEvent, node: DeviceNodeType) => openMenu(e, { kind: 'device', id: node.id }),
      onEdgeContextMenu: (e: ReactMouseEvent, edge: LinkEdgeType) => openMenu(e, { kind: 'link', id: edge.id }),
      onPaneContextMenu: (e: ReactMouseEvent | MouseEvent) => {
        e.preventDefault();
        setMenu(null);
      },
    };
  }, [commands]);

  return { wrapperRef, menu, closeMenu, ...handlers };
}
