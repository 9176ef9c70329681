/** A switch's spanning tree in the inspector: settings refused in place, live roles and states. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../../src/ui/i18n';
import type { StpPortView } from '../../../src/ui/inspector/stpView';
import { resolveTopology } from '../../../src/model';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { resetStores } from '../labFixture';
import { exampleLab, selectDevice, selectLink, setLive, store, undo } from './labs';

const LAB = exampleLab('stp-triangle');
const macOf = (id: string) => resolveTopology(LAB).devices.find((d) => d.id === id)?.mac ?? '';

function port(role: StpPortView['role'], state: StpPortView['state'], isRoot = false): StpPortView {
  return { role, state, rootBridge: `4096,${macOf('sw1')}`, rootCost: isRoot ? 0 : 20000, isRoot };
}

beforeEach(() => {
  resetStores(LAB);
});

function commit(testId: string, value: string): HTMLElement {
  const field = screen.getByTestId(testId);
  fireEvent.change(field, { target: { value } });
  fireEvent.keyDown(field, { key: 'Enter' });
  return field;
}

describe('when a switch running RSTP is selected', () => {
  it('shows the root it follows, its cost, and each port role and state, blocked rows red', () => {
    setLive({ stp: { 'sw3:eth1': port('root', 'forwarding'), 'sw3:eth2': port('alternate', 'discarding'), 'sw3:eth3': port('designated', 'forwarding') } });
    render(<Inspector />);
    selectDevice('sw3');
    const panel = screen.getByTestId('inspector-stp');
    expect(within(panel).getByTestId<HTMLSelectElement>('field-stp-mode').value).toBe('rstp');
    expect(within(panel).getByTestId('stp-bridge-id')).toHaveTextContent(`32768 · ${macOf('sw3')}`);
    expect(within(panel).getByTestId('stp-root')).toHaveTextContent(`SW1 (4096 · ${macOf('sw1')})`);
    expect(within(panel).getByTestId('stp-root-cost')).toHaveTextContent('20000');
    const rows = within(panel).getAllByTestId('stp-port');
    expect(rows.map((r) => [r.dataset.port, r.textContent, r.dataset.blocked])).toEqual([
      ['eth1', 'eth1RootForwarding', 'false'],
      ['eth2', 'eth2AlternateDiscarding', 'true'],
      ['eth3', 'eth3DesignatedForwarding', 'false'],
    ]);
    expect(rows[1]).toHaveClass('is-blocked');
  });

  it('says so on the root bridge', () => {
    setLive({ stp: { 'sw1:eth1': port('designated', 'forwarding', true) } });
    render(<Inspector />);
    selectDevice('sw1');
    expect(screen.getByTestId('stp-root')).toHaveTextContent('This is the root bridge');
    expect(screen.getByTestId('stp-root')).toHaveAttribute('data-is-root', 'true');
    expect(screen.queryByTestId('stp-root-cost')).toBeNull();
  });

  it('refuses a bridge priority that is not a multiple of 4096, in place', () => {
    render(<Inspector />);
    selectDevice('sw3');
    const before = store().doc;
    const field = commit('field-stp-priority', '5000');
    expect(screen.getByTestId('field-error')).toHaveTextContent('multiple of 4096');
    fireEvent.blur(field);
    expect(store().doc).toBe(before);
    commit('field-stp-priority', '8192');
    expect(store().doc.devices.find((d) => d.id === 'sw3')?.stp).toEqual({ mode: 'rstp', priority: 8192 });
    undo();
    expect(store().doc).toBe(before);
  });

  it('refuses timers that break 2 × (Forward Delay − 1) ≥ Max Age ≥ 2 × (Hello + 1), in place', () => {
    render(<Inspector />);
    selectDevice('sw3');
    const before = store().doc;
    const fd = commit('field-stp-forward-delay', '8');
    expect(screen.getByTestId('field-error')).toHaveTextContent('Max Age 20 s is too long for Forward Delay 8 s');
    expect(store().doc).toBe(before);
    fireEvent.keyDown(fd, { key: 'Escape' });
    const hello = commit('field-stp-hello', '10');
    expect(screen.getByTestId('field-error')).toHaveTextContent('2 × (Hello Time + 1) = 22 s');
    expect(store().doc).toBe(before);
    fireEvent.keyDown(hello, { key: 'Escape' });
    commit('field-stp-max-age', '12');
    expect(store().doc.devices.find((d) => d.id === 'sw3')?.stp?.maxAgeS).toBe(12);
  });

  it('sets a port edge and cost, and turns spanning tree off (one undo step each)', () => {
    render(<Inspector />);
    selectDevice('sw3');
    fireEvent.change(screen.getByTestId('field-stp-port'), { target: { value: 'eth3' } });
    const box = screen.getByTestId<HTMLInputElement>('field-stp-edge');
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(store().doc.devices.find((d) => d.id === 'sw3')?.ports[2]).toEqual({ id: 'eth3' });
    fireEvent.click(box);
    expect(store().doc.devices.find((d) => d.id === 'sw3')?.ports[2]?.stp).toEqual({ edge: true });
    commit('field-stp-port-priority', '100');
    expect(screen.getByTestId('field-error')).toHaveTextContent('multiple of 16');
    commit('field-stp-port-priority', '64');
    commit('field-stp-cost', '4');
    expect(store().doc.devices.find((d) => d.id === 'sw3')?.ports[2]?.stp).toEqual({ edge: true, priority: 64, cost: 4 });
    fireEvent.click(screen.getByTestId('btn-stp-cost-auto'));
    expect(store().doc.devices.find((d) => d.id === 'sw3')?.ports[2]?.stp).toEqual({ edge: true, priority: 64 });

    fireEvent.change(screen.getByTestId('field-stp-mode'), { target: { value: 'off' } });
    expect(screen.getByTestId('inspector-stp')).toHaveAttribute('data-mode', 'off');
    expect(screen.queryByTestId('stp-ports')).toBeNull();
    undo();
    expect(screen.getByTestId('inspector-stp')).toHaveAttribute('data-mode', 'rstp');
  });
});

describe('when a link between two bridges is selected', () => {
  it('shows the STP role and state of each end, and the traffic each way', () => {
    setLive({
      stp: { 'sw2:eth2': port('designated', 'forwarding'), 'sw3:eth2': port('alternate', 'discarding') },
      traffic: { l23: { t: 5000, framesAB: 12, framesBA: 0, bytesAB: 1200, bytesBA: 0 } },
    });
    render(<Inspector />);
    selectLink('l23');
    const ends = screen.getAllByTestId('link-stp-end');
    expect(ends.map((e) => [e.textContent, e.dataset.state])).toEqual([
      ['Designated Forwarding', 'forwarding'],
      ['Alternate Discarding', 'discarding'],
    ]);
    expect(screen.getByTestId('traffic-ab')).toHaveTextContent('12 frames/s · 9.6 kb/s · 0 % of 1 Gb/s');
    expect(screen.getByTestId('traffic-ba')).toHaveTextContent('0 frames/s · 0 b/s');
  });
});
