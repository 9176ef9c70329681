import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src/model';
import { runnerHarness } from '../../helpers/runnerHarness';
import { example } from '../../helpers/testLab';

const harness = runnerHarness;

const lab = () => example('single-gateway') as Topology;

/** Ticks until the analysis `id` posts its report (at most `max` ticks). */
function runToReport(h: ReturnType<typeof harness>, id: number, max = 100) {
  for (let i = 0; i < max && !h.of('analysis').some((m) => m.id === id); i++) h.tick();
  return h.of('analysis').find((m) => m.id === id);
}

describe('when the UI asks the worker for a SPoF analysis', () => {
  it('posts progress from 0 to total, a few Simulations per tick, then the report', () => {
    const h = harness();
    h.send({ type: 'load', id: 1, topology: lab() });
    h.send({ type: 'analyze', id: 2, topology: lab() });
    const first = h.of('analysisProgress')[0];
    expect(first).toEqual({ type: 'analysisProgress', id: 2, done: 0, total: 7 });
    h.tick();
    const afterOne = h.of('analysisProgress').at(-1);
    expect(afterOne?.done).toBeGreaterThan(0);
    expect(afterOne?.done).toBeLessThan(7);
    const report = runToReport(h, 2);
    const done = h.of('analysisProgress').map((m) => m.done);
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(h.of('analysisProgress').slice(2).every((m) => typeof m.element === 'string')).toBe(true);
    expect(report?.report.spofs.map((s) => s.element.id)).toEqual(['r1', 'sw1', 'wan', 'lan', 's1', 's2']);
    // JSON-safe: it crosses the thread boundary by structured clone.
    expect(JSON.parse(JSON.stringify(report?.report))).toEqual(report?.report);
  });

  it('a new analyze cancels the one under way: only the new one reports', () => {
    const h = harness();
    h.send({ type: 'load', id: 1, topology: lab() });
    h.send({ type: 'analyze', id: 2, topology: lab() });
    h.tick();
    h.send({ type: 'analyze', id: 3, topology: example('reference-lab') as Topology });
    const report = runToReport(h, 3);
    expect(report).toBeDefined();
    expect(h.of('analysis').map((m) => m.id)).toEqual([3]);
    const afterCancel = h.out.slice(h.out.findIndex((m) => m.type === 'analysisProgress' && m.id === 3));
    expect(afterCancel.some((m) => 'id' in m && m.id === 2)).toBe(false);
  });

  it('the lab keeps ticking and answers commands while the analysis runs', () => {
    const h = harness();
    h.send({ type: 'load', id: 1, topology: lab() });
    h.send({ type: 'analyze', id: 2, topology: lab() });
    h.tick();
    h.tick();
    // Two ticks ran part of the analysis (at most a few Simulations each) and still advanced the lab.
    expect(h.of('analysis')).toEqual([]);
    h.send({ type: 'snapshot', id: 4 });
    const snapshot = h.out.at(-1);
    expect(snapshot?.type === 'snapshot' && snapshot.clock).toBe(32);
    expect(runToReport(h, 2)).toBeDefined();
  });

  it('an invalid document fails the analyze command with invalidTopology', () => {
    const h = harness();
    h.send({ type: 'analyze', id: 5, topology: { version: 1, devices: [{ id: 'x' }] } as unknown as Topology });
    expect(h.out).toEqual([expect.objectContaining({ type: 'error', commandId: 5, code: 'invalidTopology' })]);
  });
});
