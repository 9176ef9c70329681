/** Layer-3 edits: interface addresses (SVI, routed ports), hosts' gateways, static routes. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src/model';
import { addPort, addRoute, addressOwner, gatewayError, interfaceIpError, normalisePrefix, removeRoute, setDeviceIp, setHostGateway, setPortIp, updateRoute } from '../../../src/model/edits';
import { example, ok, refused } from './editHelpers';

const device = (doc: Topology, id: string) => doc.devices.find((d) => d.id === id);
/** The single-gateway lab with a third, free port on R1. */
const lab = (): Topology => ok(addPort(example('single-gateway'), 'r1'));

describe('when a routed port or an SVI gets an address', () => {
  it('sets, normalises and clears a router port address (RFC 1812 interface)', () => {
    let doc = ok(setPortIp(lab(), 'r1', 'eth3', '10.9.0.01/24'));
    expect(device(doc, 'r1')?.ports.find((p) => p.id === 'eth3')?.ip).toBe('10.9.0.1/24');
    doc = ok(setPortIp(doc, 'r1', 'eth3', null));
    expect(device(doc, 'r1')?.ports.find((p) => p.id === 'eth3')).not.toHaveProperty('ip');
    const same = setPortIp(doc, 'r1', 'eth3', '');
    expect(same.ok && same.doc).toBe(doc);
  });

  it.each([
    ['a host port', 'srv1', 'eth1', '10.5.0.1/24', { key: 'inspector.refused.ipPortHost', params: { device: 'srv1' } }],
    ['an unknown port', 'r1', 'eth99', '10.5.0.1/24', { key: 'errors.edit.unknownPort', params: { device: 'r1', port: 'eth99' } }],
    ['an address another interface has', 'r1', 'eth3', '192.0.2.2/24', { key: 'inspector.refused.ipTaken', params: { ip: '192.0.2.2', device: 'internet:eth1' } }],
    ['a subnet the router already has', 'r1', 'eth3', '10.0.0.200/24', { key: 'inspector.refused.ipOverlap', params: { device: 'r1', other: 'eth1' } }],
    ['the broadcast address', 'r1', 'eth3', '10.5.0.255/24', { key: 'inspector.refused.ipBroadcast', params: { ip: '10.5.0.255', subnet: '10.5.0.0/24' } }],
  ])('refuses %s', (_name, dev, port, ip, error) => {
    expect(refused(setPortIp(lab(), dev, port, ip))).toEqual(error);
    expect(interfaceIpError(lab(), dev, port, ip)).toEqual(error);
  });

  it('refuses a LAG member as a routed port', () => {
    const doc = example('reference-lab');
    const lag = doc.lags?.find((l) => l.device === 'core1');
    const member = lag?.members[0] ?? '';
    expect(refused(setPortIp(doc, 'core1', member, '10.7.0.1/24')).key).toBe('inspector.refused.ipBundled');
  });

  it('refuses to strand a route: the next hop must stay in a connected subnet (RFC 1812 §5.2.4.3)', () => {
    const doc = example('single-gateway');
    expect(refused(setPortIp(doc, 'r1', 'eth2', null))).toEqual({ key: 'inspector.refused.ipInUseRoute', params: { iface: 'r1:eth2', to: '0.0.0.0/0', via: '192.0.2.2' } });
    expect(refused(setPortIp(doc, 'r1', 'eth2', '192.0.3.1/30')).key).toBe('inspector.refused.ipInUseRoute');
    expect(ok(setPortIp(doc, 'r1', 'eth2', '192.0.2.1/29')).devices.find((d) => d.id === 'r1')?.ports[1]?.ip).toBe('192.0.2.1/29');
  });

  it('refuses to take a VRRP member SVI out of the virtual IP subnet', () => {
    const doc = example('vrrp-pair');
    expect(refused(setDeviceIp(doc, 'core1', null))).toEqual({ key: 'inspector.refused.ipInUseVrrp', params: { iface: 'core1', group: 'gw', vip: '10.0.0.1' } });
    expect(refused(setDeviceIp(doc, 'core1', '10.1.0.2/24')).key).toBe('inspector.refused.ipInUseVrrp');
    expect(ok(setDeviceIp(doc, 'core1', '10.0.0.5/24')).devices.find((d) => d.id === 'core1')?.ip).toBe('10.0.0.5/24');
  });

  it('refuses the virtual IP or an anycast address as an interface address', () => {
    expect(refused(setDeviceIp(example('vrrp-pair'), 'acc', '10.0.0.1/24'))).toEqual({ key: 'inspector.refused.ipIsVip', params: { ip: '10.0.0.1', group: 'gw' } });
    expect(refused(setDeviceIp(example('anycast-gateway'), 'srv1', '10.0.0.1/24'))).toEqual({ key: 'inspector.refused.ipIsAnycast', params: { ip: '10.0.0.1', gateway: 'agw' } });
    expect(refused(setDeviceIp(example('anycast-gateway'), 'leaf1', null)).key).toBe('inspector.refused.ipInUseAnycast');
  });

  it('keeps an upstream addressed while a flow goes to it', () => {
    const doc = example('single-gateway');
    const bare = ok(removeRoute(ok(setDeviceIp(doc, 'internet', null)), 'internet', 0));
    expect(refused(setPortIp(bare, 'internet', 'eth1', null))).toEqual({ key: 'inspector.refused.ipInUse', params: { device: 'internet', flow: 'f1' } });
    expect(ok(setPortIp({ ...bare, flows: [] }, 'internet', 'eth1', null)).devices[0]?.ports[0]).not.toHaveProperty('ip');
  });
});

