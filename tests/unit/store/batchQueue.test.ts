/** The bridge's per-frame share of worker batches (batchQueue.ts) and a load's gradual fill. */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../src/engine/events';
import { createBatchQueue } from '../../../src/store/batchQueue';
import { emptyOverlay } from '../../../src/store/overlayReducer';
import { createSnapshotFill } from '../../../src/store/snapshotFill';
import type { BatchMessage } from '../../../src/worker/client';

const info = { systemPriority: 1, system: 'x', key: 1, portPriority: 1, port: 1, state: 0, flags: [] };
const pdu = (t: number): SimEvent => ({ t, type: 'lacpdu', link: 'l1', from: { device: 'a', port: 'p' }, to: { device: 'b', port: 'p' }, arrive: t, frame: t, actor: info, partner: info });
const link = (t: number): SimEvent => ({ t, type: 'link', link: `l${t}`, state: 'up' });
const batch = (seq: number, events: SimEvent[]): BatchMessage => ({ type: 'batch', seq, clock: seq * 16, running: true, speed: 1, events });

describe('when batches wait for the next frame', () => {
  it('takes whole batches while the budget of state events lasts; LACPDUs are free', () => {
    const q = createBatchQueue();
    q.push(batch(1, [link(1), pdu(2), link(3)]));
    q.push(batch(2, [pdu(4), pdu(5)]));
    const share = q.take(2);
    expect(share.events.map((e) => e.t)).toEqual([1, 2, 3, 4, 5]);
    expect(share.done?.seq).toBe(2);
    expect(share.gap).toBe(false);
    expect(q.size).toBe(0);
  });

  it('stops inside a batch when the budget runs out and goes on from there, in order', () => {
    const q = createBatchQueue();
    q.push(batch(1, [link(1), link(2), pdu(3), link(4), link(5)]));
    q.push(batch(2, [link(6)]));
    const first = q.take(2);
    expect(first.events.map((e) => e.t)).toEqual([1, 2, 3]);
    expect(first.done).toBeNull();
    const second = q.take(2);
    expect(second.events.map((e) => e.t)).toEqual([4, 5]);
    expect(second.done?.seq).toBe(1);
    const third = q.take(2);
    expect(third.events.map((e) => e.t)).toEqual([6]);
    expect(third.done?.seq).toBe(2);
    expect(third.gap).toBe(false);
  });

  it('notices a skipped batch number, and starts over after a snapshot or a load', () => {
    const q = createBatchQueue();
    q.push(batch(1, []));
    q.push(batch(3, []));
    expect(q.take(10).gap).toBe(true);
    q.push(batch(4, [link(1), link(2)]));
    q.push(batch(5, [link(3)]));
    q.take(1);
    q.resetTo(4);
    expect(q.size).toBe(1);
    const after = q.take(10);
    expect(after.events.map((e) => e.t)).toEqual([3]);
    expect(after.gap).toBe(false);
    q.restart();
    q.push(batch(1, []));
    expect(q.take(10).gap).toBe(false);
  });
});

describe('when a big lab loads', () => {
  it('fills the snapshot in a budget at a time, each map copied once per frame', () => {
    const fill = createSnapshotFill();
    const full = { ...emptyOverlay(), links: { l1: 'up' as const, l2: 'down' as const }, devices: { a: { isFailed: false, isMuted: false } } };
    const empty = fill.start(full);
    expect(empty.links).toEqual({});
    expect(fill.size).toBe(3);
    const state = { ...emptyOverlay(), ...empty };
    const first = fill.apply(state, 2);
    expect(first.links).toEqual({ l1: 'up', l2: 'down' });
    expect(first.devices).toBeUndefined();
    const second = fill.apply({ ...state, ...first }, 2);
    expect(second.devices).toEqual({ a: { isFailed: false, isMuted: false } });
    expect(second.links).toBeUndefined();
    expect(fill.size).toBe(0);
  });
});
