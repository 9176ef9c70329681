/** VRRP in the inspector: live state and timers, this router's settings, the group's, members, make / dissolve. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../../src/ui/i18n';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { resetStores } from '../labFixture';
import { exampleLab, selectDevice, setLive, store, type, undo } from './labs';

beforeEach(() => {
  resetStores(exampleLab('vrrp-pair'));
});

const gw = () => store().doc.vrrp?.find((g) => g.id === 'gw');

describe('when a VRRP router is selected', () => {
  it('shows its live state, the priority in use, the Master and the reason in words', () => {
    setLive({
      vrrp: {
        'core2:10': { t: 13829, group: 'gw', vrid: 10, state: 'master', priority: 100, masterIp: '10.0.0.3', reason: 'masterDown' },
        'core1:10': { t: 10220, group: 'gw', vrid: 10, state: 'initialize', priority: 200, reason: 'interfaceDown' },
      },
    });
    render(<Inspector />);
    selectDevice('core2');
    const group = screen.getByTestId('vrrp-group');
    expect(group).toHaveAttribute('data-group', 'gw');
    expect(within(group).getByText('Group gw · VRID 10 · virtual IP 10.0.0.1')).toBeInTheDocument();
    expect(within(group).getByText('Virtual MAC 00:00:5e:00:01:0a, on SVI.')).toBeInTheDocument();
    expect(within(group).getByTestId('vrrp-state')).toHaveTextContent('Master');
    expect(within(group).getByTestId('vrrp-priority')).toHaveTextContent('100');
    expect(within(group).getByTestId('vrrp-master')).toHaveTextContent('10.0.0.3 (Core 2 (VRRP 100))');
    expect(within(group).getByTestId('vrrp-reason')).toHaveTextContent('No advertisement for Master_Down_Interval: it took over as Master and sent a gratuitous ARP (RFC 5798 §6.4.2).');
    const members = within(group).getAllByTestId('vrrp-member');
    expect(members.map((m) => [m.dataset.device, m.dataset.state])).toEqual([
      ['core1', 'initialize'],
      ['core2', 'master'],
    ]);
  });

  it('computes Skew_Time and Master_Down_Interval from the priority so the failover can be predicted', () => {
    render(<Inspector />);
    selectDevice('core2');
    expect(screen.getByTestId('vrrp-skew')).toHaveTextContent('(256 − 100) × 1 s / 256 = 0.609 s');
    expect(screen.getByTestId('vrrp-mdi')).toHaveTextContent('3 × 1 s + 0.609 s = 3.609 s');
    expect(screen.getByTestId('vrrp-prediction')).toHaveTextContent('2.609–3.609 s after the Master fails; 0.609 s after a Master resigns');
  });

  it('uses the live priority, lowered by a tracked object, for the timers', () => {
    setLive({ vrrp: { 'core1:10': { t: 5000, group: 'gw', vrid: 10, state: 'backup', priority: 150, masterIp: '10.0.0.3', reason: 'priorityChanged' } } });
    render(<Inspector />);
    selectDevice('core1');
    expect(screen.getByTestId('vrrp-priority')).toHaveTextContent('150 (configured 200: lowered by a tracked object that is down)');
    expect(screen.getByTestId('vrrp-skew')).toHaveTextContent('(256 − 150) × 1 s / 256 = 0.414 s');
    expect(screen.getByTestId('vrrp-mdi')).toHaveTextContent('= 3.414 s');
  });

  it('edits priority, preemption and preempt delay; refuses 255 in place; undoes', () => {
    render(<Inspector />);
    selectDevice('core2');
    const before = store().doc;
    type('field-vrrp-priority', '255');
    expect(screen.getByTestId('field-error')).toHaveTextContent(/Priority 255 is only for the router whose own address is the virtual IP 10\.0\.0\.1/);
    expect(store().doc).toBe(before);
    type('field-vrrp-priority', '100', 'Escape');

    type('field-vrrp-priority', '150');
    expect(gw()?.members[1]?.priority).toBe(150);
    expect(screen.getByTestId('vrrp-skew')).toHaveTextContent('0.414 s');
    type('field-vrrp-preempt-delay', '5000');
    expect(gw()?.members[1]?.preemptDelayMs).toBe(5000);
    fireEvent.click(screen.getByTestId('field-vrrp-preempt'));
    expect(gw()?.members[1]).toEqual({ device: 'core2', priority: 150, preempt: false, preemptDelayMs: 5000 });
    expect(screen.queryByTestId('field-vrrp-preempt-delay')).toBeNull();
    undo();
    undo();
    undo();
    expect(store().doc).toBe(before);
  });

  it('tracks the uplink with a decrement, and stops tracking it', () => {
    render(<Inspector />);
    selectDevice('core1');
    fireEvent.change(screen.getByTestId('field-vrrp-track-target'), { target: { value: 'core1:eth9' } });
    expect(screen.getByTestId('btn-add-track')).toHaveTextContent('Track eth9 → Internet');
    fireEvent.click(screen.getByTestId('btn-add-track'));
    expect(gw()?.members[0]?.tracks).toEqual([{ target: 'core1:eth9' }]);
    type('field-vrrp-track-0', '0');
    expect(screen.getByTestId('field-error')).toHaveTextContent('1–254');
    type('field-vrrp-track-0', '120');
    expect(gw()?.members[0]?.tracks).toEqual([{ target: 'core1:eth9', decrement: 120 }]);
    fireEvent.click(screen.getByTestId('btn-remove-track-0'));
    expect(gw()?.members[0]).not.toHaveProperty('tracks');
  });
});

describe('when the group settings are edited', () => {
  it('changes the virtual IP, refusing one outside the subnet or taken, in place', () => {
    render(<Inspector />);
    selectDevice('core1');
    const before = store().doc;
    type('field-vrrp-vip', '10.1.0.1');
    expect(screen.getByTestId('field-error')).toHaveTextContent('Virtual IP 10.1.0.1 is not in the subnet 10.0.0.0/24 of core1');
    type('field-vrrp-vip', '10.0.0.11');
    expect(screen.getByTestId('field-error')).toHaveTextContent('10.0.0.11 is the address of srv1, which is not in the group');
    expect(store().doc).toBe(before);
    type('field-vrrp-vip', '10.0.0.254');
    expect(gw()?.vip).toBe('10.0.0.254');
  });

  it('sets VRID, interval in seconds (centisecond steps) and Accept_Mode', () => {
    render(<Inspector />);
    selectDevice('core1');
    type('field-vrrp-vrid', '0');
    expect(screen.getByTestId('field-error')).toHaveTextContent('1–255');
    type('field-vrrp-vrid', '20');
    expect(gw()?.vrid).toBe(20);
    expect(screen.getByText('1–255, unique on the LAN; the virtual MAC is 00:00:5e:00:01:14.')).toBeInTheDocument();
    type('field-vrrp-interval', '0.015');
    expect(screen.getByTestId('field-error')).toHaveTextContent('Use steps of 0.01 s');
    type('field-vrrp-interval', '0.1');
    expect(gw()?.advertIntervalCs).toBe(10);
    expect(screen.getByTestId('vrrp-mdi')).toHaveTextContent('3 × 0.1 s + 0.022 s = 0.322 s');
    fireEvent.click(screen.getByTestId('field-vrrp-accept'));
    expect(gw()?.acceptMode).toBe(true);
    expect(screen.getByTestId('field-vrrp-active-active')).toBeDisabled();
  });

  it('switches active-active on an MC-LAG pair', () => {
    resetStores(exampleLab('reference-lab'));
    render(<Inspector />);
    selectDevice('core1');
    const box = screen.getByTestId<HTMLInputElement>('field-vrrp-active-active');
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(gw()).not.toHaveProperty('activeActive');
    undo();
    expect(gw()?.activeActive).toBe(true);
  });

  it('takes a router out, makes the group again with it, and dissolves it', () => {
    render(<Inspector />);
    selectDevice('core1');
    fireEvent.click(screen.getByTestId('btn-remove-member-core2'));
    expect(gw()?.members.map((m) => m.device)).toEqual(['core1']);
    fireEvent.click(screen.getByTestId('btn-add-member'));
    expect(gw()?.members.map((m) => [m.device, m.priority])).toEqual([
      ['core1', 200],
      ['core2', 100],
    ]);
    fireEvent.click(screen.getByTestId('btn-dissolve-vrrp'));
    expect(store().doc.vrrp).toBeUndefined();
    expect(screen.getByText('Not in a VRRP group.')).toBeInTheDocument();
    expect(screen.getByTestId('vrrp-make-hint')).toHaveTextContent('On 10.0.0.0/24: VRID 1, virtual IP 10.0.0.1; Core 1 (VRRP 200) priority 110 (Master), Core 2 (VRRP 100) 100, preemption on.');
    fireEvent.click(screen.getByTestId('btn-make-vrrp'));
    expect(store().doc.vrrp).toEqual([{ id: 'vrrp1', vrid: 1, vip: '10.0.0.1', members: [{ device: 'core1', priority: 110 }, { device: 'core2', priority: 100 }] }]);
    undo();
    expect(store().doc.vrrp).toBeUndefined();
  });

  it('explains how to make a group when no router shares a subnet', () => {
    render(<Inspector />);
    selectDevice('acc');
    expect(screen.getByTestId('vrrp-how')).toBeInTheDocument();
  });
});
