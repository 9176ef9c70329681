/**
 * How much motion the canvas can afford. Marching dashes (a converging link) are a CSS animation
 * the browser repaints every frame, link by link; when a big lab forms, hundreds march at once and
 * the page stutters. Past MAX_MARCHING_LINKS they hold still: converging links keep their dashed
 * blue look (the legend's meaning), only the march stops until most have settled.
 *
 * A large lab (more than LARGE_LAB_LINKS links) also drops the colour fades of links, ports and
 * cards, which would otherwise run, and fire transition events, for hundreds of elements at each
 * wave of status changes, and splits the canvas into compositing layers (edges, labels, cards)
 * so that a change in one does not make the browser re-record the others (canvas.css).
 */
import type { Topology } from '../../model';
import type { OverlayData } from '../../store/overlayReducer';
import { LINK_STYLES } from './linkStyle';

/** Labs with more links than this are drawn in the lighter `is-large` style. */
export const LARGE_LAB_LINKS = 48;

export function isLargeLab(doc: Pick<Topology, 'links'>): boolean {
  return doc.links.length > LARGE_LAB_LINKS;
}

/** Converging links that may march at once. */
export const MAX_MARCHING_LINKS = 24;

/** True when more than MAX_MARCHING_LINKS links (two member ends each) are converging. */
export function selectTooManyMarching(s: Pick<OverlayData, 'ports'>): boolean {
  let ends = 0;
  for (const key in s.ports) {
    const port = s.ports[key];
    if (port && LINK_STYLES[port.status].isAnimated && ++ends > MAX_MARCHING_LINKS * 2) return true;
  }
  return false;
}
