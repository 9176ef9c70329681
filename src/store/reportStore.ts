/**
 * The failover report (issue 6 item 3): every fault injected since the lab was loaded and every
 * outage a host measured after one, kept for the whole session (bounded), unlike the overlay's
 * `outages` map which holds only the last outage per host and target. Only `bridge.ts` writes it:
 * it feeds each folded batch's events and clears it on a load. `buildReport` pairs outages with
 * their fault and judges each against the standard's prediction (pure, for the panel and tests).
 */
import { create } from 'zustand';
import type { ExpectedOutage, FaultEvent, OutageEvent, ProbeTargetKind, SimEvent } from '../engine/events';

/** Faults and outages kept at most (each); older ones are dropped first. */
export const REPORT_LIMIT = 1000;

export interface ReportState {
  /** Faults in the order they were applied. */
  faults: FaultEvent[];
  /** Outages in the order they ended. */
  outages: OutageEvent[];
  /** How many faults and outages were dropped to stay within REPORT_LIMIT. */
  dropped: number;
}

export function emptyReport(): ReportState {
  return { faults: [], outages: [], dropped: 0 };
}

export const useReportStore = create<ReportState>()(() => emptyReport());

function bounded<T>(list: T[], add: T[]): { list: T[]; dropped: number } {
  if (add.length === 0) return { list, dropped: 0 };
  const all = list.concat(add);
  const dropped = Math.max(0, all.length - REPORT_LIMIT);
  return { list: dropped > 0 ? all.slice(dropped) : all, dropped };
}

/** Adds the fault and outage events among `events` (pure; the same state when there are none). */
export function foldReport(state: ReportState, events: readonly SimEvent[]): ReportState {
  const faults: FaultEvent[] = [];
  const outages: OutageEvent[] = [];
  for (const e of events) {
    if (e.type === 'fault') faults.push(e);
    else if (e.type === 'outage') outages.push(e);
  }
  if (faults.length === 0 && outages.length === 0) return state;
  const f = bounded(state.faults, faults);
  const o = bounded(state.outages, outages);
  return { faults: f.list, outages: o.list, dropped: state.dropped + f.dropped + o.dropped };
}

/** @internal bridge only: records a folded batch's faults and outages. */
export function addReportEvents(events: readonly SimEvent[]): void {
  const s = useReportStore.getState();
  const next = foldReport(s, events);
  if (next !== s) useReportStore.setState(next, true);
}

/** @internal bridge only: a new lab starts a new report. */
export function clearReport(): void {
  useReportStore.setState(emptyReport(), true);
}

/**
 * How a measured outage compares with the prediction: within one probe interval of the predicted
 * range (the measurement counts whole probes) is `match`; `noOutage` when a probed target never
 * went down, `ongoing` while it still is, `noPrediction` when the engine names no rule.
 */
export type ReportVerdict = 'match' | 'faster' | 'slower' | 'noOutage' | 'ongoing' | 'noPrediction';

export interface ReportRow {
  host: string;
  target: ProbeTargetKind;
  ip: string;
  /** The measured outage; absent for `noOutage` and `ongoing`. */
  outage?: Pick<OutageEvent, 'startMs' | 'endMs' | 'durationMs' | 'lostProbes' | 'intervalMs'>;
  expected?: ExpectedOutage;
  verdict: ReportVerdict;
}

/** One fault and what each host saw after it; `fault` is null for outages no recorded fault explains. */
export interface ReportGroup {
  fault: FaultEvent | null;
  rows: ReportRow[];
}

/** What a host's probe of a target looks like now (the overlay's `probes` map entry). */
export interface ProbeNow {
  ip: string;
  state: 'ok' | 'lost';
}

/** The verdict of a measured outage. */
export function verdictOf(o: Pick<OutageEvent, 'durationMs' | 'intervalMs' | 'expected'>): ReportVerdict {
  if (!o.expected) return 'noPrediction';
  if (o.durationMs > o.expected.ms + o.intervalMs) return 'slower';
  if (o.durationMs < (o.expected.minMs ?? o.expected.ms) - o.intervalMs) return 'faster';
  return 'match';
}

function outageRow(o: OutageEvent): ReportRow {
  const { host, target, ip, startMs, endMs, durationMs, lostProbes, intervalMs, expected } = o;
  const row: ReportRow = { host, target, ip, outage: { startMs, endMs, durationMs, lostProbes, intervalMs }, verdict: verdictOf(o) };
  if (expected) row.expected = expected;
  return row;
}

const faultKey = (f: { atMs: number; target: string; action: string }) => `${f.atMs}|${f.target}|${f.action}`;
const byHostTarget = (a: ReportRow, b: ReportRow) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0);

/**
 * Pairs each outage with the fault it names (`fault.atMs`, target and action) and adds, for each
 * probed host and target (keyed `host:target`) that measured nothing after a fault, a `noOutage`
 * row (`ongoing` after the last fault while the target is still lost). Outages whose fault the
 * report never saw come last, under a null fault. Rows are sorted by host, then target.
 */
export function buildReport(state: ReportState, probes: Readonly<Record<string, ProbeNow>>): ReportGroup[] {
  const byFault = new Map<string, OutageEvent[]>();
  const orphans: OutageEvent[] = [];
  const known = new Set(state.faults.map((f) => faultKey({ atMs: f.t, target: f.target, action: f.action })));
  for (const o of state.outages) {
    const key = o.fault ? faultKey(o.fault) : '';
    if (!known.has(key)) orphans.push(o);
    else byFault.set(key, [...(byFault.get(key) ?? []), o]);
  }
  const probed = Object.keys(probes).sort();
  const groups: ReportGroup[] = state.faults.map((fault, i) => {
    const key = faultKey({ atMs: fault.t, target: fault.target, action: fault.action });
    const measured = byFault.get(key) ?? [];
    byFault.delete(key); // Two identical faults in one millisecond: the first one takes the outages.
    const rows = measured.map(outageRow);
    const seen = new Set(rows.map((r) => `${r.host}:${r.target}`));
    const isLast = i === state.faults.length - 1;
    for (const probeKey of probed) {
      const probe = probes[probeKey];
      const cut = probeKey.lastIndexOf(':');
      if (!probe || seen.has(probeKey) || cut < 0) continue;
      const verdict = isLast && probe.state === 'lost' ? 'ongoing' : 'noOutage';
      rows.push({ host: probeKey.slice(0, cut), target: probeKey.slice(cut + 1) as ProbeTargetKind, ip: probe.ip, verdict });
    }
    return { fault, rows: rows.sort(byHostTarget) };
  });
  if (orphans.length > 0) groups.push({ fault: null, rows: orphans.map(outageRow) });
  return groups;
}
