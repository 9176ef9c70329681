/**
 * React Flow's change callbacks turned into topology edits (style guide §3: the flow is
 * controlled). Drag frames move devices with no undo step; the drag's end makes them one step.
 * Selection changes become the store's selection; a wire dropped on a port becomes `connect`; a
 * palette item dropped on the canvas becomes `addDevice` where it was dropped.
 */
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useMemo } from 'react';
import { DEVICE_TYPES } from '../../model';
import type { DeviceType } from '../../model';
import { useTopologyStore } from '../../store/topologyStore';
import { Capture } from '../../store/topologyTypes';
import type { DeviceNodeType, LinkEdgeType } from './derive';
import { CARD_MIN_WIDTH, HEADER_HEIGHT } from './layout';

/** The drag payload the palette sets: the device type. */
export const DEVICE_DRAG_TYPE = 'application/topolab-device';

/** Applies select / deselect changes to a list of ids, keeping its order. */
export function applySelectChanges(current: readonly string[], changes: readonly { type: string; id?: string; selected?: boolean }[]): string[] {
  const out = [...current];
  for (const c of changes) {
    if (c.type !== 'select' || c.id === undefined) continue;
    const at = out.indexOf(c.id);
    if (c.selected && at < 0) out.push(c.id);
    if (!c.selected && at >= 0) out.splice(at, 1);
  }
  return out;
}

const isDeviceType = (v: string): v is DeviceType => (DEVICE_TYPES as readonly string[]).includes(v);

export function useFlowHandlers() {
  const { screenToFlowPosition } = useReactFlow<DeviceNodeType, LinkEdgeType>();
  return useMemo(() => {
    const store = useTopologyStore.getState;
    return {
      onNodesChange: (changes: NodeChange<DeviceNodeType>[]) => {
        const moves = changes.flatMap((c) => (c.type === 'position' && c.position ? [{ id: c.id, position: c.position }] : []));
        if (moves.length > 0) {
          store().moveDevices(moves, Capture.never);
          // A drag's last frame (or a keyboard nudge) closes the step; onNodeDragStop covers a
          // drag whose last frame moved nothing.
          if (changes.some((c) => c.type === 'position' && c.dragging !== true)) store().commitMove();
        }
        if (changes.some((c) => c.type === 'select')) {
          const { selection } = store();
          store().select({ devices: applySelectChanges(selection.devices, changes), lag: null });
        }
      },
      onEdgesChange: (changes: EdgeChange<LinkEdgeType>[]) => {
        if (!changes.some((c) => c.type === 'select')) return;
        const { selection } = store();
        store().select({ links: applySelectChanges(selection.links, changes), lag: null });
      },
      onDragStop: () => {
        store().commitMove();
      },
      onConnect: (c: Connection) => {
        if (!c.sourceHandle || !c.targetHandle) return;
        store().connect({ device: c.source, port: c.sourceHandle }, { device: c.target, port: c.targetHandle });
      },
      onDragOver: (e: DragEvent) => {
        if (!e.dataTransfer.types.includes(DEVICE_DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      },
      onDrop: (e: DragEvent) => {
        const type = e.dataTransfer.getData(DEVICE_DRAG_TYPE);
        if (!isDeviceType(type)) return;
        e.preventDefault();
        const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
        // The card's middle lands under the pointer.
        const id = store().addDevice(type, { x: at.x - CARD_MIN_WIDTH / 2, y: at.y - HEADER_HEIGHT / 2 });
        if (id) store().select({ devices: [id], links: [], lag: null });
      },
    };
  }, [screenToFlowPosition]);
}
