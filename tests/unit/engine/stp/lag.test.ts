import { describe, expect, it } from 'vitest';
import { pathCostLong, pathCostShort } from '../../../../src/engine/codecs';
import type { Topology } from '../../../../src/model';
import type { Mode } from './stpLab';
import { StpLab, host, link, sw } from './stpLab';

/**
 * sw1 (root) and sw2 joined by a 2 × 1G LACP LAG po1 (m1, m2) and, through sw3, by a second path —
 * a loop. Hosts h1, h3 on sw1 and h2, h4 on sw2 send to each other (edge ports).
 */
function lagLab(mode: Mode): Topology {
  const edge = (id: string) => ({ id, stp: { edge: true } });
  return {
    version: 1,
    devices: [
      sw('sw1', mode, ['eth1', 'eth2', 'eth3', edge('h1'), edge('h3')]),
      sw('sw2', mode, ['eth1', 'eth2', 'eth3', edge('h2'), edge('h4')]),
      sw('sw3', mode, ['eth1', 'eth2']),
      host('h1', 1),
      host('h2', 2),
      host('h3', 3),
      // 10.0.0.5: the layer2+3 hash of h1→h4 and h3→h4 then picks the other member than h→h2.
      host('h4', 5),
    ],
    links: [
      link('m1', 'sw1:eth1', 'sw2:eth1'),
      link('m2', 'sw1:eth2', 'sw2:eth2'),
      link('l13', 'sw1:eth3', 'sw3:eth1'),
      link('l23', 'sw2:eth3', 'sw3:eth2'),
      link('a1', 'h1:eth1', 'sw1:h1'),
      link('a3', 'h3:eth1', 'sw1:h3'),
      link('a2', 'h2:eth1', 'sw2:h2'),
      link('a4', 'h4:eth1', 'sw2:h4'),
    ],
    lags: [
      { id: 'po1', device: 'sw1', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' },
      { id: 'po1', device: 'sw2', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' },
    ],
    flows: ['h1>h2', 'h1>h4', 'h3>h2', 'h3>h4', 'h2>h1', 'h4>h3'].map((f, i) => {
      const [from = '', to = ''] = f.split('>');
      return { id: `f${i}`, from, to, pps: 20, startMs: 40_000 };
    }),
  };
}

describe.each<Mode>(['rstp', 'stp'])('when two %s switches are joined by a LAG (802.1AX 6.2: the Aggregator is ONE bridge port)', (mode) => {
  it('the LAG is one STP port — po1 — and its members are not STP ports at all', () => {
    const lab = new StpLab(lagLab(mode));
    lab.run(40_000);
    expect(Object.keys(lab.ports('sw1')).sort()).toEqual(['eth3', 'h1', 'h3', 'po1']);
    expect(Object.keys(lab.ports('sw2')).sort()).toEqual(['eth3', 'h2', 'h4', 'po1']);
    expect(lab.stp('sw1', 'eth1')).toEqual([]);
  });

  it('the LAG is forwarding (designated on the root, root port on sw2); the loop is cut at sw3', () => {
    const lab = new StpLab(lagLab(mode));
    lab.run(40_000);
    expect(lab.port('sw1', 'po1')).toMatchObject({ role: 'designated', forwarding: 'forwarding' });
    expect(lab.port('sw2', 'po1')).toMatchObject({ role: 'root', forwarding: 'forwarding' });
    expect(lab.port('sw3', 'eth2').forwarding).toBe('discarding');
  });

  it('its path cost is that of the aggregate speed, 2 × 1 Gb/s (vendors; 802.1D-2004 Table 17-3 / 1998 Table 8-5)', () => {
    const lab = new StpLab(lagLab(mode));
    lab.run(40_000);
    const cost = mode === 'rstp' ? pathCostLong(2000) : pathCostShort(2000);
    expect(lab.sim.spanningTree('sw2')?.root().rootCost).toBe(cost);
  });

  it('both members carry data and neither is blocked', () => {
    const lab = new StpLab(lagLab(mode));
    const carried = new Map<string, number>();
    lab.sim.onFrame((l, _from, t, bytes) => {
      const isControl = bytes[0] === 0x01 && bytes[1] === 0x80 && bytes[2] === 0xc2;
      if (t > 41_000_000 && !isControl) carried.set(l.id, (carried.get(l.id) ?? 0) + 1);
    });
    lab.run(45_000);
    expect(lab.sim.lag('sw1', 'po1')?.active).toEqual(['eth1', 'eth2']);
    expect(carried.get('m1')).toBeGreaterThan(0);
    expect(carried.get('m2')).toBeGreaterThan(0);
    expect(lab.events.filter((e) => e.type === 'flow' && e.state === 'lost')).toEqual([]);
  });

  it('BPDUs of the LAG go out on one member (the lowest-numbered distributing one)', () => {
    const lab = new StpLab(lagLab(mode));
    lab.run(40_000);
    const fromLag = lab.bpdus({ device: 'sw1' }).filter((b) => b.link === 'm1' || b.link === 'm2');
    expect(fromLag.length).toBeGreaterThan(0);
    expect(new Set(fromLag.map((b) => b.from.port))).toEqual(new Set(['eth1']));
  });

  it('losing a member keeps the LAG one forwarding STP port (only its cost changes)', () => {
    const lab = new StpLab(lagLab(mode));
    lab.at(40_000, 'fail', 'm1').run(45_000);
    expect(lab.port('sw2', 'po1')).toMatchObject({ role: 'root', forwarding: 'forwarding' });
    expect(lab.stp('sw2', 'po1').filter((e) => e.t >= 40_000 && e.state !== 'forwarding')).toEqual([]);
    const cost = mode === 'rstp' ? pathCostLong(1000) : pathCostShort(1000);
    expect(lab.sim.spanningTree('sw2')?.root().rootCost).toBe(cost);
    // BPDUs now leave on the remaining member.
    expect(lab.bpdus({ device: 'sw1', port: 'eth2' }).some((b) => b.t > 40_000)).toBe(true);
  });
});

describe('when a LAG is created or removed while the lab runs (live edit)', () => {
  it.each<Mode>(['rstp', 'stp'])('%s: the two ports become one STP port po1, and two again when it goes', (mode) => {
    const base: Topology = { version: 1, devices: [sw('sw1', mode, ['eth1', 'eth2']), sw('sw2', mode, ['eth1', 'eth2'])], links: [link('l1', 'sw1:eth1', 'sw2:eth1'), link('l2', 'sw1:eth2', 'sw2:eth2')] };
    const lag = (device: string) => ({ id: 'po1', device, members: ['eth1', 'eth2'], mode: 'active' as const, rate: 'fast' as const });
    const lab = new StpLab(base);
    const { forwardDelayMs, helloMs } = lab.timers();
    lab.run(3 * forwardDelayMs);
    const blocked = `alternate/${mode === 'stp' ? 'blocking' : 'discarding'}`;
    expect(lab.ports('sw2')).toMatchObject({ eth1: 'root/forwarding', eth2: blocked });
    lab.sim.update({ ...base, lags: [lag('sw1'), lag('sw2')] });
    lab.run(lab.sim.nowMs + 3 * forwardDelayMs);
    expect(lab.ports('sw2')).toMatchObject({ eth1: `disabled/${mode === 'stp' ? 'disabled' : 'discarding'}`, po1: 'root/forwarding' });
    lab.sim.update(base);
    // Nothing tells spanning tree a LAG was removed: it looks at its ports again every Hello Time.
    lab.run(lab.sim.nowMs + helloMs + 3 * forwardDelayMs);
    const disabled = `disabled/${mode === 'stp' ? 'disabled' : 'discarding'}`;
    expect(lab.ports('sw2')).toEqual({ eth1: 'root/forwarding', eth2: blocked, po1: disabled });
  });
});
