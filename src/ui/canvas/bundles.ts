/**
 * Parallel links and LAG bundles. Links between the same two devices form a group; inside it,
 * links whose ends belong to the same LAGs form a bundle. Each link of a group gets its own
 * middle point (spread across the group's common middle), and each bundle one ring with a label
 * per LAG end.
 */
import type { Lag, Link, Topology } from '../../model';
import type { DeviceLayout, XY } from './layout';
import { portAnchor, positionOf } from './layout';
import type { Cubic, LinkEnd } from './linkPath';
import { baseCubic, cubicAt, cubicTangent, normalize } from './linkPath';

/** Gap between the members of one bundle where they pinch together (px). */
export const BUNDLE_GAP = 7;
/** Gap between unrelated parallel links (px). */
export const LINK_GAP = 20;

export interface BundleEnd {
  device: string;
  lag: string;
  name: string;
  total: number;
  /** -1: the label sits before the ring (towards the group's first device), +1 after it. */
  toward: -1 | 1;
}

export interface BundleGeom {
  center: XY;
  /** Unit direction of the links at the ring (from the group's first device to the other). */
  along: XY;
  /** Distance across the members, along the ring. */
  spread: number;
  ends: BundleEnd[];
}

export interface LinkPlacement {
  /** The middle point the link must pass through; null for a lone link (plain curve). */
  mid: XY | null;
  /** Set on the first member of each bundle only, which draws the ring and labels. */
  bundle: BundleGeom | null;
  lagA: Lag | null;
  lagB: Lag | null;
}

type LagIndex = Map<string, Lag>;

export function indexLags(doc: Topology): LagIndex {
  const out: LagIndex = new Map();
  for (const lag of doc.lags ?? []) for (const m of lag.members) out.set(`${lag.device}:${m}`, lag);
  return out;
}

interface Member {
  link: Link;
  /** The end on the group's first device, and the other. */
  p: Link['a'];
  q: Link['a'];
  bundleKey: string | null;
}

function groupLinks(doc: Topology, lags: LagIndex): Map<string, Member[]> {
  const groups = new Map<string, Member[]>();
  for (const link of doc.links) {
    const flip = link.b.device < link.a.device;
    const p = flip ? link.b : link.a;
    const q = flip ? link.a : link.b;
    const lp = lags.get(`${p.device}:${p.port}`);
    const lq = lags.get(`${q.device}:${q.port}`);
    const bundleKey = lp || lq ? `${lp?.id ?? ''}|${lq?.id ?? ''}` : null;
    const key = `${p.device}|${q.device}`;
    const list = groups.get(key) ?? [];
    list.push({ link, p, q, bundleKey });
    groups.set(key, list);
  }
  return groups;
}

/** Members of a bundle next to each other, bundles in order of first appearance. */
function orderMembers(members: Member[]): Member[] {
  const out: Member[] = [];
  const done = new Set<string>();
  for (const m of members) {
    if (m.bundleKey === null) out.push(m);
    else if (!done.has(m.bundleKey)) {
      done.add(m.bundleKey);
      out.push(...members.filter((o) => o.bundleKey === m.bundleKey));
    }
  }
  return out;
}

function offsets(ordered: Member[]): number[] {
  const out: number[] = [];
  let at = 0;
  ordered.forEach((m, i) => {
    const prev = ordered[i - 1];
    if (prev) at += prev.bundleKey !== null && prev.bundleKey === m.bundleKey ? BUNDLE_GAP : LINK_GAP;
    out.push(at);
  });
  const half = at / 2;
  return out.map((o) => o - half);
}

type EndOf = (end: Link['a']) => LinkEnd | undefined;

function makeEndOf(doc: Topology, layouts: Map<string, DeviceLayout>): EndOf {
  const devices = new Map(doc.devices.map((d) => [d.id, d]));
  return (end) => {
    const device = devices.get(end.device);
    const layout = layouts.get(end.device);
    if (!device || !layout) return undefined;
    return portAnchor(layout, positionOf(device), end.port);
  };
}

