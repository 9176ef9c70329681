/**
 * examples/n-minus-1.json holds to its story: two 6.06 Mb/s streams (500 datagrams/s of 1,514-byte
 * frames: 1,472 B of UDP payload + 8 UDP + 20 IPv4 + 14 Ethernet) leave the backup server on an
 * 802.3ad bond of two 10 Mb/s NICs, one stream per NIC by the layer3+4 hash (bonding.rst,
 * xmit_hash_policy). Each NIC runs at 60.6 %; when s1a fails at 20 s the bond moves its stream to
 * the other NIC, which is then offered 121.1 % of its line rate and drops what does not fit — the
 * N-1 table predicts exactly that figure before anything fails, and the lesson's check fails until
 * the bundle is sized.
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent, TrafficEvent } from '../../../src/engine';
import { analyzeTopology } from '../../../src/engine';
import { checkNMinus1 } from '../../../src/lessons/capacityCheck';
import type { LessonLive } from '../../../src/lessons/types';
import type { Topology } from '../../../src/model';
import { TestLab, example } from '../../helpers/testLab';

const FRAME = 1472 + 8 + 20 + 14;
const ONE_STREAM = 500 * FRAME;

/** Each link's last traffic event at or before `atMs`. */
function trafficAt(events: readonly SimEvent[], atMs: number): Record<string, TrafficEvent> {
  const last: Record<string, TrafficEvent> = {};
  for (const e of events) if (e.type === 'traffic' && e.t <= atMs) last[e.link] = e;
  return last;
}

const live = (traffic: Record<string, TrafficEvent>): LessonLive => ({ links: {}, lags: {}, stp: {}, bonds: {}, flows: {}, vrrp: {}, outages: {}, traffic });
const utilisation = (e: TrafficEvent | undefined, mbps: number) => (e ? (Math.max(e.bytesAB, e.bytesBA) * 8 * 100) / (mbps * 1e6) : 0);

describe('n-minus-1: redundant paths are not redundant capacity', () => {
  const t = new TestLab(example('n-minus-1')).run(30_000);

  it('before the failure each 10 Mb/s NIC carries one stream: 60.6 % each', () => {
    const at = trafficAt(t.events, 19_000);
    expect(at.s1a?.bytesAB).toBe(ONE_STREAM);
    expect(at.s1b?.bytesAB).toBe(ONE_STREAM);
    expect(utilisation(at.s1a, 10)).toBeCloseTo(60.56, 2);
  });

  it('after s1a fails the surviving NIC is offered both streams, 121.1 % of its line rate: it carries its line rate and its transmit buffer drops the rest (txQueue.ts)', () => {
    const s1b = trafficAt(t.events, 29_000).s1b;
    const offered = (s1b?.bytesAB ?? 0) + (s1b?.dropBytesAB ?? 0);
    expect(offered).toBe(2 * ONE_STREAM);
    // Carried: the line rate, counting each frame's 24 bytes of preamble, FCS and gap on the wire.
    const carriedOnWire = ((s1b?.framesAB ?? 0) * (FRAME + 24) * 8) / 1e6;
    expect(carriedOnWire).toBeGreaterThan(9.9);
    // (A second's count can exceed 10 Mb/s by what the 64 KiB buffer holds across its edges.)
    expect(carriedOnWire).toBeLessThan(10 + (64 * 1024 * 8) / 1e6);
    // 1,000 datagrams/s offered, about 1 - 10 / 12.3 (on the wire) = 18.7 % dropped.
    expect((s1b?.dropsAB ?? 0) + (s1b?.framesAB ?? 0)).toBe(1000);
    expect(s1b?.dropsAB).toBeGreaterThan(180);
    expect(s1b?.dropsAB).toBeLessThan(195);
    expect(trafficAt(t.events, 19_000).s1b?.dropsAB, 'nothing dropped before the failure').toBeUndefined();
  });

  it('the N-1 table predicts the same 121.12 % for each NIC before anything fails, and names no single point of failure', () => {
    const report = analyzeTopology(example('n-minus-1'));
    expect(report.spofs).toEqual([]);
    const row = (id: string) => report.capacity.rows.find((r) => r.id === id);
    expect(row('s1a')).toMatchObject({ capacityMbps: 10, nowPct: 60.56, worstPct: 121.12, isOver: true });
    expect(row('s1b')).toMatchObject({ capacityMbps: 10, nowPct: 60.56, worstPct: 121.12, isOver: true });
    expect(report.capacity.warnings).toHaveLength(2);
  });

  it('the lesson check: the bond fails N-1 (12.1 Mb/s on 10 Mb/s left), before and during the failure', () => {
    const doc = example('n-minus-1') as Topology;
    expect(checkNMinus1(doc, live(trafficAt(t.events, 19_000)))).toEqual({ met: false, detail: 'n1Over', values: { bundle: 'srv1:bond0', load: 12.1, left: 10 } });
    expect(checkNMinus1(doc, live(trafficAt(t.events, 29_000)))).toMatchObject({ met: false, detail: 'n1Over', values: { bundle: 'srv1:bond0' } });
  });

  it('the lesson check passes once the NICs are 100 Mb/s, and a real run then stays under 100 % after the failure', () => {
    const doc = structuredClone(example('n-minus-1')) as Topology;
    const srv1 = doc.devices.find((d) => d.id === 'srv1');
    if (!srv1) throw new Error('no srv1');
    srv1.ports = srv1.ports.map((p) => ({ ...p, speedMbps: 100 }));
    const solved = new TestLab(doc).run(30_000);
    expect(checkNMinus1(doc, live(trafficAt(solved.events, 19_000)))).toEqual({ met: true, detail: 'met' });
    expect(utilisation(trafficAt(solved.events, 29_000).s1b, 100)).toBeCloseTo(12.11, 2);
  });

  it('the lesson check waits for traffic, and ignores one-member bundles', () => {
    const doc = example('n-minus-1') as Topology;
    expect(checkNMinus1(doc, live({}))).toEqual({ met: false, detail: 'noBundleTraffic' });
  });
});

describe('a heavier overload (two 9 Mb/s streams: 90 % per NIC, 179 % on the survivor)', () => {
  const doc = structuredClone(example('n-minus-1')) as Topology;
  for (const f of doc.flows ?? []) f.pps = 740;
  const t = new TestLab(doc).run(35_000);

  it('drops almost half of what the survivor is offered, yet no flow flaps to lost: congestion drops are not a broken path (flowTracker.ts)', () => {
    const s1b = trafficAt(t.events, 29_000).s1b;
    const dropped = (s1b?.dropsAB ?? 0) / ((s1b?.dropsAB ?? 0) + (s1b?.framesAB ?? 0));
    expect(dropped).toBeGreaterThan(0.42);
    expect(dropped).toBeLessThan(0.46);
    const flowEvents = t.events.filter((e) => e.type === 'flow');
    expect(flowEvents.map((e) => (e.type === 'flow' ? `${e.flow} ${e.state}` : ''))).toEqual(['backup1 ok', 'backup2 ok', 'backup1 ok']);
  });

  it('the SPoF finder names no single point of failure; the N-1 table warns at 179.31 %', () => {
    const report = analyzeTopology(doc);
    expect(report.spofs).toEqual([]);
    expect(report.capacity.rows.find((r) => r.id === 's1b')?.worstPct).toBe(179.31);
  });
});
