import { describe, expect, it } from 'vitest';
import type { FlowEvent, StpEvent } from '../../../../src/engine';
import { runToEvents } from '../../../../src/engine';
import { example } from '../../../helpers/testLab';

describe('when the spanning-tree examples run', () => {
  it('stp-triangle: RSTP blocks SW3 eth2 — the one port the priorities predict — and the flow goes around it', () => {
    const events = runToEvents(example('stp-triangle'), 10_000);
    const last = new Map<string, StpEvent>();
    for (const e of events) if (e.type === 'stp') last.set(`${e.device}:${e.port}`, e);
    const blocked = [...last.values()].filter((e) => e.state !== 'forwarding');
    expect(blocked.map((e) => `${e.device}:${e.port} ${e.role}`)).toEqual(['sw3:eth2 alternate']);
    const flow = events.filter((e): e is FlowEvent => e.type === 'flow').at(-1);
    expect(flow).toMatchObject({ state: 'ok', path: ['a2', 'l12', 'l13', 'a3'] });
  });

  it('stp-vs-rstp: the same failure at 20 s costs STP 2 × Forward Delay (30 s) and RSTP ~0 s', () => {
    const doc = example('stp-vs-rstp') as { devices: { id: string; stp?: { forwardDelayS?: number } }[]; scenario: { atMs: number }[] };
    const failAt = doc.scenario[0]?.atMs ?? NaN;
    const forwardDelayMs = (doc.devices.find((d) => d.id === 's3')?.stp?.forwardDelayS ?? 15) * 1000;
    const events = runToEvents(doc, 70_000);
    const fwd = (device: string) => events.find((e): e is StpEvent => e.type === 'stp' && e.device === device && e.port === 'eth2' && e.t >= failAt && e.state === 'forwarding')?.t;
    expect(fwd('r3')).toBe(failAt);
    expect(fwd('s3')).toBe(failAt + 2 * forwardDelayMs);
    const flowOk = (flow: string) => events.find((e): e is FlowEvent => e.type === 'flow' && e.flow === flow && e.t > failAt && e.state === 'ok')?.t ?? NaN;
    expect(flowOk('rstp-flow') - failAt).toBeLessThan(1);
    expect(flowOk('stp-flow') - failAt).toBeGreaterThanOrEqual(2 * forwardDelayMs);
    expect(flowOk('stp-flow') - failAt).toBeLessThan(2 * forwardDelayMs + 1_000);
  });
});
