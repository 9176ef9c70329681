/**
 * N-1 arithmetic on a hand-computed lab: two switches joined by a LAG of two 10 Mb/s members,
 * three flows of 400 datagrams/s × 1472-byte payloads from a to b. Each frame is 1472 + 8 (UDP)
 * + 20 (IPv4) + 14 (Ethernet) = 1514 bytes, so each flow is 400 × 1514 × 8 = 4.8448 Mb/s and the
 * three 14.5344 Mb/s: 72.7 % of the 20 Mb/s LAG, 145.3 % of the 10 Mb/s member left after one fails.
 */
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../../src/model';
import { CAPACITY_ADVICE, analyzeTopology, capacityReport } from '../../../../src/engine';
import { resolveTopology } from '../../../../src/model';

const FLOW_MBPS = (400 * (1472 + 42) * 8) / 1e6;
const ports = (ids: string[], speedMbps: 10 | 100) => ids.map((id) => ({ id, speedMbps }));

function bigFlowLab(): Topology {
  return {
    version: 1,
    seed: 1,
    devices: [
      { id: 'a', type: 'host', ip: '10.0.0.1/24', ports: ports(['eth0'], 100) },
      { id: 'sw1', type: 'switch', ports: [...ports(['p1'], 100), ...ports(['p2', 'p3'], 10)] },
      { id: 'sw2', type: 'switch', ports: [...ports(['p1'], 100), ...ports(['p2', 'p3'], 10)] },
      { id: 'b', type: 'host', ip: '10.0.0.2/24', ports: ports(['eth0'], 100) },
    ],
    links: [
      { id: 'la', a: { device: 'a', port: 'eth0' }, b: { device: 'sw1', port: 'p1' } },
      { id: 'm1', a: { device: 'sw1', port: 'p2' }, b: { device: 'sw2', port: 'p2' } },
      { id: 'm2', a: { device: 'sw1', port: 'p3' }, b: { device: 'sw2', port: 'p3' } },
      { id: 'lb', a: { device: 'sw2', port: 'p1' }, b: { device: 'b', port: 'eth0' } },
    ],
    lags: [
      { id: 'po1', device: 'sw1', members: ['p2', 'p3'], mode: 'active', rate: 'fast' },
      { id: 'po1', device: 'sw2', members: ['p2', 'p3'], mode: 'active', rate: 'fast' },
    ],
    flows: [1, 2, 3].map((i) => ({ id: `f${i}`, from: 'a', to: 'b', pps: 400, sizeBytes: 1472, startMs: 4000 })),
  };
}

describe('when big flows cross a LAG of two 10 Mb/s members (N-1)', () => {
  const report = analyzeTopology(bigFlowLab());
  const row = (id: string) => report.capacity.rows.find((r) => r.id === id);

  it('measures the LAG at the flows’ sum now, over both members, whatever the hash', () => {
    const lag = row('sw1/po1');
    expect(lag?.capacityMbps).toBe(20);
    expect(lag?.nowMbps).toBeCloseTo(3 * FLOW_MBPS, 1);
    expect(lag?.nowPct).toBeCloseTo((100 * 3 * FLOW_MBPS) / 20, 0);
    const members = (row('m1')?.nowMbps ?? 0) + (row('m2')?.nowMbps ?? 0);
    expect(members).toBeCloseTo(3 * FLOW_MBPS, 1);
  });

  it('puts the whole load on the member left after the other fails: 145 %, with the chapter’s advice', () => {
    const lag = row('sw1/po1');
    expect(lag?.worstPct).toBeCloseTo((100 * 3 * FLOW_MBPS) / 10, 0);
    expect(lag?.worstAfter).toMatch(/^link m[12] /);
    expect(lag?.worstAfter).toBe(report.elements.find((e) => e.element.id === lag?.worstAfterElement?.id)?.element.label); // the same failure, as data
    expect(lag?.worstAfterElement).toEqual({ kind: 'link', id: lag?.worstAfter?.split(' ')[1] });
    expect(lag?.isOver).toBe(true);
    expect(report.capacity.warnings.some((w) => w.startsWith('LAG po1 on sw1 = LAG po1 on sw2 reaches 145.') && w.endsWith(CAPACITY_ADVICE))).toBe(true);
    // The 100 Mb/s host links carry the same 14.5 Mb/s before and after: 14.5 %, no warning.
    expect(row('la')?.worstPct).toBeCloseTo((100 * 3 * FLOW_MBPS) / 100, 0);
    expect(row('la')?.isOver).toBe(false);
  });

  it('gives each warning as data too, in the same order: the LAG, after a member fails, at 145 % of 20 Mb/s', () => {
    const overloads = report.capacity.overloads ?? [];
    expect(overloads).toHaveLength(report.capacity.warnings.length);
    const lag = overloads.find((o) => o.id === 'sw1/po1');
    expect(lag).toMatchObject({ kind: 'lag', when: 'afterFailure', capacityMbps: 20, after: row('sw1/po1')?.worstAfterElement });
    expect(lag?.pct).toBeCloseTo((100 * 3 * FLOW_MBPS) / 10, 0);
    expect(overloads.map((o) => o.id)).not.toContain('la');
  });
});

