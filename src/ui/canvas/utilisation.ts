/**
 * How full a link is: the busier direction's bits per second over the link's line rate (links are
 * full duplex, so each direction has the whole line rate), the same measure as the N-1 capacity
 * table. From 50 % a link is `busy` (its label stays on screen: two such halves of an
 * active-active pair cannot carry each other's load), from 70 % `hot` (amber), above 100 % `over`
 * capacity (red): the lab does not queue or drop, so the figure says how much more the link would
 * have to carry than it can.
 */
import type { LiveMaps } from '../../store/overlayStore';

type TrafficView = LiveMaps['traffic'][string];

/** From this utilisation a link's label stays shown. */
export const UTIL_BUSY_PCT = 50;
/** From this utilisation the label is amber. */
export const UTIL_HOT_PCT = 70;
/** Above this a link is over capacity, red. */
export const UTIL_OVER_PCT = 100;

export type UtilLoad = 'ok' | 'busy' | 'hot' | 'over';

/** Utilisation of the busier direction, percent of `lineRateMbps` (0 without a rate). */
export function utilisationPct(v: Pick<TrafficView, 'bytesAB' | 'bytesBA'>, lineRateMbps: number): number {
  if (!(lineRateMbps > 0)) return 0;
  return (Math.max(v.bytesAB, v.bytesBA) * 8 * 100) / (lineRateMbps * 1e6);
}

/** The busier direction's rate in Mb/s. */
export function busierMbps(v: Pick<TrafficView, 'bytesAB' | 'bytesBA'>): number {
  return (Math.max(v.bytesAB, v.bytesBA) * 8) / 1e6;
}

export function utilLoad(pct: number): UtilLoad {
  if (pct > UTIL_OVER_PCT) return 'over';
  if (pct >= UTIL_HOT_PCT) return 'hot';
  return pct >= UTIL_BUSY_PCT ? 'busy' : 'ok';
}

/** A figure for a label: one decimal below 10, whole numbers from 10 (0.04 → 0.0, 60.6 → 61). */
export function roundFigure(n: number): number {
  return n < 10 ? Math.round(n * 10) / 10 : Math.round(n);
}
