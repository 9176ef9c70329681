/** Dot positions from a link's path data, without SVG geometry calls (pathGeometry.ts). */
import { describe, expect, it } from 'vitest';
import { cubicAt, cubicPath, linkCurve } from '../../../src/ui/canvas/linkPath';
import { curveWalker, parseCubicPath, walkerForPath } from '../../../src/ui/canvas/pathGeometry';

const curve = linkCurve({ point: { x: 10, y: 20 }, side: 'bottom' }, { point: { x: 410, y: 20 }, side: 'bottom' }, { x: 210, y: 140 });

describe('when a link path is read back', () => {
  it('parses what cubicPath writes, and nothing else', () => {
    const c = parseCubicPath(cubicPath(curve));
    expect(c?.p0).toEqual({ x: 10, y: 20 });
    expect(c?.p3).toEqual({ x: 410, y: 20 });
    expect(c?.p1.x).toBeCloseTo(curve.p1.x, 1);
    expect(parseCubicPath('M0,0 L10,10')).toBeNull();
    expect(parseCubicPath('M0,0 C1,1 2,2 3,3 C4,4 5,5 6,6')).toBeNull();
    expect(parseCubicPath('M-1.5,2e1 C 1 1 2 2 3 3')?.p0).toEqual({ x: -1.5, y: 20 });
  });

  it('starts at the a end, ends at the b end, and clamps outside 0…1', () => {
    const walker = curveWalker(curve);
    const p = { x: 0, y: 0 };
    walker.pointAt(0, p);
    expect(p).toEqual({ x: 10, y: 20 });
    walker.pointAt(1, p);
    expect(p.x).toBeCloseTo(410, 6);
    walker.pointAt(1.5, p);
    expect(p.x).toBeCloseTo(410, 6);
    walker.pointAt(-1, p);
    expect(p).toEqual({ x: 10, y: 20 });
  });

  it('moves by length, not by curve parameter: equal fractions, equal distances', () => {
    const walker = curveWalker(curve);
    const pts = Array.from({ length: 11 }, (_, i) => {
      const p = { x: 0, y: 0 };
      walker.pointAt(i / 10, p);
      return p;
    });
    const steps = pts.slice(1).map((p, i) => Math.hypot(p.x - (pts[i]?.x ?? 0), p.y - (pts[i]?.y ?? 0)));
    // Chords of equal arcs: equal to within the curve's bend.
    for (const s of steps) expect(Math.abs(s - walker.length / 10)).toBeLessThan(walker.length * 0.003);
    // The middle of a symmetric curve is its t = 0.5 point.
    const mid = cubicAt(curve, 0.5);
    expect(pts[5]?.x).toBeCloseTo(mid.x, 1);
    expect(pts[5]?.y).toBeCloseTo(mid.y, 1);
  });

  it('hands back the same walker for the same d-string', () => {
    const d = cubicPath(curve);
    expect(walkerForPath(d)).toBe(walkerForPath(`${d}`));
    expect(walkerForPath('M0,0 L1,1')).toBeNull();
  });
});
