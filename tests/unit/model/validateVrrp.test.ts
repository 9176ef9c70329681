import { describe, expect, it } from 'vitest';
import { formatIssue, resolveTopology, validateTopology } from '../../../src/model';
import type { Topology } from '../../../src/model';
import { mclagGateway, vrrpPair } from '../engine/gateway/labs';

function messages(input: unknown): string[] {
  const r = validateTopology(input);
  return r.ok ? [] : r.issues.map(formatIssue);
}

function withGroup(change: (g: NonNullable<Topology['vrrp']>[number], doc: Topology) => void): Topology {
  const doc = vrrpPair();
  const g = doc.vrrp?.[0];
  if (g) change(g, doc);
  return doc;
}

describe('when a lab has a VRRP group', () => {
  it('is valid and resolves RFC 5798 defaults (interval 100 cs, priority 100, preempt on, accept off)', () => {
    expect(messages(vrrpPair())).toEqual([]);
    const doc = withGroup((g) => (g.members[1] = { device: 'core2' }));
    expect(resolveTopology(doc).vrrp[0]).toEqual({
      id: 'gw',
      vrid: 10,
      vip: '10.0.0.1',
      advertIntervalCs: 100,
      acceptMode: false,
      activeActive: false,
      members: [
        { device: 'core1', iface: 'svi', priority: 200, preempt: true, preemptDelayMs: 0, tracks: [] },
        { device: 'core2', iface: 'svi', priority: 100, preempt: true, preemptDelayMs: 0, tracks: [] },
      ],
    });
  });
});

describe('when a VRRP group is wrong', () => {
  it('a virtual IP outside the member interface subnet', () => {
    expect(messages(withGroup((g) => (g.vip = '10.9.0.1')))).toEqual([
      'vrrp[0].members[0]: virtual IP 10.9.0.1 is not in the subnet of "core1" SVI (10.0.0.2/24)',
      'vrrp[0].members[1]: virtual IP 10.9.0.1 is not in the subnet of "core2" SVI (10.0.0.3/24)',
    ]);
  });

  it('priority 255 without owning the address, and an owner without 255 (RFC 5798 §5.2.4)', () => {
    expect(messages(withGroup((g) => ((g.members[1] ?? { device: '' }).priority = 255)))).toEqual(['vrrp[0].members[1].priority: priority 255 is for the address owner only: 10.0.0.1 is not an address of "core2"']);
    expect(messages(withGroup((g) => (g.vip = '10.0.0.2')))).toEqual(['vrrp[0].members[0].priority: "core1" owns 10.0.0.2, so its priority is 255 (RFC 5798 §5.2.4)']);
  });

  it('a member without an SVI, a port without an address, a host as member, a member twice', () => {
    const noSvi = withGroup((_g, doc) => {
      const core2 = doc.devices.find((d) => d.id === 'core2');
      if (core2) core2.ip = undefined;
      if (core2) core2.routes = undefined;
    });
    expect(messages(noSvi)).toEqual(['vrrp[0].members[1].port: "core2" has no SVI: give the switch an ip, or name a routed port']);
    expect(messages(withGroup((g) => ((g.members[1] ?? { device: '' }).port = 'eth1')))).toEqual(['vrrp[0].members[1].port: port "core2:eth1" needs an ip to run VRRP (a routed port)']);
    expect(messages(withGroup((g) => (g.members[1] = { device: 'h1' })))).toEqual(['vrrp[0].members[1].device: VRRP runs on routers and L3 switches, and "h1" is a host']);
    expect(messages(withGroup((g) => (g.members[1] = { device: 'core1' })))).toEqual(['vrrp[0].members[1].device: "core1" is in group "gw" twice']);
  });

  it('the same VRID twice on one interface, a virtual IP that is a host\'s address, a tracked object that does not exist', () => {
    const twice = withGroup((g, doc) => doc.vrrp?.push({ ...g, id: 'gw2', vip: '10.0.0.4' }));
    expect(messages(twice)).toEqual(['vrrp[1].vrid: VRID 10 already runs on core1:svi (group "gw")', 'vrrp[1].vrid: VRID 10 already runs on core2:svi (group "gw")']);
    expect(messages(withGroup((g) => (g.vip = '10.0.0.10')))).toEqual(['vrrp[0].vip: virtual IP 10.0.0.10 is the address of "h1", which is not in the group']);
    expect(messages(withGroup((g) => ((g.members[0] ?? { device: '' }).tracks = [{ target: 'w9' }])))).toEqual(['vrrp[0].members[0].tracks[0].target: "w9" is not a link or a device:port']);
  });
});

describe('when a group is active-active or a lab has an anycast gateway', () => {
  it('active-active needs the two peers of one MC-LAG domain on their SVIs', () => {
    expect(messages(mclagGateway({ activeActive: true }))).toEqual([]);
    expect(resolveTopology(mclagGateway({ activeActive: true })).vrrp[0]?.activeActive).toBe(true);
    expect(messages(withGroup((g) => (g.activeActive = true)))).toEqual(['vrrp[0].activeActive: active-active VRRP needs exactly the two peers of one MC-LAG domain, on their SVIs']);
  });

  it('an anycast gateway resolves the default MAC and is checked: switches with an SVI in its subnet, an address nobody has', () => {
    const doc = mclagGateway({ anycast: true });
    expect(messages(doc)).toEqual([]);
    expect(resolveTopology(doc).anycastGateways).toEqual([{ id: 'agw', ip: '10.0.0.1', mac: '00:1c:73:00:00:99', devices: ['core1', 'core2'] }]);
    const bad = mclagGateway({ anycast: true });
    bad.anycastGateways = [{ id: 'agw', ip: '10.0.0.11', devices: ['core1', 'srv1', 'nope'] }];
    expect(messages(bad)).toEqual([
      'anycastGateways[0].ip: gateway address 10.0.0.11 is the address of "srv1"',
      'anycastGateways[0].devices[1]: "srv1" must be a switch with an ip (an SVI) to own an anycast gateway',
      'anycastGateways[0].devices[2]: no device "nope"',
    ]);
    const far = mclagGateway({ anycast: true });
    far.anycastGateways = [{ id: 'agw', ip: '10.9.0.1', devices: ['core1'] }];
    expect(messages(far)).toContain('anycastGateways[0].devices[0]: gateway address 10.9.0.1 is not in the subnet of "core1" (10.0.0.2/24)');
  });
});
