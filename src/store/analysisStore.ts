/**
 * The SPoF analysis as the UI sees it (issue 6): idle, running with its progress, done with the
 * report, or failed. Only the bridge writes it (the worker's messages) and the session keeps
 * `isCurrent` (is the report about the document on the canvas?). The canvas reads the SPoF sets.
 */
import { create } from 'zustand';
import type { Topology } from '../model';
import type { AnalysisReport } from '../worker/protocol';

export const AnalysisStatus = {
  idle: 'idle',
  running: 'running',
  done: 'done',
  error: 'error',
} as const;
export type AnalysisStatus = (typeof AnalysisStatus)[keyof typeof AnalysisStatus];

export interface AnalysisState {
  status: AnalysisStatus;
  /** The worker command id of the analysis shown; messages of other ids are stale. */
  id: number | null;
  done: number;
  total: number;
  report: AnalysisReport | null;
  /** The analysed document's key (`analysisDocKey`). */
  docKey: string | null;
  /** The report (or the run) is about the document now on the canvas. */
  isCurrent: boolean;
  /** Devices and links whose failure alone causes a permanent loss (a LAG marks its member links). */
  spofDevices: ReadonlySet<string>;
  spofLinks: ReadonlySet<string>;
  /** Links the N-1 table finds over 100 % after some single failure: the worst utilisation, percent. */
  n1Links: ReadonlyMap<string, number>;
  /** Why it failed (an error code's detail). */
  error: string | null;
}

const EMPTY: ReadonlySet<string> = new Set();
const NO_N1: ReadonlyMap<string, number> = new Map();

const initial: AnalysisState = { status: 'idle', id: null, done: 0, total: 0, report: null, docKey: null, isCurrent: false, spofDevices: EMPTY, spofLinks: EMPTY, n1Links: NO_N1, error: null };

export const useAnalysisStore = create<AnalysisState>()(() => initial);

/** What the analysis depends on: the document without layout, title or scenario (which it drops). */
export function analysisDocKey(doc: Topology): string {
  return JSON.stringify(doc, (key, value: unknown) => (key === 'position' || key === 'meta' || key === 'scenario' ? undefined : value));
}

export function startAnalysis(id: number, doc: Topology): void {
  useAnalysisStore.setState({ ...initial, status: 'running', id, docKey: analysisDocKey(doc), isCurrent: true });
}

export function setAnalysisProgress(id: number, done: number, total: number): void {
  if (useAnalysisStore.getState().id !== id) return;
  useAnalysisStore.setState({ done, total });
}

export function setAnalysisReport(id: number, report: AnalysisReport): void {
  if (useAnalysisStore.getState().id !== id) return;
  const devices = new Set<string>();
  const links = new Set<string>();
  for (const s of report.spofs) {
    if (s.element.kind === 'device') devices.add(s.element.id);
    else for (const l of s.element.links) links.add(l);
  }
  const n1 = new Map(report.capacity.rows.filter((r) => r.kind === 'link' && r.isOver).map((r) => [r.id, r.worstPct]));
  useAnalysisStore.setState({ status: 'done', report, done: report.runs, total: report.runs, spofDevices: devices, spofLinks: links, n1Links: n1 });
}

/** The analysis `id` failed (an invalid lab, a crash of the worker). */
export function failAnalysis(id: number | null, detail: string): void {
  const s = useAnalysisStore.getState();
  if (s.status !== 'running' || (id !== null && s.id !== id)) return;
  useAnalysisStore.setState({ status: 'error', error: detail });
}

/** Keeps `isCurrent` in step with the document on the canvas. */
export function syncAnalysisDoc(doc: Topology): void {
  const { docKey, isCurrent } = useAnalysisStore.getState();
  if (docKey === null) return;
  const next = analysisDocKey(doc) === docKey;
  if (next !== isCurrent) useAnalysisStore.setState({ isCurrent: next });
}

export function resetAnalysis(): void {
  useAnalysisStore.setState(initial);
}

/** Is device `id` a SPoF of the current document? */
export const selectIsSpofDevice = (id: string) => (s: AnalysisState) => s.isCurrent && s.spofDevices.has(id);
/** Is link `id` (or its LAG) a SPoF of the current document? */
export const selectIsSpofLink = (id: string) => (s: AnalysisState) => s.isCurrent && s.spofLinks.has(id);
/** The worst utilisation after one failure of link `id` when the N-1 table finds it over 100 % (current document), else 0. */
export const selectN1Over = (id: string) => (s: AnalysisState) => (s.isCurrent ? (s.n1Links.get(id) ?? 0) : 0);
