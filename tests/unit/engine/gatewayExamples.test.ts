/**
 * The gateway-redundancy examples tell a story in their description; these tests hold each one
 * to its headline and to the times and measured outages the description gives.
 */
import { describe, expect, it } from 'vitest';
import type { FlowEvent, OutageEvent, SimEvent, VrrpEvent } from '../../../src/engine';
import { TestLab, example } from '../../helpers/testLab';

const outages = (events: readonly SimEvent[]) => events.filter((e): e is OutageEvent => e.type === 'outage');
const vrrp = (events: readonly SimEvent[], device: string) => events.filter((e): e is VrrpEvent => e.type === 'vrrp' && e.device === device);
const masterAt = (events: readonly SimEvent[], device: string, fromMs: number) => vrrp(events, device).find((e) => e.state === 'master' && e.t >= fromMs)?.t;
const lostFlows = (events: readonly SimEvent[], fromMs = 5_000) => events.filter((e): e is FlowEvent => e.type === 'flow' && e.state === 'lost' && e.t >= fromMs);
const summary = (o: OutageEvent) => `${o.host} ${o.target} ${o.durationMs} ${o.fault?.target ?? '-'} ${o.expected ? `${o.expected.minMs ?? ''}–${o.expected.ms} ${o.expected.rule}` : '-'}`;

describe('single-gateway: one router is a single point of failure', () => {
  const t = new TestLab(example('single-gateway')).run(40_000);

  it('both servers lose gateway and internet for the 10 s R1 is down; nothing predicts a shorter outage', () => {
    expect(outages(t.events).map(summary)).toEqual(['srv1 gateway 10000 r1 -', 'srv2 gateway 10000 r1 -', 'srv1 upstream 10000 r1 -', 'srv2 upstream 10000 r1 -']);
  });

  it('the flows to the internet stop and come back with R1', () => {
    expect(lostFlows(t.events).map((e) => [e.flow, e.t])).toEqual([
      ['f1', 10_300],
      ['f2', 10_300],
    ]);
    expect(t.events.filter((e): e is FlowEvent => e.type === 'flow' && e.t > 20_050).map((e) => e.path)).toEqual([
      ['s1', 'lan', 'wan'],
      ['s2', 'lan', 'wan'],
    ]);
  });
});

describe('vrrp-pair: the backup takes over after Master_Down_Interval', () => {
  const t = new TestLab(example('vrrp-pair')).run(30_000);

  it('Core 1 is Master 3.219 s after start; Core 2 takes over 3.609 s after the last advertisement it heard', () => {
    expect(masterAt(t.events, 'core1', 0)).toBe(3_218.75);
    expect(masterAt(t.events, 'core2', 0)).toBeCloseTo(13_828.137, 3);
  });

  it('the servers measure 3.6 s, next to the 2.6–3.6 s the standard predicts', () => {
    expect(outages(t.events).map(summary)).toEqual([
      'srv1 gateway 3600 core1 2609.375–3609.375 vrrp.masterDownInterval',
      'srv2 gateway 3600 core1 2609.375–3609.375 vrrp.masterDownInterval',
      'srv1 upstream 3600 core1 2609.375–3609.375 vrrp.masterDownInterval',
      'srv2 upstream 3600 core1 2609.375–3609.375 vrrp.masterDownInterval',
    ]);
  });

  it('Core 1 returns at 20 s and preempts 3.219 s later without another outage', () => {
    expect(masterAt(t.events, 'core1', 20_000)).toBe(23_218.75);
    expect(outages(t.events).filter((o) => o.startMs > 20_000)).toEqual([]);
  });
});

describe('vrrp-no-preempt: the old master comes back as backup', () => {
  const t = new TestLab(example('vrrp-no-preempt')).run(50_000);

  it('Core 1 returns at 20 s and stays Backup behind Core 2 until Core 2 fails at 40 s', () => {
    expect(masterAt(t.events, 'core1', 20_000)).toBeGreaterThan(40_000);
    expect(vrrp(t.events, 'core1').filter((e) => e.t > 20_000 && e.t < 40_000).map((e) => e.state)).toEqual(['backup']);
  });

  it('each failure costs its own Master_Down_Interval: 3.609 s (backup priority 100), then 3.219 s (priority 200)', () => {
    expect(outages(t.events).filter((o) => o.host === 'srv1' && o.target === 'gateway').map(summary)).toEqual([
      'srv1 gateway 3600 core1 2609.375–3609.375 vrrp.masterDownInterval',
      'srv1 gateway 3100 core2 2218.75–3218.75 vrrp.masterDownInterval',
    ]);
  });
});

describe('anycast-gateway: every leaf is the gateway', () => {
  const t = new TestLab(example('anycast-gateway')).run(70_000);

  it('a leaf failure costs no outage and no flow; there is no VRRP at all', () => {
    expect(outages(t.events)).toEqual([]);
    expect(lostFlows(t.events)).toEqual([]);
    expect(t.events.filter((e) => e.type === 'vrrp' || e.type === 'vrrpAdvert')).toEqual([]);
  });

  it('Leaf 1 keeps its uplink down after it returns until delay restore has passed (63 s)', () => {
    expect(t.events.filter((e) => e.type === 'link' && e.link === 'w1').map((e) => e.type === 'link' && `${e.t} ${e.state}`)).toEqual(['0 up', '10000 down', '63000.007 up']);
  });
});

describe('reference-lab: bonded servers, an MC-LAG pair that is the VRRP gateway, an upstream', () => {
  function run(): { t: TestLab; peerLinkData: number } {
    const t = new TestLab(example('reference-lab'));
    let peerLinkData = 0;
    t.sim.onFrame((link, _from, us, frame) => {
      if (link.id.startsWith('pl') && us > 6e6 && us < 20e6 && frame[12] === 0x08 && frame[13] === 0x00 && frame[23] !== 112) peerLinkData++;
    });
    t.fail('core1', 20_000).restore('core1', 40_000).run(90_000);
    return { t, peerLinkData };
  }
  const { t, peerLinkData } = run();

  it('every flow is delivered and nothing but VRRP advertisements crosses the peer-link', () => {
    expect(peerLinkData).toBe(0);
    const firstPaths = new Map(t.events.filter((e): e is FlowEvent => e.type === 'flow' && e.t < 6_000).map((e) => [e.flow, e.path.join(',')]));
    expect(Object.fromEntries(firstPaths)).toEqual({ 'srv1-net-1': 's1b,w2', 'srv1-net-2': 's1a,w1', 'srv2-net-1': 's2b,w2', 'srv2-net-2': 's2a,w1', f21: 's2a,s1a', f12: 's1a,s2a' });
  });

  it('failing Core 1 (the Master) and restoring it costs no outage: the bonds lose a member, Core 2 routes on', () => {
    expect(outages(t.events)).toEqual([]);
    expect(lostFlows(t.events)).toEqual([]);
  });

  it('Core 2 still becomes VRRP Master after Master_Down_Interval, and Core 1 preempts once it is back', () => {
    expect(masterAt(t.events, 'core2', 20_000)).toBeCloseTo(22_828.131, 3);
    expect(masterAt(t.events, 'core1', 40_000)).toBeGreaterThan(40_000);
  });
});
