/**
 * Layer 3 in the running lab: hosts and their gateway, a router and an upstream, an L3 switch.
 * Each rule names its RFC: 826 (ARP), 791 / 1812 (TTL, forwarding), 792 (echo), 1122 (gateway).
 */
import { describe, expect, it } from 'vitest';
import type { ArpEvent, FlowEvent } from '../../../../src/engine';
import { msToUs } from '../../../../src/engine';
import { decodeArpFrame, gratuitousArpFrame } from '../../../../src/engine/codecs/arp';
import { decodeIcmpFrame, ICMP_TIME_EXCEEDED } from '../../../../src/engine/codecs/icmp';
import { decodeIpv4Frame } from '../../../../src/engine/codecs/ipv4';
import { ARP_VALID_US } from '../../../../src/engine/host/hostStack';
import type { Topology } from '../../../../src/model';
import { TestLab } from '../../../helpers/testLab';
import { routedLab } from './labs';

interface Seen {
  link: string;
  from: string;
  t: number;
  frame: Uint8Array;
}

/** A lab that also records every frame put on a link. */
function capture(doc: Topology): { t: TestLab; frames: Seen[] } {
  const t = new TestLab(doc);
  const frames: Seen[] = [];
  t.sim.onFrame((link, from, us, frame) => frames.push({ link: link.id, from: from.device.id, t: us / 1000, frame }));
  return { t, frames };
}

const flows = (t: TestLab, id: string) => t.events.filter((e): e is FlowEvent => e.type === 'flow' && e.flow === id);
const etherType = (f: Uint8Array) => ((f[12] ?? 0) << 8) | (f[13] ?? 0);
const arpsOn = (frames: Seen[], link: string, from: string) => frames.filter((s) => s.link === link && s.from === from && etherType(s.frame) === 0x0806).map((s) => ({ t: s.t, arp: decodeArpFrame(s.frame).arp }));

describe('when a host sends off its subnet (RFC 1122 §3.3.1)', () => {
  it('sends to its gateway, which routes to the upstream: the flow crosses a1, up and wan', () => {
    const t = new TestLab(routedLab()).run(2_000);
    expect(flows(t, 'f-net')[0]).toMatchObject({ state: 'ok', to: 'net', path: ['a1', 'up', 'wan'] });
  });

  it('without a gateway the host reaches only its own subnet', () => {
    const doc = routedLab({ gateway: null, flows: [{ id: 'f-net', from: 'h1', to: 'net', startMs: 1000 }, { id: 'f-h2', from: 'h1', to: 'h2', startMs: 1000 }, { id: 'f-h3', from: 'h1', to: 'h3', startMs: 1000 }] });
    const t = new TestLab(doc).run(5_000);
    expect(flows(t, 'f-net').map((e) => e.state)).toEqual(['lost']);
    expect(flows(t, 'f-h3').map((e) => e.state)).toEqual(['lost']);
    expect(flows(t, 'f-h2')[0]).toMatchObject({ state: 'ok', path: ['a1', 'a2'] });
  });

  it('with a wrong gateway (an address nobody has) the host asks ARP in vain and reaches only its own subnet', () => {
    const doc = routedLab({ gateway: '10.0.0.99', flows: [{ id: 'f-net', from: 'h1', to: 'net', startMs: 1000 }, { id: 'f-h2', from: 'h1', to: 'h2', startMs: 1000 }] });
    const { t, frames } = capture(doc);
    t.run(5_000);
    expect(flows(t, 'f-net').map((e) => e.state)).toEqual(['lost']);
    expect(flows(t, 'f-h2')[0]?.state).toBe('ok');
    const asked = arpsOn(frames, 'a1', 'h1').filter((a) => a.arp.targetIp === '10.0.0.99');
    expect(asked.map((a) => Math.round(a.t))).toEqual([1000, 2000, 3000, 4000, 5000]);
  });
});

