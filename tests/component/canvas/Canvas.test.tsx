import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabCommands } from '../../../src/store/bridge';
import { useOverlayStore } from '../../../src/store/overlayStore';
import { resetTopologyStore, useTopologyStore } from '../../../src/store/topologyStore';
import { Canvas } from '../../../src/ui/canvas/Canvas';
import { i18n } from '../../../src/ui/i18n';
import { useUiStore } from '../../../src/ui/uiStore';
import { member, setRunningOverlay, smallLab } from './fixtures';

const commands = vi.hoisted(() => ({ fault: vi.fn() }));
vi.mock('../../../src/store/session', () => ({ useLabCommands: () => commands as unknown as LabCommands }));

function renderCanvas() {
  return render(
    <div style={{ width: 1000, height: 700 }}>
      <Canvas />
    </div>,
  );
}

async function edgesDrawn() {
  await waitFor(() => expect(screen.getByTestId('link-l3')).toBeInTheDocument());
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
  resetTopologyStore(smallLab);
  setRunningOverlay();
  useUiStore.setState({ tool: 'select', packet: null });
  commands.fault.mockClear();
});

describe('when the canvas shows a small lab', () => {
  it('draws a card per device and a link per link, each link with its path for the PDU dots', async () => {
    const { container } = renderCanvas();
    for (const id of ['sw1', 'sw2', 'srv1']) expect(screen.getByTestId(`device-${id}`)).toHaveAttribute('data-failed', 'false');
    await edgesDrawn();
    for (const id of ['l1', 'l2', 'l3']) {
      const link = screen.getByTestId(`link-${id}`);
      expect(container.querySelector(`#edge-path-${id}`)?.tagName).toBe('path');
      expect(link.querySelector(`#edge-path-${id}`)?.getAttribute('d')).toMatch(/^M[-\d.]+,[-\d.]+ C/);
    }
    expect(screen.getByTestId('link-l1')).toHaveAttribute('data-status', 'distributing');
    expect(screen.getByTestId('link-l3')).toHaveAttribute('data-status', 'up');
  });

  it('keeps parallel links apart', async () => {
    const { container } = renderCanvas();
    await edgesDrawn();
    const d1 = container.querySelector('#edge-path-l1')?.getAttribute('d');
    const d2 = container.querySelector('#edge-path-l2')?.getAttribute('d');
    expect(d1).toBeTruthy();
    expect(d1).not.toEqual(d2);
  });

  it('colours a link by its worse end and marks the end that disagrees', async () => {
    renderCanvas();
    await edgesDrawn();
    act(() => useOverlayStore.setState((s) => ({ ports: { ...s.ports, 'sw2:eth1': member('po1', 'suspended') } })));
    const link = screen.getByTestId('link-l1');
    expect(link).toHaveAttribute('data-status', 'suspended');
    expect(screen.getByTestId('link-marker-l1-a')).toHaveAttribute('data-status', 'distributing');
    expect(screen.queryByTestId('link-marker-l1-b')).toBeNull();
    act(() => useOverlayStore.setState((s) => ({ links: { ...s.links, l1: 'down' } })));
    expect(screen.getByTestId('link-l1')).toHaveAttribute('data-status', 'down');
  });

  it('labels each LAG end with active / total members, and selects the LAG on click', async () => {
    renderCanvas();
    await edgesDrawn();
    const end1 = screen.getByTestId('lag-sw1-po1');
    expect(end1).toHaveTextContent('po1');
    expect(end1).toHaveTextContent('2/2');
    expect(end1).toHaveAttribute('data-tone', 'up');
    act(() => useOverlayStore.setState((s) => ({ lags: { ...s.lags, 'sw2:po1': { up: true, active: ['eth1'], standby: ['eth2'], partner: undefined } } })));
    expect(screen.getByTestId('lag-sw2-po1')).toHaveTextContent('1/2');
    expect(screen.getByTestId('lag-sw2-po1')).toHaveAttribute('data-tone', 'partial');
    fireEvent.click(screen.getByTestId('lag-sw2-po1'));
    expect(useTopologyStore.getState().selection).toEqual({ devices: [], links: [], lag: { device: 'sw2', id: 'po1' } });
  });

  it('shows a failed device from the overlay', () => {
    renderCanvas();
    act(() => useOverlayStore.setState((s) => ({ devices: { ...s.devices, sw2: { isFailed: true, isMuted: false } } })));
    expect(screen.getByTestId('device-sw2')).toHaveAttribute('data-failed', 'true');
  });
});

