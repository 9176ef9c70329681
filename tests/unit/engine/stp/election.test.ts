import { describe, expect, it } from 'vitest';
import { pathCostLong, pathCostShort } from '../../../../src/engine/codecs';
import type { Mode } from './stpLab';
import { StpLab, link, macOf, sw, triangle } from './stpLab';

const MODES: Mode[] = ['rstp', 'stp'];
/** Long enough for either protocol to converge from power-on: 2 × Forward Delay, plus margin. */
const settled = (lab: StpLab) => 2 * lab.timers().forwardDelayMs + 5_000;

describe.each(MODES)('when %s elects a root (802.1D-2004 17.6 / 802.1D-1998 8.6.8: lowest Bridge Identifier)', (mode) => {
  it('with equal priorities the lowest MAC wins, and every bridge agrees', () => {
    const lab = new StpLab(triangle(mode));
    lab.run(settled(lab));
    for (const d of ['sw1', 'sw2', 'sw3']) expect(lab.sim.spanningTree(d)?.root().rootBridge).toBe(`32768,${macOf('sw1')}`);
    expect(lab.sim.spanningTree('sw1')?.root().isRoot).toBe(true);
  });

  it('priority is compared before the MAC: priority 4096 makes the highest MAC the root', () => {
    const lab = new StpLab(triangle(mode, { priorities: { sw3: 4096 } }));
    lab.run(settled(lab));
    for (const d of ['sw1', 'sw2', 'sw3']) expect(lab.sim.spanningTree(d)?.root().rootBridge).toBe(`4096,${macOf('sw3')}`);
    expect(lab.sim.spanningTree('sw3')?.root()).toMatchObject({ isRoot: true, rootCost: 0 });
  });

  it('the stp events carry the root each bridge believes in, the root marked isRoot', () => {
    const lab = new StpLab(triangle(mode));
    lab.run(settled(lab));
    const last = (d: string) => lab.stp(d).at(-1);
    expect(last('sw1')).toMatchObject({ isRoot: true, rootCost: 0 });
    expect(last('sw2')).toMatchObject({ isRoot: false, rootBridge: `32768,${macOf('sw1')}` });
  });
});

describe.each(MODES)('when %s assigns port roles on a triangle (802.1D-2004 17.7, 17.21.25)', (mode) => {
  it('root ports face the root, designated ports serve each link, and exactly one port is blocked', () => {
    const lab = new StpLab(triangle(mode));
    lab.run(settled(lab));
    const blocked = mode === 'rstp' ? 'discarding' : 'blocking';
    expect(lab.ports('sw1')).toEqual({ eth1: 'designated/forwarding', eth2: 'designated/forwarding' });
    expect(lab.ports('sw2')).toEqual({ eth1: 'root/forwarding', eth2: 'designated/forwarding' });
    // On l23 both bridges are one hop from the root at equal cost: the lower Bridge ID (sw2) is
    // designated, so the standard predicts sw3:eth2 — the higher bridge's port — is the Alternate.
    expect(lab.ports('sw3')).toEqual({ eth1: 'root/forwarding', eth2: `alternate/${blocked}` });
  });

  it('the blocked port moves where the priority vectors say: root sw3 blocks sw2:eth1 (sw1 < sw2 on l12)', () => {
    const lab = new StpLab(triangle(mode, { priorities: { sw3: 4096 } }));
    lab.run(settled(lab));
    expect(lab.port('sw1', 'eth2').role).toBe('root');
    expect(lab.port('sw2', 'eth2').role).toBe('root');
    expect(lab.port('sw1', 'eth1').role).toBe('designated');
    expect(lab.port('sw2', 'eth1')).toMatchObject({ role: 'alternate', forwarding: 'discarding' });
  });

  it('root path cost decides before bridge ids: a costly direct link loses to two cheap hops', () => {
    const doc = triangle(mode);
    const sw3 = doc.devices.find((d) => d.id === 'sw3');
    if (!sw3) throw new Error('sw3');
    sw3.ports[0] = { id: 'eth1', stp: { cost: 100_000 } };
    const lab = new StpLab(doc);
    lab.run(settled(lab));
    const hop = mode === 'rstp' ? pathCostLong(1000) : pathCostShort(1000);
    expect(lab.port('sw3', 'eth2').role).toBe('root');
    expect(lab.sim.spanningTree('sw3')?.root().rootCost).toBe(2 * hop);
    expect(lab.port('sw3', 'eth1')).toMatchObject({ role: 'alternate', forwarding: 'discarding' });
  });
});

describe('when a bridge has two ports on one link (802.1D-2004 17.7: Backup Port)', () => {
  it.each(MODES)('%s: the port with the higher Port ID backs up the other, which stays designated', (mode) => {
    const doc = {
      version: 1 as const,
      devices: [sw('sw1', mode, ['eth1']), sw('sw2', mode, ['eth1', 'eth2', 'eth3'])],
      links: [link('up', 'sw1:eth1', 'sw2:eth1'), link('loop', 'sw2:eth2', 'sw2:eth3')],
    };
    const lab = new StpLab(doc);
    lab.run(settled(lab));
    expect(lab.port('sw2', 'eth2')).toMatchObject({ role: 'designated', forwarding: 'forwarding' });
    expect(lab.port('sw2', 'eth3')).toMatchObject({ role: 'backup', forwarding: 'discarding' });
  });
});

describe('when path costs come from link speeds (802.1D-2004 Table 17-3; 802.1D-1998 Table 8-5)', () => {
  it.each([
    ['rstp', 20_000],
    ['stp', 4],
  ] as const)('%s: a 1 Gb/s hop costs %i', (mode, cost) => {
    const lab = new StpLab({ version: 1, devices: [sw('sw1', mode, ['eth1']), sw('sw2', mode, ['eth1'])], links: [link('l', 'sw1:eth1', 'sw2:eth1')] });
    lab.run(settled(lab));
    expect(lab.sim.spanningTree('sw2')?.root().rootCost).toBe(cost);
  });
});
