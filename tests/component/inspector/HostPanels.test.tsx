/** A host's inspector: address, bonds and flows, with live state from the overlay. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../../src/ui/i18n';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { resetStores } from '../labFixture';
import { exampleLab, selectDevice, setLive, store, undo } from './labs';

beforeEach(() => {
  resetStores(exampleLab('bond-mode1-vs-mode4'));
});

function commit(testId: string, value: string): HTMLElement {
  const field = screen.getByTestId(testId);
  fireEvent.change(field, { target: { value } });
  fireEvent.keyDown(field, { key: 'Enter' });
  return field;
}

describe('when a host is selected', () => {
  it('edits its address, refusing bad ones in place, and undoes it', () => {
    render(<Inspector />);
    selectDevice('srv-ab');
    const field = screen.getByTestId<HTMLInputElement>('field-host-ip');
    expect(field.value).toBe('10.0.0.11/24');
    expect(screen.getByText(/Subnet 10\.0\.0\.0\/24/)).toBeInTheDocument();

    const before = store().doc;
    fireEvent.change(field, { target: { value: '10.0.0.12/24' } });
    expect(screen.getByTestId('field-error')).toHaveTextContent(/already the address of srv-lacp/);
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.change(field, { target: { value: '10.0.0.255/24' } });
    expect(screen.getByTestId('field-error')).toHaveTextContent(/broadcast address of 10\.0\.0\.0\/24/);
    fireEvent.change(field, { target: { value: '10.0.0.7' } });
    expect(screen.getByTestId('field-error')).toHaveTextContent(/10\.0\.0\.11\/24/);
    fireEvent.blur(field);
    expect(store().doc).toBe(before);

    commit('field-host-ip', '10.0.0.50/24');
    expect(store().doc.devices.find((d) => d.id === 'srv-ab')?.ip).toBe('10.0.0.50/24');
    undo();
    expect(store().doc).toBe(before);
    expect(screen.getByTestId<HTMLInputElement>('field-host-ip').value).toBe('10.0.0.11/24');
  });

  it('shows the bond with its Windows name, the options its mode uses, and the live slaves', () => {
    setLive({ bonds: { 'srv-ab:bond0': { mode: 'active-backup', active: ['eth1'], activeSlave: 'eth1', down: ['eth0'], mii: { eth0: 'fail', eth1: 'up' } } } });
    render(<Inspector />);
    selectDevice('srv-ab');
    const bond = screen.getByTestId('inspector-bond');
    const mode = within(bond).getByTestId<HTMLSelectElement>('field-bond-mode');
    expect(mode.value).toBe('active-backup');
    expect(mode.selectedOptions[0]).toHaveTextContent('active-backup (mode 1) · Windows: Switch Independent (Active/Standby)');
    expect(within(bond).getByRole('option', { name: /802\.3ad \(mode 4\) · Windows: LACP/ })).toBeInTheDocument();
    expect(within(bond).getByText(/^Windows: Switch Independent \(Active\/Standby\)\. One slave sends/)).toBeInTheDocument();
    expect(within(bond).getByTestId('field-bond-primary')).toBeInTheDocument();
    const eth0 = screen.getAllByTestId('inspector-port').find((r) => r.dataset.port === 'eth0') as HTMLElement;
    expect(within(eth0).getByTitle('Slave of bond bond0')).toHaveTextContent('bond0');
    expect(within(bond).queryByTestId('field-bond-lacp-rate')).toBeNull();
    expect(within(bond).getByTestId('bond-active-slave')).toHaveTextContent('eth1');
    const slaves = within(bond).getAllByTestId('bond-slave');
    expect(slaves.map((s) => [s.dataset.slave, s.dataset.mii])).toEqual([
      ['eth0', 'fail'],
      ['eth1', 'up'],
    ]);
  });

  it('changes the mode (showing LACP options), refuses a bad miimon in place, and undoes', () => {
    render(<Inspector />);
    selectDevice('srv-ab');
    fireEvent.change(screen.getByTestId('field-bond-mode'), { target: { value: '802.3ad' } });
    expect(store().doc.bonds?.find((b) => b.device === 'srv-ab')?.mode).toBe('802.3ad');
    expect(screen.getByTestId('field-bond-lacp-rate')).toBeInTheDocument();
    expect(screen.queryByTestId('field-bond-primary')).toBeNull();

    const before = store().doc;
    const miimon = screen.getByTestId('field-bond-miimon');
    fireEvent.change(miimon, { target: { value: '20000' } });
    expect(screen.getByTestId('field-error')).toHaveTextContent('0–10000');
    fireEvent.blur(miimon);
    expect(store().doc).toBe(before);

    undo();
    expect(store().doc.bonds?.find((b) => b.device === 'srv-ab')?.mode).toBe('active-backup');
  });

  it('shows the rounding Linux applies to a delay that is not a multiple of miimon', () => {
    render(<Inspector />);
    selectDevice('srv-ab');
    commit('field-bond-updelay', '250');
    expect(screen.getByText(/rounds this down .*100 ms.*: 200 ms/)).toBeInTheDocument();
  });

  it('dissolves a bond and makes one again with the mode the wiring suggests', () => {
    render(<Inspector />);
    selectDevice('srv-lacp');
    fireEvent.click(screen.getByTestId('btn-dissolve-bond'));
    expect(store().doc.bonds?.some((b) => b.device === 'srv-lacp')).toBe(false);
    const make = screen.getByTestId('make-bond');
    expect(within(make).getByTestId<HTMLSelectElement>('make-bond-mode').value).toBe('802.3ad');
    expect(within(make).getByText(/switch ports run an LACP LAG/)).toBeInTheDocument();
    fireEvent.click(within(make).getByTestId('make-bond-port-eth1'));
    fireEvent.click(within(make).getByTestId('btn-make-bond'));
    expect(store().doc.bonds?.find((b) => b.device === 'srv-lacp')).toEqual({ id: 'bond0', device: 'srv-lacp', members: ['eth0'], mode: '802.3ad' });
    undo();
    expect(store().doc.bonds?.some((b) => b.device === 'srv-lacp')).toBe(false);
  });
});

describe("when a host's flows are shown", () => {
  it('lists them with live state and the path as device names (flooded copies left out)', () => {
    setLive({ flows: { ab: { from: 'srv-ab', to: 'client', state: 'ok', path: ['ab1', 'lc1', 'isl', 'cl'] }, 'lacp-a': { from: 'srv-lacp', to: 'client', state: 'lost', path: [] } } });
    render(<Inspector />);
    selectDevice('srv-ab');
    const row = screen.getByTestId('inspector-flow');
    expect(row).toHaveAttribute('data-flow', 'ab');
    expect(row).toHaveAttribute('data-state', 'ok');
    expect(within(row).getByTestId('flow-state')).toHaveTextContent('arriving');
    expect(within(row).getByText(/→ Client · 50\/s/)).toBeInTheDocument();
    expect(within(row).getByTestId('flow-path')).toHaveTextContent('Server A (active-backup) → SW1 → SW2 → Client');

    selectDevice('client');
    const rows = screen.getAllByTestId('inspector-flow');
    expect(rows.map((r) => [r.dataset.flow, r.dataset.state])).toEqual([
      ['ab', 'ok'],
      ['lacp-a', 'lost'],
      ['lacp-b', 'unknown'],
    ]);
    expect(within(rows[1] as HTMLElement).getByText(/← Server B/)).toBeInTheDocument();
  });

  it('adds a flow to another host, edits its rate (refusing 0), removes it and undoes', () => {
    render(<Inspector />);
    selectDevice('srv-lacp');
    const count = store().doc.flows?.length ?? 0;
    fireEvent.click(screen.getByTestId('btn-add-flow'));
    const added = store().doc.flows?.at(-1);
    expect(store().doc.flows).toHaveLength(count + 1);
    expect(added?.from).toBe('srv-lacp');
    if (!added) return;

    const before = store().doc;
    const pps = screen.getByTestId(`field-flow-pps-${added.id}`);
    fireEvent.change(pps, { target: { value: '0' } });
    expect(screen.getByTestId('field-error')).toHaveTextContent('0.1–1000');
    fireEvent.blur(pps);
    expect(store().doc).toBe(before);
    commit(`field-flow-pps-${added.id}`, '25');
    expect(store().doc.flows?.at(-1)?.pps).toBe(25);

    fireEvent.click(screen.getByTestId(`btn-remove-flow-${added.id}`));
    expect(store().doc.flows).toHaveLength(count);
    undo();
    expect(store().doc.flows?.at(-1)).toEqual({ ...added, pps: 25 });
  });

  it('refuses to clear an address a flow still uses, and asks a new host for one', () => {
    render(<Inspector />);
    selectDevice('srv-lacp');
    const before = store().doc;
    commit('field-host-ip', '');
    expect(screen.getByTestId('field-error')).toHaveTextContent(/still sends or receives flow lacp-a/);
    expect(store().doc).toBe(before);
    fireEvent.keyDown(screen.getByTestId('field-host-ip'), { key: 'Escape' });

    let id = '';
    act(() => void (id = store().addDevice('host', { x: 0, y: 600 })));
    selectDevice(id);
    expect(screen.getByTestId('flow-needs-ip')).toBeInTheDocument();
    expect(screen.queryByTestId('btn-add-flow')).toBeNull();
    commit('field-host-ip', '10.0.0.13/24');
    expect(screen.getByTestId('btn-add-flow')).toBeInTheDocument();
  });
});
