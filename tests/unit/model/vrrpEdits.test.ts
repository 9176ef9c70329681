/** VRRP group edits (RFC 5798): make, group settings, members, tracks, dissolve. */
import { describe, expect, it } from 'vitest';
import type { Topology, VrrpGroup } from '../../../src/model';
import {
  addDevice,
  addVrrpMember,
  addVrrpTrack,
  dissolveVrrpGroup,
  makeVrrpGroup,
  removeVrrpMember,
  removeVrrpTrack,
  setDeviceIp,
  setPortIp,
  trackCandidates,
  updateVrrpGroup,
  updateVrrpMember,
  updateVrrpTrack,
  vrrpMemberCandidates,
  vrrpPeerCandidates,
  vrrpPriorityError,
} from '../../../src/model/edits';
import { example, ok, refused } from './editHelpers';

const group = (doc: Topology, id = 'gw'): VrrpGroup | undefined => doc.vrrp?.find((g) => g.id === id);
/** vrrp-pair without its group: two L3 switches sharing 10.0.0.0/24, hosts using 10.0.0.1. */
const pair = (): Topology => ok(dissolveVrrpGroup(example('vrrp-pair'), 'gw'));

/** single-gateway plus a second router r2 with 10.0.0.2/24 on eth1. */
function twoRouters(): Topology {
  const r = addDevice(example('single-gateway'), 'router', { x: 0, y: 0 });
  return ok(setPortIp(ok(r), 'r2', 'eth1', '10.0.0.2/24'));
}

describe('when making a VRRP group', () => {
  it('takes the hosts\u2019 gateway as virtual IP, the lowest free VRID and priorities 110 / 100', () => {
    expect(vrrpPeerCandidates(pair(), 'core1')).toEqual([{ device: 'core2', subnet: '10.0.0.0/24' }]);
    const r = makeVrrpGroup(pair(), ['core1', 'core2']);
    const doc = ok(r);
    expect(r.ok && r.id).toBe('vrrp1');
    expect(group(doc, 'vrrp1')).toEqual({ id: 'vrrp1', vrid: 1, vip: '10.0.0.1', members: [{ device: 'core1', priority: 110 }, { device: 'core2', priority: 100 }] });
  });

  it('makes the router that has the gateway address the owner, priority 255 (RFC 5798 §5.2.4)', () => {
    const doc = ok(makeVrrpGroup(twoRouters(), ['r2', 'r1']));
    expect(doc.vrrp?.[0]?.vip).toBe('10.0.0.1');
    expect(doc.vrrp?.[0]?.members).toEqual([
      { device: 'r2', port: 'eth1', priority: 110 },
      { device: 'r1', port: 'eth1', priority: 255 },
    ]);
  });

  it('avoids a VRID and a virtual IP already used on the LAN', () => {
    const doc = ok(makeVrrpGroup(example('vrrp-pair'), ['core1', 'core2']));
    expect(group(doc, 'vrrp1')).toMatchObject({ vrid: 1, vip: '10.0.0.4' });
    const second = ok(makeVrrpGroup(doc, ['core1', 'core2'], { vrid: 7 }));
    expect(group(second, 'vrrp7')?.vip).toBe('10.0.0.5');
    expect(refused(makeVrrpGroup(doc, ['core1', 'core2'], { vrid: 10 }))).toEqual({ key: 'inspector.refused.vrrpVridTaken', params: { vrid: 10, group: 'gw' } });
  });

  it.each([
    ['one router', ['core1'], 'inspector.refused.vrrpTooFew'],
    ['a host', ['core1', 'srv1'], 'inspector.refused.vrrpDeviceOnly'],
    ['routers without a shared subnet', ['core1', 'acc'], 'inspector.refused.vrrpNoSubnet'],
    ['an unknown device', ['core1', 'nope'], 'errors.edit.unknownDevice'],
  ])('refuses %s', (_name, devices, key) => {
    expect(refused(makeVrrpGroup(pair(), devices)).key).toBe(key);
  });
});

