import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../../src/engine';
import { runToEvents } from '../../../../src/engine';
import { bpduTimeToMs, decodeBpduFrame, decodeLlcFrame } from '../../../../src/engine/codecs';
import { HOLD_TIME, MIGRATE_TIME, TRANSMIT_HOLD_COUNT, bpduFlagNames } from '../../../../src/engine/stp';
import type { Mode } from './stpLab';
import { StpLab, link, sw, triangle } from './stpLab';

function isBpduFrame(bytes: Uint8Array): boolean {
  return bytes[0] === 0x01 && bytes[1] === 0x80 && bytes[2] === 0xc2 && bytes[3] === 0 && bytes[4] === 0 && bytes[5] === 0;
}

describe.each<Mode>(['rstp', 'stp'])('when %s puts BPDUs on the wire (802.1D-2004 9.3, 7.12)', (mode) => {
  it('every bpdu event matches the bytes of its frame: LLC 42 42 03 to 01-80-C2-00-00-00 from the port MAC', () => {
    const lab = new StpLab(triangle(mode));
    const frames = new Map<string, Uint8Array>();
    const counts = new Map<string, number>();
    lab.sim.onFrame((l, _from, _t, bytes) => {
      const n = (counts.get(l.id) ?? 0) + 1;
      counts.set(l.id, n);
      frames.set(`${l.id}#${n}`, bytes);
    });
    lab.run(3 * lab.timers().forwardDelayMs);
    const bpdus = lab.bpdus();
    expect(bpdus.length).toBeGreaterThan(20);
    for (const e of bpdus) {
      const bytes = frames.get(`${e.link}#${e.frame}`);
      if (!bytes) throw new Error(`frame ${e.link}#${e.frame} not seen`);
      expect(bytes.length).toBe(60);
      const llc = decodeLlcFrame(bytes);
      expect([llc.dsap, llc.ssap, llc.control]).toEqual([0x42, 0x42, 0x03]);
      const { dst, src, bpdu } = decodeBpduFrame(bytes);
      expect(dst).toBe('01:80:c2:00:00:00');
      expect(src).toBe(lab.sim.network.port(e.from.device, e.from.port).mac);
      expect(bpdu.kind).toBe(e.kind);
      expect(bpduFlagNames(bpdu)).toEqual(e.flags);
      if (bpdu.kind === 'tcn') continue;
      expect(`${bpdu.rootId.priority},${bpdu.rootId.mac}`).toBe(e.root);
      expect(`${bpdu.bridgeId.priority},${bpdu.bridgeId.mac}`).toBe(e.bridge);
      expect(bpdu.rootPathCost).toBe(e.cost);
      expect(bpdu.portId.raw).toBe(e.port);
      expect(bpduTimeToMs(bpdu.messageAge) / 1000).toBe(e.messageAge);
      expect(bpdu.version).toBe(mode === 'rstp' ? 2 : 0);
      // Hello 2 s = 0x0200, Max Age 20 s = 0x1400, Forward Delay 15 s = 0x0F00 (1/256 s units, 9.2.8).
      expect([bpdu.helloTime, bpdu.maxAge, bpdu.forwardDelay]).toEqual([0x0200, 0x1400, 0x0f00]);
    }
  });

  it('the root sends a BPDU on each designated port every Hello Time', () => {
    const lab = new StpLab(triangle(mode));
    const { helloMs, forwardDelayMs, maxAgeMs } = lab.timers();
    const from = 2 * forwardDelayMs + maxAgeMs + forwardDelayMs;
    lab.run(from + 10 * helloMs);
    const times = lab.bpdus({ device: 'sw1', port: 'eth1' }).filter((b) => b.t >= from).map((b) => b.t);
    expect(times.length).toBe(10);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBe(helloMs);
  });
});

describe('when spanning tree is off on a loop', () => {
  it('no BPDU is ever on the wire and nothing is blocked: one broadcast circulates for ever', () => {
    const lab = new StpLab(triangle('off', { hosts: true }));
    let bpdus = 0;
    let onL23 = 0;
    lab.sim.onFrame((l, _from, _t, bytes) => {
      if (isBpduFrame(bytes)) bpdus++;
      else if (l.id === 'l23') onL23++;
    });
    lab.run(60_000);
    expect(bpdus).toBe(0);
    expect(lab.stp()).toEqual([]);
    expect(lab.sim.spanningTree('sw1')).toBeUndefined();
    lab.sendFrom('h1');
    lab.run(lab.sim.nowMs + 100);
    // A broadcast storm: the copies go round the triangle in both directions for as long as the
    // loop lasts, at the switches' storm bound (l2/bridge.ts STORM_FRAMES_PER_MS).
    expect(onL23).toBeGreaterThan(100);
  });

  it('with RSTP on the same loop, that broadcast crosses each link at most once', () => {
    const lab = new StpLab(triangle('rstp', { hosts: true }));
    lab.run(1_000);
    const perLink = new Map<string, number>();
    lab.sim.onFrame((l, _from, _t, bytes) => {
      if (!isBpduFrame(bytes)) perLink.set(l.id, (perLink.get(l.id) ?? 0) + 1);
    });
    lab.sendFrom('h1');
    lab.run(lab.sim.nowMs + 5);
    for (const n of perLink.values()) expect(n).toBe(1);
    expect([...perLink.keys()].sort()).toEqual(['a1', 'a2', 'a3', 'l12', 'l13', 'l23']);
  });
});

