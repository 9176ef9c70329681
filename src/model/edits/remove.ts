/** Deleting parts of a lab, with the cascade that keeps the document valid. */
import type { Lag, ScenarioStep, Topology } from '../schema';
import type { EditResult, LagRef } from './result';
import { accept } from './result';

/** What to delete; unknown ids are ignored (deleting twice is harmless). */
export interface RemoveItems {
  devices?: readonly string[];
  links?: readonly string[];
  lags?: readonly LagRef[];
}

/** `items` without the rejected ones; the same array when nothing goes (keeps memoization). */
function keep<T>(items: T[], pred: (item: T) => boolean): T[] {
  const kept = items.filter(pred);
  return kept.length === items.length ? items : kept;
}

/** The device a scenario target names: itself, or the device of a `device:port` target. */
function targetsAny(step: ScenarioStep, devices: ReadonlySet<string>, links: ReadonlySet<string>): boolean {
  if (devices.has(step.target) || links.has(step.target)) return true;
  const sep = step.target.lastIndexOf(':');
  return sep > 0 && devices.has(step.target.slice(0, sep));
}

/**
 * Deletes devices, links and LAGs. A device takes its links, its LAGs and the scenario steps
 * aimed at it (or at its ports) with it; a link takes only its scenario steps and leaves LAG
 * membership alone (a member may be unwired); a LAG leaves its links.
 */
export function removeItems(doc: Topology, items: RemoveItems): EditResult {
  const devices = new Set(items.devices ?? []);
  const lagKeys = new Set((items.lags ?? []).map((l) => `${l.device}\u0000${l.id}`));
  const linkIds = new Set(items.links ?? []);
  for (const l of doc.links) if (devices.has(l.a.device) || devices.has(l.b.device)) linkIds.add(l.id);

  const keepLag = (lag: Lag) => !devices.has(lag.device) && !lagKeys.has(`${lag.device}\u0000${lag.id}`);
  const next: Topology = {
    ...doc,
    devices: keep(doc.devices, (d) => !devices.has(d.id)),
    links: keep(doc.links, (l) => !linkIds.has(l.id)),
  };
  if (doc.lags) next.lags = keep(doc.lags, keepLag);
  if (doc.scenario) next.scenario = keep(doc.scenario, (s) => !targetsAny(s, devices, linkIds));
  const isSame = next.devices === doc.devices && next.links === doc.links && next.lags === doc.lags && next.scenario === doc.scenario;
  return isSame ? { ok: true, doc } : accept(next, {});
}
