/**
 * Probes and congestion: a probe (or its answer) that a full transmit buffer drops is congestion,
 * not an outage (prober.ts). An outage means the path is broken — a black hole until a protocol
 * heals it — and congestion drops only a share of the frames (txQueue.ts), so counting it would
 * report a flurry of one-probe "outages" on every overloaded link.
 */
import { describe, expect, it } from 'vitest';
import { encodeArpFrame } from '../../../../src/engine/codecs/arp';
import { PING_DATA, encodeIcmpEchoFrame } from '../../../../src/engine/codecs/icmp';
import { encodeUdpFrame } from '../../../../src/engine/codecs/ipv4';
import type { SimEvent } from '../../../../src/engine/events';
import type { ProbeContext } from '../../../../src/engine/probe/prober';
import { PING_ID, TargetProbe } from '../../../../src/engine/probe/prober';
import { Scheduler } from '../../../../src/engine/scheduler';
import { probeOf } from '../../../../src/engine/probe/probeFrames';
import type { Topology } from '../../../../src/model';
import { TestLab, example } from '../../../helpers/testLab';

const MAC_A = '02:00:00:00:00:0a';
const MAC_B = '02:00:00:00:00:0b';

describe('which dropped frames are probes', () => {
  it('an arping request from a host and the reply to it, a ping Echo from a host and the Echo Reply to it (the lab\u2019s identifier)', () => {
    expect(probeOf(encodeArpFrame(MAC_A, 'ff:ff:ff:ff:ff:ff', { op: 1, senderMac: MAC_A, senderIp: '10.0.0.11', targetMac: '00:00:00:00:00:00', targetIp: '10.0.0.1' }))).toEqual({ hostIp: '10.0.0.11', target: 'gateway', ip: '10.0.0.1' });
    expect(probeOf(encodeArpFrame(MAC_B, MAC_A, { op: 2, senderMac: MAC_B, senderIp: '10.0.0.1', targetMac: MAC_A, targetIp: '10.0.0.11' }))).toEqual({ hostIp: '10.0.0.11', target: 'gateway', ip: '10.0.0.1' });
    const echo = (type: 0 | 8, src: string, dst: string, id = PING_ID) => encodeIcmpEchoFrame(MAC_A, MAC_B, { src, dst, id: 1 }, { type, id, seq: 7, data: PING_DATA });
    expect(probeOf(echo(8, '10.0.0.11', '198.51.100.1'))).toEqual({ hostIp: '10.0.0.11', target: 'upstream', ip: '198.51.100.1' });
    expect(probeOf(echo(0, '198.51.100.1', '10.0.0.11'))).toEqual({ hostIp: '10.0.0.11', target: 'upstream', ip: '198.51.100.1' });
    expect(probeOf(echo(8, '10.0.0.11', '198.51.100.1', 0x1234)), 'another identifier is not the lab\u2019s ping').toBeNull();
    expect(probeOf(encodeUdpFrame(MAC_A, MAC_B, { src: '10.0.0.11', dst: '198.51.100.1' }, { srcPort: 40000, dstPort: 9000 }, 1000))).toBeNull();
    expect(probeOf(new Uint8Array([1, 2, 3])), 'a runt does not throw').toBeNull();
  });
});

describe('when a probe or its answer is dropped by a full buffer', () => {
  /** A gateway probe every 100 ms, its events collected. */
  function probe() {
    const events: SimEvent[] = [];
    const ctx: ProbeContext = { scheduler: new Scheduler(), emit: (e) => events.push(e), intervalUs: 100_000, explain: () => ({}) };
    return { p: new TargetProbe('srv1', 'gateway', '10.0.0.1', ctx), events };
  }

  it('an unanswered probe is lost and, once answered again, the outage is reported', () => {
    const { p, events } = probe();
    p.due(0);
    p.answered();
    p.due(100_000);
    p.due(200_000); // the probe sent at 100 ms was not answered
    p.answered();
    expect(events.map((e) => (e.type === 'probe' ? `probe ${e.state}` : e.type === 'outage' ? `outage ${e.lostProbes}` : e.type))).toEqual(['probe ok', 'probe lost', 'outage 1', 'probe ok']);
  });

  it('a congested probe counts neither way: no lost probe, no outage (prober.ts)', () => {
    const { p, events } = probe();
    p.due(0);
    p.answered();
    p.due(100_000);
    p.congested(); // its request or reply met a full transmit buffer
    p.due(200_000);
    p.answered();
    expect(events.map((e) => (e.type === 'probe' ? `probe ${e.state}` : e.type))).toEqual(['probe ok']);
  });
});

describe('when a host\u2019s only uplink is offered 123 % (a 10 Mb/s NIC, one 1,000 × 1,472-byte flow a second)', () => {
  const doc = structuredClone(example('single-gateway')) as Topology;
  delete doc.scenario;
  const srv1 = doc.devices.find((d) => d.id === 'srv1');
  if (srv1) srv1.ports = [{ id: 'eth1', speedMbps: 10 }];
  doc.flows = [{ id: 'bulk', from: 'srv1', to: 'internet', pps: 1000, sizeBytes: 1472, startMs: 4000 }];
  const t = new TestLab(doc).run(30_000);

  it('the NIC drops about a fifth of the flow, yet srv1 measures no outage and the flow stays ok', () => {
    const drops = t.events.reduce((n, e) => n + (e.type === 'traffic' && e.link === 's1' ? (e.dropsAB ?? 0) : 0), 0);
    expect(drops).toBeGreaterThan(4000);
    expect(t.events.filter((e) => e.type === 'outage')).toEqual([]);
    expect(t.events.filter((e) => e.type === 'probe' && e.state === 'lost')).toEqual([]);
    expect(t.events.filter((e) => e.type === 'flow').map((e) => (e.type === 'flow' ? e.state : ''))).toEqual(['ok']);
  });
});