describe('when changing a group', () => {
  it('changes the virtual IP, and the owner\u2019s priority follows it', () => {
    let doc = ok(updateVrrpGroup(example('vrrp-pair'), 'gw', { vip: '10.0.0.9' }));
    expect(group(doc)?.vip).toBe('10.0.0.9');
    doc = ok(updateVrrpGroup(doc, 'gw', { vip: '10.0.0.3' }));
    expect(group(doc)?.members.map((m) => m.priority)).toEqual([200, 255]);
    doc = ok(updateVrrpGroup(doc, 'gw', { vip: '10.0.0.1' }));
    expect(group(doc)?.members.map((m) => m.priority)).toEqual([200, 100]);
  });

  it.each([
    ['a VIP outside the subnet', { vip: '10.1.0.1' }, 'inspector.refused.vrrpVipSubnet'],
    ['a host\u2019s address as VIP', { vip: '10.0.0.11' }, 'inspector.refused.vrrpVipTaken'],
    ['a malformed VIP', { vip: '10.0.0.1/24' }, 'inspector.refused.ipv4Format'],
    ['VRID 0', { vrid: 0 }, 'errors.edit.range'],
    ['VRID 256', { vrid: 256 }, 'errors.edit.range'],
    ['Advertisement_Interval 4096 cs', { advertIntervalCs: 4096 }, 'errors.edit.range'],
    ['active-active without an MC-LAG pair', { activeActive: true }, 'inspector.refused.vrrpActiveActive'],
  ])('refuses %s', (_name, patch, key) => {
    expect(refused(updateVrrpGroup(example('vrrp-pair'), 'gw', patch)).key).toBe(key);
  });

  it('sets the interval, Accept_Mode and VRID, storing defaults as absent', () => {
    let doc = ok(updateVrrpGroup(example('vrrp-pair'), 'gw', { advertIntervalCs: 10, acceptMode: true, vrid: 20 }));
    expect(group(doc)).toMatchObject({ advertIntervalCs: 10, acceptMode: true, vrid: 20 });
    doc = ok(updateVrrpGroup(doc, 'gw', { advertIntervalCs: null, acceptMode: false }));
    expect(group(doc)).not.toHaveProperty('advertIntervalCs');
    expect(group(doc)).not.toHaveProperty('acceptMode');
  });

  it('switches active-active off and on for an MC-LAG pair', () => {
    const off = ok(updateVrrpGroup(example('reference-lab'), 'gw', { activeActive: false }));
    expect(group(off)).not.toHaveProperty('activeActive');
    expect(group(ok(updateVrrpGroup(off, 'gw', { activeActive: true })))?.activeActive).toBe(true);
  });

  it('dissolves a group', () => {
    expect(ok(dissolveVrrpGroup(example('vrrp-pair'), 'gw'))).not.toHaveProperty('vrrp');
    expect(refused(dissolveVrrpGroup(example('vrrp-pair'), 'nope')).key).toBe('inspector.refused.unknownVrrp');
  });
});

