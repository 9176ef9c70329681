/**
 * The layer-2 redundancy examples tell a story in their description; these tests hold each
 * example to its headline (and to the times the description gives).
 */
import { describe, expect, it } from 'vitest';
import type { BondEvent, FlowEvent, McLagEvent, SimEvent, StpEvent, TrafficEvent } from '../../../src/engine';
import { STORM_FRAMES_PER_MS } from '../../../src/engine/l2/bridge';
import { TestLab, example } from '../../helpers/testLab';

const flows = (events: readonly SimEvent[], flow?: string) => events.filter((e): e is FlowEvent => e.type === 'flow' && (flow === undefined || e.flow === flow));
const stp = (events: readonly SimEvent[]) => events.filter((e): e is StpEvent => e.type === 'stp');

/** Each STP port's last event at or before `atMs`, by `device:port`. */
function stpAt(events: readonly SimEvent[], atMs: number): Map<string, StpEvent> {
  const last = new Map<string, StpEvent>();
  for (const e of stp(events)) if (e.t <= atMs) last.set(`${e.device}:${e.port}`, e);
  return last;
}

const blockedAt = (events: readonly SimEvent[], atMs: number) => [...stpAt(events, atMs).values()].filter((e) => e.role !== 'disabled' && e.state !== 'forwarding').map((e) => `${e.device}:${e.port} ${e.role}`);

describe('single-switch-lag: a LAG to ONE switch', () => {
  const t = new TestLab(example('single-switch-lag')).run(40_000);

  it('when the switch fails, every flow is lost: the switch is a single point of failure', () => {
    const lost = flows(t.events).filter((e) => e.state === 'lost');
    expect(lost.map((e) => [e.flow, e.t])).toEqual([
      ['to-client', 10_300],
      ['to-server', 10_300],
    ]);
    const between = flows(t.events).filter((e) => e.t > 10_300 && e.t < 30_000);
    expect(between).toEqual([]);
  });

  it('when the switch returns, the bond and the LAG come back after LACP (32 s and 33 s) and so do the flows', () => {
    const back = (flow: string) => flows(t.events, flow).find((e) => e.t > 30_000 && e.state === 'ok')?.t;
    expect(back('to-client')).toBeCloseTo(32_100, 0);
    expect(back('to-server')).toBeCloseTo(33_000, 0);
    expect(t.sim.lag('sw1', 'po1')?.active).toEqual(['eth1', 'eth2']);
  });
});

describe('stp-two-uplinks: two uplinks, RSTP', () => {
  const t = new TestLab(example('stp-two-uplinks')).run(40_000);

  it('before the failure exactly one uplink port is Alternate / discarding (ACC eth2 towards DIST2)', () => {
    expect(blockedAt(t.events, 9_999)).toEqual(['acc:eth2 alternate']);
    expect(stpAt(t.events, 9_999).get('acc:eth1')).toMatchObject({ role: 'root', state: 'forwarding' });
  });

  it('when the forwarding uplink fails at 10 s the Alternate becomes Root and forwards at once, and no datagram is lost', () => {
    const took = stp(t.events).find((e) => e.device === 'acc' && e.port === 'eth2' && e.role === 'root' && e.state === 'forwarding');
    expect(took?.t).toBe(10_000);
    expect(blockedAt(t.events, 29_999)).toEqual([]);
    expect(flows(t.events).some((e) => e.state === 'lost')).toBe(false);
    expect(flows(t.events, 'pc1-srv').find((e) => e.t >= 10_000)?.path).toEqual(['p1', 'up2', 'p2', 'isl', 'sl']);
  });

  it('when up1 returns at 30 s it is the Root port again and up2 is Alternate again', () => {
    expect(blockedAt(t.events, 40_000)).toEqual(['acc:eth2 alternate']);
    expect(stp(t.events).find((e) => e.device === 'acc' && e.port === 'eth1' && e.t >= 30_000 && e.role === 'root')?.t).toBeLessThan(30_001);
  });
});

