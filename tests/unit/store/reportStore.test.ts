import { describe, expect, it } from 'vitest';
import { runToEvents } from '../../../src/engine';
import type { FaultEvent, OutageEvent } from '../../../src/engine/events';
import { REPORT_LIMIT, buildReport, emptyReport, foldReport, verdictOf } from '../../../src/store/reportStore';
import { example } from '../../helpers/testLab';

const fault = (t: number, target = 'r1', action: FaultEvent['action'] = 'fail'): FaultEvent => ({ t, type: 'fault', target, kind: 'device', action });

function outage(host: string, target: OutageEvent['target'], atMs: number | null, durationMs: number, hasPrediction = true): OutageEvent {
  return {
    t: atMs ?? 0,
    type: 'outage',
    host,
    target,
    ip: target === 'gateway' ? '10.0.0.1' : '192.0.2.1',
    startMs: (atMs ?? 0) + 50,
    endMs: (atMs ?? 0) + 50 + durationMs,
    durationMs,
    lostProbes: Math.round(durationMs / 100),
    intervalMs: 100,
    ...(atMs === null ? {} : { fault: { target: 'r1', action: 'fail' as const, atMs } }),
    ...(hasPrediction ? { expected: { ms: 3609, minMs: 2609, rule: 'vrrp.masterDownInterval', detail: '3 × 1 s + 0.609 s' } } : {}),
  };
}

const probes = {
  'h1:gateway': { ip: '10.0.0.1', state: 'ok' as const },
  'h1:upstream': { ip: '192.0.2.1', state: 'ok' as const },
  'h2:gateway': { ip: '10.0.0.1', state: 'ok' as const },
};

describe('when faults and outages are folded into the report', () => {
  it('keeps only fault and outage events and returns the same state for a batch of neither', () => {
    const s = foldReport(emptyReport(), [fault(10_000), { t: 10_000, type: 'link', link: 'l1', state: 'down' }, outage('h1', 'gateway', 10_000, 3000)]);
    expect(s.faults).toHaveLength(1);
    expect(s.outages).toHaveLength(1);
    expect(foldReport(s, [{ t: 11_000, type: 'link', link: 'l1', state: 'up' }])).toBe(s);
  });

  it('pairs each outage with the fault it names, with every probed host and target under each fault', () => {
    const s = foldReport(emptyReport(), [
      fault(10_000),
      outage('h2', 'gateway', 10_000, 3300),
      outage('h1', 'gateway', 10_000, 1000),
      fault(20_000, 'r1', 'restore'),
      fault(30_000),
      outage('h1', 'gateway', 30_000, 5000),
      outage('h1', 'upstream', 30_000, 3000, false),
    ]);
    const groups = buildReport(s, probes);
    expect(groups.map((g) => [g.fault?.t, g.fault?.action])).toEqual([
      [10_000, 'fail'],
      [20_000, 'restore'],
      [30_000, 'fail'],
    ]);
    const verdicts = groups.map((g) => g.rows.map((r) => `${r.host}:${r.target}=${r.verdict}`));
    expect(verdicts[0]).toEqual(['h1:gateway=faster', 'h1:upstream=noOutage', 'h2:gateway=match']);
    expect(verdicts[1]).toEqual(['h1:gateway=noOutage', 'h1:upstream=noOutage', 'h2:gateway=noOutage']);
    expect(verdicts[2]).toEqual(['h1:gateway=slower', 'h1:upstream=noPrediction', 'h2:gateway=noOutage']);
    expect(groups[0]?.rows[2]?.outage?.durationMs).toBe(3300);
  });

  it('marks a target still lost after the last fault as ongoing, and lists outages of unknown faults last', () => {
    const s = foldReport(emptyReport(), [fault(10_000), outage('h1', 'gateway', null, 400), outage('h2', 'gateway', 5000, 400)]);
    const groups = buildReport(s, { ...probes, 'h1:upstream': { ip: '192.0.2.1', state: 'lost' } });
    expect(groups[0]?.rows.find((r) => r.target === 'upstream')?.verdict).toBe('ongoing');
    expect(groups[1]?.fault).toBeNull();
    expect(groups[1]?.rows.map((r) => r.host)).toEqual(['h1', 'h2']);
  });

  it('judges within one probe interval of the expected range as predicted', () => {
    const expected = { ms: 3609, minMs: 2609, rule: 'vrrp.masterDownInterval', detail: '' };
    expect(verdictOf({ durationMs: 2509, intervalMs: 100, expected })).toBe('match');
    expect(verdictOf({ durationMs: 2508, intervalMs: 100, expected })).toBe('faster');
    expect(verdictOf({ durationMs: 3709, intervalMs: 100, expected })).toBe('match');
    expect(verdictOf({ durationMs: 3710, intervalMs: 100, expected })).toBe('slower');
  });

  it(`keeps the newest ${REPORT_LIMIT} faults and outages and counts the dropped ones`, () => {
    let s = emptyReport();
    for (let i = 0; i < REPORT_LIMIT + 20; i++) s = foldReport(s, [fault(i * 1000), outage('h1', 'gateway', i * 1000, 500)]);
    expect(s.faults).toHaveLength(REPORT_LIMIT);
    expect(s.outages).toHaveLength(REPORT_LIMIT);
    expect(s.faults[0]?.t).toBe(20_000);
    expect(s.dropped).toBe(40);
  });
});

describe('when the vrrp-pair example fails its master', () => {
  it('lists the scenario fault with each host outage as predicted by Master_Down_Interval', () => {
    const s = foldReport(emptyReport(), runToEvents(example('vrrp-pair'), 20_000));
    const groups = buildReport(s, {});
    const first = groups.find((g) => g.fault?.action === 'fail');
    expect(first).toBeDefined();
    expect(first?.rows.length).toBeGreaterThan(0);
    for (const row of first?.rows ?? []) {
      expect(row.expected?.rule).toBe('vrrp.masterDownInterval');
      expect(row.verdict).toBe('match');
    }
  });
});
