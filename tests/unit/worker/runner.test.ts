import { describe, expect, it } from 'vitest';
import type { WorkerToUi } from '../../../src/worker/protocol';
import { PROTOCOL_VERSION } from '../../../src/worker/protocol';
import { runnerHarness } from '../../helpers/runnerHarness';
import { example } from '../../helpers/testLab';
import type { Topology } from '../../../src/model';

const harness = runnerHarness;

const lab = () => example('active-active') as Topology;

describe('when the UI talks to the worker', () => {
  it('answers hello with ready for the same protocol version, incompatible otherwise', () => {
    const h = harness();
    h.send({ type: 'hello', version: PROTOCOL_VERSION });
    h.send({ type: 'hello', version: PROTOCOL_VERSION + 1 });
    expect(h.out).toEqual([{ type: 'ready', version: PROTOCOL_VERSION }, { type: 'incompatible', reason: 'versionMismatch' }]);
  });

  it('a load answers with a snapshot and runs the lab at wall time × speed, one batch per tick at most', () => {
    const h = harness();
    h.send({ type: 'load', id: 1, topology: lab() });
    expect(h.out[0]?.type).toBe('snapshot');
    h.advance(1000);
    const last = h.batches().at(-1);
    expect(last?.clock).toBeGreaterThan(900);
    expect(last?.clock).toBeLessThanOrEqual(1008);
    const seqs = h.batches().map((b) => b.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(h.batches().length).toBeLessThanOrEqual(1000 / 16 + 2);
  });

  it('speed 10× runs ten virtual seconds per wall second; pause stops the clock; step runs to the next event', () => {
    const h = harness();
    h.send({ type: 'load', id: 1, topology: lab() });
    h.send({ type: 'setSpeed', id: 2, speed: 10 });
    h.advance(1000);
    const at = h.batches().at(-1)?.clock ?? 0;
    expect(at).toBeGreaterThan(9000);
    h.send({ type: 'pause', id: 3 });
    h.advance(1000);
    expect(h.batches().at(-1)?.clock).toBe(at);
    h.send({ type: 'step', id: 4 });
    const stepped = h.batches().at(-1);
    expect(stepped?.events.length).toBeGreaterThan(0);
    expect(stepped?.clock).toBeGreaterThan(at);
    expect(stepped?.running).toBe(false);
  });

  it('events arrive in time order across batches, as the engine emitted them', () => {
    const h = harness();
    h.send({ type: 'load', id: 1, topology: lab() });
    h.advance(4000);
    const all = h.batches().flatMap((b) => b.events);
    expect(all.some((e) => e.type === 'lag' && e.up)).toBe(true);
    for (let i = 1; i < all.length; i++) expect((all[i]?.t ?? 0) >= (all[i - 1]?.t ?? 0)).toBe(true);
  });

  it('a fault applies at the current virtual time and shows up in the next batch', () => {
    const h = harness();
    h.send({ type: 'load', id: 1, topology: lab() });
    h.advance(500);
    h.send({ type: 'fault', id: 2, target: 'sw2', action: 'fail' });
    const b = h.batches().at(-1);
    expect(b?.events.some((e) => e.type === 'fault' && e.target === 'sw2')).toBe(true);
    expect(b?.events.some((e) => e.type === 'link' && e.state === 'down')).toBe(true);
  });

  it('refuses an unknown target and an invalid edit with a coded error; the lab keeps running', () => {
    const h = harness();
    h.send({ type: 'load', id: 1, topology: lab() });
    h.send({ type: 'fault', id: 2, target: 'nope', action: 'fail' });
    const bad = { ...lab(), links: [{ id: 'x', a: { device: 'sw1', port: 'eth9' }, b: { device: 'sw2', port: 'eth1' } }] };
    h.send({ type: 'edit', id: 3, topology: bad });
    const errors = h.out.filter((m) => m.type === 'error');
    expect(errors.map((e) => e.type === 'error' && [e.commandId, e.code])).toEqual([
      [2, 'unknownTarget'],
      [3, 'invalidTopology'],
    ]);
    h.advance(3500);
    expect(h.batches().flatMap((b) => b.events).some((e) => e.type === 'lag' && e.up)).toBe(true);
  });

  it('serves the real bytes of a frame with decoded fields, and a pcap of a link', () => {
    const h = harness();
    h.send({ type: 'load', id: 1, topology: lab() });
    h.advance(100);
    h.send({ type: 'frame', id: 2, link: 'l1', frame: 1 });
    const frame = h.out.find((m) => m.type === 'frame');
    if (frame?.type !== 'frame') throw new Error('no frame');
    expect(frame.bytes.byteLength).toBe(124);
    expect(frame.fields.find((f) => f.name === 'actor_state')?.value).toMatch(/^0xc7 EF\*\*\*GSA \(lacpActivity, lacpTimeout, aggregation, defaulted, expired\)$/);
    expect(frame.fields.find((f) => f.name === 'eth_type')?.value).toBe('0x8809');
    h.send({ type: 'pcap', id: 3, link: 'l1' });
    const pcap = h.out.find((m) => m.type === 'pcap');
    // Each end sends at link up, then again when it hears the other (update_NTT, 802.1AX 5.4.9).
    expect(pcap?.type === 'pcap' && pcap.frames).toBe(4);
    h.send({ type: 'frame', id: 4, link: 'l1', frame: 999 });
    expect(h.out.at(-1)).toMatchObject({ type: 'error', commandId: 4, code: 'noFrame' });
  });

  it('an edit applies to the running lab without a reload (no new snapshot, the clock goes on)', () => {
    const h = harness();
    h.send({ type: 'load', id: 1, topology: lab() });
    h.advance(4000);
    const before = h.batches().at(-1)?.clock ?? 0;
    const doc = lab();
    doc.links = doc.links.filter((l) => l.id !== 'l2');
    h.send({ type: 'edit', id: 2, topology: doc });
    const b = h.batches().at(-1);
    expect(b?.clock).toBe(before);
    expect(b?.events.some((e) => e.type === 'link' && e.link === 'l2' && e.state === 'down')).toBe(true);
    expect(h.out.filter((m) => m.type === 'snapshot')).toHaveLength(1);
  });
});

describe('when the UI asks for a snapshot of a layer-2 lab', () => {
  it('the snapshot carries spanning tree, bonds, MC-LAG, flows and traffic as the stream last told them', () => {
    const h = harness();
    h.send({ type: 'load', id: 1, topology: example('mclag-pair') as Topology });
    h.send({ type: 'setSpeed', id: 2, speed: 100 });
    h.advance(100);
    h.send({ type: 'snapshot', id: 3 });
    const snap = h.out.filter((m): m is Extract<WorkerToUi, { type: 'snapshot' }> => m.type === 'snapshot').at(-1);
    const events = h.batches().flatMap((b) => b.events);
    const lastMclag = events.filter((e) => e.type === 'mclag').filter((e) => e.device === 'sw1').at(-1);
    expect(lastMclag).toBeDefined();
    expect(snap?.state.l2.mclags.sw1?.role).toBe(lastMclag?.role);
    const bond = events.filter((e) => e.type === 'bond').at(-1);
    expect(bond).toBeDefined();
    expect(snap?.state.l2.bonds[`${bond?.device}:${bond?.bond}`]?.active).toEqual(bond?.active);
    expect(Object.values(snap?.state.l2.flows ?? {}).length).toBeGreaterThan(0);
    expect(Object.values(snap?.state.l2.flows ?? {}).every((f) => f.state === 'ok')).toBe(true);
    expect(Object.keys(snap?.state.l2.traffic ?? {}).length).toBeGreaterThan(0);
  });
});