describe('when a host gets a gateway (RFC 1122 §3.3.1)', () => {
  it('sets, normalises and clears it', () => {
    let doc = ok(setHostGateway(example('single-gateway'), 'srv1', '10.0.0.001'));
    expect(device(doc, 'srv1')?.gateway).toBe('10.0.0.1');
    doc = ok(setHostGateway(doc, 'srv1', ''));
    expect(device(doc, 'srv1')).not.toHaveProperty('gateway');
  });

  it.each([
    ['outside the subnet', '10.1.0.1', { key: 'inspector.refused.gatewaySubnet', params: { gateway: '10.1.0.1', device: 'srv1', subnet: '10.0.0.0/24' } }],
    ['its own address', '10.0.0.11', { key: 'inspector.refused.gatewaySelf', params: { gateway: '10.0.0.11', device: 'srv1' } }],
    ['not an address', '10.0.0.1/24', { key: 'inspector.refused.ipv4Format', params: { value: '10.0.0.1/24' } }],
    ['the broadcast address', '10.0.0.255', { key: 'inspector.refused.ipBroadcast', params: { ip: '10.0.0.255', subnet: '10.0.0.0/24' } }],
  ])('refuses %s', (_name, gw, error) => {
    expect(refused(setHostGateway(example('single-gateway'), 'srv1', gw))).toEqual(error);
    expect(gatewayError(example('single-gateway'), 'srv1', gw)).toEqual(error);
  });

  it('gives gateways to hosts with an address only', () => {
    expect(refused(setHostGateway(example('single-gateway'), 'r1', '10.0.0.5')).key).toBe('inspector.refused.gatewayHostOnly');
    const bare = ok(setDeviceIp({ ...example('single-gateway'), flows: [] }, 'srv1', null));
    expect(refused(setHostGateway(bare, 'srv1', '10.0.0.1')).key).toBe('inspector.refused.gatewayNoIp');
  });

  it('drops the gateway when the host moves to another subnet or loses its address', () => {
    const r = setDeviceIp(example('single-gateway'), 'srv1', '10.1.0.11/24');
    expect(r.ok && r.droppedGateway).toBe('10.0.0.1');
    expect(device(ok(r), 'srv1')).not.toHaveProperty('gateway');
    const kept = ok(setDeviceIp(example('single-gateway'), 'srv1', '10.0.0.50/24'));
    expect(device(kept, 'srv1')?.gateway).toBe('10.0.0.1');
  });

  it('tells who answers for the gateway address', () => {
    expect(addressOwner(example('single-gateway'), '10.0.0.1')).toEqual({ kind: 'interface', device: 'r1', port: 'eth1' });
    expect(addressOwner(example('vrrp-pair'), '10.0.0.1')).toEqual({ kind: 'vrrp', group: 'gw' });
    expect(addressOwner(example('anycast-gateway'), '10.0.0.1')).toEqual({ kind: 'anycast', gateway: 'agw' });
    expect(addressOwner(example('vrrp-pair'), '10.0.0.99')).toEqual({ kind: 'none' });
  });
});

