/** Deleting parts of a lab, with the cascade that keeps the document valid. */
import type { Lag, ScenarioStep, Topology } from '../schema';
import type { EditResult, LagRef } from './result';
import { cascadeGateways } from './removeGateways';
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
 * Deletes devices, links and LAGs. A device takes its links, its LAGs, its bonds, the flows it
 * sends or receives, the MC-LAG domain it is a peer of (its partner's MC-LAG ports become plain
 * LAGs) and the scenario steps aimed at it (or at its ports) with it; a link takes its scenario
 * steps and an MC-LAG keepalive role, and leaves LAG membership alone (a member may be unwired);
 * a LAG leaves its links (deleting a domain's peer-link LAG ends the domain; deleting an MC-LAG
 * port on one peer leaves its twin a plain LAG). First-hop
 * redundancy follows (`removeGateways.ts`): a device leaves its VRRP groups and anycast gateways,
 * tracked objects on deleted links or ports go, and a group no longer on an MC-LAG pair stops
 * being active-active.
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
  if (doc.bonds) next.bonds = keep(doc.bonds, (b) => !devices.has(b.device));
  if (doc.flows) next.flows = keep(doc.flows, (f) => !devices.has(f.from) && !devices.has(f.to));
  if (doc.mclags) cascadeMcLags(doc, next, devices, linkIds, lagKeys);
  cascadeGateways(doc, next, devices, linkIds);
  const parts = ['devices', 'links', 'lags', 'scenario', 'bonds', 'flows', 'mclags', 'vrrp', 'anycastGateways'] as const;
  const isSame = parts.every((k) => next[k] === doc[k]);
  return isSame ? { ok: true, doc } : accept(next, {});
}

/** A domain goes with a peer or its peer-link; a deleted keepalive link just leaves it without one. */
function cascadeMcLags(doc: Topology, next: Topology, devices: ReadonlySet<string>, links: ReadonlySet<string>, lagKeys: ReadonlySet<string>): void {
  const mclags = doc.mclags ?? [];
  const gone = new Set(mclags.filter((m) => m.peers.some((p) => devices.has(p) || lagKeys.has(`${p}\u0000${m.peerLink}`))).map((m) => m.id));
  let kept = keep(mclags, (m) => !gone.has(m.id));
  if (kept.some((m) => m.keepalive !== undefined && links.has(m.keepalive))) {
    kept = kept.map((m) => {
      if (m.keepalive === undefined || !links.has(m.keepalive)) return m;
      const { keepalive: _dropped, ...rest } = m;
      return rest;
    });
  }
  next.mclags = kept;
  // An MC-LAG port deleted on one peer leaves its twin on the other a plain LAG.
  const lostTwins = new Set((doc.lags ?? []).filter((l) => l.mclag !== undefined && lagKeys.has(`${l.device}\u0000${l.id}`)).map((l) => `${l.mclag ?? ''}\u0000${l.id}`));
  const isOrphan = (l: Lag) => l.mclag !== undefined && (gone.has(l.mclag) || lostTwins.has(`${l.mclag}\u0000${l.id}`));
  if (next.lags?.some(isOrphan)) {
    next.lags = next.lags.map((l) => {
      if (!isOrphan(l)) return l;
      const { mclag: _dropped, ...rest } = l;
      return rest;
    });
  }
}
