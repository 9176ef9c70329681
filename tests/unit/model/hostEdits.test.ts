import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src/model';
import { addFlow, inSubnetOf, ipError, parseCidr, removeFlow, setDeviceIp, subnetOf, updateFlow } from '../../../src/model/edits';
import { example, ok, refused } from './editHelpers';

/** Two hosts (srv1 with 10.0.0.1/24, srv2 without an address) and a switch. */
function hosts(): Topology {
  return {
    version: 1,
    devices: [
      { id: 'srv1', type: 'host', ports: [{ id: 'eth1' }], ip: '10.0.0.1/24' },
      { id: 'srv2', type: 'host', ports: [{ id: 'eth1' }] },
      { id: 'sw1', type: 'switch', ports: [{ id: 'eth1' }, { id: 'eth2' }] },
    ],
    links: [],
  };
}

describe('when parsing addresses', () => {
  it('reads CIDR text, normalising leading zeros and spaces', () => {
    expect(parseCidr(' 10.0.0.010/24 ')).toEqual({ address: '10.0.0.10', prefix: 24, value: 0x0a00000a });
    expect(parseCidr('10.0.0.1')).toBeUndefined();
    expect(parseCidr('10.0.0.256/24')).toBeUndefined();
    expect(parseCidr('10.0.0.1/33')).toBeUndefined();
  });

  it('finds the subnet and who shares it', () => {
    expect(subnetOf(parseCidr('192.168.7.130/25') ?? { address: '', prefix: 0, value: 0 })).toBe('192.168.7.128/25');
    expect(inSubnetOf('10.0.0.1/24', '10.0.0.200/16')).toBe(true);
    expect(inSubnetOf('10.0.0.1/24', '10.0.1.2/24')).toBe(false);
  });
});

describe('when setting a host address', () => {
  it('sets, normalises and clears it', () => {
    let doc = ok(setDeviceIp(hosts(), 'srv2', '10.0.0.02/24'));
    expect(doc.devices[1]?.ip).toBe('10.0.0.2/24');
    doc = ok(setDeviceIp(doc, 'srv2', ''));
    expect(doc.devices[1]).not.toHaveProperty('ip');
    const same = setDeviceIp(doc, 'srv2', null);
    expect(same.ok && same.doc).toBe(doc);
  });

  it.each([
    ['no prefix', '10.0.0.2', 'inspector.refused.ipFormat', { value: '10.0.0.2' }],
    ['not an address', 'server', 'inspector.refused.ipFormat', { value: 'server' }],
    ['loopback', '127.0.0.1/8', 'inspector.refused.ipReserved', { ip: '127.0.0.1' }],
    ['multicast', '224.0.0.5/24', 'inspector.refused.ipReserved', { ip: '224.0.0.5' }],
    ['the network address', '10.0.0.0/24', 'inspector.refused.ipNetwork', { ip: '10.0.0.0', subnet: '10.0.0.0/24' }],
    ['the broadcast address', '10.0.0.255/24', 'inspector.refused.ipBroadcast', { ip: '10.0.0.255', subnet: '10.0.0.0/24' }],
    ['an address another host has (any prefix)', '10.0.0.1/16', 'inspector.refused.ipTaken', { ip: '10.0.0.1', device: 'srv1' }],
  ])('refuses %s', (_name, ip, key, params) => {
    expect(refused(setDeviceIp(hosts(), 'srv2', ip))).toEqual({ key, params });
    expect(ipError(hosts(), 'srv2', ip)).toEqual({ key, params });
  });

  it('accepts /31 and /32, which have no network or broadcast address (RFC 3021)', () => {
    expect(ok(setDeviceIp(hosts(), 'srv2', '10.0.1.0/31')).devices[1]?.ip).toBe('10.0.1.0/31');
    expect(ipError(hosts(), 'srv1', '10.0.0.1/24')).toBeUndefined();
  });

  it('gives a switch an SVI, and a router addresses on its ports only', () => {
    expect(ok(setDeviceIp(hosts(), 'sw1', '10.0.0.9/24')).devices[2]?.ip).toBe('10.0.0.9/24');
    const withRouter: Topology = { ...hosts(), devices: [...hosts().devices, { id: 'r1', type: 'router', ports: [{ id: 'eth1' }] }] };
    expect(refused(setDeviceIp(withRouter, 'r1', '10.0.0.9/24'))).toEqual({ key: 'inspector.refused.ipRouterPorts', params: { device: 'r1' } });
    expect(refused(setDeviceIp(hosts(), 'nope', '10.0.0.9/24')).key).toBe('errors.edit.unknownDevice');
  });

  it('keeps the address while a flow uses it', () => {
    const doc = example('mclag-pair');
    expect(refused(setDeviceIp(doc, 'srv1', null))).toEqual({ key: 'inspector.refused.ipInUse', params: { device: 'srv1', flow: 'f1' } });
  });
});