describe('mclag-two-uplinks: the same uplinks as one MC-LAG, RSTP on', () => {
  const t = new TestLab(example('mclag-two-uplinks')).run(40_000);
  const mcLagPorts = (atMs: number) => [...stpAt(t.events, atMs).values()].filter((e) => e.port === 'po10' || e.port === 'po1');

  it('every MC-LAG member forwards, no port is blocked, and the LAG has 2 active members', () => {
    expect(blockedAt(t.events, 9_999)).toEqual([]);
    expect(mcLagPorts(9_999).map((e) => `${e.device}:${e.port} ${e.role} ${e.state}`)).toEqual(['dist1:po10 designated forwarding', 'acc:po1 root forwarding', 'dist2:po10 designated forwarding']);
    expect(t.sim.lag('acc', 'po1')?.active).toEqual(['eth1', 'eth2']);
  });

  it('both uplinks carry traffic, and the pair is the one root bridge', () => {
    const used = new Set(flows(t.events).filter((e) => e.t < 10_000).flatMap((e) => e.path));
    expect(used.has('up1') && used.has('up2')).toBe(true);
    expect(t.sim.spanningTree('acc')?.root().rootBridge).toBe('4096,00:23:04:ee:be:0a');
  });

  it('when up1 fails the LAG keeps forwarding on up2 with no STP role or state change, and nothing is lost', () => {
    const accAfter = stp(t.events).filter((e) => e.device === 'acc' && e.t >= 10_000);
    expect(accAfter.every((e) => e.state === 'forwarding')).toBe(true);
    expect(flows(t.events).some((e) => e.state === 'lost')).toBe(false);
    expect(t.events.find((e) => e.type === 'lag' && e.device === 'acc' && e.t > 30_000 && e.active.length === 2)?.t).toBeCloseTo(32_000, 0);
  });
});

describe('stp-off-storm: a loop with STP off', () => {
  const t = new TestLab(example('stp-off-storm')).run(15_000);
  const traffic = (link: string, from: number, to: number) => t.events.filter((e): e is TrafficEvent => e.type === 'traffic' && e.link === link && e.t > from && e.t <= to);
  const frames = (e: TrafficEvent) => e.framesAB + e.framesBA;

  it('while the loop lasts its links are saturated, and bounded by the per-switch relay cap', () => {
    const storm = traffic('l23', 3_000, 10_000);
    expect(storm).toHaveLength(7);
    for (const e of storm) {
      expect(frames(e)).toBeGreaterThan(1_000);
      expect(frames(e)).toBeLessThanOrEqual(2 * STORM_FRAMES_PER_MS * 1_000);
    }
  });

  it('H1 resolves H2 only at 5.0 s, then the path flaps; when l12 fails at 10 s the storm stops', () => {
    expect(t.events.find((e) => e.type === 'arp' && e.device === 'h1')?.t).toBeCloseTo(5_000, 0);
    expect(flows(t.events).find((e) => e.state === 'ok')?.t).toBeCloseTo(5_022, 0);
    const after = traffic('l23', 11_000, 15_000);
    expect(after.length).toBeGreaterThan(0);
    for (const e of after) expect(frames(e)).toBeLessThanOrEqual(10);
    expect(flows(t.events).at(-1)).toMatchObject({ state: 'ok', path: ['a1', 'l23', 'a2'] });
  });
});

describe('mclag-peer-link-failure: the peer-link fails, the keepalive does not', () => {
  const t = new TestLab(example('mclag-peer-link-failure')).run(90_000);
  const mclag = (device: string) => t.events.filter((e): e is McLagEvent => e.type === 'mclag' && e.device === device);

  it('the secondary suspends its MC-LAG ports after the 3 s hold-timeout, and every flow stays ok', () => {
    expect(mclag('sw2').find((e) => e.state === 'suspended')).toMatchObject({ t: 13_000, role: 'secondary', keepalive: 'up', peerLink: 'down' });
    expect(mclag('sw1').find((e) => e.t >= 13_000)).toMatchObject({ role: 'primary', state: 'peerLinkDown' });
    expect(flows(t.events).every((e) => e.state === 'ok')).toBe(true);
    const moved = flows(t.events).filter((e) => e.t >= 13_000 && e.t < 30_000);
    expect(moved.map((e) => [e.flow, e.path])).toEqual([
      ['f2', ['s1a', 's2a']],
      ['f3', ['s2a', 's1a']],
    ]);
  });

  it('after the peer-link returns (32 s) the secondary stays suspended for delay restore (30 s), then the bonds take eth2 back', () => {
    const sw2 = mclag('sw2').filter((e) => e.t >= 30_000);
    expect(sw2.map((e) => [e.t, e.peerLink, e.state])).toEqual([
      [32_000.014, 'up', 'suspended'],
      [62_000.014, 'up', 'ok'],
    ]);
    const bond = t.events.filter((e): e is BondEvent => e.type === 'bond' && e.device === 'srv1' && e.t > 62_000 && e.active.length === 2);
    expect(bond[0]?.t).toBeCloseTo(64_000, 0);
    expect(flows(t.events, 'f2').at(-1)).toMatchObject({ state: 'ok', path: ['s1b', 's2b'] });
  });
});
