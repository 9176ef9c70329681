/**
 * Moves LACPDU dots along their links, without React: every animation frame it reads the flights
 * and the interpolated virtual clock and places a pooled <circle> on the link's path at
 * (clock − t) / FLIGHT_VIRTUAL_MS of the way from the sender (zustand "transient updates"). The
 * pool only grows; spare circles are hidden. A thin hook (PduLayer) creates and destroys it, like
 * xyflow's XYDrag and useDrag.
 */
import type { LacpduEvent } from '../../engine/events';
import { pduColor } from './linkStyle';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const PDU_RADIUS = 5.5;

export interface PduAnimatorOptions {
  /** The <g> the dots live in (in canvas coordinates). */
  layer: SVGGElement;
  flightMs: number;
  getFlights(): readonly LacpduEvent[];
  /** The virtual clock now. */
  now(): number;
  /** The path a link is drawn with (its `a` end is the path's start). */
  findPath(link: string): SVGPathElement | null;
  /** The link's `b` end, to know when a dot runs backwards. */
  endB(link: string): { device: string; port: string } | undefined;
  describe(flight: LacpduEvent): string;
  onPick(link: string, frame: number): void;
}

interface Dot {
  el: SVGCircleElement;
  title: SVGTitleElement;
  link: string;
  frame: number;
  color: string;
  isShown: boolean;
}

export interface PduAnimator {
  /** Places the dots for now; returns how many are visible. */
  frame(): number;
  destroy(): void;
}

function position(path: SVGPathElement, length: number, fraction: number): { x: number; y: number } {
  const p = path.getPointAtLength(length * Math.min(1, Math.max(0, fraction)));
  return { x: p.x, y: p.y };
}

export function createPduAnimator(initial: PduAnimatorOptions): PduAnimator {
  const options = initial;
  const pool: Dot[] = [];
  let shown = 0;

  const grow = (): Dot => {
    const el = initial.layer.ownerDocument.createElementNS(SVG_NS, 'circle');
    const title = initial.layer.ownerDocument.createElementNS(SVG_NS, 'title');
    el.appendChild(title);
    el.setAttribute('r', String(PDU_RADIUS));
    el.setAttribute('class', 'pdu-dot nopan nodrag');
    const dot: Dot = { el, title, link: '', frame: 0, color: '', isShown: false };
    el.addEventListener('click', (e) => {
      e.stopPropagation();
      if (dot.isShown) options.onPick(dot.link, dot.frame);
    });
    options.layer.appendChild(el);
    pool.push(dot);
    return dot;
  };

  const show = (dot: Dot, f: LacpduEvent, x: number, y: number) => {
    if (dot.link !== f.link || dot.frame !== f.frame || !dot.isShown) {
      dot.link = f.link;
      dot.frame = f.frame;
      dot.el.setAttribute('data-testid', 'pdu-dot');
      dot.el.setAttribute('data-link', f.link);
      dot.el.setAttribute('data-frame', String(f.frame));
      dot.el.style.display = '';
      dot.title.textContent = options.describe(f);
      dot.isShown = true;
    }
    const color = pduColor(f.actor.flags);
    if (color !== dot.color) {
      dot.color = color;
      dot.el.setAttribute('fill', color);
    }
    dot.el.setAttribute('cx', x.toFixed(1));
    dot.el.setAttribute('cy', y.toFixed(1));
  };

  const hide = (dot: Dot) => {
    if (!dot.isShown) return;
    dot.isShown = false;
    dot.el.style.display = 'none';
    dot.el.removeAttribute('data-testid');
  };

  return {
    frame() {
      const clock = options.now();
      const paths = new Map<string, { path: SVGPathElement; length: number } | null>();
      let used = 0;
      for (const f of options.getFlights()) {
        const fraction = (clock - f.t) / options.flightMs;
        if (fraction < 0 || fraction > 1) continue;
        let entry = paths.get(f.link);
        if (entry === undefined) {
          const path = options.findPath(f.link);
          entry = path && typeof path.getTotalLength === 'function' ? { path, length: path.getTotalLength() } : null;
          paths.set(f.link, entry);
        }
        if (!entry) continue;
        const b = options.endB(f.link);
        const isBackwards = b !== undefined && f.from.device === b.device && f.from.port === b.port;
        const p = position(entry.path, entry.length, isBackwards ? 1 - fraction : fraction);
        show(pool[used] ?? grow(), f, p.x, p.y);
        used++;
      }
      for (let i = used; i < shown; i++) hide(pool[i] as Dot);
      shown = used;
      return used;
    },
    destroy() {
      for (const dot of pool) dot.el.remove();
      pool.length = 0;
      shown = 0;
    },
  };
}
