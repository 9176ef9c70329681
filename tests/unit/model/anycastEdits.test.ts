/** Anycast gateway edits (RFC 9135 §4) and the lab's probe settings. */
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src/model';
import { anycastPeerCandidates, dissolveAnycastGateway, dissolveVrrpGroup, makeAnycastGateway, setAnycastMember, setDeviceIp, updateAnycastGateway, updateProbes } from '../../../src/model/edits';
import { example, ok, refused } from './editHelpers';

/** The anycast lab without its gateway: two leaves with SVIs in 10.0.0.0/24, hosts using 10.0.0.1. */
const leaves = (): Topology => ok(dissolveAnycastGateway(example('anycast-gateway'), 'agw'));

describe('when making an anycast gateway', () => {
  it('shares the hosts\u2019 gateway address among the leaves', () => {
    expect(anycastPeerCandidates(leaves(), 'leaf1')).toEqual(['leaf2']);
    const r = makeAnycastGateway(leaves(), ['leaf1', 'leaf2']);
    expect(r.ok && r.id).toBe('agw1');
    expect(ok(r).anycastGateways).toEqual([{ id: 'agw1', ip: '10.0.0.1', devices: ['leaf1', 'leaf2'] }]);
  });

  it('refuses switches without an SVI, a subnet of another SVI, and taken addresses', () => {
    expect(refused(makeAnycastGateway(leaves(), ['srv1'])).key).toBe('inspector.refused.anycastSviOnly');
    expect(refused(makeAnycastGateway(leaves(), [])).key).toBe('inspector.refused.anycastEmpty');
    expect(refused(makeAnycastGateway(leaves(), ['leaf1'], '10.1.0.1')).key).toBe('inspector.refused.anycastSubnet');
    expect(refused(makeAnycastGateway(leaves(), ['leaf1'], '10.0.0.11'))).toEqual({ key: 'inspector.refused.ipTaken', params: { ip: '10.0.0.11', device: 'srv1' } });
    const vrrp = example('vrrp-pair');
    expect(refused(makeAnycastGateway(vrrp, ['core1'], '10.0.0.1')).key).toBe('inspector.refused.ipIsVip');
    expect(ok(makeAnycastGateway(ok(dissolveVrrpGroup(vrrp, 'gw')), ['core1', 'core2'])).anycastGateways?.[0]?.ip).toBe('10.0.0.1');
  });
});

describe('when changing an anycast gateway', () => {
  it('changes its address and MAC, refusing bad ones', () => {
    let doc = ok(updateAnycastGateway(example('anycast-gateway'), 'agw', { ip: '10.0.0.254', mac: '00-1C-73-00-00-01' }));
    expect(doc.anycastGateways?.[0]).toMatchObject({ ip: '10.0.0.254', mac: '00:1c:73:00:00:01' });
    doc = ok(updateAnycastGateway(doc, 'agw', { mac: null }));
    expect(doc.anycastGateways?.[0]).not.toHaveProperty('mac');
    expect(refused(updateAnycastGateway(doc, 'agw', { mac: 'zz' })).key).toBe('inspector.refused.macFormat');
    expect(refused(updateAnycastGateway(doc, 'agw', { mac: '01:00:5e:00:00:01' })).key).toBe('inspector.refused.macMulticast');
    expect(refused(updateAnycastGateway(doc, 'agw', { ip: '10.0.0.255' })).key).toBe('inspector.refused.ipBroadcast');
    expect(refused(updateAnycastGateway(doc, 'nope', { ip: '10.0.0.9' })).key).toBe('inspector.refused.unknownAnycast');
  });

  it('adds and removes leaves; the last one out takes the gateway', () => {
    let doc = ok(setAnycastMember(example('anycast-gateway'), 'agw', 'leaf2', false));
    expect(doc.anycastGateways?.[0]?.devices).toEqual(['leaf1']);
    doc = ok(setAnycastMember(doc, 'agw', 'leaf2', true));
    expect(doc.anycastGateways?.[0]?.devices).toEqual(['leaf1', 'leaf2']);
    const moved = ok(setDeviceIp(ok(setAnycastMember(doc, 'agw', 'leaf2', false)), 'leaf2', '10.5.0.3/24'));
    expect(refused(setAnycastMember(moved, 'agw', 'leaf2', true)).key).toBe('inspector.refused.anycastSubnet');
    doc = ok(setAnycastMember(ok(setAnycastMember(doc, 'agw', 'leaf1', false)), 'agw', 'leaf2', false));
    expect(doc).not.toHaveProperty('anycastGateways');
  });
});

describe('when changing the reachability probes', () => {
  it('sets the interval and targets, storing the defaults as absent', () => {
    let doc = ok(updateProbes(example('vrrp-pair'), { intervalMs: 50, targets: ['upstream'] }));
    expect(doc.probes).toEqual({ intervalMs: 50, targets: ['upstream'] });
    doc = ok(updateProbes(doc, { targets: ['upstream', 'gateway'] }));
    expect(doc.probes).toEqual({ intervalMs: 50 });
    doc = ok(updateProbes(doc, { targets: [] }));
    expect(doc.probes).toEqual({ intervalMs: 50, targets: [] });
    doc = ok(updateProbes(doc, { intervalMs: null, targets: null }));
    expect(doc).not.toHaveProperty('probes');
  });

  it('refuses intervals outside 10–10000 ms', () => {
    expect(refused(updateProbes(example('vrrp-pair'), { intervalMs: 5 }))).toEqual({ key: 'errors.edit.range', params: { field: 'intervalMs', min: 10, max: 10000 } });
    expect(refused(updateProbes(example('vrrp-pair'), { intervalMs: 10.5 })).key).toBe('errors.edit.integer');
  });
});
