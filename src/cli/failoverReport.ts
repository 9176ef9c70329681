/**
 * `lab analyze`'s failover report (issue 6 item 3): runs the lab WITH its scenario in one
 * simulation, folds the `fault`, `outage` and `probe` events into the model's report
 * (src/model/failoverReport.ts, the same one the browser's Report shows) and prints, per fault,
 * what each host measured next to the standard's prediction. All its wording is here.
 */
import type { FaultEvent, OutageEvent, SimEvent, SimEventType } from '../engine';
import { Simulation } from '../engine';
import type { ProbeNow, ReportGroup, ReportRow, ReportVerdict, Topology } from '../model';
import { buildReport, emptyReport, foldReport } from '../model';
import { alignColumns, wrap } from './table';
import { formatSeconds } from './time';

/** The report's groups, typed with the engine's events. */
export type FailoverGroup = ReportGroup<FaultEvent, OutageEvent>;
type FailoverRow = ReportRow<OutageEvent>;

/** One run of the lab with its scenario and the report built from it. */
export interface FailoverRun {
  /** When the scenario's last step happens. */
  lastStepMs: number;
  /** How long the run goes on after it (the analysis' settle time). */
  settleMs: number;
  /** How long the run lasted: lastStepMs + settleMs. */
  untilMs: number;
  groups: FailoverGroup[];
}

/** Only what the report reads: the run stays cheap. */
const REPORT_EVENTS: readonly SimEventType[] = ['fault', 'outage', 'probe'];

const WIDTH = 100;
const s3 = (ms: number): string => `${formatSeconds(ms)} s`;

/** The teacher's word for each verdict (the browser's English wording). */
export const VERDICT_TEXT: Record<ReportVerdict, string> = {
  match: 'as predicted',
  faster: 'faster than predicted',
  slower: 'slower than predicted',
  noOutage: 'no outage',
  ongoing: 'still down at the end',
  noPrediction: 'no prediction',
};

const ACTION_TEXT: Record<string, string> = { fail: 'failed', restore: 'restored', mute: 'muted (control plane stops; its links stay up)', unmute: 'unmuted' };

export const NO_SCENARIO_LINE = "Failover report: the lab has no scenario — add faults to its scenario, or use the browser's Report.";

/**
 * Runs the lab with its scenario until `settleMs` after the last step and builds the report; the
 * hosts' probes now are the last `probe` event per host and target. Null when there is no scenario.
 */
export function runFailover(doc: Topology, settleMs: number): FailoverRun | null {
  const steps = doc.scenario ?? [];
  if (steps.length === 0) return null;
  const lastStepMs = Math.max(...steps.map((s) => s.atMs));
  const untilMs = lastStepMs + settleMs;
  const sim = new Simulation(doc, { events: REPORT_EVENTS });
  const events: SimEvent[] = [];
  const probes: Record<string, ProbeNow> = {};
  sim.onEvent((e) => {
    if (e.type === 'probe') probes[`${e.host}:${e.target}`] = { ip: e.ip, state: e.state };
    else events.push(e);
  });
  sim.runUntil(untilMs);
  const state = foldReport(emptyReport<FaultEvent, OutageEvent>(), events);
  return { lastStepMs, settleMs, untilMs, groups: buildReport(state, probes) };
}

/** `Core 1 (VRRP 200) (core1)`, `link u1`, `acc port eth3`. */
function faultTarget(doc: Topology, f: FaultEvent): string {
  const named = (id: string): string => {
    const name = doc.devices.find((d) => d.id === id)?.name;
    return name && name !== id ? `${name} (${id})` : id;
  };
  if (f.kind === 'link') return `link ${f.target}`;
  if (f.kind === 'device') return named(f.target);
  const cut = f.target.indexOf(':');
  return cut < 0 ? f.target : `${named(f.target.slice(0, cut))} port ${f.target.slice(cut + 1)}`;
}

/** `2.609–3.609 s`, or one value when the standard gives no range. */
function predicted(row: FailoverRow): string {
  const x = row.expected;
  if (!x) return '—';
  return x.minMs === undefined || x.minMs === x.ms ? s3(x.ms) : `${formatSeconds(x.minMs)}–${s3(x.ms)}`;
}

function rowCells(row: FailoverRow): string[] {
  const { outage } = row;
  return [
    row.host,
    `${row.target} ${row.ip}`,
    outage ? s3(outage.durationMs) : '—',
    outage ? `${outage.lostProbes} (every ${outage.intervalMs} ms)` : '—',
    predicted(row),
    row.expected?.rule ?? '—',
    VERDICT_TEXT[row.verdict],
  ];
}

function groupLines(doc: Topology, g: FailoverGroup): string[] {
  const head = g.fault ? `At ${s3(g.fault.t)}: ${faultTarget(doc, g.fault)} ${ACTION_TEXT[g.fault.action] ?? g.fault.action}` : 'Outages that follow no fault of the scenario';
  if (g.rows.length === 0) return ['', head, '  no host probes a gateway or the upstream in this lab'];
  const table = [['host', 'target', 'measured outage', 'probes lost', 'predicted', 'rule', 'verdict'], ...g.rows.map(rowCells)];
  return ['', head, ...alignColumns(table, '  ')];
}

/** The rules the report cites, each distinct formula once (the engine's, with this lab's timers). */
function ruleLines(groups: readonly FailoverGroup[]): string[] {
  const rules = new Set<string>();
  for (const g of groups) for (const r of g.rows) if (r.expected) rules.add(`${r.expected.rule}: ${r.expected.detail}`);
  if (rules.size === 0) return [];
  return ['', 'Predictions (the standard, with this lab’s timers):', ...[...rules].flatMap((text) => wrap(text, WIDTH, '  ', '    '))];
}

/** The faults in one list when no host probes anything: there is no outage to measure. */
function unprobedLines(doc: Topology, groups: readonly FailoverGroup[]): string[] {
  const faults = groups.flatMap((g) => (g.fault ? [`  at ${s3(g.fault.t)}: ${faultTarget(doc, g.fault)} ${ACTION_TEXT[g.fault.action] ?? g.fault.action}`] : []));
  return ['', ...wrap('No host probes a gateway or the upstream in this lab (a host probes only when it has a gateway and the lab\'s `probes.targets` is not empty), so no outage is measured after these faults:', WIDTH, ''), ...faults];
}

/** The readable "Failover report" section; `run` null prints the one no-scenario line. */
export function renderFailover(doc: Topology, run: FailoverRun | null): string[] {
  if (!run) return [NO_SCENARIO_LINE];
  const intro = [
    `Failover report: the lab was run with its scenario for ${s3(run.untilMs)} (last step at ${s3(run.lastStepMs)} + ${s3(run.settleMs)} to settle).`,
    ...wrap(
      'Each host probes its gateway and the upstream; an outage is measured from the first lost probe to the first answered one, so it is exact to one probe interval. "as predicted" means within one probe interval of the predicted range.',
      WIDTH,
      '',
    ),
  ];
  if (run.groups.every((g) => g.rows.length === 0)) return [...intro, ...unprobedLines(doc, run.groups)];
  return [...intro, ...run.groups.flatMap((g) => groupLines(doc, g)), ...ruleLines(run.groups)];
}