describe('when adding, changing and removing flows', () => {
  const twoHosts = () => ok(setDeviceIp(hosts(), 'srv2', '10.0.0.2/24'));

  it('adds f1, f2… with the settings given', () => {
    let doc = twoHosts();
    const r = addFlow(doc, 'srv1', 'srv2', { pps: 50, dstPort: 5001 });
    doc = ok(r);
    expect(r.ok && r.id).toBe('f1');
    expect(doc.flows).toEqual([{ id: 'f1', from: 'srv1', to: 'srv2', pps: 50, dstPort: 5001 }]);
    const r2 = addFlow(doc, 'srv2', 'srv1');
    expect(r2.ok && r2.id).toBe('f2');
  });

  it.each([
    ['a host without an address', 'srv1', 'srv2', { key: 'inspector.refused.flowNeedsIp', params: { device: 'srv2' } }],
    ['a switch', 'srv1', 'sw1', { key: 'inspector.refused.flowHostOnly', params: { device: 'sw1' } }],
    ['itself', 'srv1', 'srv1', { key: 'inspector.refused.flowSelf', params: { device: 'srv1' } }],
    ['an unknown device', 'srv1', 'srv9', { key: 'errors.edit.unknownDevice', params: { device: 'srv9' } }],
  ])('refuses a flow to %s', (_name, from, to, error) => {
    expect(refused(addFlow(hosts(), from, to))).toEqual(error);
  });

  it('refuses settings out of range', () => {
    const doc = twoHosts();
    expect(refused(addFlow(doc, 'srv1', 'srv2', { pps: 0 }))).toEqual({ key: 'errors.edit.range', params: { field: 'pps', min: 0.1, max: 1000 } });
    expect(refused(addFlow(doc, 'srv1', 'srv2', { sizeBytes: 1500 })).key).toBe('errors.edit.range');
    expect(refused(addFlow(doc, 'srv1', 'srv2', { srcPort: 1.5 })).key).toBe('errors.edit.integer');
  });

  it('updates, resets and removes a flow', () => {
    let doc = ok(addFlow(twoHosts(), 'srv1', 'srv2', { pps: 5 }));
    doc = ok(updateFlow(doc, 'f1', { pps: null, startMs: 2000 }));
    expect(doc.flows?.[0]).toEqual({ id: 'f1', from: 'srv1', to: 'srv2', startMs: 2000 });
    expect(refused(updateFlow(doc, 'f1', { startMs: -1 })).key).toBe('errors.edit.min');
    expect(refused(updateFlow(doc, 'f9', {})).key).toBe('inspector.refused.unknownFlow');
    doc = ok(removeFlow(doc, 'f1'));
    expect(doc.flows).toEqual([]);
    expect(refused(removeFlow(doc, 'f1'))).toEqual({ key: 'inspector.refused.unknownFlow', params: { flow: 'f1' } });
  });
});

describe('when a flow goes to the internet', () => {
  it('sends to an upstream with an address, through the gateway', () => {
    const doc = ok(addFlow(example('vrrp-pair'), 'srv1', 'internet', { pps: 5 }));
    expect(doc.flows?.at(-1)).toEqual({ id: 'f3', from: 'srv1', to: 'internet', pps: 5 });
    expect(refused(addFlow(example('vrrp-pair'), 'srv1', 'core1')).key).toBe('inspector.refused.flowHostOnly');
    expect(refused(addFlow(example('vrrp-pair'), 'internet', 'srv1')).key).toBe('inspector.refused.flowHostOnly');
  });
});