describe('when editing static routes (RFC 1812 §5.2.4)', () => {
  it('adds a route with its prefix normalised, updates and removes it', () => {
    expect(normalisePrefix('default')).toBe('0.0.0.0/0');
    let doc = ok(addRoute(example('single-gateway'), 'r1', { to: '10.20.3.4/16', via: '192.0.2.2' }));
    expect(device(doc, 'r1')?.routes?.[1]).toEqual({ to: '10.20.0.0/16', via: '192.0.2.2' });
    doc = ok(updateRoute(doc, 'r1', 1, { to: '10.30.0.0/16', via: '192.0.2.2' }));
    expect(device(doc, 'r1')?.routes?.[1]?.to).toBe('10.30.0.0/16');
    doc = ok(removeRoute(ok(removeRoute(doc, 'r1', 1)), 'r1', 0));
    expect(device(doc, 'r1')).not.toHaveProperty('routes');
  });

  it.each([
    ['on a host', 'srv1', { to: '0.0.0.0/0', via: '10.0.0.1' }, 'inspector.refused.routesHostOnly'],
    ['with a bad prefix', 'r1', { to: '10.0.0.0', via: '192.0.2.2' }, 'inspector.refused.routeFormat'],
    ['with a bad next hop', 'r1', { to: '0.0.0.0/0', via: 'isp' }, 'inspector.refused.ipv4Format'],
    ['via an unconnected subnet', 'r1', { to: '0.0.0.0/0', via: '172.16.0.1' }, 'inspector.refused.routeNextHop'],
    ['via its own address', 'r1', { to: '0.0.0.0/0', via: '192.0.2.1' }, 'inspector.refused.routeSelf'],
    ['twice', 'r1', { to: '0.0.0.0/0', via: '192.0.2.2' }, 'inspector.refused.routeDuplicate'],
  ])('refuses a route %s', (_name, dev, route, key) => {
    expect(refused(addRoute(example('single-gateway'), dev, route)).key).toBe(key);
  });

  it('refuses unknown route numbers', () => {
    expect(refused(removeRoute(example('single-gateway'), 'r1', 5))).toEqual({ key: 'inspector.refused.unknownRoute', params: { device: 'r1', index: 6 } });
  });
});

describe('when any interface address of any example is cleared', () => {
  const files = readdirSync('examples').filter((f) => f.endsWith('.json'));
  it.each(files)('%s: either clears it or names what still needs it (never a bare "invalid")', (file) => {
    const doc = example(file.replace(/\.json$/, ''));
    for (const dev of doc.devices) {
      for (const port of [undefined, ...dev.ports.filter((p) => p.ip !== undefined).map((p) => p.id)]) {
        if (port === undefined && dev.ip === undefined) continue;
        const r = port === undefined ? setDeviceIp(doc, dev.id, null) : setPortIp(doc, dev.id, port, null);
        expect(r.ok || r.error.key !== 'errors.edit.invalid', `${dev.id}:${port ?? ''} ${r.ok ? '' : JSON.stringify(r.error)}`).toBe(true);
      }
    }
  });
});
