/**
 * `lab analyze <file|share-URL> [--json]`: runs the engine's SPoF finder and N-1 capacity table
 * (issue 6) and, when the lab has a scenario, the failover report (failoverReport.ts), and prints
 * them. Exit code 1 when a single point of failure exists, 0 when none, 2 for input errors (like
 * `run`). The wall time is measured here: the engine has no clock.
 */
import type { ElementResult, Loss, MeasuredItem, SpofReport } from '../engine';
import { SimulationInputError, analyzeTopology } from '../engine';
import type { AnalyzeCommand } from './args';
import { CliInputError } from './errors';
import type { FailoverRun } from './failoverReport';
import { renderFailover, runFailover } from './failoverReport';
import type { CliIo } from './run';
import { loadLab } from './run';
import { alignColumns, wrap } from './table';

/** Exit codes of `lab analyze` (docs/cli.md). */
export const AnalyzeExit = {
  /** No single point of failure. */
  none: 0,
  /** At least one single point of failure. */
  spof: 1,
} as const;

const WIDTH = 100;
const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

/** `srv1 → gateway 10.0.0.1`, `srv1 → upstream`, `flow f1 (srv1 → internet)`. */
export function itemLabel(item: MeasuredItem): string {
  if (item.kind === 'flow') return `flow ${item.flow ?? ''} (${item.host} → ${item.to})`;
  return item.kind === 'gateway' ? `${item.host} → gateway ${item.to}` : `${item.host} → upstream`;
}

function lossLines(loss: Loss): string[] {
  const when = loss.duration === 'permanent' ? `lost for good (from ${seconds(loss.afterFaultMs)} after the fault)` : `lost ${seconds(loss.outageMs)}, then back`;
  const expected = loss.expected ? `; the standard predicts ${seconds(loss.expected.ms)} (${loss.expected.rule})` : '';
  const lines = [`    ${itemLabel(loss.item)}: ${when}${expected}`];
  if (loss.duration === 'permanent') {
    const reason = loss.reason ?? 'no cause the topology can name: the protocols did not find the way around';
    lines.push(...wrap(`why: ${reason}`, WIDTH, '      ', '        '));
  }
  return lines;
}

function elementLines(r: ElementResult): string[] {
  const permanent = r.losses.filter((l) => l.duration === 'permanent');
  const transient = r.losses.filter((l) => l.duration === 'transient');
  return [`  ${r.element.label}`, ...permanent.flatMap(lossLines), ...transient.flatMap(lossLines)];
}

function capacityLines(report: SpofReport): string[] {
  const rows = report.capacity.rows.filter((r) => r.nowMbps > 0 || r.worstPct > 0);
  if (rows.length === 0) return ['N-1 capacity: no data traffic measured (the lab has no flows).'];
  const pct = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} %`;
  const table = [['link / LAG', 'capacity', 'now', 'worst after one failure', 'which failure'], ...rows.map((r) => [r.label, `${r.capacityMbps} Mb/s`, pct(r.nowPct), `${pct(r.worstPct)}${r.isOver ? ' !' : ''}`, r.worstAfter ?? '—'])];
  const warnings = report.capacity.warnings.flatMap((w) => wrap(`! ${w}`, WIDTH, '  ', '    '));
  return ['N-1 capacity (busier direction, % of line rate):', ...alignColumns(table, '  '), ...(warnings.length > 0 ? ['', 'Capacity warnings:', ...warnings] : [])];
}

/** The readable report (without the failover report: see renderFailover). */
export function renderAnalysis(file: string, title: string | undefined, report: SpofReport): string {
  const { timing } = report;
  const head = [`Single points of failure: ${file}${title ? ` — ${title}` : ''}`];
  head.push(...wrap(`Failed ${report.elements.length} elements alone (switches and routers, links, LAGs; hosts and upstreams are the endpoints measured) at ${seconds(timing.faultAtMs)}, each settled for ${seconds(timing.settleMs)}: ${report.runs} runs, ${seconds(report.virtualMs)} of virtual time${report.timeMs === undefined ? '' : ` in ${seconds(report.timeMs)}`}.`, WIDTH, ''));
  head.push(`Measured without failure: ${report.baseline.length === 0 ? 'nothing (no probes or flows reach their target)' : report.baseline.map(itemLabel).join(', ')}.`);
  const spofs = report.spofs.length === 0 ? ['', 'No single point of failure.'] : ['', `${report.spofs.length} single point${report.spofs.length === 1 ? '' : 's'} of failure:`, ...report.spofs.flatMap(elementLines)];
  const transient = report.elements.filter((r) => !r.isSpof && r.losses.length > 0);
  const recovered = transient.length === 0 ? [] : ['', 'Recovered by themselves (transient outages only):', ...transient.flatMap(elementLines)];
  return [...head, ...spofs, ...recovered, '', ...capacityLines(report), ''].join('\n');
}

/** Runs `lab analyze`; throws CliInputError for a bad file or document. */
export function runAnalyze(cmd: AnalyzeCommand, io: CliIo): number {
  const doc = loadLab(cmd.file, io.readFile);
  let report: SpofReport;
  let failover: FailoverRun | null;
  try {
    report = analyzeTopology(doc, { clock: () => performance.now() });
    // The scenario runs until the analysis' settle time after its last step (docs/cli.md).
    failover = runFailover(doc, report.timing.settleMs);
  } catch (err) {
    if (err instanceof SimulationInputError) throw new CliInputError(err.issues.map((i) => `${cmd.file}: ${i}`));
    throw err;
  }
  if (cmd.json) io.stdout(`${JSON.stringify({ ...report, failover: failover?.groups ?? null })}\n`);
  else io.stdout(`${renderAnalysis(cmd.file, doc.meta?.title, report)}\n${renderFailover(doc, failover).join('\n')}\n`);
  return report.spofs.length > 0 ? AnalyzeExit.spof : AnalyzeExit.none;
}
