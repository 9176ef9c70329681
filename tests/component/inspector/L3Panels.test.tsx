/** Interfaces, static routes, anycast gateways and the lab's probe settings in the inspector. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../../src/ui/i18n';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { resetStores } from '../labFixture';
import { exampleLab, selectDevice, store, type, undo } from './labs';

beforeEach(() => {
  resetStores(exampleLab('vrrp-pair'));
});

const device = (id: string) => store().doc.devices.find((d) => d.id === id);

describe('when a switch\u2019s interfaces are edited', () => {
  it('gives it an SVI (refusing the virtual IP in place) and undoes', () => {
    render(<Inspector />);
    selectDevice('acc');
    const before = store().doc;
    type('field-device-ip', '10.0.0.1/24');
    expect(screen.getByTestId('field-error')).toHaveTextContent('10.0.0.1 is the virtual IP of VRRP group gw');
    expect(store().doc).toBe(before);
    type('field-device-ip', '10.0.0.4/24');
    expect(device('acc')?.ip).toBe('10.0.0.4/24');
    expect(screen.getByText('SVI in 10.0.0.0/24: the switch routes for the hosts of its bridged ports.')).toBeInTheDocument();
    undo();
    expect(store().doc).toBe(before);
  });

  it('refuses to strand a route or a VRRP group, and sets a routed port', () => {
    render(<Inspector />);
    selectDevice('core1');
    const before = store().doc;
    type('field-port-ip-eth9', '');
    expect(within(screen.getByTestId('inspector-l3')).getByTestId('field-error')).toHaveTextContent('The route to 0.0.0.0/0 via 192.0.2.2 needs the subnet of core1:eth9');
    type('field-port-ip-eth9', '192.0.2.1/30', 'Escape');
    type('field-device-ip', '10.5.0.2/24');
    expect(screen.getByTestId('field-error')).toHaveTextContent('core1 runs VRRP group gw for 10.0.0.1');
    expect(store().doc).toBe(before);
    type('field-device-ip', '10.0.0.2/24', 'Escape');
    type('field-port-ip-eth1', '10.0.0.9/24');
    expect(screen.getByTestId('field-error')).toHaveTextContent('core1 already has an interface in this subnet (SVI)');
    type('field-port-ip-eth1', '172.16.0.1/24');
    expect(device('core1')?.ports.find((p) => p.id === 'eth1')?.ip).toBe('172.16.0.1/24');
  });

  it('shows a router\u2019s ports only (no device address) and an upstream\u2019s internet address', () => {
    resetStores(exampleLab('single-gateway'));
    render(<Inspector />);
    selectDevice('r1');
    expect(screen.queryByTestId('field-device-ip')).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>('field-port-ip-eth1').value).toBe('10.0.0.1/24');
    selectDevice('internet');
    expect(screen.getByText('Internet address')).toBeInTheDocument();
    expect(screen.queryByTestId('inspector-vrrp')).toBeNull();
  });
});

describe('when static routes are edited', () => {
  it('lists connected subnets, adds a route (refusing a bad next hop), edits and removes it', () => {
    render(<Inspector />);
    selectDevice('core1');
    expect(screen.getByTestId('routes-connected')).toHaveTextContent('Connected (no route needed): 10.0.0.0/24 (SVI), 192.0.2.0/30 (eth9)');
    expect(screen.getAllByTestId('route-row')).toHaveLength(1);
    fireEvent.change(screen.getByTestId('field-route-new-to'), { target: { value: '203.0.113.7/24' } });
    fireEvent.change(screen.getByTestId('field-route-new-via'), { target: { value: '172.16.0.1' } });
    expect(within(screen.getByTestId('route-add')).getByTestId('field-error')).toHaveTextContent('Next hop 172.16.0.1 is not in a subnet core1 is connected to');
    expect(screen.getByTestId('btn-add-route')).toBeDisabled();
    fireEvent.change(screen.getByTestId('field-route-new-via'), { target: { value: '10.0.0.3' } });
    fireEvent.click(screen.getByTestId('btn-add-route'));
    expect(device('core1')?.routes?.[1]).toEqual({ to: '203.0.113.0/24', via: '10.0.0.3' });

    type('field-route-via-1', '10.0.0.2');
    expect(screen.getByTestId('field-error')).toHaveTextContent("Next hop 10.0.0.2 is core1's own address");
    type('field-route-via-1', '10.0.0.250');
    expect(device('core1')?.routes?.[1]?.via).toBe('10.0.0.250');
    fireEvent.click(screen.getByTestId('btn-remove-route-1'));
    expect(device('core1')?.routes).toHaveLength(1);
    undo();
    expect(device('core1')?.routes).toHaveLength(2);
  });
});

describe('when an L3 switch owns an anycast gateway', () => {
  beforeEach(() => resetStores(exampleLab('anycast-gateway')));

  it('edits the address and MAC (refusing a multicast MAC in place) and the owners', () => {
    render(<Inspector />);
    selectDevice('leaf1');
    const card = screen.getByTestId('anycast-gateway');
    expect(card).toHaveTextContent('agw · 10.0.0.1');
    type('field-anycast-mac', '01:00:5e:00:00:01');
    expect(screen.getByTestId('field-error')).toHaveTextContent('01:00:5e:00:00:01 is a group (multicast) address');
    type('field-anycast-mac', '00:1c:73:00:00:01');
    expect(store().doc.anycastGateways?.[0]?.mac).toBe('00:1c:73:00:00:01');
    type('field-anycast-ip', '10.0.0.254');
    expect(store().doc.anycastGateways?.[0]?.ip).toBe('10.0.0.254');
    fireEvent.click(screen.getByTestId('field-anycast-member-leaf2'));
    expect(store().doc.anycastGateways?.[0]?.devices).toEqual(['leaf1']);
  });

  it('dissolves the gateway and makes it again with the other leaf', () => {
    render(<Inspector />);
    selectDevice('leaf1');
    fireEvent.click(screen.getByTestId('btn-dissolve-anycast'));
    expect(store().doc.anycastGateways).toBeUndefined();
    expect(screen.getByTestId('btn-make-anycast')).toHaveTextContent('Make anycast gateway with Leaf 2');
    fireEvent.click(screen.getByTestId('btn-make-anycast'));
    expect(store().doc.anycastGateways).toEqual([{ id: 'agw1', ip: '10.0.0.1', devices: ['leaf1', 'leaf2'] }]);
  });
});

describe('when nothing is selected', () => {
  it('sets the probe interval (refusing one too short in place) and the targets', () => {
    render(<Inspector />);
    const panel = screen.getByTestId('inspector-probes');
    const before = store().doc;
    type('field-probe-interval', '5');
    expect(within(panel).getByTestId('field-error')).toHaveTextContent('10–10000');
    expect(store().doc).toBe(before);
    type('field-probe-interval', '50');
    expect(store().doc.probes).toEqual({ intervalMs: 50 });
    fireEvent.click(screen.getByTestId('field-probe-upstream'));
    expect(store().doc.probes).toEqual({ intervalMs: 50, targets: ['gateway'] });
    undo();
    undo();
    expect(store().doc).toBe(before);
  });
});
