import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../../src/model';
import { MCLAG_PORT_OFFSET } from '../../../../src/model';
import { StpLab, host, link, sw } from './stpLab';

type Lag = NonNullable<Topology['lags']>[number];
const lag = (id: string, device: string, members: string[], mclag?: string): Lag => ({ id, device, members, mode: 'active', rate: 'fast', ...(mclag ? { mclag } : {}) });

/**
 * An MC-LAG pair d1/d2 (peer-link po100 over pl1+pl2, keepalive ka) running RSTP; access switch
 * `a` bundles its two uplinks (one to each peer) into LAG po1, facing MC-LAG port po10; access
 * switch `b` has two plain uplinks, one to each peer (no MC-LAG: a real loop through the
 * peer-link). Hosts on edge ports: h1 on a, h2 on b, h9 on d1.
 */
function pairLab(opts: { pairPriority?: number; bPriority?: number } = {}): Topology {
  const edge = { id: 'h', stp: { edge: true } };
  const pairStp = opts.pairPriority === undefined ? {} : { priority: opts.pairPriority };
  return {
    version: 1,
    devices: [
      sw('d1', 'rstp', ['eth1', 'eth2', 'eth3', 'eth4', 'eth5', edge], pairStp),
      sw('d2', 'rstp', ['eth1', 'eth2', 'eth3', 'eth4', 'eth5'], pairStp),
      sw('a', 'rstp', ['eth1', 'eth2', edge]),
      sw('b', 'rstp', ['eth1', 'eth2', edge], opts.bPriority === undefined ? {} : { priority: opts.bPriority }),
      host('h1', 1),
      host('h2', 2),
      host('h9', 9),
    ],
    links: [
      link('pl1', 'd1:eth3', 'd2:eth3'),
      link('pl2', 'd1:eth4', 'd2:eth4'),
      link('ka', 'd1:eth5', 'd2:eth5'),
      link('u1', 'a:eth1', 'd1:eth1'),
      link('u2', 'a:eth2', 'd2:eth1'),
      link('v1', 'b:eth1', 'd1:eth2'),
      link('v2', 'b:eth2', 'd2:eth2'),
      link('ah', 'h1:eth1', 'a:h'),
      link('bh', 'h2:eth1', 'b:h'),
      link('dh', 'h9:eth1', 'd1:h'),
    ],
    lags: [lag('po100', 'd1', ['eth3', 'eth4']), lag('po100', 'd2', ['eth3', 'eth4']), lag('po10', 'd1', ['eth1'], 'vpc'), lag('po10', 'd2', ['eth1'], 'vpc'), lag('po1', 'a', ['eth1', 'eth2'])],
    mclags: [{ id: 'vpc', domainId: 10, peers: ['d1', 'd2'], peerLink: 'po100', keepalive: 'ka' }],
    flows: [
      { id: 'f1', from: 'h1', to: 'h9', startMs: 4000 },
      { id: 'f2', from: 'h2', to: 'h9', startMs: 4000 },
    ],
  };
}

const SHARED_BRIDGE = '4096,00:23:04:ee:be:0a';

