/**
 * (10) N-1 capacity: every bundle of links — a host's bond, a switch's LAG, the two halves of an
 * MC-LAG LAG taken together — must carry what it carries now after losing any one member: its
 * load (the busier direction, from the live traffic meters) must fit in its line rate minus its
 * largest member's. That is the chapter's rule, "size active-active so that losing one half still
 * carries the service". The load does not change when a member fails (the survivors take it),
 * so the check gives the same answer before, during and after a failure.
 */
import type { Topology } from '../model';
import { linkLineRateMbps, offeredBytes } from '../model';
import type { GoalResult, LessonLive } from './types';

/** A bond, a LAG or an MC-LAG LAG (both peers' halves): the links it bundles, seen from its own end(s). */
interface Bundle {
  /** `device:id`, or `mclag:id` for an MC-LAG LAG across its peers. */
  key: string;
  /** Each member link with whether the bundle's end is the link's `a` end. */
  members: { link: Topology['links'][number]; isA: boolean }[];
}

function memberLinks(doc: Topology, device: string, ports: readonly string[]): Bundle['members'] {
  const out: Bundle['members'] = [];
  for (const link of doc.links) {
    if (link.a.device === device && ports.includes(link.a.port)) out.push({ link, isA: true });
    else if (link.b.device === device && ports.includes(link.b.port)) out.push({ link, isA: false });
  }
  return out;
}

function bundlesOf(doc: Topology): Bundle[] {
  const bundles: Bundle[] = (doc.bonds ?? []).map((b) => ({ key: `${b.device}:${b.id}`, members: memberLinks(doc, b.device, b.members) }));
  const mclag = new Map<string, Bundle>();
  for (const lag of doc.lags ?? []) {
    const members = memberLinks(doc, lag.device, lag.members);
    if (lag.mclag === undefined) {
      bundles.push({ key: `${lag.device}:${lag.id}`, members });
      continue;
    }
    const key = `mclag:${lag.mclag}:${lag.id}`;
    const seen = mclag.get(key);
    if (seen) seen.members.push(...members);
    else mclag.set(key, { key, members });
  }
  return [...bundles, ...mclag.values()].filter((b) => b.members.length >= 2);
}

/** The bundle's busier direction, Mb/s of offered load, summed over its members (out of its end, into it). */
function loadMbps(b: Bundle, live: Pick<LessonLive, 'traffic'>): number {
  let out = 0;
  let into = 0;
  for (const { link, isA } of b.members) {
    const v = live.traffic[link.id];
    if (!v) continue;
    const { ab, ba } = offeredBytes(v);
    out += isA ? ab : ba;
    into += isA ? ba : ab;
  }
  return (Math.max(out, into) * 8) / 1e6;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function checkNMinus1(doc: Topology, live: LessonLive): GoalResult {
  const busy = bundlesOf(doc)
    .map((b) => {
      const rates = b.members.map((m) => linkLineRateMbps(doc, m.link));
      const capacity = rates.reduce((s, r) => s + r, 0);
      return { key: b.key, load: loadMbps(b, live), left: capacity - Math.max(...rates) };
    })
    .filter((b) => b.load > 0);
  if (busy.length === 0) return { met: false, detail: 'noBundleTraffic' };
  const over = busy.find((b) => b.load > b.left);
  if (over) return { met: false, detail: 'n1Over', values: { bundle: over.key, load: round1(over.load), left: over.left } };
  return { met: true, detail: 'met' };
}
