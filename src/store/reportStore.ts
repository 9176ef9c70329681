/**
 * The failover report (issue 6 item 3): every fault injected since the lab was loaded and every
 * outage a host measured after one, kept for the whole session (bounded), unlike the overlay's
 * `outages` map which holds only the last outage per host and target. Only `bridge.ts` writes it:
 * it feeds each folded batch's events and clears it on a load. The pure report logic (folding,
 * pairing outages with their fault, verdicts) lives in `src/model/failoverReport.ts`, shared with
 * `lab analyze`; this file types it with the engine's events and holds the zustand store.
 */
import { create } from 'zustand';
import type { FaultEvent, OutageEvent, SimEvent } from '../engine/events';
import type { ProbeNow, ReportGroup as GroupOf, ReportRow as RowOf, ReportState as StateOf } from '../model/failoverReport';
import { buildReport as buildReportOf, emptyReport as emptyReportOf, foldReport as foldReportOf } from '../model/failoverReport';

export { REPORT_LIMIT, verdictOf } from '../model/failoverReport';
export type { ProbeNow, ReportVerdict } from '../model/failoverReport';

export type ReportState = StateOf<FaultEvent, OutageEvent>;
export type ReportRow = RowOf<OutageEvent>;
export type ReportGroup = GroupOf<FaultEvent, OutageEvent>;

export function emptyReport(): ReportState {
  return emptyReportOf<FaultEvent, OutageEvent>();
}

export const useReportStore = create<ReportState>()(() => emptyReport());

/** Adds the fault and outage events among `events` (pure; the same state when there are none). */
export function foldReport(state: ReportState, events: readonly SimEvent[]): ReportState {
  return foldReportOf(state, events);
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

/** Pairs outages with their fault and judges them (see the model's `buildReport`). */
export function buildReport(state: ReportState, probes: Readonly<Record<string, ProbeNow>>): ReportGroup[] {
  return buildReportOf(state, probes);
}
