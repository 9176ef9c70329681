/**
 * Points along a link's curve by fraction of its length, computed from the path data with the
 * curve maths of linkPath.ts instead of SVG's getTotalLength / getPointAtLength (which force a
 * style and layout pass and cost ~25% of a busy frame). A link's path data is one cubic
 * (`M x,y C x,y x,y x,y`, see `cubicPath`); its arc-length table is built once per d-string and
 * cached, so placing a dot is a short binary search and one Bézier evaluation, with no allocation.
 */
import type { XY } from './layout';
import type { Cubic } from './linkPath';

/** Samples of the arc-length table (the curve is walked as this many straight pieces). */
const SAMPLES = 32;
/** Cached d-strings at most (a lab redrawn many times starts afresh). */
const CACHE_LIMIT = 4096;

export interface CurveWalker {
  /** Writes the point `fraction` (0…1, clamped) of the way along the curve into `out`. */
  pointAt(fraction: number, out: XY): void;
  readonly length: number;
}

const NUMBER = String.raw`(-?\d*\.?\d+(?:e[-+]?\d+)?)`;
const SEP = String.raw`[\s,]+`;
const CUBIC_D = new RegExp(String.raw`^\s*M\s*${NUMBER}${SEP}${NUMBER}\s*C\s*${[NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER].join(SEP)}\s*$`, 'i');

/** The cubic of a single-curve path (`cubicPath`'s output); null for any other shape. */
export function parseCubicPath(d: string): Cubic | null {
  const m = CUBIC_D.exec(d);
  if (!m) return null;
  const v = m.slice(1, 9).map(Number);
  if (v.some((n) => !Number.isFinite(n))) return null;
  const [x0, y0, x1, y1, x2, y2, x3, y3] = v as [number, number, number, number, number, number, number, number];
  return { p0: { x: x0, y: y0 }, p1: { x: x1, y: y1 }, p2: { x: x2, y: y2 }, p3: { x: x3, y: y3 } };
}

function evaluate(c: Cubic, t: number, out: XY): void {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  out.x = a * c.p0.x + b * c.p1.x + d * c.p2.x + e * c.p3.x;
  out.y = a * c.p0.y + b * c.p1.y + d * c.p2.y + e * c.p3.y;
}

/** A walker over a cubic: cumulative lengths at SAMPLES + 1 evenly spaced t. */
export function curveWalker(c: Cubic): CurveWalker {
  const lengths = new Float64Array(SAMPLES + 1);
  const p = { x: c.p0.x, y: c.p0.y };
  let px = p.x;
  let py = p.y;
  for (let i = 1; i <= SAMPLES; i++) {
    evaluate(c, i / SAMPLES, p);
    lengths[i] = (lengths[i - 1] as number) + Math.hypot(p.x - px, p.y - py);
    px = p.x;
    py = p.y;
  }
  const length = lengths[SAMPLES] as number;
  return {
    length,
    pointAt(fraction, out) {
      const target = length * Math.min(1, Math.max(0, fraction));
      let lo = 0;
      let hi = SAMPLES;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((lengths[mid] as number) < target) lo = mid;
        else hi = mid;
      }
      const from = lengths[lo] as number;
      const span = (lengths[hi] as number) - from;
      const t = (lo + (span > 0 ? (target - from) / span : 0)) / SAMPLES;
      evaluate(c, t, out);
    },
  };
}

const cache = new Map<string, CurveWalker | null>();

/** The walker of a path's d-string, cached; null when the path is not a single cubic. */
export function walkerForPath(d: string): CurveWalker | null {
  let walker = cache.get(d);
  if (walker === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const cubic = parseCubicPath(d);
    walker = cubic ? curveWalker(cubic) : null;
    cache.set(d, walker);
  }
  return walker;
}
