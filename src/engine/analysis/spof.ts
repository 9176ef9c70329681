/**
 * The SPoF finder (issue 6): runs the lab fault-free, then fails every switch, router, link and
 * LAG alone in a fresh Simulation of the same document, lets it settle, and reports what hosts
 * lost — for a while (transient) or for good (permanent) — with a reason where the topology
 * names one. An element whose failure causes a permanent loss is a single point of failure.
 *
 * It runs one Simulation per `step()`, so the browser worker can run it between messages and
 * show `done / total`; `analyzeTopology` runs every step at once (CLI, tests). Deterministic:
 * the same document gives the same report, byte for byte; only `timeMs` comes from a clock the
 * caller passes in.
 */
import type { ResolvedTopology, Topology } from '../../model';
import { formatIssue, resolveTopology, validateTopology } from '../../model';
import type { ExpectedOutage } from '../events';
import { SimulationInputError } from '../simulation';
import type { CapacityReport } from './capacity';
import { capacityReport } from './capacity';
import type { AnalysisElement, AnalysisTiming } from './elements';
import { ElementKind, analysisElements, analysisTiming } from './elements';
import type { LinkRate, MeasuredItem, RunResult } from './observe';
import { measuredItems, observeRun } from './observe';
import type { LossWhy } from './reasonText';
import { lossReason } from './reasons';

/** One item lost after an element failed. */
export interface Loss {
  item: MeasuredItem;
  /** transient: lost, then back before the end; permanent: still lost when the run ends. */
  duration: 'transient' | 'permanent';
  /** When the first loss started, virtual ms after the fault. */
  afterFaultMs: number;
  /** Transient: the total outage (the host's measured outages for probes; flow state changes for flows). Permanent: lost until the end, at least this long. */
  outageMs: number;
  /** The standard's prediction of the first outage, when the engine names one. */
  expected?: ExpectedOutage;
  /** Why, in English (the CLI's words), when the topology can tell (permanent losses only). */
  reason?: string;
  /** The same cause as data, for a UI to word in its own language: present whenever `reason` is. */
  why?: LossWhy;
}

/** What failing one element did. */
export interface ElementResult {
  element: AnalysisElement;
  losses: Loss[];
  /** A permanent loss: a single point of failure. */
  isSpof: boolean;
}

export interface SpofReport {
  timing: AnalysisTiming;
  /** What the fault-free lab reaches at the fault time and still at the end: the items a failure can lose. */
  baseline: MeasuredItem[];
  elements: ElementResult[];
  /** The elements whose failure causes a permanent loss, in element order. */
  spofs: ElementResult[];
  capacity: CapacityReport;
  /** Simulations run (the baseline plus one per element) and the virtual time they covered. */
  runs: number;
  virtualMs: number;
  /** Wall time of the whole analysis, ms, when a clock was passed in (the engine has none). */
  timeMs?: number;
}

export interface AnalysisOptions {
  /** A wall clock in ms (e.g. `performance.now`), only to report `timeMs`. */
  clock?: () => number;
}

/** Progress after a step. */
export interface AnalysisProgress {
  done: number;
  total: number;
  /** The element just analysed (undefined after the baseline step). */
  element?: AnalysisElement;
}

function validDocument(input: unknown): { doc: Topology; topology: ResolvedTopology } {
  const result = validateTopology(input);
  if (!result.ok) throw new SimulationInputError(result.issues.map(formatIssue));
  return { doc: result.topology, topology: resolveTopology(result.topology) };
}

