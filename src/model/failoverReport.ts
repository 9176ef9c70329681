/**
 * The failover report (issue 6 item 3), pure: every fault injected and every outage a host
 * measured after one, paired by the fault each outage names and judged against the standard's
 * prediction. The browser's report store and `lab analyze` both build it from here.
 *
 * The model may not import the engine, so the records below are the structural minimum of the
 * engine's `fault` and `outage` events (src/engine/events.ts): those events satisfy them, and the
 * generic parameters hand the caller's own event types back in the rows and groups.
 */

/** Faults and outages a report keeps at most (each); older ones are dropped first. */
export const REPORT_LIMIT = 1000;

/** A fault that was injected or removed (the engine's `fault` event). */
export interface FaultRecord {
  t: number;
  type: 'fault';
  /** A device id, a link id, or `device:port`. */
  target: string;
  /** `fail`, `restore`, `mute` or `unmute`. */
  action: string;
}

/** What the standard predicts for an outage (the engine's `ExpectedOutage`). */
export interface ExpectedRange {
  /** The predicted outage, ms: the worst case when the standard gives a range. */
  ms: number;
  /** The best case, when the standard gives a range. */
  minMs?: number;
  /** The rule, as a stable key: `vrrp.masterDownInterval`, `lacp.timeout.fast`… */
  rule: string;
  /** The formula with its numbers, in English. */
  detail?: string;
}

/** A host's measured outage of a target (the engine's `outage` event). */
export interface OutageRecord {
  t: number;
  type: 'outage';
  host: string;
  /** What the host probes: `gateway` or `upstream`. */
  target: string;
  ip: string;
  startMs: number;
  endMs: number;
  durationMs: number;
  lostProbes: number;
  intervalMs: number;
  /** The fault the outage followed. */
  fault?: { atMs: number; target: string; action: string };
  expected?: ExpectedRange;
}

/** The faults and outages a report was built from, in the order they happened. */
export interface ReportState<F extends FaultRecord = FaultRecord, O extends OutageRecord = OutageRecord> {
  /** Faults in the order they were applied. */
  faults: F[];
  /** Outages in the order they ended. */
  outages: O[];
  /** How many faults and outages were dropped to stay within REPORT_LIMIT. */
  dropped: number;
}

/**
 * How a measured outage compares with the prediction: within one probe interval of the predicted
 * range (the measurement counts whole probes) is `match`; `noOutage` when a probed target never
 * went down, `ongoing` while it still is, `noPrediction` when the engine names no rule.
 */
export type ReportVerdict = 'match' | 'faster' | 'slower' | 'noOutage' | 'ongoing' | 'noPrediction';

export interface ReportRow<O extends OutageRecord = OutageRecord> {
  host: string;
  target: O['target'];
  ip: string;
  /** The measured outage; absent for `noOutage` and `ongoing`. */
  outage?: Pick<O, 'startMs' | 'endMs' | 'durationMs' | 'lostProbes' | 'intervalMs'>;
  expected?: NonNullable<O['expected']>;
  verdict: ReportVerdict;
}

/** One fault and what each host saw after it; `fault` is null for outages no recorded fault explains. */
export interface ReportGroup<F extends FaultRecord = FaultRecord, O extends OutageRecord = OutageRecord> {
  fault: F | null;
  rows: ReportRow<O>[];
}

/** What a host's probe of a target looks like now (its last `probe` event). */
export interface ProbeNow {
  ip: string;
  state: 'ok' | 'lost';
}

export function emptyReport<F extends FaultRecord = FaultRecord, O extends OutageRecord = OutageRecord>(): ReportState<F, O> {
  return { faults: [], outages: [], dropped: 0 };
}

function bounded<T>(list: T[], add: T[]): { list: T[]; dropped: number } {
  if (add.length === 0) return { list, dropped: 0 };
  const all = list.concat(add);
  const dropped = Math.max(0, all.length - REPORT_LIMIT);
  return { list: dropped > 0 ? all.slice(dropped) : all, dropped };
}

/**
 * Adds the `fault` and `outage` records among `events` (any other type is skipped). Pure; returns
 * the same state when there are none.
 */
export function foldReport<F extends FaultRecord, O extends OutageRecord>(state: ReportState<F, O>, events: readonly (F | O | { type: string })[]): ReportState<F, O> {
  const faults: F[] = [];
  const outages: O[] = [];
  for (const e of events) {
    if (e.type === 'fault') faults.push(e as F);
    else if (e.type === 'outage') outages.push(e as O);
  }
  if (faults.length === 0 && outages.length === 0) return state;
  const f = bounded(state.faults, faults);
  const o = bounded(state.outages, outages);
  return { faults: f.list, outages: o.list, dropped: state.dropped + f.dropped + o.dropped };
}

/** The verdict of a measured outage. */
export function verdictOf(o: Pick<OutageRecord, 'durationMs' | 'intervalMs' | 'expected'>): ReportVerdict {
  if (!o.expected) return 'noPrediction';
  if (o.durationMs > o.expected.ms + o.intervalMs) return 'slower';
  if (o.durationMs < (o.expected.minMs ?? o.expected.ms) - o.intervalMs) return 'faster';
  return 'match';
}

function outageRow<O extends OutageRecord>(o: O): ReportRow<O> {
  const { host, target, ip, startMs, endMs, durationMs, lostProbes, intervalMs } = o;
  const row: ReportRow<O> = { host, target, ip, outage: { startMs, endMs, durationMs, lostProbes, intervalMs }, verdict: verdictOf(o) };
  if (o.expected) row.expected = o.expected;
  return row;
}

const faultKey = (f: { atMs: number; target: string; action: string }) => `${f.atMs}|${f.target}|${f.action}`;
const byHostTarget = (a: ReportRow, b: ReportRow) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0);

/**
 * Pairs each outage with the fault it names (`fault.atMs`, target and action) and adds, for each
 * probed host and target (keyed `host:target`) that measured nothing after a fault, a `noOutage`
 * row (`ongoing` after the last fault while the target is still lost). Outages whose fault the
 * report never saw come last, under a null fault, in the order they ended. A fault's rows are
 * sorted by host, then target.
 */
export function buildReport<F extends FaultRecord, O extends OutageRecord>(state: ReportState<F, O>, probes: Readonly<Record<string, ProbeNow>>): ReportGroup<F, O>[] {
  const byFault = new Map<string, O[]>();
  const orphans: O[] = [];
  const known = new Set(state.faults.map((f) => faultKey({ atMs: f.t, target: f.target, action: f.action })));
  for (const o of state.outages) {
    const key = o.fault ? faultKey(o.fault) : '';
    if (!known.has(key)) orphans.push(o);
    else byFault.set(key, [...(byFault.get(key) ?? []), o]);
  }
  const probed = Object.keys(probes).sort();
  const groups: ReportGroup<F, O>[] = state.faults.map((fault, i) => {
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
      rows.push({ host: probeKey.slice(0, cut), target: probeKey.slice(cut + 1), ip: probe.ip, verdict });
    }
    return { fault, rows: rows.sort(byHostTarget) };
  });
  if (orphans.length > 0) groups.push({ fault: null, rows: orphans.map(outageRow) });
  return groups;
}
