/** Each lesson's goal check fails on its starting lab and passes on a solved one (issue 6, item 4). */
import { describe, expect, it } from 'vitest';
import bondLab from '../../../examples/bond-mode1-vs-mode4.json';
import memberLab from '../../../examples/member-failure.json';
import passiveLab from '../../../examples/passive-passive.json';
import pxeLab from '../../../examples/pxe-fallback.json';
import singleGateway from '../../../examples/single-gateway.json';
import singleSwitchLag from '../../../examples/single-switch-lag.json';
import stpLab from '../../../examples/stp-two-uplinks.json';
import vrrpLab from '../../../examples/vrrp-pair.json';
import { LESSONS, lessonById } from '../../../src/lessons/lessons';
import type { LessonLive } from '../../../src/lessons/types';
import type { Topology } from '../../../src/model';
import type { LagOverlay } from '../../../src/store/overlayReducer';
import type { OutageView, StpPortView } from '../../../src/worker/l2State';

const emptyLive = (): LessonLive => ({ links: {}, lags: {}, stp: {}, bonds: {}, flows: {}, vrrp: {}, outages: {}, traffic: {} });
const doc = (json: unknown): Topology => structuredClone(json) as Topology;
const lag = (active: string[], up = active.length > 0): LagOverlay => ({ up, active, standby: [], partner: undefined });
const stpPort = (state: StpPortView['state']): StpPortView => ({ role: state === 'forwarding' ? 'designated' : 'alternate', state, rootBridge: '32768.dist1', rootCost: 4, isRoot: false });
const check = (id: string) => {
  const lesson = lessonById(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return lesson.check;
};

describe('the lesson list', () => {
  it('has unique ids, each starting from a shipped example', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(LESSONS.map((l) => l.lab)).toEqual(['single-gateway', 'passive-passive', 'member-failure', 'single-switch-lag', 'stp-two-uplinks', 'bond-mode1-vs-mode4', 'vrrp-pair', 'vrrp-pair', 'n-minus-1', 'pxe-fallback']);
  });
});

describe('SPoF basics', () => {
  const goal = check('spof-basics');
  it('fails on the single-gateway lab', () => {
    expect(goal(doc(singleGateway), emptyLive())).toEqual({ met: false, detail: 'noVrrpPair' });
  });
  it('passes with two routers in a VRRP group whose VIP is every host gateway, and names a host that is not on it', () => {
    const solved = doc(singleGateway);
    solved.devices.push({ id: 'r2', type: 'router', ports: [{ id: 'eth1' }, { id: 'eth2' }] });
    solved.vrrp = [{ id: 'gw', vrid: 1, vip: '10.0.0.1', members: [{ device: 'r1' }, { device: 'r2' }] }];
    expect(goal(solved, emptyLive())).toEqual({ met: true, detail: 'met' });
    const srv2 = solved.devices.find((d) => d.id === 'srv2');
    if (srv2) srv2.gateway = '10.0.0.254';
    expect(goal(solved, emptyLive())).toMatchObject({ met: false, detail: 'gatewayNotVip', values: { host: 'Server 2' } });
  });
});

describe('LACP modes', () => {
  const goal = check('lacp-modes');
  it('fails while passive–passive never forms', () => {
    const live = { ...emptyLive(), lags: { 'sw1:po1': lag([]), 'sw2:po1': lag([]) } };
    expect(goal(doc(passiveLab), live)).toMatchObject({ met: false, detail: 'lagDown' });
  });
  it('passes once one side is active and the LAG is up on two members', () => {
    const solved = doc(passiveLab);
    const first = solved.lags?.[0];
    if (first) first.mode = 'active';
    const live = { ...emptyLive(), lags: { 'sw1:po1': lag(['eth1', 'eth2']), 'sw2:po1': lag(['eth1', 'eth2']) } };
    expect(goal(solved, live).met).toBe(true);
  });
});

