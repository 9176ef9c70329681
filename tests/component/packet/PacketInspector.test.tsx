/** The packet inspector: fields beside the hex dump; hovering one highlights the other. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/ui/i18n';
import { encodeBpduFrame, makePortId } from '../../../src/engine/codecs';
import type { FrameMessage } from '../../../src/worker/client';
import { frameFields } from '../../../src/worker/frameView';
import { PacketInspector } from '../../../src/ui/packet/PacketInspector';
import { useUiStore } from '../../../src/ui/uiStore';
import { resetStores } from '../labFixture';

const requestFrame = vi.fn<(link: string, frame: number) => Promise<FrameMessage>>();

vi.mock('../../../src/store/session', () => ({
  useLabCommands: () => ({ requestFrame }),
}));

/** Ethernet header + the first LACP fields (enough to test the mapping both ways). */
function fakeFrame(): FrameMessage {
  const bytes = new Uint8Array(40);
  bytes.set([0x01, 0x80, 0xc2, 0x00, 0x00, 0x02, 0x02, 0, 0, 0, 1, 0, 0x88, 0x09, 0x01, 0x01]);
  return {
    type: 'frame',
    id: 1,
    link: 'l1',
    frame: 3,
    t: 1500,
    bytes: bytes.buffer,
    fields: [
      { name: 'eth_dst', offset: 0, length: 6, value: '01:80:c2:00:00:02', layer: 'eth' },
      { name: 'eth_src', offset: 6, length: 6, value: '02:00:00:00:01:00', layer: 'eth' },
      { name: 'eth_type', offset: 12, length: 2, value: '0x8809', layer: 'eth' },
      { name: 'subtype', offset: 14, length: 1, value: '0x01 (1)', layer: 'lacp' },
      { name: 'version', offset: 15, length: 1, value: '0x01 (1)', layer: 'lacp' },
    ],
  };
}

beforeEach(() => {
  resetStores();
  requestFrame.mockReset();
});

describe('when a LACPDU is opened', () => {
  it('shows translated fields and 16-byte hex rows, and highlights across on hover', async () => {
    requestFrame.mockResolvedValue(fakeFrame());
    render(<PacketInspector />);
    act(() => useUiStore.getState().openPacket('l1', 3));
    expect(screen.getByTestId('packet-inspector')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('hex-byte')).toHaveLength(40));
    expect(requestFrame).toHaveBeenCalledWith('l1', 3);
    expect(screen.getByText('Destination MAC')).toBeInTheDocument();
    expect(screen.getByText('Ethernet II')).toBeInTheDocument();
    expect(document.querySelectorAll('.hex-row')).toHaveLength(3);
    expect(document.querySelectorAll('.hex-offset')[1]).toHaveTextContent('0010');

    const field = screen.getAllByTestId('packet-field').find((f) => f.dataset.field === 'eth_type') as HTMLElement;
    fireEvent.mouseEnter(field);
    const lit = screen.getAllByTestId('hex-byte').filter((b) => b.classList.contains('highlight'));
    expect(lit.map((b) => b.textContent)).toEqual(['88', '09']);
    expect(lit.every((b) => b.dataset.field === 'eth_type')).toBe(true);

    const byte = screen.getAllByTestId('hex-byte')[8] as HTMLElement;
    fireEvent.mouseEnter(byte);
    expect(byte.dataset.field).toBe('eth_src');
    const litFields = screen.getAllByTestId('packet-field').filter((f) => f.classList.contains('highlight'));
    expect(litFields.map((f) => f.dataset.field)).toEqual(['eth_src']);
    expect(screen.getAllByTestId('hex-byte').filter((b) => b.classList.contains('highlight'))).toHaveLength(6);
  });

  it('says so when the frame is gone', async () => {
    requestFrame.mockRejectedValue(new Error('noFrame'));
    render(<PacketInspector />);
    act(() => useUiStore.getState().openPacket('l1', 999));
    await waitFor(() => expect(screen.getByTestId('packet-unavailable')).toBeInTheDocument());
  });

  it('closes with Escape', async () => {
    requestFrame.mockResolvedValue(fakeFrame());
    render(<PacketInspector />);
    act(() => useUiStore.getState().openPacket('l1', 3));
    await waitFor(() => expect(screen.getAllByTestId('hex-byte').length).toBeGreaterThan(0));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(useUiStore.getState().packet).toBeNull();
    expect(screen.queryByTestId('packet-inspector')).toBeNull();
  });
});

describe('when a BPDU is opened', () => {
  it('names the frame a BPDU and shows the 802.3/LLC and spanning-tree layers with translated fields', async () => {
    const bytes = encodeBpduFrame('02:00:00:00:00:01', {
      kind: 'rst',
      version: 2,
      flags: { topologyChange: false, topologyChangeAck: false, proposal: true, portRole: 3, learning: false, forwarding: false, agreement: false },
      rootId: { priority: 32768, mac: '02:00:00:00:00:01' },
      rootPathCost: 0,
      bridgeId: { priority: 32768, mac: '02:00:00:00:00:01' },
      portId: makePortId(128, 1),
      messageAge: 0,
      maxAge: 20 * 256,
      helloTime: 2 * 256,
      forwardDelay: 15 * 256,
      version1Length: 0,
    });
    requestFrame.mockResolvedValue({ type: 'frame', id: 1, link: 'l2', frame: 7, t: 2000, bytes: bytes.slice().buffer, fields: frameFields(bytes) });
    render(<PacketInspector />);
    act(() => useUiStore.getState().openPacket('l2', 7));
    await waitFor(() => expect(screen.getByTestId('packet-summary')).toHaveAttribute('data-kind', 'bpdu'));
    expect(screen.getByText('Frame #7 on link l2')).toBeInTheDocument();
    expect(screen.getByText('Spanning Tree (BPDU)')).toBeInTheDocument();
    expect(screen.getByText('IEEE 802.3 / LLC')).toBeInTheDocument();
    expect(screen.getByText('Root bridge MAC')).toBeInTheDocument();
    const flags = screen.getAllByTestId('packet-field').find((f) => f.dataset.field === 'bpdu_flags');
    expect(flags).toHaveTextContent('Proposal, Port Role Designated');
  });
});
