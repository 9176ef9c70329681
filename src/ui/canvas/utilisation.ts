/**
 * How full a link is: the busier direction's bits per second over the link's line rate (links are
 * full duplex, so each direction has the whole line rate), the same measure as the N-1 capacity
 * table. From 50 % a link is `busy` (its label stays on screen: two such halves of an
 * active-active pair cannot carry each other's load), from 70 % `hot` (amber), above 100 % `over`
 * capacity (red): the link carries its line rate and its transmit buffer drops the rest, so the
 * label adds the share of frames dropped. Utilisation counts the offered load (carried + dropped).
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

type Bytes = Pick<TrafficView, 'bytesAB' | 'bytesBA' | 'dropBytesAB' | 'dropBytesBA'>;

/** Bytes offered each way: carried plus dropped by a full transmit buffer. */
function offered(v: Bytes): { ab: number; ba: number } {
  return { ab: v.bytesAB + (v.dropBytesAB ?? 0), ba: v.bytesBA + (v.dropBytesBA ?? 0) };
}

/** Utilisation of the busier direction by offered load, percent of `lineRateMbps` (0 without a rate); over 100 % the excess is dropped. */
export function utilisationPct(v: Bytes, lineRateMbps: number): number {
  if (!(lineRateMbps > 0)) return 0;
  const o = offered(v);
  return (Math.max(o.ab, o.ba) * 8 * 100) / (lineRateMbps * 1e6);
}

/** The busier direction's offered rate in Mb/s. */
export function busierMbps(v: Bytes): number {
  const o = offered(v);
  return (Math.max(o.ab, o.ba) * 8) / 1e6;
}

/** The share of the offered data frames a full transmit buffer dropped, both ways, percent (0 when none). */
export function dropPct(v: Pick<TrafficView, 'framesAB' | 'framesBA' | 'dropsAB' | 'dropsBA'>): number {
  const drops = (v.dropsAB ?? 0) + (v.dropsBA ?? 0);
  return drops > 0 ? (100 * drops) / (drops + v.framesAB + v.framesBA) : 0;
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
