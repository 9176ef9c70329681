/**
 * The pooled <circle> elements of the LACPDU layer. A flight takes a circle when its dot first
 * shows and keeps it until it lands, so from frame to frame only its position changes (its test
 * ids and colour are written once; its tooltip when the pointer comes over it, since hundreds of
 * dots may start in one frame). Released circles are hidden and reused.
 */
import type { Flight } from '../../store/overlayStore';
import type { XY } from './layout';
import { bpduColor, pduColor, vrrpColor } from './linkStyle';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const PDU_RADIUS = 5.5;

export interface Dot {
  el: SVGCircleElement;
  title: SVGTitleElement;
  flight: Flight | null;
  color: string;
  cx: string;
  cy: string;
  /** The frame that last placed it. */
  stamp: number;
}

export interface DotPool {
  /** A hidden circle made ready for `f`. */
  take(f: Flight): Dot;
  /** Moves a dot (only the attributes that changed are written). */
  place(dot: Dot, p: XY, stamp: number): void;
  release(dot: Dot): void;
  destroy(): void;
}

export function createDotPool(layer: SVGGElement, describe: (f: Flight) => string, onPick: (link: string, frame: number) => void): DotPool {
  const pool: Dot[] = [];
  const free: Dot[] = [];

  const grow = (): Dot => {
    const doc = layer.ownerDocument;
    const el = doc.createElementNS(SVG_NS, 'circle');
    const title = doc.createElementNS(SVG_NS, 'title');
    el.appendChild(title);
    el.setAttribute('r', String(PDU_RADIUS));
    el.setAttribute('class', 'pdu-dot nopan nodrag');
    const dot: Dot = { el, title, flight: null, color: '', cx: '', cy: '', stamp: 0 };
    el.addEventListener('click', (e) => {
      e.stopPropagation();
      if (dot.flight) onPick(dot.flight.link, dot.flight.frame);
    });
    el.addEventListener('pointerenter', () => {
      if (dot.flight) title.textContent = describe(dot.flight);
    });
    layer.appendChild(el);
    pool.push(dot);
    return dot;
  };

  return {
    take(f) {
      const dot = free.pop() ?? grow();
      dot.flight = f;
      dot.el.setAttribute('data-testid', 'pdu-dot');
      dot.el.setAttribute('data-link', f.link);
      dot.el.setAttribute('data-frame', String(f.frame));
      dot.el.style.display = '';
      dot.title.textContent = '';
      const color = f.type === 'bpdu' ? bpduColor(f.flags) : f.type === 'vrrpAdvert' ? vrrpColor(f.priority) : pduColor(f.actor.flags);
      if (color !== dot.color) {
        dot.color = color;
        dot.el.setAttribute('fill', color);
      }
      return dot;
    },
    place(dot, p, stamp) {
      const cx = p.x.toFixed(1);
      const cy = p.y.toFixed(1);
      if (cx !== dot.cx) dot.el.setAttribute('cx', (dot.cx = cx));
      if (cy !== dot.cy) dot.el.setAttribute('cy', (dot.cy = cy));
      dot.stamp = stamp;
    },
    release(dot) {
      dot.el.style.display = 'none';
      dot.el.removeAttribute('data-testid');
      dot.flight = null;
      free.push(dot);
    },
    destroy() {
      for (const dot of pool) dot.el.remove();
      pool.length = 0;
      free.length = 0;
    },
  };
}
