import { act, render, screen, within } from '@testing-library/react';
import type { NodeTypes } from '@xyflow/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useOverlayStore } from '../../../src/store/overlayStore';
import { EMPTY_SELECTION } from '../../../src/store/topologyStore';
import { createDeriver } from '../../../src/ui/canvas/derive';
import { DeviceNode } from '../../../src/ui/canvas/DeviceNode';
import { i18n } from '../../../src/ui/i18n';
import { setRunningOverlay, smallLab } from './fixtures';

const nodeTypes: NodeTypes = { device: DeviceNode };

function renderNodes() {
  const { nodes } = createDeriver()(smallLab, { ...EMPTY_SELECTION, devices: ['sw2'] });
  return render(
    <div style={{ width: 800, height: 600 }}>
      <ReactFlowProvider>
        <ReactFlow nodes={nodes} nodeTypes={nodeTypes} />
      </ReactFlowProvider>
    </div>,
  );
}

describe('when a device card is drawn', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    setRunningOverlay();
  });

  it('shows its name, its type and one labelled port handle per port', () => {
    renderNodes();
    const card = screen.getByTestId('device-sw1');
    expect(card).toHaveTextContent('SW1');
    expect(card).toHaveTextContent('Switch · sw1');
    for (const port of ['eth1', 'eth2', 'eth3']) {
      const handle = within(card).getByTestId(`port-sw1-${port}`);
      expect(handle).toHaveClass('react-flow__handle');
      expect(handle).toHaveAttribute('data-handleid', port);
      expect(within(card).getAllByText(port).length).toBeGreaterThan(0);
    }
    expect(screen.getByTestId('device-srv1')).toHaveTextContent('Server');
  });

  it('colours a LAG member port by its status and marks free ports', () => {
    renderNodes();
    expect(screen.getByTestId('port-sw1-eth1')).toHaveAttribute('data-status', 'distributing');
    expect(screen.getByTestId('port-sw1-eth3')).toHaveAttribute('data-status', 'connected');
    expect(screen.getByTestId('port-srv1-eth2')).toHaveAttribute('data-status', 'free');
  });

  it('is unmistakably dead when failed: flag, class and a FAILED badge', () => {
    renderNodes();
    expect(screen.getByTestId('device-sw1')).toHaveAttribute('data-failed', 'false');
    expect(screen.queryByTestId('device-failed-sw1')).toBeNull();
    act(() => useOverlayStore.setState((s) => ({ devices: { ...s.devices, sw1: { isFailed: true, isMuted: false } } })));
    const card = screen.getByTestId('device-sw1');
    expect(card).toHaveAttribute('data-failed', 'true');
    expect(card).toHaveClass('is-failed');
    expect(screen.getByTestId('device-failed-sw1')).toHaveTextContent('FAILED');
  });

  it('says 장애 in Korean, and shows a hung control plane', async () => {
    await i18n.changeLanguage('ko');
    renderNodes();
    act(() => useOverlayStore.setState((s) => ({ devices: { ...s.devices, sw1: { isFailed: true, isMuted: false }, sw2: { isFailed: false, isMuted: true } } })));
    expect(screen.getByTestId('device-failed-sw1')).toHaveTextContent('장애');
    expect(screen.getByTestId('device-muted-sw2')).toHaveTextContent('제어 평면 멈춤');
    expect(screen.getByTestId('device-sw2')).toHaveAttribute('data-muted', 'true');
  });

  it('outlines the selected device', () => {
    renderNodes();
    expect(screen.getByTestId('device-sw2')).toHaveClass('is-selected');
    expect(screen.getByTestId('device-sw1')).not.toHaveClass('is-selected');
  });
});