/** Losses of baseline items in one failure run. */
function lossesOf(topology: ResolvedTopology, el: AnalysisElement, baseline: readonly MeasuredItem[], run: RunResult, timing: AnalysisTiming): Loss[] {
  const { faultAtMs, settleMs } = timing;
  const losses: Loss[] = [];
  for (const item of baseline) {
    const episodes = run.episodes.get(item.key) ?? [];
    const first = episodes[0];
    if (!first) continue;
    const isPermanent = run.after.get(item.key) === 'lost';
    const outageMs = episodes.reduce((sum, e) => sum + (e.measuredMs ?? (e.endMs ?? faultAtMs + settleMs) - e.startMs), 0);
    const loss: Loss = { item, duration: isPermanent ? 'permanent' : 'transient', afterFaultMs: Math.round(Math.max(0, first.startMs - faultAtMs)), outageMs: Math.round(outageMs) };
    if (first.expected) loss.expected = first.expected;
    const cause = isPermanent ? lossReason(topology, el, item) : undefined;
    if (cause) {
      loss.reason = cause.reason;
      loss.why = cause.why;
    }
    losses.push(loss);
  }
  return losses;
}

/** A SPoF analysis of one document, run one Simulation per `step()`. */
export class SpofAnalysis {
  readonly topology: ResolvedTopology;
  readonly timing: AnalysisTiming;
  readonly elements: readonly AnalysisElement[];
  private readonly doc: Topology;
  private baseline: { items: MeasuredItem[]; rates: ReadonlyMap<string, LinkRate> } | undefined;
  private readonly results: ElementResult[] = [];
  private readonly rates: { element: AnalysisElement; rates: ReadonlyMap<string, LinkRate> }[] = [];
  private readonly startedAt: number | undefined;

  /** Throws SimulationInputError for an invalid document (nothing runs yet). */
  constructor(
    input: unknown,
    private readonly options: AnalysisOptions = {},
  ) {
    const { doc, topology } = validDocument(input);
    this.doc = doc;
    this.topology = topology;
    this.timing = analysisTiming(topology);
    this.elements = analysisElements(topology);
    this.startedAt = options.clock?.();
  }

  /** Steps in all: the baseline run plus one per element. */
  get total(): number {
    return this.elements.length + 1;
  }

  get done(): number {
    return (this.baseline ? 1 : 0) + this.results.length;
  }

  get isDone(): boolean {
    return this.done === this.total;
  }

  /** Runs the next Simulation (the baseline first); returns the progress, or undefined when all are done. */
  step(): AnalysisProgress | undefined {
    if (this.isDone) return undefined;
    if (!this.baseline) {
      const run = observeRun(this.doc, this.timing);
      const seen = new Set([...run.before.keys()]);
      const items = measuredItems(this.topology, seen).filter((i) => run.before.get(i.key) === 'ok' && run.after.get(i.key) === 'ok');
      this.baseline = { items, rates: run.rates };
      return { done: this.done, total: this.total };
    }
    const element = this.elements[this.results.length];
    if (!element) return undefined;
    const run = observeRun(this.doc, this.timing, element);
    const losses = lossesOf(this.topology, element, this.baseline.items, run, this.timing);
    this.results.push({ element, losses, isSpof: losses.some((l) => l.duration === 'permanent') });
    this.rates.push({ element, rates: run.rates });
    return { done: this.done, total: this.total, element };
  }

  /** The report; runs whatever steps are left first. */
  report(): SpofReport {
    while (this.step()) {
      // each step runs one Simulation
    }
    const lags = this.elements.filter((e) => e.kind === ElementKind.lag);
    const report: SpofReport = {
      timing: this.timing,
      baseline: this.baseline?.items ?? [],
      elements: this.results,
      spofs: this.results.filter((r) => r.isSpof),
      capacity: capacityReport(this.topology, lags, this.baseline?.rates ?? new Map(), this.rates),
      runs: this.total,
      virtualMs: this.total * (this.timing.faultAtMs + this.timing.settleMs),
    };
    const end = this.options.clock?.();
    if (end !== undefined && this.startedAt !== undefined) report.timeMs = Math.round(end - this.startedAt);
    return report;
  }
}

/** Runs the whole analysis at once (CLI, tests); throws SimulationInputError for an invalid document. */
export function analyzeTopology(input: unknown, options: AnalysisOptions = {}): SpofReport {
  return new SpofAnalysis(input, options).report();
}
