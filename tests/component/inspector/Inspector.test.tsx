/** The inspector: LAG settings and live LACP state by name; invalid values refused in place. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../../src/ui/i18n';
import { useOverlayStore } from '../../../src/store/overlayStore';
import { useTopologyStore } from '../../../src/store/topologyStore';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { LAB, distributingPort, resetStores } from '../labFixture';

beforeEach(() => {
  resetStores();
});

function selectLag(): void {
  act(() => useTopologyStore.getState().select({ devices: [], links: [], lag: { device: 'sw1', id: 'po1' } }));
}

describe('when a LAG is selected', () => {
  it('shows its settings', () => {
    render(<Inspector />);
    selectLag();
    expect(screen.getByTestId('inspector-lag')).toBeInTheDocument();
    expect(screen.getByTestId<HTMLSelectElement>('field-lag-mode').value).toBe('active');
    expect(screen.getByTestId<HTMLSelectElement>('field-lag-rate').value).toBe('fast');
    expect(screen.getByTestId<HTMLInputElement>('field-lag-key').placeholder).toBe('1');
    expect(screen.getByTestId<HTMLInputElement>('field-lag-system-priority').placeholder).toBe('32768');
    expect(screen.getAllByTestId('inspector-member').map((m) => m.getAttribute('data-port'))).toEqual(['eth1', 'eth2']);
  });

  it('shows every live state bit by name, on and off, from the overlay', () => {
    act(() =>
      useOverlayStore.setState({
        ports: {
          'sw1:eth1': distributingPort({ actorState: 0x3f, partnerState: 0x45 }),
          'sw1:eth2': distributingPort({ status: 'suspended', reason: 'noPartner', mux: 'DETACHED', rx: 'DEFAULTED', actorState: 0x47, partnerState: 0x02, churn: true }),
        },
        lags: { 'sw1:po1': { up: true, active: ['eth1'], standby: [], partner: undefined } },
      }),
    );
    render(<Inspector />);
    selectLag();

    const [first, second] = screen.getAllByTestId('inspector-member') as [HTMLElement, HTMLElement];
    const bits = within(first).getAllByTestId('state-bit');
    expect(bits).toHaveLength(16);
    const actor = bits.filter((b) => b.dataset.side === 'actor');
    expect(actor.map((b) => b.dataset.bit)).toEqual(['lacpActivity', 'lacpTimeout', 'aggregation', 'synchronization', 'collecting', 'distributing', 'defaulted', 'expired']);
    expect(actor.map((b) => b.dataset.on)).toEqual(['true', 'true', 'true', 'true', 'true', 'true', 'false', 'false']);
    const partner = bits.filter((b) => b.dataset.side === 'partner');
    expect(partner.filter((b) => b.dataset.on === 'true').map((b) => b.dataset.bit)).toEqual(['lacpActivity', 'aggregation', 'defaulted']);
    for (const name of ['LACP_Activity', 'LACP_Timeout', 'Aggregation', 'Synchronization', 'Collecting', 'Distributing', 'Defaulted', 'Expired']) {
      const cell = within(first).getAllByText(name).find((el) => el.classList.contains('bit-name-text'));
      expect(cell?.closest('th')?.getAttribute('title')).toMatch(/^1 = /);
    }
    expect(within(first).getAllByText('LACP_Activity')[0]?.closest('th')).toHaveAttribute('title', expect.stringContaining('Passive') as string);
    expect(within(first).getByTestId('member-mux')).toHaveTextContent('DISTRIBUTING');
    expect(within(first).getByTestId('member-status')).toHaveTextContent('Distributing');

    expect(within(second).getByTestId('member-status')).toHaveAttribute('data-status', 'suspended');
    expect(within(second).getByTestId('member-reason')).toHaveTextContent(/No LACPDU heard/);
    expect(within(second).getByTestId('member-churn')).toBeInTheDocument();
    expect(screen.getByTestId('inspector-lag-state')).toHaveAttribute('data-state', 'up');
  });

  it('changes the mode at once', () => {
    render(<Inspector />);
    selectLag();
    fireEvent.change(screen.getByTestId('field-lag-mode'), { target: { value: 'passive' } });
    expect(useTopologyStore.getState().doc.lags?.[0]?.mode).toBe('passive');
  });

  it('refuses an out-of-range port priority in place and leaves the document alone', () => {
    render(<Inspector />);
    selectLag();
    const before = useTopologyStore.getState().doc;
    const field = screen.getByTestId('field-port-priority-eth1');
    fireEvent.change(field, { target: { value: '70000' } });
    expect(screen.getByTestId('field-error')).toHaveTextContent('0–65535');
    fireEvent.blur(field);
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(useTopologyStore.getState().doc).toBe(before);
    expect(field).toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(field, { target: { value: '100' } });
    expect(screen.queryByTestId('field-error')).toBeNull();
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(useTopologyStore.getState().doc.lags?.[0]?.portPriorities).toEqual({ eth1: 100 });
  });
});

describe('when a device is selected', () => {
  it('refuses an out-of-range system priority and does not change the document', () => {
    render(<Inspector />);
    act(() => useTopologyStore.getState().select({ devices: ['sw1'], links: [], lag: null }));
    expect(screen.getByTestId('inspector-device')).toHaveAttribute('data-device', 'sw1');
    const before = useTopologyStore.getState().doc;
    const field = screen.getByTestId('field-system-priority');
    fireEvent.change(field, { target: { value: '65536' } });
    expect(screen.getByTestId('field-error')).toBeInTheDocument();
    fireEvent.blur(field);
    expect(useTopologyStore.getState().doc).toBe(before);

    fireEvent.change(field, { target: { value: '1.5' } });
    expect(screen.getByTestId('field-error')).toHaveTextContent(/whole number/);
    fireEvent.blur(field);
    expect(useTopologyStore.getState().doc).toBe(before);
  });

  it('renames the device and lists its ports with their LAG', () => {
    render(<Inspector />);
    act(() => useTopologyStore.getState().select({ devices: ['sw1'], links: [], lag: null }));
    const rows = screen.getAllByTestId('inspector-port');
    expect(rows.map((r) => r.dataset.port)).toEqual(['eth1', 'eth2', 'eth3']);
    expect(within(rows[0] as HTMLElement).getByText('po1')).toBeInTheDocument();
    const name = screen.getByTestId('field-name');
    fireEvent.change(name, { target: { value: 'Core A' } });
    fireEvent.blur(name);
    expect(useTopologyStore.getState().doc.devices[0]?.name).toBe('Core A');
  });
});

describe('when a LAG member link is selected', () => {
  it('shows the link and its LAG', () => {
    act(() => useOverlayStore.setState({ links: { l1: 'up' }, pduCount: { l1: 7 } }));
    render(<Inspector />);
    act(() => useTopologyStore.getState().select({ devices: [], links: ['l1'], lag: null }));
    expect(screen.getByTestId('inspector-link')).toHaveAttribute('data-link', 'l1');
    expect(screen.getByTestId('inspector-link-state')).toHaveAttribute('data-state', 'up');
    expect(screen.getByTestId('inspector-link-pdus')).toHaveTextContent('7');
    expect(screen.getByTestId('inspector-lag')).toHaveAttribute('data-lag', 'sw1:po1');
  });
});

describe('when nothing is selected', () => {
  it('shows how to build a lab and the lab description', () => {
    render(<Inspector />);
    expect(screen.getByTestId('inspector-empty')).toBeInTheDocument();
    expect(screen.getByTestId('lab-description')).toHaveTextContent(LAB.meta?.description ?? '');
  });
});
