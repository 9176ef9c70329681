/**
 * The bridge applies worker batches once per animation frame, at most MAX_STATE_EVENTS_PER_FRAME
 * state events at a time, and fills a big lab's first snapshot in over a few frames.
 */
import { emptyL2State } from '../../../src/worker/l2State';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../src/engine/events';
import type { Bridge } from '../../../src/store/bridge';
import { MAX_STATE_EVENTS_PER_FRAME, createBridge } from '../../../src/store/bridge';
import { emptyOverlay } from '../../../src/store/overlayReducer';
import { useOverlayStore } from '../../../src/store/overlayStore';
import { FakeWorker } from '../../helpers/fakeWorker';


let frames: (() => void)[] = [];
let worker: FakeWorker;
let bridge: Bridge;

/** Runs the frames scheduled so far; returns how many ran. */
function runFrames(): number {
  const now = frames;
  frames = [];
  for (const f of now) f();
  return now.length;
}

const links = (n: number, from = 0): SimEvent[] => Array.from({ length: n }, (_, i) => ({ t: from + i, type: 'link' as const, link: `l${from + i}`, state: 'down' as const }));

beforeEach(() => {
  useOverlayStore.setState({ ...emptyOverlay(), clockWall: 0, problem: null });
  frames = [];
  worker = new FakeWorker();
  bridge = createBridge({ createWorker: () => worker, raf: (fn) => void frames.push(fn), now: () => 0 });
});

afterEach(() => bridge.dispose());

describe('when a wave of state changes arrives at once', () => {
  it('spreads it over frames, in order, and sets the clock when a batch is all in', () => {
    const n = MAX_STATE_EVENTS_PER_FRAME * 2 + 5;
    worker.emit({ type: 'batch', seq: 1, clock: 500, running: true, speed: 1, events: links(n) });
    runFrames();
    expect(Object.keys(useOverlayStore.getState().links)).toHaveLength(MAX_STATE_EVENTS_PER_FRAME);
    expect(useOverlayStore.getState().clock).toBe(0);
    runFrames();
    runFrames();
    expect(Object.keys(useOverlayStore.getState().links)).toHaveLength(n);
    expect(useOverlayStore.getState().clock).toBe(500);
    expect(useOverlayStore.getState().log.map((e) => e.event.t)).toEqual(links(n).map((e) => e.t));
    expect(runFrames()).toBe(0);
    expect(worker.sent.some((m) => m.type === 'snapshot')).toBe(false);
  });

  it('applies a small batch in the next frame', () => {
    worker.emit({ type: 'batch', seq: 1, clock: 16, running: true, speed: 1, events: links(3) });
    worker.emit({ type: 'batch', seq: 2, clock: 32, running: true, speed: 1, events: links(2, 3) });
    expect(runFrames()).toBe(1);
    expect(Object.keys(useOverlayStore.getState().links)).toHaveLength(5);
    expect(useOverlayStore.getState().clock).toBe(32);
  });
});

describe('when a big lab loads', () => {
  it('fills its snapshot in over a few frames before any later batch', () => {
    const n = MAX_STATE_EVENTS_PER_FRAME * 3;
    const state = { links: Object.fromEntries(links(n).map((e) => [(e as { link: string }).link, 'up' as const])), devices: {}, lags: [], l2: emptyL2State() };
    worker.emit({ type: 'snapshot', id: -1, seq: 0, clock: 0, running: true, speed: 1, state });
    expect(useOverlayStore.getState().links).toEqual({});
    worker.emit({ type: 'batch', seq: 1, clock: 16, running: true, speed: 1, events: [{ t: 1, type: 'link', link: 'l0', state: 'down' }] });
    runFrames();
    expect(Object.keys(useOverlayStore.getState().links)).toHaveLength(MAX_STATE_EVENTS_PER_FRAME);
    runFrames();
    runFrames();
    expect(Object.keys(useOverlayStore.getState().links)).toHaveLength(n);
    expect(useOverlayStore.getState().links.l0).toBe('up');
    runFrames();
    expect(useOverlayStore.getState().links.l0).toBe('down');
  });
});