describe('when both peers of an MC-LAG pair run RSTP (vPC peer-switch / Arista MLAG)', () => {
  const t = new StpLab(pairLab({ pairPriority: 4096 })).run(6_000);

  it('the pair is one bridge: both peers send the shared Bridge ID (priority, vPC system MAC) and are the root', () => {
    for (const d of ['d1', 'd2']) expect(t.sim.spanningTree(d)?.root()).toEqual({ rootBridge: SHARED_BRIDGE, rootCost: 0, isRoot: true });
    expect(t.sim.spanningTree('a')?.root().rootBridge).toBe(SHARED_BRIDGE);
    const bridges = new Set(t.bpdus({ device: 'd1' }).concat(t.bpdus({ device: 'd2' })).map((e) => e.bridge));
    expect(bridges).toEqual(new Set([SHARED_BRIDGE]));
  });

  it('MC-LAG members are never STP-blocked: po10 forwards on both peers and the downstream LAG is one Root port', () => {
    expect(t.ports('d1')).toMatchObject({ po10: 'designated/forwarding' });
    expect(t.ports('d2')).toMatchObject({ po10: 'designated/forwarding' });
    expect(t.ports('a')).toEqual({ po1: 'root/forwarding', h: 'designated/forwarding' });
    expect(t.sim.lag('a', 'po1')?.active).toEqual(['eth1', 'eth2']);
    for (const d of ['d1', 'd2', 'a']) expect(t.stp(d).filter((e) => e.t > 3_100 && e.state !== 'forwarding')).toEqual([]);
  });

  it('an MC-LAG port has the same Port Identifier on both peers, taken from the first peer', () => {
    const ids = (d: string) => new Set(t.bpdus({ device: d }).filter((e) => e.link === (d === 'd1' ? 'u1' : 'u2')).map((e) => e.port));
    expect(ids('d1')).toEqual(ids('d2'));
    expect(ids('d1').size).toBe(1);
  });

  it('the peer-link is never STP-blocked: it is no STP port, carries no BPDU, and forwards', () => {
    for (const d of ['d1', 'd2']) {
      expect(Object.keys(t.ports(d))).not.toContain('po100');
      expect(t.sim.spanningTree(d)?.portState('l:po100')).toBe('forwarding');
    }
    expect(t.bpdus({ link: 'pl1' }).concat(t.bpdus({ link: 'pl2' }))).toEqual([]);
  });

  it("the second peer's other ports are numbered from 1025, so the pair's Port Identifiers stay unique", () => {
    const onV2 = t.bpdus({ device: 'd2', link: 'v2' });
    expect(onV2.length).toBeGreaterThan(0);
    expect((onV2[0]?.port ?? 0) & 0x0fff).toBe(MCLAG_PORT_OFFSET + 2);
  });

  it('a switch dual-homed WITHOUT MC-LAG still gets one uplink blocked (the loop through the peer-link is real)', () => {
    expect(t.ports('b')).toEqual({ eth1: 'root/forwarding', eth2: 'alternate/discarding', h: 'designated/forwarding' });
  });

  it('traffic crosses the pair both ways without a loop', () => {
    const flows = t.events.filter((e) => e.type === 'flow');
    expect(flows.length).toBeGreaterThan(0);
    expect(flows.every((e) => e.type === 'flow' && e.state === 'ok')).toBe(true);
  });
});

describe('when the root is beyond the downstream LAG', () => {
  const doc = pairLab({ pairPriority: 8192 });
  const a = doc.devices.find((d) => d.id === 'a');
  if (a) a.stp = { mode: 'rstp', priority: 0 };
  const t = new StpLab(doc).run(6_000);

  it('both halves of the MC-LAG port are Root ports: BPDUs received on one peer are shared with the other', () => {
    expect(t.ports('d1')).toMatchObject({ po10: 'root/forwarding' });
    expect(t.ports('d2')).toMatchObject({ po10: 'root/forwarding' });
    expect(t.ports('a')).toMatchObject({ po1: 'designated/forwarding' });
  });
});

describe('when an MC-LAG uplink fails while RSTP runs', () => {
  const t = new StpLab(pairLab({ pairPriority: 4096 })).at(10_000, 'fail', 'u1').run(12_000);

  it('the downstream LAG stays the Root port on its remaining member; only its cost changes', () => {
    expect(t.ports('a')).toEqual({ po1: 'root/forwarding', h: 'designated/forwarding' });
    expect(t.sim.spanningTree('a')?.root().rootCost).toBe(20_000);
    expect(t.ports('d2')).toMatchObject({ po10: 'designated/forwarding' });
    expect(t.stp('a', 'po1').filter((e) => e.t >= 10_000).every((e) => e.state === 'forwarding')).toBe(true);
  });
});

describe('when an MC-LAG domain is added while the lab runs', () => {
  it("the peers' spanning trees are rebuilt with the pair's shared identity", () => {
    const doc = pairLab({ pairPriority: 4096 });
    const plain: Topology = { ...doc, mclags: [], lags: (doc.lags ?? []).map(({ mclag: _drop, ...l }) => l) };
    const t = new StpLab(plain).run(5_000);
    expect(t.sim.spanningTree('d1')?.root().rootBridge).not.toBe(SHARED_BRIDGE);
    t.sim.update(doc);
    t.run(12_000);
    for (const d of ['d1', 'd2']) expect(t.sim.spanningTree(d)?.root().rootBridge).toBe(SHARED_BRIDGE);
    expect(t.ports('d1')).toMatchObject({ po10: 'designated/forwarding' });
    expect(t.ports('d2')).toMatchObject({ po10: 'designated/forwarding' });
  });
});
