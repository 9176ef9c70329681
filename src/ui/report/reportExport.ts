/**
 * The failover report as files a teacher can open: CSV (one row per fault, host and target, with
 * a header, times in seconds to the millisecond) and JSON (faults with their outages nested).
 * Pure; names and translations are passed in so tests call it without React.
 */
import type { FaultEvent } from '../../engine/events';
import type { ReportGroup, ReportRow, ReportVerdict } from '../../store/reportStore';

/** How the report names things in the current language and lab. */
export interface ReportNames {
  device(id: string): string;
  faultTarget(fault: FaultEvent): string;
  rule(rule: string): string;
  verdict(verdict: ReportVerdict): string;
}

/** Milliseconds as seconds with three decimals: 10220 → "10.220"; '' when absent. */
export function seconds(ms: number | undefined): string {
  return ms === undefined ? '' : (ms / 1000).toFixed(3);
}

export const CSV_HEADER = [
  'fault_at_s',
  'fault_action',
  'fault_kind',
  'fault_target',
  'host',
  'target',
  'ip',
  'outage_s',
  'lost_probes',
  'probe_interval_s',
  'expected_min_s',
  'expected_max_s',
  'rule',
  'rule_name',
  'verdict',
  'verdict_name',
] as const;

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(fault: FaultEvent | null, row: ReportRow, names: ReportNames): (string | number)[] {
  const { outage, expected } = row;
  return [
    fault ? seconds(fault.t) : '',
    fault?.action ?? '',
    fault?.kind ?? '',
    fault ? names.faultTarget(fault) : '',
    names.device(row.host),
    row.target,
    row.ip,
    seconds(outage?.durationMs),
    outage?.lostProbes ?? '',
    seconds(outage?.intervalMs),
    seconds(expected ? (expected.minMs ?? expected.ms) : undefined),
    seconds(expected?.ms),
    expected?.rule ?? '',
    expected ? names.rule(expected.rule) : '',
    row.verdict,
    names.verdict(row.verdict),
  ];
}

/** RFC 4180 CSV (CRLF), with a byte-order mark so spreadsheet programs read Korean as UTF-8. */
export function reportCsv(groups: readonly ReportGroup[], names: ReportNames): string {
  const lines = [CSV_HEADER.join(',')];
  for (const g of groups) for (const row of g.rows) lines.push(csvRow(g.fault, row, names).map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function jsonRow(row: ReportRow, names: ReportNames) {
  const { expected } = row;
  return {
    host: row.host,
    hostName: names.device(row.host),
    target: row.target,
    ip: row.ip,
    verdict: row.verdict,
    ...(row.outage ?? {}),
    ...(expected ? { expected: { ...expected, ruleName: names.rule(expected.rule) } } : {}),
  };
}

/** The report as structured JSON: each fault with the outage (or none) every host measured after it. */
export function reportJson(groups: readonly ReportGroup[], names: ReportNames, lab: { title: string; clockMs: number }): string {
  const faults = groups.flatMap((g) =>
    g.fault ? [{ atMs: g.fault.t, action: g.fault.action, kind: g.fault.kind, target: g.fault.target, targetName: names.faultTarget(g.fault), rows: g.rows.map((r) => jsonRow(r, names)) }] : [],
  );
  const unattributed = groups.flatMap((g) => (g.fault ? [] : g.rows.map((r) => jsonRow(r, names))));
  return `${JSON.stringify({ lab: lab.title, clockMs: lab.clockMs, faults, unattributed }, null, 2)}\n`;
}