describe('when a router forwards (RFC 791 §3.2 TTL, RFC 1812 §5.2–5.3)', () => {
  it('decrements the TTL by one and puts its own MAC as source, the next hop as destination', () => {
    const { t, frames } = capture(routedLab());
    t.run(1_200);
    const datagram = (link: string) => frames.find((s) => s.link === link && etherType(s.frame) === 0x0800);
    const lan = decodeIpv4Frame(datagram('up')?.frame ?? new Uint8Array());
    const wan = decodeIpv4Frame(datagram('wan')?.frame ?? new Uint8Array());
    expect(lan.ip.ttl).toBe(64);
    expect(wan.ip.ttl).toBe(63);
    expect(wan.src).toBe(t.sim.network.port('r1', 'eth2').mac);
    expect(wan.dst).toBe(t.sim.network.port('net', 'eth1').mac);
    expect(lan.dst).toBe(t.sim.network.port('r1', 'eth1').mac);
  });

  it('a routing loop ends when the TTL runs out: the router discards the packet and sends ICMP Time Exceeded to the source', () => {
    const doc = routedLab({ flows: [] });
    const net = doc.devices.find((d) => d.id === 'net');
    if (net) net.routes = [{ to: '10.0.0.0/8', via: '192.0.2.1' }, { to: '203.0.113.0/24', via: '192.0.2.1' }];
    const { t, frames } = capture(doc);
    t.sim.scheduler.at(msToUs(1_000), () => t.sim.hostStack('h1')?.sendEcho('203.0.113.5', { id: 1, seq: 1, data: new Uint8Array(8) }));
    t.run(2_000);
    const looped = frames.filter((s) => s.link === 'wan' && etherType(s.frame) === 0x0800 && decodeIpv4Frame(s.frame).ip.dst === '203.0.113.5');
    expect(looped.map((s) => decodeIpv4Frame(s.frame).ip.ttl)).toEqual(Array.from({ length: 63 }, (_, i) => 63 - i));
    const back = frames.find((s) => s.link === 'a1' && s.from === 'sw1' && etherType(s.frame) === 0x0800 && decodeIpv4Frame(s.frame).ip.protocol === 1);
    const icmp = decodeIcmpFrame(back?.frame ?? new Uint8Array());
    expect(icmp.icmp.type).toBe(ICMP_TIME_EXCEEDED);
    expect(icmp.ip.dst).toBe('10.0.0.10');
  });
});

describe('when a host pings (RFC 792 Echo)', () => {
  function ping(doc: Topology, dst: string): { replies: string[] } {
    const t = new TestLab(doc);
    const replies: string[] = [];
    t.sim.scheduler.at(msToUs(1_000), () => {
      const h1 = t.sim.hostStack('h1');
      if (!h1) return;
      h1.probeListener = { arpFrom: () => {}, echoReply: (src, id, seq) => replies.push(`${src} ${id} ${seq}`) };
      h1.sendEcho(dst, { id: 77, seq: 5, data: new Uint8Array(56) });
    });
    t.run(2_000);
    return { replies };
  }

  it('the upstream answers for its internet address, with the same identifier and sequence', () => {
    expect(ping(routedLab({ flows: [] }), '198.51.100.1').replies).toEqual(['198.51.100.1 77 5']);
  });

  it('the router answers for its own addresses, even the one on another interface (RFC 1122 weak host)', () => {
    expect(ping(routedLab({ flows: [] }), '10.0.0.1').replies).toEqual(['10.0.0.1 77 5']);
    expect(ping(routedLab({ flows: [] }), '192.0.2.1').replies).toEqual(['192.0.2.1 77 5']);
  });

  it('a host in another subnet answers, through the router both ways', () => {
    expect(ping(routedLab({ flows: [] }), '10.1.0.10').replies).toEqual(['10.1.0.10 77 5']);
  });

  it('nothing answers for an address nobody has', () => {
    expect(ping(routedLab({ flows: [] }), '10.0.0.200').replies).toEqual([]);
  });
});

