import { describe, expect, it } from 'vitest';
import { formatIssue, resolveTopology, validateTopology } from '../../../src/model';
import type { Topology } from '../../../src/model';
import { routedLab } from '../engine/l3/labs';

function messages(input: unknown): string[] {
  const r = validateTopology(input);
  return r.ok ? [] : r.issues.map(formatIssue);
}

function edit(change: (doc: Topology) => void): Topology {
  const doc = routedLab();
  change(doc);
  return doc;
}

const device = (doc: Topology, id: string) => {
  const d = doc.devices.find((x) => x.id === id);
  if (!d) throw new Error(id);
  return d;
};

describe('when a lab has layer 3', () => {
  it('a router, an upstream with an internet address, hosts with gateways and routes are valid and resolve', () => {
    expect(messages(routedLab())).toEqual([]);
    const r = resolveTopology(routedLab());
    expect(r.devices.find((d) => d.id === 'h1')).toMatchObject({ gateway: '10.0.0.1', ip: { address: '10.0.0.10', prefix: 24 } });
    expect(r.devices.find((d) => d.id === 'r1')?.ports[1]?.ip).toEqual({ address: '192.0.2.1', prefix: 30 });
    expect(r.devices.find((d) => d.id === 'r1')?.routes).toEqual([{ to: { address: '0.0.0.0', prefix: 0 }, via: '192.0.2.2' }]);
    expect(r.devices.find((d) => d.id === 'sw1')).toMatchObject({ gateway: null, routes: [], ip: null });
  });

  it('a flow may go to an upstream, which needs an address', () => {
    const doc = edit((d) => {
      device(d, 'net').ip = undefined;
      device(d, 'net').ports = [{ id: 'eth1' }];
      device(d, 'net').routes = undefined;
    });
    expect(messages(doc)).toContain('flows[0].to: upstream "net" needs an address (its ip or a port\'s) to receive a flow');
  });
});

describe('when layer-3 settings are wrong', () => {
  it('a gateway outside the host subnet, the host itself, or without an ip', () => {
    expect(messages(edit((d) => (device(d, 'h1').gateway = '10.9.0.1')))).toEqual(["devices[0].gateway: gateway 10.9.0.1 is not in h1's subnet 10.0.0.10/24"]);
    expect(messages(edit((d) => (device(d, 'h1').gateway = '10.0.0.10')))).toEqual(["devices[0].gateway: gateway 10.0.0.10 is the host's own address"]);
    expect(messages(edit((d) => (device(d, 'h1').ip = undefined)))).toContain('devices[0].gateway: host "h1" needs an ip before a gateway');
  });

  it('a gateway or a port address on a host, routes on a host, a device address on a router', () => {
    expect(messages(edit((d) => (device(d, 'r1').gateway = '10.0.0.254')))).toEqual(['devices[4].gateway: only hosts have a default gateway; "r1" is a router (use routes)']);
    expect(messages(edit((d) => (device(d, 'h1').ports = [{ id: 'eth1', ip: '10.0.0.11/24' }])))).toEqual(['devices[0].ports[0].ip: a host\'s address is its device "ip", not a port\'s']);
    expect(messages(edit((d) => (device(d, 'h1').routes = [{ to: '0.0.0.0/0', via: '10.0.0.1' }])))).toEqual(['devices[0].routes: a host sends off-subnet traffic to its gateway; routes belong to routers, switches and upstreams']);
    expect(messages(edit((d) => (device(d, 'r1').ip = '10.5.0.1/24')))).toEqual(['devices[4].ip: a router\'s addresses go on its ports: give "r1" port addresses instead']);
  });

  it('the same address twice, two interfaces of one device in one subnet, a network address', () => {
    const twice = edit((d) => {
      device(d, 'h2').ip = '10.0.0.1/24';
      device(d, 'h2').gateway = undefined;
    });
    expect(messages(twice)).toEqual(['devices[4].ports[0].ip: address 10.0.0.1 is already used by "h2"']);
    const overlap = edit((d) => ((device(d, 'r1').ports[2] as { ip?: string }).ip = '10.0.0.2/24'));
    expect(messages(overlap)).toEqual(['devices[4].ports[2].ip: "r1" already has an interface in this subnet (eth1)']);
    expect(messages(edit((d) => (device(d, 'h2').ip = '10.0.0.0/24')))).toEqual(['devices[1].ip: 10.0.0.0/24 is the network or broadcast address of its subnet']);
  });

  it('a route whose next hop is not in a connected subnet, or is the device itself', () => {
    expect(messages(edit((d) => (device(d, 'r1').routes = [{ to: '0.0.0.0/0', via: '172.16.0.1' }])))).toEqual(['devices[4].routes[0].via: next hop 172.16.0.1 is not in a subnet connected to "r1"']);
    expect(messages(edit((d) => (device(d, 'r1').routes = [{ to: '0.0.0.0/0', via: '192.0.2.1' }])))).toEqual(['devices[4].routes[0].via: next hop 192.0.2.1 is "r1"\'s own address']);
  });

  it('a routed port cannot be a LAG member', () => {
    const doc = edit((d) => (d.lags = [{ id: 'po1', device: 'r1', members: ['eth1'], mode: 'active' }]));
    expect(messages(doc)).toEqual(['devices[4].ports[0].ip: port "r1:eth1" is a LAG or bond member and cannot be a routed port']);
  });
});
