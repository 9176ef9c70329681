/** The failover report's pure logic (src/model/failoverReport.ts): folding, pairing and verdicts. */
import { describe, expect, it } from 'vitest';
import type { FaultRecord, OutageRecord, ProbeNow } from '../../../src/model';
import { REPORT_LIMIT, buildReport, emptyReport, foldReport, verdictOf } from '../../../src/model';

const fault = (t: number, target = 'core1', action = 'fail'): FaultRecord => ({ t, type: 'fault', target, action });

/** An outage that `host` measured after the fault at `faultAtMs` (none when null), probes every 100 ms. */
function outage(host: string, target: string, faultAtMs: number | null, durationMs: number, expected?: OutageRecord['expected']): OutageRecord {
  const startMs = (faultAtMs ?? 0) + 80;
  return {
    t: startMs + durationMs,
    type: 'outage',
    host,
    target,
    ip: target === 'gateway' ? '10.0.0.1' : '198.51.100.1',
    startMs,
    endMs: startMs + durationMs,
    durationMs,
    lostProbes: durationMs / 100,
    intervalMs: 100,
    ...(faultAtMs === null ? {} : { fault: { atMs: faultAtMs, target: 'core1', action: 'fail' } }),
    ...(expected ? { expected } : {}),
  };
}

const VRRP = { ms: 3609, minMs: 2609, rule: 'vrrp.masterDownInterval', detail: '3 × 1 s + 156/256 s' };
const ok = (ip: string): ProbeNow => ({ ip, state: 'ok' });

describe('when a measured outage is judged against the prediction', () => {
  it('is as predicted within one probe interval of [minMs, ms], faster or slower beyond', () => {
    const at = (durationMs: number) => verdictOf({ durationMs, intervalMs: 100, expected: VRRP });
    expect([at(2508), at(2509), at(2609), at(3609), at(3709), at(3710)]).toEqual(['faster', 'match', 'match', 'match', 'match', 'slower']);
  });

  it('takes a single predicted value as both ends, and names no verdict without a rule', () => {
    const single = { ms: 1000, rule: 'bond.miimon' };
    expect(verdictOf({ durationMs: 899, intervalMs: 100, expected: single })).toBe('faster');
    expect(verdictOf({ durationMs: 900, intervalMs: 100, expected: single })).toBe('match');
    expect(verdictOf({ durationMs: 1100, intervalMs: 100, expected: single })).toBe('match');
    expect(verdictOf({ durationMs: 1101, intervalMs: 100, expected: single })).toBe('slower');
    expect(verdictOf({ durationMs: 50_000, intervalMs: 100 })).toBe('noPrediction');
  });
});

describe('when faults and outages are folded', () => {
  it('keeps only fault and outage records, and the same state for a batch of neither', () => {
    const s = foldReport(emptyReport(), [fault(10_220), { type: 'probe' }, outage('srv1', 'gateway', 10_220, 3600, VRRP)]);
    expect(s.faults.map((f) => f.t)).toEqual([10_220]);
    expect(s.outages.map((o) => o.host)).toEqual(['srv1']);
    expect(foldReport(s, [{ type: 'link' }, { type: 'probe' }])).toBe(s);
  });

  it(`drops the oldest beyond ${REPORT_LIMIT} of each and counts them`, () => {
    const faults = Array.from({ length: REPORT_LIMIT + 3 }, (_, i) => fault(i));
    const s = foldReport(emptyReport(), faults);
    expect(s.faults).toHaveLength(REPORT_LIMIT);
    expect(s.faults[0]?.t).toBe(3);
    expect(s.dropped).toBe(3);
  });
});

describe('when the report is built', () => {
  const probes = { 'srv1:gateway': ok('10.0.0.1'), 'srv1:upstream': ok('198.51.100.1'), 'srv2:gateway': ok('10.0.0.1') };

  it('pairs each outage with the fault it names and adds a no-outage row for every other probed target', () => {
    const s = foldReport(emptyReport(), [fault(10_220), outage('srv2', 'gateway', 10_220, 3600, VRRP), outage('srv1', 'gateway', 10_220, 2400, VRRP), fault(20_000, 'core1', 'restore')]);
    const groups = buildReport(s, probes);
    expect(groups.map((g) => `${g.fault?.t ?? '-'} ${g.fault?.action ?? '-'}`)).toEqual(['10220 fail', '20000 restore']);
    expect(groups[0]?.rows.map((r) => `${r.host}:${r.target}=${r.verdict}`)).toEqual(['srv1:gateway=faster', 'srv1:upstream=noOutage', 'srv2:gateway=match']);
    expect(groups[0]?.rows[2]).toEqual({
      host: 'srv2',
      target: 'gateway',
      ip: '10.0.0.1',
      outage: { startMs: 10_300, endMs: 13_900, durationMs: 3600, lostProbes: 36, intervalMs: 100 },
      expected: VRRP,
      verdict: 'match',
    });
    expect(groups[0]?.rows[1]).toEqual({ host: 'srv1', target: 'upstream', ip: '198.51.100.1', verdict: 'noOutage' });
    expect(groups[1]?.rows.every((r) => r.verdict === 'noOutage' && r.outage === undefined)).toBe(true);
  });

  it('marks a target still lost as ongoing under the last fault only', () => {
    const s = foldReport(emptyReport(), [fault(10_000), fault(20_000, 'sw1')]);
    const groups = buildReport(s, { 'srv1:upstream': { ip: '198.51.100.1', state: 'lost' } });
    expect(groups.map((g) => g.rows[0]?.verdict)).toEqual(['noOutage', 'ongoing']);
  });

  it('lists outages of a fault it never saw, or of none, last under a null fault', () => {
    const s = foldReport(emptyReport(), [fault(10_000), outage('srv2', 'gateway', null, 400), outage('srv1', 'upstream', 5000, 300)]);
    const groups = buildReport(s, {});
    expect(groups).toHaveLength(2);
    expect(groups[0]?.rows).toEqual([]);
    expect(groups[1]?.fault).toBeNull();
    expect(groups[1]?.rows.map((r) => `${r.host}:${r.target}=${r.verdict}`)).toEqual(['srv2:gateway=noPrediction', 'srv1:upstream=noPrediction']);
  });

  it('gives the outages to the first of two identical faults', () => {
    const s = foldReport(emptyReport(), [fault(10_000), fault(10_000), outage('srv1', 'gateway', 10_000, 3000, VRRP)]);
    const groups = buildReport(s, {});
    expect(groups.map((g) => g.rows.length)).toEqual([1, 0]);
  });
});
