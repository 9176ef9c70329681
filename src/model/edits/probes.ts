/**
 * The lab's reachability probes (DESIGN.md §4): how often every host probes its gateway and the
 * upstream, and which of the two it probes. Defaults: every 100 ms, both.
 */
import type { ProbeTarget, Topology } from '../schema';
import { PROBE_TARGETS } from '../schema';
import type { EditResult } from './result';
import { EditErrorKey, accept, checkInt, refuse, without } from './result';

export const PROBE_LIMITS = { intervalMs: { min: 10, max: 10_000 } } as const;

/** Settable probe fields; null resets one (interval 100 ms, both targets). */
export interface ProbesPatch {
  intervalMs?: number | null | undefined;
  /** What every host probes; [] = no probes. */
  targets?: readonly ProbeTarget[] | null | undefined;
}

/** Changes the probe interval or targets; the defaults are stored as absent. */
export function updateProbes(doc: Topology, patch: ProbesPatch): EditResult {
  if (patch.intervalMs != null) {
    const bad = checkInt('intervalMs', patch.intervalMs, PROBE_LIMITS.intervalMs.min, PROBE_LIMITS.intervalMs.max);
    if (bad) return { ok: false, error: bad };
  }
  const wrong = patch.targets?.find((t) => !PROBE_TARGETS.includes(t));
  if (wrong !== undefined) return refuse(EditErrorKey.choice, { field: 'targets', value: String(wrong) });
  let next = { ...doc.probes };
  if ('intervalMs' in patch) next = patch.intervalMs == null ? without(next, 'intervalMs') : { ...next, intervalMs: patch.intervalMs };
  if ('targets' in patch) {
    const targets = PROBE_TARGETS.filter((t) => patch.targets?.includes(t));
    next = patch.targets == null || targets.length === PROBE_TARGETS.length ? without(next, 'targets') : { ...next, targets };
  }
  const isSame = next.intervalMs === doc.probes?.intervalMs && next.targets?.join() === doc.probes?.targets?.join();
  if (isSame) return { ok: true, doc };
  return accept(Object.keys(next).length === 0 ? without(doc, 'probes') : { ...doc, probes: next }, {});
}