describe('when an RSTP port meets a legacy STP bridge (802.1D-2004 17.24 Port Protocol Migration)', () => {
  it('it ignores STP BPDUs for Migrate Time, then falls back to Configuration BPDUs and to timers', () => {
    const doc = {
      version: 1 as const,
      devices: [sw('sw1', 'rstp', ['eth1'], { priority: 4096 }), sw('sw2', 'stp', ['eth1'])],
      links: [link('l', 'sw1:eth1', 'sw2:eth1')],
    };
    const lab = new StpLab(doc);
    const { forwardDelayMs } = lab.timers();
    lab.run(3 * forwardDelayMs);
    const fromRstp = lab.bpdus({ device: 'sw1' });
    const firstHeard = lab.bpdus({ device: 'sw2' }).find((b) => b.arrive >= MIGRATE_TIME / 1000);
    const switchedAt = fromRstp.find((b) => b.kind === 'config')?.t ?? NaN;
    expect(fromRstp.filter((b) => b.t < MIGRATE_TIME / 1000).every((b) => b.kind === 'rst')).toBe(true);
    expect(switchedAt).toBeGreaterThan(firstHeard?.arrive ?? Infinity);
    expect(fromRstp.filter((b) => b.t >= switchedAt).every((b) => b.kind === 'config')).toBe(true);
    // No agreement from a legacy bridge: Forward Delay twice (and sw2's Listening/Learning too).
    expect(lab.first('sw1', 'eth1', (e) => e.state === 'forwarding')?.t).toBe(2 * forwardDelayMs);
    expect(lab.port('sw2', 'eth1')).toMatchObject({ role: 'root', forwarding: 'forwarding' });
  });
});

describe('when BPDU transmission is rate-limited', () => {
  it('legacy STP: Configuration BPDUs on a port are at least Hold Time apart (802.1D-1998 8.6.1, Table 8-3)', () => {
    const lab = new StpLab(triangle('stp'));
    lab.at(40_000, 'fail', 'l12').at(40_300, 'restore', 'l12').at(40_600, 'fail', 'l13').at(41_000, 'restore', 'l13').run(120_000);
    const byPort = new Map<string, number[]>();
    for (const b of lab.bpdus()) {
      if (b.kind !== 'config') continue;
      const key = `${b.from.device}:${b.from.port}`;
      byPort.set(key, [...(byPort.get(key) ?? []), b.t]);
    }
    for (const times of byPort.values()) for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(HOLD_TIME / 1000);
  });

  it('RSTP: no port sends more than Transmit Hold Count BPDUs within one second (802.1D-2004 17.26, txCount)', () => {
    // l12 flaps every 50 ms for 4 s: sw2 and sw3 re-root again and again and talk about it on l23.
    const lab = new StpLab(triangle('rstp'));
    for (let i = 0; i < 80; i++) lab.at(10_000 + 50 * i, i % 2 === 0 ? 'fail' : 'restore', 'l12');
    lab.run(30_000);
    const byPort = new Map<string, number[]>();
    // Ports on the flapping link restart from TRANSMIT_INIT (txCount = 0) each time it comes up.
    for (const b of lab.bpdus().filter((x) => x.link !== 'l12')) {
      const key = `${b.from.device}:${b.from.port}`;
      byPort.set(key, [...(byPort.get(key) ?? []), b.t]);
    }
    let busiest = 0;
    for (const times of byPort.values()) {
      for (let i = 0; i < times.length; i++) {
        // TxHoldCount + 1 transmissions always span at least one second.
        const later = times[i + TRANSMIT_HOLD_COUNT];
        if (later !== undefined) expect(later - (times[i] ?? 0)).toBeGreaterThanOrEqual(1_000);
        busiest = Math.max(busiest, times.filter((t) => t >= (times[i] ?? 0) && t < (times[i] ?? 0) + 1_000).length);
      }
    }
    // …and the limit was reached: some port sent exactly Transmit Hold Count in one second.
    expect(busiest).toBe(TRANSMIT_HOLD_COUNT);
  });
});

describe('when a spanning-tree lab runs twice (DESIGN.md §5 determinism)', () => {
  it.each<Mode>(['rstp', 'stp'])('%s: same document, byte-identical event stream — BPDUs, TC, failures included', (mode) => {
    const doc = { ...triangle(mode, { hosts: true }), scenario: [{ atMs: 40_000, action: 'fail' as const, target: 'l13' }, { atMs: 80_000, action: 'restore' as const, target: 'l13' }] };
    const run = (): string => runToEvents(doc, 150_000).map((e: SimEvent) => JSON.stringify(e)).join('\n');
    const once = run();
    expect(once).toContain('"type":"bpdu"');
    expect(once).toContain('"type":"stp"');
    expect(run()).toBe(once);
  });
});