function bundleEnds(members: Member[], lags: LagIndex): BundleEnd[] {
  const first = members[0];
  if (!first) return [];
  const out: BundleEnd[] = [];
  const lp = lags.get(`${first.p.device}:${first.p.port}`);
  const lq = lags.get(`${first.q.device}:${first.q.port}`);
  if (lp) out.push({ device: lp.device, lag: lp.id, name: lp.name ?? lp.id, total: lp.members.length, toward: -1 });
  if (lq) out.push({ device: lq.device, lag: lq.id, name: lq.name ?? lq.id, total: lq.members.length, toward: 1 });
  return out;
}

const mean = (points: readonly XY[]): XY => ({
  x: points.reduce((s, p) => s + p.x, 0) / Math.max(1, points.length),
  y: points.reduce((s, p) => s + p.y, 0) / Math.max(1, points.length),
});

function lagsOf(m: Member, lags: LagIndex): Pick<LinkPlacement, 'lagA' | 'lagB'> {
  return { lagA: lags.get(`${m.link.a.device}:${m.link.a.port}`) ?? null, lagB: lags.get(`${m.link.b.device}:${m.link.b.port}`) ?? null };
}

/** A link alone between its two devices: a plain curve, with a ring when it is a LAG of one. */
function placeLone(m: Member, curve: Cubic | undefined, lags: LagIndex): LinkPlacement {
  const bundle = curve && m.bundleKey ? { center: cubicAt(curve, 0.5), along: normalize(cubicTangent(curve, 0.5)), spread: 0, ends: bundleEnds([m], lags) } : null;
  return { mid: null, bundle, ...lagsOf(m, lags) };
}

/**
 * Parallel links: spread across the group's common middle (perpendicular to the links there),
 * bundle members BUNDLE_GAP apart, other links LINK_GAP apart; the first member of each bundle
 * carries the bundle's ring.
 */
function placeParallel(members: Member[], curves: Cubic[], lags: LagIndex, out: Map<string, LinkPlacement>): void {
  const center = mean(curves.map((c) => cubicAt(c, 0.5)));
  const along = normalize(curves.map((c) => normalize(cubicTangent(c, 0.5))).reduce((s, v) => ({ x: s.x + v.x, y: s.y + v.y }), { x: 0, y: 0 }));
  const normal = { x: -along.y, y: along.x };
  const ordered = orderMembers(members);
  const offs = offsets(ordered);
  const midOf = new Map(ordered.map((m, i) => [m.link.id, { x: center.x + normal.x * (offs[i] ?? 0), y: center.y + normal.y * (offs[i] ?? 0) }]));
  const bundles = new Map<string, Member[]>();
  for (const m of ordered) if (m.bundleKey !== null) bundles.set(m.bundleKey, [...(bundles.get(m.bundleKey) ?? []), m]);
  for (const m of ordered) {
    const group = m.bundleKey === null ? undefined : bundles.get(m.bundleKey);
    const bundle: BundleGeom | null =
      group?.[0] === m ? { center: mean(group.map((g) => midOf.get(g.link.id) ?? center)), along, spread: BUNDLE_GAP * (group.length - 1), ends: bundleEnds(group, lags) } : null;
    out.set(m.link.id, { mid: midOf.get(m.link.id) ?? null, bundle, ...lagsOf(m, lags) });
  }
}

function placeGroup(members: Member[], endOf: EndOf, lags: LagIndex, out: Map<string, LinkPlacement>): void {
  const curves = members.flatMap((m) => {
    const p = endOf(m.p);
    const q = endOf(m.q);
    return p && q ? [baseCubic(p, q)] : [];
  });
  if (members.length > 1 && curves.length === members.length) {
    placeParallel(members, curves, lags, out);
    return;
  }
  members.forEach((m) => out.set(m.link.id, placeLone(m, members.length === 1 ? curves[0] : undefined, lags)));
}

/** Where every link of the lab runs, and which links draw a bundle. */
export function placeLinks(doc: Topology, layouts: Map<string, DeviceLayout>): Map<string, LinkPlacement> {
  const lags = indexLags(doc);
  const endOf = makeEndOf(doc, layouts);
  const out = new Map<string, LinkPlacement>();
  for (const members of groupLinks(doc, lags).values()) placeGroup(members, endOf, lags, out);
  return out;
}