describe('when changing a member', () => {
  it('sets priority 1–254, preempt and preempt delay', () => {
    let doc = ok(updateVrrpMember(example('vrrp-pair'), 'gw', 'core2', { priority: 254, preempt: false, preemptDelayMs: 5000 }));
    expect(group(doc)?.members[1]).toEqual({ device: 'core2', priority: 254, preempt: false, preemptDelayMs: 5000 });
    doc = ok(updateVrrpMember(doc, 'gw', 'core2', { preempt: true, preemptDelayMs: 0 }));
    expect(group(doc)?.members[1]).toEqual({ device: 'core2', priority: 254 });
  });

  it('keeps 255 for the address owner only (RFC 5798 §5.2.4)', () => {
    expect(refused(updateVrrpMember(example('vrrp-pair'), 'gw', 'core2', { priority: 255 }))).toEqual({ key: 'inspector.refused.vrrpPriorityOwner', params: { device: 'core2', vip: '10.0.0.1' } });
    expect(vrrpPriorityError(example('vrrp-pair'), 'gw', 'core2', 0)?.key).toBe('errors.edit.range');
    const owned = ok(makeVrrpGroup(twoRouters(), ['r2', 'r1']));
    expect(refused(updateVrrpMember(owned, 'vrrp1', 'r1', { priority: 200 })).key).toBe('inspector.refused.vrrpOwnerFixed');
  });

  it('adds, changes and removes tracked objects', () => {
    expect(trackCandidates(example('vrrp-pair'), 'core1')).toEqual(['core1:eth9', 'core1:eth1']);
    let doc = ok(addVrrpTrack(example('vrrp-pair'), 'gw', 'core1', 'core1:eth9'));
    doc = ok(addVrrpTrack(doc, 'gw', 'core1', 'w1', 50));
    expect(group(doc)?.members[0]?.tracks).toEqual([{ target: 'core1:eth9' }, { target: 'w1', decrement: 50 }]);
    expect(refused(addVrrpTrack(doc, 'gw', 'core1', 'w1')).key).toBe('inspector.refused.trackDuplicate');
    expect(refused(addVrrpTrack(doc, 'gw', 'core1', 'core1:eth77')).key).toBe('inspector.refused.trackTarget');
    expect(refused(addVrrpTrack(doc, 'gw', 'core1', 'w2', 255)).key).toBe('errors.edit.range');
    doc = ok(updateVrrpTrack(doc, 'gw', 'core1', 0, 100));
    expect(group(doc)?.members[0]?.tracks?.[0]).toEqual({ target: 'core1:eth9', decrement: 100 });
    doc = ok(removeVrrpTrack(ok(removeVrrpTrack(doc, 'gw', 'core1', 1)), 'gw', 'core1', 0));
    expect(group(doc)?.members[0]).not.toHaveProperty('tracks');
    expect(refused(removeVrrpTrack(doc, 'gw', 'core1', 0)).key).toBe('inspector.refused.unknownTrack');
  });

  it('adds a router with an interface in the subnet, and takes routers out', () => {
    expect(refused(addVrrpMember(example('vrrp-pair'), 'gw', 'acc')).key).toBe('inspector.refused.vrrpNoInterface');
    const withSvi = ok(setDeviceIp(example('vrrp-pair'), 'acc', '10.0.0.4/24'));
    expect(vrrpMemberCandidates(withSvi, 'gw')).toEqual(['acc']);
    let doc = ok(addVrrpMember(withSvi, 'gw', 'acc'));
    expect(group(doc)?.members[2]).toEqual({ device: 'acc', priority: 100 });
    expect(refused(addVrrpMember(doc, 'gw', 'acc')).key).toBe('inspector.refused.vrrpAlreadyMember');
    doc = ok(removeVrrpMember(ok(removeVrrpMember(doc, 'gw', 'acc')), 'gw', 'core2'));
    expect(group(doc)?.members.map((m) => m.device)).toEqual(['core1']);
    expect(ok(removeVrrpMember(doc, 'gw', 'core1')).vrrp).toEqual([]);
  });

  it('keeps the owner while the VIP is its address, and active-active only on the MC-LAG pair', () => {
    const owned = ok(makeVrrpGroup(twoRouters(), ['r2', 'r1']));
    expect(refused(removeVrrpMember(owned, 'vrrp1', 'r1')).key).toBe('inspector.refused.vrrpOwnerLeaving');
    const doc = ok(removeVrrpMember(example('reference-lab'), 'gw', 'core2'));
    expect(group(doc)).not.toHaveProperty('activeActive');
    expect(refused(addVrrpMember(example('reference-lab'), 'gw', 'core9')).key).toBe('errors.edit.unknownDevice');
  });
});