describe('when a router resolves and answers ARP (RFC 826)', () => {
  it('answers a request for its interface address with that interface MAC, unicast to the asker', () => {
    const { t, frames } = capture(routedLab());
    t.run(1_100);
    const reply = arpsOn(frames, 'up', 'r1').find((a) => a.arp.op === 2);
    expect(reply?.arp).toMatchObject({ senderIp: '10.0.0.1', senderMac: t.sim.network.port('r1', 'eth1').mac, targetIp: '10.0.0.10' });
  });

  it('learns a sender only from a packet for it: a request between two hosts adds nothing to its cache', () => {
    const t = new TestLab(routedLab({ flows: [{ id: 'f', from: 'h2', to: 'h1', startMs: 1000 }] })).run(2_000);
    expect(t.events.filter((e) => e.type === 'arp' && e.device === 'r1')).toEqual([]);
    expect(t.sim.ipStack('r1')?.neighbours.entries().size).toBe(0);
  });

  it('a gratuitous ARP updates a known entry but creates none (Linux arp_accept=0), in routers and hosts alike', () => {
    const t = new TestLab(routedLab({ flows: [{ id: 'f', from: 'h1', to: 'h2', startMs: 1000 }, { id: 'g', from: 'h1', to: 'net', startMs: 1000 }] }));
    t.sim.scheduler.at(msToUs(3_000), () => {
      // From h2's port: h2 "moves" its own address to a new MAC, and announces h1's address too.
      const port = t.sim.network.port('h2', 'eth1');
      t.sim.network.send(port, gratuitousArpFrame('02:aa:bb:cc:dd:ee', '10.0.0.20'));
      t.sim.network.send(port, gratuitousArpFrame('02:aa:bb:cc:dd:ee', '10.0.0.10'));
    });
    t.run(3_100);
    const garps = t.events.filter((e): e is ArpEvent => e.type === 'arp' && e.gratuitous);
    // h1 knew h2 (its flow) and r1 knew h1 (the flow to the upstream): both entries move; nobody learns anew.
    expect(garps.map((e) => `${e.device} ${e.ip} ${e.mac}`).sort()).toEqual(['h1 10.0.0.20 02:aa:bb:cc:dd:ee', 'r1 10.0.0.10 02:aa:bb:cc:dd:ee']);
    expect(t.sim.ipStack('r1')?.neighbours.entries().has('10.0.0.20')).toBe(false);
  });

  it('entries time out: after ARP_VALID_US without an ARP from the neighbour, the router asks again', () => {
    const { t, frames } = capture(routedLab());
    t.run(130_000);
    const asked = arpsOn(frames, 'wan', 'r1').filter((a) => a.arp.op === 1 && a.arp.targetIp === '192.0.2.2').map((a) => Math.round(a.t));
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect((asked[1] ?? 0) - (asked[0] ?? 0)).toBeGreaterThan(ARP_VALID_US / 1000);
    expect(flows(t, 'f-net').map((e) => e.state)).toEqual(['ok']);
  });
});

describe('when a switch has an SVI (an L3 switch)', () => {
  function l3SwitchLab(): Topology {
    return {
      version: 1,
      devices: [
        { id: 'h1', type: 'host', ip: '10.0.0.10/24', gateway: '10.0.0.1', ports: [{ id: 'eth1' }] },
        { id: 'acc', type: 'switch', ports: [{ id: 'eth1' }, { id: 'eth2' }] },
        { id: 'core', type: 'switch', ip: '10.0.0.1/24', routes: [{ to: '0.0.0.0/0', via: '192.0.2.2' }], ports: [{ id: 'eth1' }, { id: 'eth9', ip: '192.0.2.1/30' }] },
        { id: 'net', type: 'upstream', ip: '198.51.100.1/32', ports: [{ id: 'eth1', ip: '192.0.2.2/30' }], routes: [{ to: '10.0.0.0/24', via: '192.0.2.1' }] },
      ],
      links: [
        { id: 'a1', a: { device: 'h1', port: 'eth1' }, b: { device: 'acc', port: 'eth1' } },
        { id: 'uplink', a: { device: 'acc', port: 'eth2' }, b: { device: 'core', port: 'eth1' } },
        { id: 'wan', a: { device: 'core', port: 'eth9' }, b: { device: 'net', port: 'eth1' } },
      ],
      flows: [{ id: 'f-net', from: 'h1', to: 'net', startMs: 1000 }],
    };
  }

  it('routes between the SVI subnet and a routed port: the host reaches the upstream through it', () => {
    const t = new TestLab(l3SwitchLab()).run(2_000);
    expect(flows(t, 'f-net')[0]).toMatchObject({ state: 'ok', path: ['a1', 'uplink', 'wan'] });
    expect(t.events.find((e) => e.type === 'arp' && e.device === 'h1')).toMatchObject({ ip: '10.0.0.1', mac: t.sim.topology.devices.find((d) => d.id === 'core')?.mac });
  });

  it('the routed port is not a bridge port: a broadcast on the SVI never leaves through it', () => {
    const { t, frames } = capture(l3SwitchLab());
    t.run(2_000);
    expect(frames.filter((s) => s.link === 'wan' && s.from === 'core' && s.frame[0] === 0xff && decodeArpFrame(s.frame).arp.targetIp === '10.0.0.1')).toEqual([]);
  });
});