describe('when the rates are given (pure arithmetic)', () => {
  it('takes the busier direction of each link, sums LAG members oriented the same way, and skips a LAG with no member left', () => {
    const t = resolveTopology(bigFlowLab());
    const lag = { kind: 'lag' as const, id: 'sw1/po1', label: 'po1', targets: ['m1', 'm2'], links: ['m1', 'm2'] };
    const baseline = new Map([
      ['m1', { ab: 6e6, ba: 1e6 }],
      ['m2', { ab: 3e6, ba: 2e6 }],
    ]);
    const m1Down = { element: { kind: 'link' as const, id: 'm1', label: 'link m1', targets: ['m1'], links: ['m1'] }, rates: new Map([['m2', { ab: 9e6, ba: 3e6 }]]) };
    const bothDown = { element: lag, rates: new Map<string, { ab: number; ba: number }>() };
    const report = capacityReport(t, [lag], baseline, [m1Down, bothDown]);
    const po1 = report.rows.find((r) => r.id === 'sw1/po1');
    expect(po1).toMatchObject({ capacityMbps: 20, nowMbps: 9, nowPct: 45, worstPct: 90, worstAfter: 'link m1', worstAfterElement: { kind: 'link', id: 'm1' }, isOver: false });
    expect(report.rows.find((r) => r.id === 'm1')).toMatchObject({ nowMbps: 6, nowPct: 60, worstPct: 60, isOver: false });
    expect(report.warnings).toEqual([]);
    expect(report.overloads).toEqual([]);
  });

  it('words an overload with nothing failed and one after a failure from the same data', () => {
    const t = resolveTopology(bigFlowLab());
    const lag = { kind: 'lag' as const, id: 'sw1/po1', label: 'LAG po1 on sw1', targets: ['m1', 'm2'], links: ['m1', 'm2'] };
    const baseline = new Map([
      ['m1', { ab: 12e6, ba: 0 }],
      ['m2', { ab: 6e6, ba: 0 }],
    ]);
    const m2Down = { element: { kind: 'link' as const, id: 'm2', label: 'link m2', targets: ['m2'], links: ['m2'] }, rates: new Map([['m1', { ab: 15e6, ba: 0 }]]) };
    const report = capacityReport(t, [lag], baseline, [m2Down]);
    expect(report.overloads).toEqual([
      { kind: 'link', id: 'm1', when: 'now', pct: 120, capacityMbps: 10 },
      { kind: 'lag', id: 'sw1/po1', when: 'afterFailure', pct: 150, capacityMbps: 20, after: { kind: 'link', id: 'm2' } },
    ]);
    expect(report.warnings).toEqual([`link m1 runs at 120 % of 10 Mb/s with nothing failed: ${CAPACITY_ADVICE}`, `LAG po1 on sw1 reaches 150 % after link m2 fails: ${CAPACITY_ADVICE}`]);
  });
});
