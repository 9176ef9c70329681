import { describe, expect, it } from 'vitest';
import type { FlowEvent } from '../../../../src/engine';
import { ARP_QUEUE } from '../../../../src/engine/host/hostStack';
import type { Topology } from '../../../../src/model';
import { TestLab } from '../../../helpers/testLab';

/** srv1 bonded (LACP) to sw1 with two links; sw1 — sw2 one link; srv2 on sw2. A flow srv1 → srv2. */
function lab(): Topology {
  return {
    version: 1,
    devices: [
      { id: 'srv1', type: 'host', ip: '10.0.0.1/24', ports: [{ id: 'eth1' }, { id: 'eth2' }] },
      { id: 'srv2', type: 'host', ip: '10.0.0.2/24', ports: [{ id: 'eth1' }] },
      { id: 'sw1', type: 'switch', ports: [{ id: 'eth1' }, { id: 'eth2' }, { id: 'eth3' }] },
      { id: 'sw2', type: 'switch', ports: [{ id: 'eth1' }, { id: 'eth2' }] },
    ],
    links: [
      { id: 'b1', a: { device: 'srv1', port: 'eth1' }, b: { device: 'sw1', port: 'eth1' } },
      { id: 'b2', a: { device: 'srv1', port: 'eth2' }, b: { device: 'sw1', port: 'eth2' } },
      { id: 'core', a: { device: 'sw1', port: 'eth3' }, b: { device: 'sw2', port: 'eth1' } },
      { id: 'e2', a: { device: 'sw2', port: 'eth2' }, b: { device: 'srv2', port: 'eth1' } },
    ],
    lags: [
      { id: 'bond0', device: 'srv1', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' },
      { id: 'po1', device: 'sw1', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' },
    ],
    flows: [{ id: 'f1', from: 'srv1', to: 'srv2', pps: 10, startMs: 4000 }],
  };
}

const flowEvents = (lab: TestLab) => lab.events.filter((e): e is FlowEvent => e.type === 'flow');

describe('when a host sends a flow to another host of its subnet', () => {
  it('resolves the peer with ARP first (RFC 826): a broadcast request, a unicast reply, both caches learn', () => {
    const t = new TestLab(lab()).run(5_000);
    const arps = t.events.filter((e) => e.type === 'arp');
    expect(arps.map((e) => e.type === 'arp' && [e.device, e.ip, e.gratuitous])).toEqual([
      ['srv2', '10.0.0.1', false],
      ['srv1', '10.0.0.2', false],
    ]);
  });

  it('delivers the datagrams and reports the path: one bond member, the core link, the access link', () => {
    const t = new TestLab(lab()).run(6_000);
    const ok = flowEvents(t).find((e) => e.state === 'ok');
    expect(ok?.path).toHaveLength(3);
    expect(['b1', 'b2']).toContain(ok?.path[0]);
    expect(ok?.path.slice(1)).toEqual(['core', 'e2']);
  });

  it('a failed bond member moves the flow to the other member at once (LAG member removal, 802.1AX 5.4.12)', () => {
    const first = new TestLab(lab()).run(6_000);
    const used = flowEvents(first).find((e) => e.state === 'ok')?.path[0] as string;
    const t = new TestLab(lab()).fail(used, 8_000).run(9_000);
    const after = flowEvents(t).filter((e) => e.t >= 8_000);
    expect(after[0]?.state).toBe('ok');
    expect(after[0]?.path[0]).toBe(used === 'b1' ? 'b2' : 'b1');
    expect(after.some((e) => e.state === 'lost')).toBe(false);
  });

  it('losing the only path makes the flow lost after a few datagrams, and ok again when it returns', () => {
    const t = new TestLab(lab()).fail('core', 8_000).restore('core', 12_000).run(14_000);
    const states = flowEvents(t).map((e) => [e.state, e.t >= 12_000]);
    expect(states).toContainEqual(['lost', false]);
    expect(states.at(-1)).toEqual(['ok', true]);
  });

  it('queues at most ARP_QUEUE datagrams while the peer does not answer', () => {
    expect(ARP_QUEUE).toBe(3);
    const doc = lab();
    doc.devices[1] = { ...doc.devices[1], ip: '10.0.0.2/24', ports: [{ id: 'eth1' }] } as Topology['devices'][number];
    const t = new TestLab({ ...doc, links: doc.links.filter((l) => l.id !== 'e2') }).run(8_000);
    expect(flowEvents(t).map((e) => e.state)).toEqual(['lost']);
  });
});
