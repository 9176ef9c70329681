/**
 * One analysis run: the lab without its scenario, optionally with one element failed at
 * `faultAtMs`, run to `faultAtMs + settleMs`, reading only the events the analysis needs. It
 * records what hosts reach just before the fault and at the end, every loss episode after the
 * fault, and each link's data rate per direction over the last seconds of the run.
 */
import type { ResolvedTopology, Topology } from '../../model';
import { offeredBytes } from '../../model';
import type { ExpectedOutage, SimEvent, SimEventType } from '../events';
import { Simulation } from '../simulation';
import type { AnalysisElement, AnalysisTiming } from './elements';

/** Only these events: no PDUs, no LACP or STP detail, so each run stays cheap. */
export const ANALYSIS_EVENTS: readonly SimEventType[] = ['probe', 'outage', 'flow', 'fault', 'traffic'];

/** Traffic is averaged over this last part of a run (traffic events come once a virtual second). */
export const TRAFFIC_WINDOW_MS = 5000;

/** What a host's reachability is measured on: a probe target or a flow. */
export interface MeasuredItem {
  /** `srv1→gateway`, `srv1→upstream` or `flow:f1`. */
  key: string;
  kind: 'gateway' | 'upstream' | 'flow';
  /** The host that probes, or the flow's sender. */
  host: string;
  /** The flow's id (flows only). */
  flow?: string;
  /** The probed address, or the flow's destination device. */
  to: string;
}

export type ItemState = 'ok' | 'lost';

/** A loss of one item after the fault; `endMs` undefined = still lost at the end of the run. */
export interface Episode {
  startMs: number;
  endMs?: number;
  /** The outage the host measured (probes), with the standard's prediction when the engine names one. */
  measuredMs?: number;
  expected?: ExpectedOutage;
}

/** Bits per second each way on a link: `ab` from its `a` end to its `b` end. */
export interface LinkRate {
  ab: number;
  ba: number;
}

export interface RunResult {
  /** Item states just before the fault time. */
  before: Map<string, ItemState>;
  /** Item states at the end of the run. */
  after: Map<string, ItemState>;
  /** Loss episodes that started at or after the fault time. */
  episodes: Map<string, Episode[]>;
  /** Data rates over the last TRAFFIC_WINDOW_MS of the run; links without traffic are absent. */
  rates: Map<string, LinkRate>;
}

/** The document without its scenario: the analysis plans its own faults. */
export function withoutScenario(doc: Topology): Topology {
  const copy: Topology = { ...doc };
  delete copy.scenario;
  return copy;
}

/** The item an event is about, or undefined. */
function itemKey(e: SimEvent): string | undefined {
  if (e.type === 'probe' || e.type === 'outage') return `${e.host}→${e.target}`;
  if (e.type === 'flow') return `flow:${e.flow}`;
  return undefined;
}

/** Every item the lab measures: each host's probe targets (once probes report) and each flow. */
export function measuredItems(t: ResolvedTopology, seen: ReadonlySet<string>): MeasuredItem[] {
  const items: MeasuredItem[] = [];
  for (const d of t.devices) {
    for (const target of ['gateway', 'upstream'] as const) {
      const key = `${d.id}→${target}`;
      if (seen.has(key)) items.push({ key, kind: target, host: d.id, to: target === 'gateway' ? (d.gateway ?? '') : 'upstream' });
    }
  }
  for (const f of t.flows) items.push({ key: `flow:${f.id}`, kind: 'flow', host: f.from, flow: f.id, to: f.to });
  return items;
}

class RunRecorder {
  readonly state = new Map<string, ItemState>();
  readonly episodes = new Map<string, Episode[]>();
  readonly bytes = new Map<string, { ab: number; ba: number }>();

  constructor(
    private readonly faultAtMs: number,
    private readonly windowFromMs: number,
  ) {}

  readonly onEvent = (e: SimEvent): void => {
    if (e.type === 'traffic') {
      if (e.t <= this.windowFromMs) return;
      const b = this.bytes.get(e.link) ?? { ab: 0, ba: 0 };
      // Offered load: what the link carried plus what its full transmit buffer dropped.
      const offered = offeredBytes(e);
      b.ab += offered.ab;
      b.ba += offered.ba;
      this.bytes.set(e.link, b);
      return;
    }
    const key = itemKey(e);
    if (key === undefined) return;
    if (e.type === 'outage') return this.onOutage(key, e.durationMs, e.expected);
    if (e.type !== 'probe' && e.type !== 'flow') return;
    this.state.set(key, e.state);
    if (e.t < this.faultAtMs) return;
    const list = this.episodes.get(key) ?? [];
    const open = list.at(-1);
    if (e.state === 'lost' && (open === undefined || open.endMs !== undefined)) {
      list.push({ startMs: e.type === 'probe' ? (e.sinceMs ?? e.t) : e.t });
    } else if (e.state === 'ok' && open !== undefined && open.endMs === undefined) {
      open.endMs = e.t;
    }
    this.episodes.set(key, list);
  };

  private onOutage(key: string, durationMs: number, expected: ExpectedOutage | undefined): void {
    const last = this.episodes.get(key)?.at(-1);
    if (!last) return;
    last.measuredMs = durationMs;
    if (expected) last.expected = expected;
  }
}

/** Runs the lab once; `element` (optional) fails alone at `timing.faultAtMs`. */
export function observeRun(doc: Topology, timing: AnalysisTiming, element?: AnalysisElement): RunResult {
  const sim = new Simulation(withoutScenario(doc), { events: ANALYSIS_EVENTS });
  const endMs = timing.faultAtMs + timing.settleMs;
  const recorder = new RunRecorder(timing.faultAtMs, endMs - TRAFFIC_WINDOW_MS);
  sim.onEvent(recorder.onEvent);
  for (const target of element?.targets ?? []) sim.scheduleFault(timing.faultAtMs, 'fail', target);
  // Just before the fault: everything scheduled at the fault time itself runs after the snapshot.
  sim.runUntil(timing.faultAtMs - 0.001);
  const before = new Map(recorder.state);
  sim.runUntil(endMs);
  const rates = new Map<string, LinkRate>();
  const seconds = TRAFFIC_WINDOW_MS / 1000;
  for (const [link, b] of recorder.bytes) rates.set(link, { ab: (b.ab * 8) / seconds, ba: (b.ba * 8) / seconds });
  return { before, after: new Map(recorder.state), episodes: recorder.episodes, rates };
}
