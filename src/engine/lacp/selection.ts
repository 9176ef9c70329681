/**
 * Selection Logic, 802.1AX-2008 5.4.14: ports whose LAG ID matches (same actor key, same partner
 * System ID and key, both aggregatable) select the LAG's aggregator. When more ports qualify than
 * `maxActive`, the system with the better System ID (5.4.14, 5.6.1 "the higher-priority system
 * decides") ranks them by its own Port ID and the rest become STANDBY (hot-standby).
 */
import { LacpStateBit as B } from '../codecs/lacpdu';
import type { LacpReason } from '../events';
import type { LacpPort } from './lacpPort';
import type { Selected } from './types';

export interface SelectionView {
  readonly system: string;
  readonly systemPriority: number;
  readonly key: number;
  readonly maxActive: number;
  /** The partner (priority|system|key) the aggregator is formed with, kept while it has ports. */
  partnerGroup: string | null;
  lacpEnabled(p: LacpPort): boolean;
  /** Why LACP is not running on an enabled port (half duplex, not started). */
  disabledReason(p: LacpPort): LacpReason;
}

interface Verdict {
  selected: Selected;
  reason: LacpReason | undefined;
}

/** Eligibility verdicts: a reason to stay out, 'listening' (no verdict yet) or undefined (eligible). */
type Eligibility = LacpReason | 'listening' | undefined;

function groupOf(p: LacpPort): string {
  return `${p.partner.systemPriority}|${p.partner.system}|${p.partner.key}`;
}

/** System ID comparison (5.3.2): priority first, then MAC; true when a is better (lower). */
export function systemIdBetter(prioA: number, macA: string, prioB: number, macB: string): boolean {
  return prioA < prioB || (prioA === prioB && macA < macB);
}

function eligibility(view: SelectionView, p: LacpPort): Eligibility {
  if (!p.isEnabled) return 'linkDown';
  if (!view.lacpEnabled(p)) return view.disabledReason(p);
  if (p.rx === 'DEFAULTED') return 'noPartner';
  // EXPIRED with nobody heard yet: still listening, not (yet) a verdict on the partner.
  if (!p.hasPartner) return 'listening';
  if (p.opKey !== view.key) return 'speedMismatch';
  if (!p.partnerHas(B.aggregation)) return 'partnerIndividual';
  return undefined;
}

function chooseGroup(view: SelectionView, groups: Map<string, LacpPort[]>): string | null {
  if (view.partnerGroup !== null && groups.has(view.partnerGroup)) return view.partnerGroup;
  let best: string | null = null;
  let bestCount = 0;
  let bestLow = Infinity;
  for (const [group, ports] of groups) {
    const low = Math.min(...ports.map((p) => p.actorPort));
    if (ports.length > bestCount || (ports.length === bestCount && low < bestLow)) {
      best = group;
      bestCount = ports.length;
      bestLow = low;
    }
  }
  return best;
}

function rank(view: SelectionView, ports: LacpPort[]): LacpPort[] {
  const first = ports[0];
  if (!first) return ports;
  const actorDecides = systemIdBetter(view.systemPriority, view.system, first.partner.systemPriority, first.partner.system);
  const keyOf = (p: LacpPort): [number, number] => (actorDecides ? [p.portPriority, p.actorPort] : [p.partner.portPriority, p.partner.port]);
  return [...ports].sort((x, y) => {
    const [px, nx] = keyOf(x);
    const [py, ny] = keyOf(y);
    return px - py || nx - ny;
  });
}

function verdicts(view: SelectionView, ports: readonly LacpPort[]): Map<LacpPort, Verdict> {
  const out = new Map<LacpPort, Verdict>();
  const groups = new Map<string, LacpPort[]>();
  for (const p of ports) {
    const reason = eligibility(view, p);
    if (reason) {
      out.set(p, { selected: 'UNSELECTED', reason: reason === 'listening' ? undefined : reason });
      continue;
    }
    const g = groupOf(p);
    const list = groups.get(g);
    if (list) list.push(p);
    else groups.set(g, [p]);
  }
  const chosen = chooseGroup(view, groups);
  view.partnerGroup = chosen;
  for (const [group, members] of groups) {
    if (group !== chosen) {
      for (const p of members) out.set(p, { selected: 'UNSELECTED', reason: 'partnerMismatch' });
      continue;
    }
    rank(view, members).forEach((p, i) => {
      out.set(p, i < view.maxActive ? { selected: 'SELECTED', reason: undefined } : { selected: 'STANDBY', reason: 'maxActive' });
    });
  }
  return out;
}

/**
 * Runs the selection logic over a LAG's ports; returns true when any Selected changed.
 * A port unselected by update_Selected is reselected only once its mux is back in DETACHED.
 */
export function runSelection(view: SelectionView, ports: readonly LacpPort[]): boolean {
  let changed = false;
  for (const [p, v] of verdicts(view, ports)) {
    p.reason = v.reason;
    if (v.selected === p.selected) continue;
    if (v.selected !== 'UNSELECTED' && p.selected === 'UNSELECTED' && p.mux !== 'DETACHED') continue;
    p.selected = v.selected;
    changed = true;
  }
  return changed;
}
