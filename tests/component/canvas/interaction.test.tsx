import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyOverlay } from '../../../src/store/overlayReducer';
import { resetTopologyStore, useTopologyStore } from '../../../src/store/topologyStore';
import { lagCandidates } from '../../../src/ui/canvas/ContextMenu';
import { faultAction } from '../../../src/ui/canvas/failTool';
import { keyAction } from '../../../src/ui/canvas/useCanvasKeys';
import { isNewLab } from '../../../src/ui/canvas/useFitOnNewLab';
import { applySelectChanges, useFlowHandlers } from '../../../src/ui/canvas/useFlowHandlers';
import { smallLab } from './fixtures';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('when a key is pressed on the canvas', () => {
  it('maps Delete / Backspace, undo, redo and Escape', () => {
    expect(keyAction(key('Delete'))).toBe('delete');
    expect(keyAction(key('Backspace'))).toBe('delete');
    expect(keyAction(key('z', { ctrlKey: true }))).toBe('undo');
    expect(keyAction(key('z', { metaKey: true }))).toBe('undo');
    expect(keyAction(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(keyAction(key('z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(keyAction(key('y', { ctrlKey: true }))).toBe('redo');
    expect(keyAction(key('Escape'))).toBe('deselect');
    expect(keyAction(key('a'))).toBeNull();
    expect(keyAction(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

describe('when the fail tool picks its action', () => {
  const overlay = { ...emptyOverlay() };

  it('fails a live device and restores a failed one', () => {
    expect(faultAction({ kind: 'device', id: 'sw1' }, smallLab, overlay)).toBe('fail');
    expect(faultAction({ kind: 'device', id: 'sw1' }, smallLab, { ...overlay, devices: { sw1: { isFailed: true, isMuted: false } } })).toBe('restore');
  });

  it('restores a link that is down between live devices, and fails it otherwise', () => {
    expect(faultAction({ kind: 'link', id: 'l1' }, smallLab, { ...overlay, links: { l1: 'up' } })).toBe('fail');
    expect(faultAction({ kind: 'link', id: 'l1' }, smallLab, { ...overlay, links: { l1: 'down' } })).toBe('restore');
    const deadEnd = { ...overlay, links: { l1: 'down' as const }, devices: { sw2: { isFailed: true, isMuted: false } } };
    expect(faultAction({ kind: 'link', id: 'l1' }, smallLab, deadEnd)).toBe('fail');
  });
});

describe('when links are offered for a LAG', () => {
  it('needs several selected links between the same two devices', () => {
    expect(lagCandidates(['l1', 'l2'], smallLab.links)).toEqual(['l1', 'l2']);
    expect(lagCandidates(['l1'], smallLab.links)).toBeNull();
    expect(lagCandidates(['l1', 'l3'], smallLab.links)).toBeNull();
    expect(lagCandidates(['l1', 'nope'], smallLab.links)).toBeNull();
  });
});

describe('when the document changes', () => {
  it('refits only for another lab, not for an edit', () => {
    const moved = { ...smallLab, devices: smallLab.devices.map((d) => ({ ...d })) };
    expect(isNewLab(null, smallLab)).toBe(false);
    expect(isNewLab(smallLab, { ...smallLab })).toBe(false);
    expect(isNewLab(smallLab, moved)).toBe(false);
    expect(isNewLab(smallLab, { ...moved, meta: { title: 'another' } })).toBe(true);
    const other = { ...smallLab, meta: smallLab.meta, devices: [{ id: 'x1', type: 'switch' as const, ports: [] }] };
    expect(isNewLab(smallLab, other)).toBe(true);
  });

  it('applies select changes in order', () => {
    expect(applySelectChanges(['a'], [{ type: 'select', id: 'b', selected: true }, { type: 'select', id: 'a', selected: false }, { type: 'position', id: 'c' }])).toEqual(['b']);
  });
});

describe('when a device is dragged', () => {
  const wrapper = ({ children }: { children: ReactNode }) => <ReactFlowProvider>{children}</ReactFlowProvider>;
  beforeEach(() => resetTopologyStore(smallLab));

  it('moves it every frame and makes the whole drag one undo step', () => {
    const { result } = renderHook(() => useFlowHandlers(), { wrapper });
    const frame = (x: number, dragging: boolean) => result.current.onNodesChange([{ type: 'position', id: 'srv1', position: { x, y: 300 }, dragging }]);
    act(() => {
      frame(20, true);
      frame(40, true);
      frame(60, true);
    });
    const pos = () => useTopologyStore.getState().doc.devices.find((d) => d.id === 'srv1')?.position;
    expect(pos()).toEqual({ x: 60, y: 300 });
    expect(useTopologyStore.getState().canUndo()).toBe(false);
    act(() => {
      frame(80, false);
      result.current.onDragStop();
    });
    expect(pos()).toEqual({ x: 80, y: 300 });
    act(() => useTopologyStore.getState().undo());
    expect(pos()).toEqual({ x: 0, y: 300 });
  });

  it('turns select changes into the store selection and a wire into a link', () => {
    const { result } = renderHook(() => useFlowHandlers(), { wrapper });
    act(() => result.current.onNodesChange([{ type: 'select', id: 'sw1', selected: true }]));
    act(() => result.current.onEdgesChange([{ type: 'select', id: 'l3', selected: true }]));
    expect(useTopologyStore.getState().selection).toMatchObject({ devices: ['sw1'], links: ['l3'], lag: null });
    act(() => result.current.onConnect({ source: 'sw2', sourceHandle: 'eth3', target: 'srv1', targetHandle: 'eth2' }));
    expect(useTopologyStore.getState().doc.links).toHaveLength(4);
  });
});
