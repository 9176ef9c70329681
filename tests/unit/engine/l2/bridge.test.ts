import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../src/engine';
import { encodeEthernet, parseMac } from '../../../../src/engine/codecs';
import { frameHash } from '../../../../src/engine/l2/hash';
import { AGEING_TIME_US, MacTable, macKeyAt } from '../../../../src/engine/l2/macTable';
import type { Topology } from '../../../../src/model';

/** h1, h2, h3 on sw1 (eth1..eth3); h4 behind sw2, joined to sw1 by a 2-link LAG. */
function lab(): Topology {
  const host = (id: string) => ({ id, type: 'host' as const, ports: [{ id: 'eth1' }] });
  return {
    version: 1,
    devices: [
      { id: 'sw1', type: 'switch', ports: ['eth1', 'eth2', 'eth3', 'eth4', 'eth5'].map((id) => ({ id })) },
      { id: 'sw2', type: 'switch', ports: ['eth1', 'eth2', 'eth3'].map((id) => ({ id })) },
      host('h1'),
      host('h2'),
      host('h3'),
      host('h4'),
    ],
    links: [
      { id: 'a1', a: { device: 'h1', port: 'eth1' }, b: { device: 'sw1', port: 'eth1' } },
      { id: 'a2', a: { device: 'h2', port: 'eth1' }, b: { device: 'sw1', port: 'eth2' } },
      { id: 'a3', a: { device: 'h3', port: 'eth1' }, b: { device: 'sw1', port: 'eth3' } },
      { id: 'u1', a: { device: 'sw1', port: 'eth4' }, b: { device: 'sw2', port: 'eth1' } },
      { id: 'u2', a: { device: 'sw1', port: 'eth5' }, b: { device: 'sw2', port: 'eth2' } },
      { id: 'a4', a: { device: 'h4', port: 'eth1' }, b: { device: 'sw2', port: 'eth3' } },
    ],
    lags: [
      { id: 'po1', device: 'sw1', members: ['eth4', 'eth5'], mode: 'active', rate: 'fast' },
      { id: 'po1', device: 'sw2', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' },
    ],
  };
}

function frame(src: string, dst: string, etherType = 0x88b5): Uint8Array {
  return encodeEthernet({ src, dst, etherType }, new Uint8Array(46));
}

/** Runs the lab until the LAG is up, then records which links carry data frames. */
function running() {
  const sim = new Simulation(lab(), { events: [] });
  const carried: string[] = [];
  sim.onFrame((link, _from, _t, bytes) => {
    if (bytes[12] !== 0x88 || bytes[13] !== 0x09) carried.push(link.id);
  });
  sim.runUntil(5_000);
  const mac = (id: string) => sim.topology.devices.find((d) => d.id === id)?.mac ?? '';
  const send = (host: string, bytes: Uint8Array) => {
    sim.network.send(sim.network.port(host, 'eth1'), bytes);
    sim.runUntil(sim.nowMs + 1);
  };
  return { sim, carried, mac, send };
}

describe('when a switch relays frames (802.1D-2004 §7)', () => {
  it('floods an unknown unicast to every other port, once per LAG, never back where it came from', () => {
    const { carried, mac, send } = running();
    send('h1', frame(mac('h1'), mac('h2')));
    const first = carried.splice(0);
    expect(first.filter((l) => l === 'a1')).toHaveLength(1);
    expect(first).toEqual(expect.arrayContaining(['a2', 'a3', 'a4']));
    expect(first.filter((l) => l === 'u1' || l === 'u2')).toHaveLength(1);
  });

  it('learns the source port and then forwards known unicast only to it', () => {
    const { carried, mac, send } = running();
    send('h1', frame(mac('h1'), mac('h2')));
    send('h2', frame(mac('h2'), mac('h1')));
    carried.splice(0);
    send('h1', frame(mac('h1'), mac('h2')));
    expect(carried).toEqual(['a1', 'a2']);
  });

  it('a MAC behind a LAG is learned on the LAG (one logical port), whichever member it came in on', () => {
    const { sim, mac, send } = running();
    send('h4', frame(mac('h4'), 'ff:ff:ff:ff:ff:ff'));
    const entry = sim.bridge('sw1')?.macs.dump().find(([m]) => m === macKeyAt(parseMac(mac('h4')), 0));
    expect(entry?.[1]).toBe('l:po1');
  });

  it('never relays reserved 01-80-C2-00-00-0x group frames (802.1D-2004 §7.12.6)', () => {
    const { carried, mac, send } = running();
    send('h1', frame(mac('h1'), '01:80:c2:00:00:0e', 0x88cc));
    expect(carried).toEqual(['a1']);
  });

  it('a LAG member failure moves the frames to the remaining member at once', () => {
    const { sim, carried, mac, send } = running();
    send('h4', frame(mac('h4'), mac('h1')));
    send('h1', frame(mac('h1'), mac('h4')));
    const used = carried.filter((l) => l === 'u1' || l === 'u2').at(-1) as string;
    sim.scheduleFault(sim.nowMs, 'fail', used);
    sim.runUntil(sim.nowMs);
    carried.splice(0);
    send('h1', frame(mac('h1'), mac('h4')));
    expect(carried).toEqual(['a1', used === 'u1' ? 'u2' : 'u1', 'a4']);
  });
});

describe('when entries age (802.1D-2004 §7.9.2 Ageing Time 300 s)', () => {
  it('an entry is forgotten after Ageing Time without traffic from that MAC, and moves when seen elsewhere', () => {
    const t = new MacTable();
    expect(t.learn(1, 'p:eth1', 0)).toBeUndefined();
    expect(t.learn(1, 'p:eth2', 10)).toBe('p:eth1');
    expect(t.lookup(1, AGEING_TIME_US)).toBe('p:eth2');
    expect(t.lookup(1, AGEING_TIME_US + 11)).toBeUndefined();
  });
});

describe('when a frame is hashed onto a LAG member (Linux xmit_hash_policy)', () => {
  it('layer2 is srcMAC[5] ⊕ dstMAC[5] ⊕ EtherType', () => {
    const f = frame('02:00:00:00:00:05', '02:00:00:00:00:0c', 0x0800);
    expect(frameHash(f, 'layer2')).toBe((0x05 ^ 0x0c ^ 0x0800) >>> 0);
  });
});