describe('LACP member failure', () => {
  const goal = check('lacp-member-failure');
  const all = ['eth1', 'eth2', 'eth3', 'eth4'];
  it('fails while every member is up', () => {
    const live = { ...emptyLive(), links: { l1: 'up', l2: 'up', l3: 'up', l4: 'up' } as const, lags: { 'sw1:po1': lag(all), 'sw2:po1': lag(all) } };
    expect(goal(doc(memberLab), live)).toEqual({ met: false, detail: 'noMemberDown' });
  });
  it('passes when a member is down and the LAG stays up, not when the LAG went down too', () => {
    const three = ['eth1', 'eth2', 'eth4'];
    const live = { ...emptyLive(), links: { l1: 'up', l2: 'up', l3: 'down', l4: 'up' } as const, lags: { 'sw1:po1': lag(three), 'sw2:po1': lag(three) } };
    expect(goal(doc(memberLab), live).met).toBe(true);
    expect(goal(doc(memberLab), { ...live, lags: { 'sw1:po1': lag([], false), 'sw2:po1': lag(three) } }).detail).toBe('lagDown');
  });
});

describe('STP blocking vs MC-LAG', () => {
  const goal = check('stp-vs-mclag');
  it('fails on two uplinks with one blocked by RSTP', () => {
    const live = { ...emptyLive(), stp: { 'acc:eth1': stpPort('forwarding'), 'acc:eth2': stpPort('discarding') } };
    expect(goal(doc(stpLab), live)).toEqual({ met: false, detail: 'noMclag' });
  });
  it('passes rebuilt as an MC-LAG with both uplinks in the access LAG and nothing blocked', () => {
    const solved = doc(stpLab);
    solved.mclags = [{ id: 'm1', domainId: 1, peers: ['dist1', 'dist2'], peerLink: 'peer' }];
    solved.lags = [
      { id: 'po1', device: 'acc', members: ['eth1', 'eth2'], mode: 'active' },
      { id: 'po1', device: 'dist1', members: ['eth1'], mode: 'active', mclag: 'm1' },
      { id: 'po1', device: 'dist2', members: ['eth1'], mode: 'active', mclag: 'm1' },
      { id: 'peer', device: 'dist1', members: ['eth2'], mode: 'active' },
      { id: 'peer', device: 'dist2', members: ['eth2'], mode: 'active' },
    ];
    const live = { ...emptyLive(), stp: { 'acc:po1': stpPort('forwarding') }, lags: { 'acc:po1': lag(['eth1', 'eth2']) } };
    expect(goal(solved, live).met).toBe(true);
    expect(goal(solved, { ...live, stp: { 'acc:po1': stpPort('blocking') } }).detail).toBe('portBlocked');
  });
});

describe('bond mode 1 vs mode 4', () => {
  const goal = check('bond-mode1-vs-mode4');
  it('fails while a bond is active-backup', () => {
    expect(goal(doc(bondLab), emptyLive())).toMatchObject({ met: false, detail: 'bondMode', values: { bond: 'srv-ab:bond0', mode: 'active-backup' } });
  });
  it('passes with every bond 802.3ad and two active slaves', () => {
    const solved = doc(bondLab);
    for (const b of solved.bonds ?? []) b.mode = '802.3ad';
    const view = { mode: '802.3ad' as const, active: ['eth0', 'eth1'], down: [] };
    const live = { ...emptyLive(), bonds: { 'srv-ab:bond0': view, 'srv-lacp:bond0': view } };
    expect(goal(solved, live).met).toBe(true);
    expect(goal(solved, { ...live, bonds: { 'srv-lacp:bond0': view } }).detail).toBe('bondActive');
  });
});

describe('VRRP failover', () => {
  const goal = check('vrrp-failover');
  const outage = (durationMs: number): OutageView => ({
    t: 14_000,
    ip: '10.0.0.1',
    startMs: 10_260,
    endMs: 10_260 + durationMs,
    durationMs,
    lostProbes: durationMs / 100,
    intervalMs: 100,
    fault: { target: 'core1', action: 'fail', atMs: 10_220 },
    expected: { ms: 3609, minMs: 2609, rule: 'vrrp.masterDownInterval', detail: '3 × 1 s + 0.609 s' },
  });
  it('fails before any outage was measured', () => {
    expect(goal(doc(vrrpLab), emptyLive())).toEqual({ met: false, detail: 'noOutage' });
  });
  it('passes when the Master failure outage falls within the prediction, not when it does not', () => {
    expect(goal(doc(vrrpLab), { ...emptyLive(), outages: { 'srv1:gateway': outage(3300) } }).met).toBe(true);
    expect(goal(doc(vrrpLab), { ...emptyLive(), outages: { 'srv1:gateway': outage(6000) } }).detail).toBe('outageOff');
  });
});

