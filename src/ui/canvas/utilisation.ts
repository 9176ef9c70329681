/**
 * How full a link is: the busier direction's bits per second over the link's line rate (links are
 * full duplex, so each direction has the whole line rate), the same measure as the N-1 capacity
 * table. From 50 % a link is `busy` (its label stays on screen: two such halves of an
 * active-active pair cannot carry each other's load), from 70 % `hot` (amber), above 100 % `over`
 * capacity (red): the link carries its line rate and its transmit buffer drops the rest, so the
 * label adds the share of frames dropped. Utilisation counts the offered load (carried + dropped).
 */
import type { LinkBytes } from '../../model';
import { offeredBytes } from '../../model';
import type { LiveMaps } from '../../store/overlayStore';

type TrafficView = LiveMaps['traffic'][string];

/** From this utilisation a link's label stays shown. */
export const UTIL_BUSY_PCT = 50;
/** From this utilisation the label is amber. */
export const UTIL_HOT_PCT = 70;
/** Above this a link is over capacity, red. */
export const UTIL_OVER_PCT = 100;

export type UtilLoad = 'ok' | 'busy' | 'hot' | 'over';

/** The busier direction's offered bytes per second (carried + dropped; links are full duplex). */
const busierBytes = (v: LinkBytes): number => {
  const o = offeredBytes(v);
  return Math.max(o.ab, o.ba);
};

/** `bytesPerS` as a percent of `lineRateMbps` (0 without a rate); over 100 % the excess is dropped. */
export function shareOfLinePct(bytesPerS: number, lineRateMbps: number): number {
  return lineRateMbps > 0 ? (bytesPerS * 8 * 100) / (lineRateMbps * 1e6) : 0;
}

/** Utilisation of the busier direction by offered load, percent of `lineRateMbps`. */
export function utilisationPct(v: LinkBytes, lineRateMbps: number): number {
  return shareOfLinePct(busierBytes(v), lineRateMbps);
}

/** The busier direction's offered rate in Mb/s. */
export function busierMbps(v: LinkBytes): number {
  return (busierBytes(v) * 8) / 1e6;
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
