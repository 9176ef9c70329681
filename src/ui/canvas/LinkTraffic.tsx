/**
 * The data a link carries, over the link: dots flowing the way the frames go (both ways when
 * both carry), faster as the link gets busier, and a label — `120 fr/s` while the link is under
 * 1 % full, else `6.1 Mb/s · 61 %` (the busier direction's rate and its share of the line rate) —
 * shown while the pointer is on the link, when the link is selected or on a highlighted flow path.
 * From 50 % utilisation the label stays on screen, from 70 % in amber; above 100 % it turns red
 * with a red band under the link and says what share of the frames the full transmit buffer
 * drops: more load than the line can carry (utilisation.ts). A link in a
 * broadcast storm gets a red badge with its rate (its glow is drawn under the link by LinkEdge).
 * A component of its own that reads the link's traffic as one string: the traffic map changes
 * every virtual second, and only the links whose rounded rate or level changed re-render.
 */
import { memo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLiveMaps } from '../../store/overlayStore';
import type { XY } from './layout';
import type { TrafficLook } from './l2View';
import { parseTrafficKey, trafficKey } from './l2View';
import { memoT } from './memoT';

export interface LinkTrafficProps {
  id: string;
  /** The link's path data. */
  d: string;
  /** Where the labels go (the middle of the curve). */
  mid: XY;
  /** Show the rate label without hovering. */
  isLabelShown: boolean;
  /** A spanning tree blocks the link: what reaches the blocked port is dropped, so no dots flow. */
  isBlocked: boolean;
  /** The link's line rate, Mb/s (0: unknown, no utilisation shown). */
  lineRateMbps: number;
}

/** Rough width of a label in px (no DOM measuring in the render path): CJK glyphs are wider. */
export function labelWidth(text: string, px: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x1100 ? px * 1.02 : px * 0.62;
  return Math.ceil(w);
}

/** A rounded label centred on (x, y), sized from its text. */
export function Pill({ x, y, text, className, px }: { x: number; y: number; text: string; className: string; px: number }) {
  const w = labelWidth(text, px) + 14;
  const h = px + 9;
  return (
    <g className={className} transform={`translate(${x} ${y})`}>
      <rect x={-w / 2} y={-h / 2} width={w} height={h} rx={h / 2} />
      <text x={0} y={0} dy="0.35em" textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

/** What an idle link costs: one selector returning ''. */
function LinkTrafficView(props: LinkTrafficProps) {
  const key = useLiveMaps((s) => trafficKey(s.traffic[props.id], props.lineRateMbps));
  const look = parseTrafficKey(key);
  return look ? <TrafficLayer {...props} look={look} /> : null;
}

/** The label: frames per second while the link is under 1 % full, then the busier direction's Mb/s and its utilisation. */
function rateText(t: TFunction, lang: string, look: TrafficLook, lineRateMbps: number): string {
  const rate = memoT(t, 'canvas.traffic.rate', { rate: look.fps.toLocaleString(lang) });
  if (look.level === 'storm' || look.pct === null || look.mbps === null || look.pct < 1) return rate;
  const values = { rate, mbps: look.mbps.toLocaleString(lang), pct: look.pct.toLocaleString(lang), line: lineRateMbps.toLocaleString(lang) };
  const text = memoT(t, look.load === 'ok' || look.load === 'busy' ? 'canvas.traffic.rateUtil' : `canvas.traffic.${look.load}`, values);
  return look.drop > 0 ? memoT(t, 'canvas.traffic.dropped', { text, drop: look.drop.toLocaleString(lang) }) : text;
}

function TrafficLayer({ id, d, mid, isLabelShown, isBlocked, lineRateMbps, look }: LinkTrafficProps & { look: TrafficLook }) {
  const { t, i18n } = useTranslation();
  const rate = rateText(t, i18n.language, look, lineRateMbps);
  const isStorm = look.level === 'storm';
  const isShown = isLabelShown || look.load !== 'ok';
  const isHot = look.load === 'hot' || look.load === 'over';
  const dirs = isBlocked && !isStorm ? [] : look.direction === 'both' ? (['ab', 'ba'] as const) : [look.direction];
  return (
    <g className={`link-traffic-layer level-${look.level} load-${look.load}`} data-testid={`traffic-${id}`} data-level={look.level} data-direction={look.direction} data-fps={look.fps} data-util={look.pct ?? undefined} data-load={look.load}>
      {look.load === 'over' && !isStorm && <path className="link-over-band" d={d} />}
      {dirs.map((dir) => (
        <path key={dir} className={`link-traffic dir-${dir}`} d={d} />
      ))}
      {isStorm ? (
        <Pill x={mid.x} y={mid.y} px={10.5} className="link-storm-badge" text={`⚡ ${memoT(t, 'canvas.traffic.storm')} · ${rate}`} />
      ) : (
        // A blocked link's middle holds its "blocked" label.
        !isBlocked && <Pill x={mid.x} y={mid.y} px={10} className={`link-rate${isShown ? ' is-shown' : ''}${isHot ? ` is-${look.load}` : ''}`} text={rate} />
      )}
    </g>
  );
}

export const LinkTraffic = memo(LinkTrafficView);