describe('LACP fallback for PXE', () => {
  const goal = check('pxe-fallback');
  it('fails while srv2’s LAG has no fallback', () => {
    expect(goal(doc(pxeLab), emptyLive())).toMatchObject({ met: false, detail: 'noFallback', values: { lag: 'sw1:po2' } });
  });
  it('passes with fallback on every switch LAG facing a server', () => {
    const solved = doc(pxeLab);
    const po2 = solved.lags?.find((l) => l.device === 'sw1' && l.id === 'po2');
    if (po2) po2.fallback = { timeoutMs: 15_000 };
    expect(goal(solved, emptyLive()).met).toBe(true);
  });
});

describe('LACP to one switch vs MC-LAG', () => {
  const goal = check('lacp-vs-mclag');
  const both = { mode: '802.3ad' as const, active: ['eth0', 'eth1'], down: [] };
  it('fails while the bond reaches only SW1, even with both slaves active', () => {
    expect(goal(doc(singleSwitchLag), { ...emptyLive(), bonds: { 'srv:bond0': both } })).toMatchObject({ met: false, detail: 'bondOneSwitch', values: { bond: 'srv:bond0' } });
  });
  it('passes with one slave on each peer of an MC-LAG domain and both slaves active', () => {
    const solved = doc(singleSwitchLag);
    solved.devices.push({ id: 'sw2', type: 'switch', ports: [{ id: 'eth1' }, { id: 'eth2' }, { id: 'eth3' }, { id: 'eth4' }] });
    const s2 = solved.links.find((l) => l.id === 's2');
    if (s2) s2.b = { device: 'sw2', port: 'eth1' };
    solved.links.push({ id: 'pl', a: { device: 'sw1', port: 'eth2' }, b: { device: 'sw2', port: 'eth2' } });
    expect(goal(solved, { ...emptyLive(), bonds: { 'srv:bond0': both } }).detail).toBe('bondNotMclag');
    solved.mclags = [{ id: 'm1', domainId: 1, peers: ['sw1', 'sw2'], peerLink: 'peer' }];
    expect(goal(solved, { ...emptyLive(), bonds: { 'srv:bond0': both } })).toEqual({ met: true, detail: 'met' });
    expect(goal(solved, { ...emptyLive(), bonds: { 'srv:bond0': { ...both, active: ['eth0'], down: ['eth1'] } } }).detail).toBe('bondActive');
  });
});

describe('all-active and anycast gateways', () => {
  const goal = check('all-active-gateway');
  it('fails on the active-standby VRRP pair', () => {
    expect(goal(doc(vrrpLab), emptyLive())).toEqual({ met: false, detail: 'noAllActive' });
  });
  it('passes with an anycast gateway every host uses, and names a host that does not', () => {
    const solved = doc(vrrpLab);
    solved.vrrp = [];
    solved.anycastGateways = [{ id: 'agw', ip: '10.0.0.1', devices: ['core1', 'core2'] }];
    expect(goal(solved, emptyLive())).toEqual({ met: true, detail: 'met' });
    const srv2 = solved.devices.find((d) => d.id === 'srv2');
    if (srv2) srv2.gateway = '10.0.0.2';
    expect(goal(solved, emptyLive())).toMatchObject({ met: false, detail: 'gatewayNotAllActive', values: { host: srv2?.name ?? 'srv2' } });
  });
  it('passes with active-active VRRP only when its members are the peers of one MC-LAG domain', () => {
    const solved = doc(vrrpLab);
    for (const g of solved.vrrp ?? []) g.activeActive = true;
    expect(goal(solved, emptyLive()).detail).toBe('noAllActive');
    solved.mclags = [{ id: 'vpc10', domainId: 10, peers: ['core1', 'core2'], peerLink: 'po100' }];
    expect(goal(solved, emptyLive()).met).toBe(true);
  });
});
