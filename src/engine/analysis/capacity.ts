/**
 * N-1 capacity: each link's and each LAG's utilisation from the traffic the lab really sends —
 * the flows placed on links and LAG members by the engine's own hashing, measured from `traffic`
 * events — now, and after each single failure (the SPoF finder's runs). The busier direction
 * counts (links are full duplex). Above 100 % a failure leaves more load than capacity: the
 * chapter's advice is to size active-active so that one half can carry the whole load. Every
 * English label and warning (the CLI's words) has a data twin (`worstAfterElement`, `overloads`)
 * a UI words in its own language.
 */
import type { ResolvedLink, ResolvedTopology } from '../../model';
import type { AnalysisElement, ElementRef } from './elements';
import type { LinkRate } from './observe';

/** One link or LAG: its capacity and its utilisation now and at worst after a single failure. */
export interface CapacityRow {
  kind: 'link' | 'lag';
  /** The link id, or the LAG element's id. */
  id: string;
  label: string;
  /** Line rate (a LAG: the sum of its members'), Mb/s. */
  capacityMbps: number;
  /** Busier direction's rate now, Mb/s. */
  nowMbps: number;
  /** Utilisation now, percent of capacity (busier direction), to 0.01 %. */
  nowPct: number;
  /** The highest utilisation after any single failure (of what remains of it), percent. */
  worstPct: number;
  /** The failure that gives `worstPct` (an element label, English), when it is higher than now. */
  worstAfter?: string;
  /** The same failure as an element, for a UI to name and select: present whenever `worstAfter` is. */
  worstAfterElement?: ElementRef;
  /** Over 100 % now or after a failure. */
  isOver: boolean;
}

/** A link or LAG over 100 %: now (nothing failed), or after the failure of `after`. */
export interface CapacityOverload {
  /** The row's kind and id. */
  kind: CapacityRow['kind'];
  id: string;
  /** `now`: over with nothing failed (`pct` is `nowPct`); `afterFailure`: over after `after` fails (`pct` is `worstPct`). */
  when: 'now' | 'afterFailure';
  pct: number;
  capacityMbps: number;
  after?: ElementRef;
}

export interface CapacityReport {
  rows: CapacityRow[];
  /** One line per link or LAG that goes over 100 %, with the advice (English, the CLI's words). */
  warnings: string[];
  /** The same warnings as data, in the same order, for a UI to word in its own language. */
  overloads?: CapacityOverload[];
}

/** The chapter's sizing rule, appended to every warning. */
export const CAPACITY_ADVICE = 'size active-active links so that one half can carry the whole load';

/** A link's line rate: its own, else the lower of its two ports' speeds (auto-negotiation). */
export function linkSpeedMbps(t: ResolvedTopology, link: ResolvedLink): number {
  if (link.speedMbps !== null) return link.speedMbps;
  const speed = (end: ResolvedLink['a']) => t.devices.find((d) => d.id === end.device)?.ports.find((p) => p.id === end.port)?.speedMbps ?? 0;
  return Math.min(speed(link.a), speed(link.b));
}

/** What is measured: every link alone, and each LAG element as the sum of its member links. */
interface Measured {
  kind: 'link' | 'lag';
  id: string;
  label: string;
  links: string[];
}

/** Busier direction over the given links (members carry a LAG's load together), and the capacity of those links. */
function load(t: ResolvedTopology, links: readonly string[], rates: ReadonlyMap<string, LinkRate>): { mbps: number; capacityMbps: number } {
  let ab = 0;
  let ba = 0;
  let capacityMbps = 0;
  for (const id of links) {
    const link = t.links.find((l) => l.id === id);
    if (!link) continue;
    const r = rates.get(id) ?? { ab: 0, ba: 0 };
    // A LAG's members may be wired either way round: orient each by which end sits on the first member's `a` device.
    const first = t.links.find((l) => l.id === links[0]);
    const isSame = first === undefined || link.a.device === first.a.device;
    ab += isSame ? r.ab : r.ba;
    ba += isSame ? r.ba : r.ab;
    capacityMbps += linkSpeedMbps(t, link);
  }
  return { mbps: Math.max(ab, ba) / 1e6, capacityMbps };
}

const pct = (mbps: number, capacityMbps: number): number => (capacityMbps > 0 ? (100 * mbps) / capacityMbps : 0);
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The English warning for an overload (the CLI's words): `label` names the row, `afterLabel` the failure. */
export function overloadText(o: CapacityOverload, label: string, afterLabel: string | undefined): string {
  if (o.when === 'now') return `${label} runs at ${o.pct} % of ${o.capacityMbps} Mb/s with nothing failed: ${CAPACITY_ADVICE}`;
  return `${label} reaches ${o.pct} % after ${afterLabel ?? 'a failure'} fails: ${CAPACITY_ADVICE}`;
}

/** The links that survive `failed` among `links`: its own links are down (a device's links too). */
function surviving(links: readonly string[], failed: AnalysisElement): string[] {
  return links.filter((l) => !failed.links.includes(l));
}

/** Builds the N-1 table from the fault-free run's rates and each single-failure run's rates. */
export function capacityReport(t: ResolvedTopology, lagElements: readonly AnalysisElement[], baseline: ReadonlyMap<string, LinkRate>, failures: readonly { element: AnalysisElement; rates: ReadonlyMap<string, LinkRate> }[]): CapacityReport {
  const measured: Measured[] = [...t.links.map((l) => ({ kind: 'link' as const, id: l.id, label: `link ${l.id}`, links: [l.id] })), ...lagElements.map((e) => ({ kind: 'lag' as const, id: e.id, label: e.label, links: e.links }))];
  const rows: CapacityRow[] = [];
  const warnings: string[] = [];
  const overloads: CapacityOverload[] = [];
  for (const m of measured) {
    const now = load(t, m.links, baseline);
    const nowPct = pct(now.mbps, now.capacityMbps);
    let worstPct = nowPct;
    let worstAfter: AnalysisElement | undefined;
    for (const f of failures) {
      const left = surviving(m.links, f.element);
      if (left.length === 0) continue;
      const after = load(t, left, f.rates);
      const p = pct(after.mbps, after.capacityMbps);
      if (p > worstPct + 1e-9) {
        worstPct = p;
        worstAfter = f.element;
      }
    }
    const row: CapacityRow = { kind: m.kind, id: m.id, label: m.label, capacityMbps: now.capacityMbps, nowMbps: Math.round(now.mbps * 1000) / 1000, nowPct: round2(nowPct), worstPct: round2(worstPct), isOver: worstPct > 100 };
    if (worstAfter !== undefined) {
      row.worstAfter = worstAfter.label;
      row.worstAfterElement = { kind: worstAfter.kind, id: worstAfter.id };
    }
    rows.push(row);
    if (nowPct <= 100 && worstPct <= 100) continue;
    const overload: CapacityOverload = { kind: m.kind, id: m.id, when: nowPct > 100 ? 'now' : 'afterFailure', pct: round2(nowPct > 100 ? nowPct : worstPct), capacityMbps: now.capacityMbps };
    if (overload.when === 'afterFailure' && row.worstAfterElement) overload.after = row.worstAfterElement;
    overloads.push(overload);
    warnings.push(overloadText(overload, m.label, worstAfter?.label));
  }
  return { rows, warnings, overloads };
}
