/**
 * Moves LACPDU dots along their links, without React: every animation frame it reads the flights
 * and the interpolated virtual clock and places a pooled <circle> (pduDots.ts) at
 * (clock − t) / FLIGHT_VIRTUAL_MS of the way from the sender (zustand "transient updates").
 * Positions come from the link's path data through cached curve maths (pathGeometry.ts), never
 * from SVG geometry calls that force a layout. Dots outside the visible area are skipped and at
 * most MAX_DOTS are drawn. A thin hook (PduLayer) creates and destroys it, like xyflow's XYDrag
 * and useDrag.
 */
import type { Flight } from '../../store/overlayStore';
import type { XY } from './layout';
import type { CurveWalker } from './pathGeometry';
import { walkerForPath } from './pathGeometry';
import type { Dot } from './pduDots';
import { createDotPool } from './pduDots';

export { PDU_RADIUS } from './pduDots';
/** Dots drawn at most in one frame (a big lab at the fast rate has a few hundred in flight). */
export const MAX_DOTS = 400;

/**
 * Past this many dots on screen the layer is `is-crowded` (dots drop their shadow, canvas.css),
 * until fewer than half as many are left.
 */
export const CROWDED_DOTS = 48;

/** A rectangle in canvas coordinates. */
export interface Area {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PduAnimatorOptions {
  /** The <g> the dots live in (in canvas coordinates). */
  layer: SVGGElement;
  flightMs: number;
  getFlights(): readonly Flight[];
  /** The virtual clock now. */
  now(): number;
  /** The path a link is drawn with (its `a` end is the path's start). */
  findPath(link: string): SVGPathElement | null;
  /** The link's `b` end, to know when a dot runs backwards. */
  endB(link: string): { device: string; port: string } | undefined;
  /** The part of the canvas on screen; dots outside it are not drawn. Absent: draw everywhere. */
  visibleArea?(): Area | null;
  describe(flight: Flight): string;
  onPick(link: string, frame: number): void;
}

export interface PduAnimator {
  /** Places the dots for now; returns how many are visible. */
  frame(): number;
  destroy(): void;
}

/** SVG geometry for a path that is not one cubic (LinkEdge never draws one; kept for safety). */
function svgWalker(path: SVGPathElement): CurveWalker | null {
  if (typeof path.getTotalLength !== 'function') return null;
  const length = path.getTotalLength();
  return {
    length,
    pointAt(fraction, out) {
      const p = path.getPointAtLength(length * Math.min(1, Math.max(0, fraction)));
      out.x = p.x;
      out.y = p.y;
    },
  };
}

function walkerOf(path: SVGPathElement | null): CurveWalker | null {
  if (!path) return null;
  const d = path.getAttribute('d');
  return (d !== null && walkerForPath(d)) || svgWalker(path);
}

function isOutside(area: Area | null, p: XY): boolean {
  return area !== null && (p.x < area.x0 || p.x > area.x1 || p.y < area.y0 || p.y > area.y1);
}

export function createPduAnimator(options: PduAnimatorOptions): PduAnimator {
  const dots = createDotPool(
    options.layer,
    (f) => options.describe(f),
    (link, frame) => options.onPick(link, frame),
  );
  const byFlight = new Map<Flight, Dot>();
  // Per frame (cleared, never reallocated): each link's walker, or null when it is not drawn.
  const walkers = new Map<string, CurveWalker | null>();
  const point: XY = { x: 0, y: 0 };
  let stamp = 0;
  let isCrowded = false;

  const walkerFor = (link: string): CurveWalker | null => {
    let walker = walkers.get(link);
    if (walker === undefined) {
      walker = walkerOf(options.findPath(link));
      walkers.set(link, walker);
    }
    return walker;
  };

  /** Where a flight's dot is now, in `point`; false when it is not to be drawn. */
  const locate = (f: Flight, clock: number, area: Area | null): boolean => {
    const fraction = (clock - f.t) / options.flightMs;
    if (fraction < 0 || fraction > 1) return false;
    const walker = walkerFor(f.link);
    if (!walker) return false;
    const b = options.endB(f.link);
    const isBackwards = b !== undefined && f.from.device === b.device && f.from.port === b.port;
    walker.pointAt(isBackwards ? 1 - fraction : fraction, point);
    return !isOutside(area, point);
  };

  return {
    frame() {
      stamp++;
      const clock = options.now();
      const area = options.visibleArea?.() ?? null;
      walkers.clear();
      let used = 0;
      for (const f of options.getFlights()) {
        if (used >= MAX_DOTS) break;
        if (!locate(f, clock, area)) continue;
        let dot = byFlight.get(f);
        if (!dot) {
          dot = dots.take(f);
          byFlight.set(f, dot);
        }
        dots.place(dot, point, stamp);
        used++;
      }
      for (const [f, dot] of byFlight) {
        if (dot.stamp === stamp) continue;
        byFlight.delete(f);
        dots.release(dot);
      }
      if (isCrowded ? used < CROWDED_DOTS / 2 : used > CROWDED_DOTS) {
        isCrowded = !isCrowded;
        options.layer.classList.toggle('is-crowded', isCrowded);
      }
      return used;
    },
    destroy() {
      dots.destroy();
      byFlight.clear();
    },
  };
}