describe('when the student edits on the canvas', () => {
  it('deletes the selection with Delete and brings it back with Ctrl+Z, then Ctrl+Shift+Z', () => {
    renderCanvas();
    act(() => useTopologyStore.getState().select({ devices: ['srv1'] }));
    fireEvent.keyDown(document.body, { key: 'Delete' });
    expect(useTopologyStore.getState().doc.devices.map((d) => d.id)).toEqual(['sw1', 'sw2']);
    expect(screen.queryByTestId('device-srv1')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(useTopologyStore.getState().doc.devices.map((d) => d.id)).toContain('srv1');
    fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(useTopologyStore.getState().doc.devices.map((d) => d.id)).not.toContain('srv1');
    fireEvent.keyDown(document.body, { key: 'z', metaKey: true });
    fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true });
    expect(useTopologyStore.getState().doc.devices.map((d) => d.id)).not.toContain('srv1');
  });

  it('leaves keys typed into a field alone', () => {
    renderCanvas();
    const input = document.createElement('input');
    document.body.appendChild(input);
    act(() => useTopologyStore.getState().select({ devices: ['srv1'] }));
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(useTopologyStore.getState().doc.devices).toHaveLength(3);
    input.remove();
  });

  it('adds the device type dropped from the palette', () => {
    renderCanvas();
    const data = { types: ['application/topolab-device'], getData: (t: string) => (t === 'application/topolab-device' ? 'router' : ''), dropEffect: 'none' };
    fireEvent.dragOver(screen.getByTestId('canvas'), { dataTransfer: data });
    fireEvent.drop(screen.getByTestId('canvas'), { dataTransfer: data, clientX: 300, clientY: 200 });
    const doc = useTopologyStore.getState().doc;
    const added = doc.devices.find((d) => d.type === 'router');
    expect(added).toBeDefined();
    expect(useTopologyStore.getState().selection.devices).toEqual([added?.id]);
  });

  it('selects a device on click', () => {
    renderCanvas();
    fireEvent.click(screen.getByTestId('device-sw1'));
    expect(useTopologyStore.getState().selection.devices).toEqual(['sw1']);
  });
});

describe('when the fail tool is on', () => {
  beforeEach(() => useUiStore.setState({ tool: 'fail' }));

  it('fails a live device and restores a failed one', () => {
    renderCanvas();
    expect(screen.getByTestId('canvas')).toHaveClass('is-fail-tool');
    fireEvent.click(screen.getByTestId('device-sw1'));
    expect(commands.fault).toHaveBeenLastCalledWith('sw1', 'fail');
    act(() => useOverlayStore.setState((s) => ({ devices: { ...s.devices, sw1: { isFailed: true, isMuted: false } } })));
    fireEvent.click(screen.getByTestId('device-sw1'));
    expect(commands.fault).toHaveBeenLastCalledWith('sw1', 'restore');
    expect(useTopologyStore.getState().selection.devices).toEqual([]);
  });

  it('fails an up link and restores a link that is down between live devices', async () => {
    renderCanvas();
    await edgesDrawn();
    fireEvent.click(screen.getByTestId('link-l3'));
    expect(commands.fault).toHaveBeenLastCalledWith('l3', 'fail');
    act(() => useOverlayStore.setState((s) => ({ links: { ...s.links, l3: 'down' } })));
    fireEvent.click(screen.getByTestId('link-l3'));
    expect(commands.fault).toHaveBeenLastCalledWith('l3', 'restore');
  });
});

describe('when a device or link is right-clicked', () => {
  it('offers fail, delete and, for links selected together, Make LAG', async () => {
    renderCanvas();
    await edgesDrawn();
    const noLag = { ...smallLab, lags: [] };
    act(() => resetTopologyStore(noLag));
    await edgesDrawn();
    act(() => useTopologyStore.getState().select({ links: ['l1', 'l2'] }));
    fireEvent.contextMenu(screen.getByTestId('link-l1'));
    const menu = screen.getByTestId('canvas-menu');
    expect(within(menu).getByTestId('menu-fault')).toHaveTextContent('Fail');
    expect(within(menu).getByTestId('menu-delete')).toHaveTextContent('Delete');
    fireEvent.click(within(menu).getByTestId('menu-make-lag'));
    expect(useTopologyStore.getState().doc.lags?.length).toBe(2);
    expect(screen.queryByTestId('canvas-menu')).toBeNull();
  });

  it('fails a device from its menu', () => {
    renderCanvas();
    fireEvent.contextMenu(screen.getByTestId('device-sw2'));
    expect(useTopologyStore.getState().selection.devices).toEqual(['sw2']);
    expect(screen.queryByTestId('menu-make-lag')).toBeNull();
    fireEvent.click(screen.getByTestId('menu-fault'));
    expect(commands.fault).toHaveBeenLastCalledWith('sw2', 'fail');
  });
});

describe('when the legend is used', () => {
  it('starts closed as a small pill and opens to explain every link colour', async () => {
    renderCanvas();
    const legend = screen.getByTestId('canvas-legend');
    expect(within(legend).queryByRole('list')).toBeNull();
    fireEvent.click(screen.getByTestId('legend-toggle'));
    const rows = within(legend).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThanOrEqual(9);
    expect(legend).toHaveTextContent('Distributing');
    expect(localStorage.getItem('topolab.legendOpen')).toBe('true');
    await act(() => i18n.changeLanguage('ko'));
    expect(legend).toHaveTextContent('전달 중');
  });
});
