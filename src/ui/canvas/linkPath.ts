/**
 * The shape of a link: a cubic Bézier that leaves each port straight out of its card edge (down
 * from a bottom port, up from a top one), optionally bent so that its middle passes through a
 * given point. Parallel links get different middle points, so they never lie on top of each
 * other, and the members of a LAG pinch together where the bundle ring is drawn.
 */
import type { Side, XY } from './layout';

export interface LinkEnd {
  point: XY;
  side: Side;
}

export interface Cubic {
  p0: XY;
  p1: XY;
  p2: XY;
  p3: XY;
}

const OUTWARD: Record<Side, number> = { top: -1, bottom: 1 };

/** How far the curve runs straight out of a port before turning. */
export function controlDistance(a: XY, b: XY): number {
  return Math.min(110, Math.max(28, Math.hypot(b.x - a.x, b.y - a.y) * 0.35));
}

/** The plain curve between two ports. */
export function baseCubic(s: LinkEnd, t: LinkEnd): Cubic {
  const k = controlDistance(s.point, t.point);
  return {
    p0: s.point,
    p1: { x: s.point.x, y: s.point.y + OUTWARD[s.side] * k },
    p2: { x: t.point.x, y: t.point.y + OUTWARD[t.side] * k },
    p3: t.point,
  };
}

export function cubicAt(c: Cubic, t: number): XY {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return { x: a * c.p0.x + b * c.p1.x + d * c.p2.x + e * c.p3.x, y: a * c.p0.y + b * c.p1.y + d * c.p2.y + e * c.p3.y };
}

/** The direction of travel at t (not normalised). */
export function cubicTangent(c: Cubic, t: number): XY {
  const u = 1 - t;
  const a = 3 * u * u;
  const b = 6 * u * t;
  const d = 3 * t * t;
  return {
    x: a * (c.p1.x - c.p0.x) + b * (c.p2.x - c.p1.x) + d * (c.p3.x - c.p2.x),
    y: a * (c.p1.y - c.p0.y) + b * (c.p2.y - c.p1.y) + d * (c.p3.y - c.p2.y),
  };
}

/**
 * Moves both control points by the same amount so that the curve's middle (t = 0.5) lands on
 * `mid`: B(0.5) = (p0 + 3·p1 + 3·p2 + p3) / 8, so a shift d of p1 and p2 moves it by 0.75·d.
 */
export function bendThrough(c: Cubic, mid: XY): Cubic {
  const m = cubicAt(c, 0.5);
  const dx = (mid.x - m.x) / 0.75;
  const dy = (mid.y - m.y) / 0.75;
  return { p0: c.p0, p1: { x: c.p1.x + dx, y: c.p1.y + dy }, p2: { x: c.p2.x + dx, y: c.p2.y + dy }, p3: c.p3 };
}

/** The curve of a link, bent through `mid` when it has parallel siblings. */
export function linkCurve(s: LinkEnd, t: LinkEnd, mid: XY | null): Cubic {
  const base = baseCubic(s, t);
  return mid ? bendThrough(base, mid) : base;
}

const r = (v: number) => Math.round(v * 10) / 10;

/** SVG path data of a curve. */
export function cubicPath(c: Cubic): string {
  return `M${r(c.p0.x)},${r(c.p0.y)} C${r(c.p1.x)},${r(c.p1.y)} ${r(c.p2.x)},${r(c.p2.y)} ${r(c.p3.x)},${r(c.p3.y)}`;
}

export function normalize(v: XY): XY {
  const len = Math.hypot(v.x, v.y);
  return len < 1e-6 ? { x: 1, y: 0 } : { x: v.x / len, y: v.y / len };
}
