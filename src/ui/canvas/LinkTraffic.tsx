/**
 * The data a link carries, over the link: dots flowing the way the frames go (both ways when
 * both carry), faster as the link gets busier, and a rate label (`120 fr/s`) shown while the
 * pointer is on the link, when the link is selected or on a highlighted flow path. A link in a
 * broadcast storm gets a red badge with its rate (its glow is drawn under the link by LinkEdge).
 * A component of its own that reads the link's traffic as one string: the traffic map changes
 * every virtual second, and only the links whose rounded rate or level changed re-render.
 */
import { memo } from 'react';
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
  const key = useLiveMaps((s) => trafficKey(s.traffic[props.id]));
  const look = parseTrafficKey(key);
  return look ? <TrafficLayer {...props} look={look} /> : null;
}

function TrafficLayer({ id, d, mid, isLabelShown, isBlocked, look }: LinkTrafficProps & { look: TrafficLook }) {
  const { t, i18n } = useTranslation();
  const rate = memoT(t, 'canvas.traffic.rate', { rate: look.fps.toLocaleString(i18n.language) });
  const isStorm = look.level === 'storm';
  const dirs = isBlocked && !isStorm ? [] : look.direction === 'both' ? (['ab', 'ba'] as const) : [look.direction];
  return (
    <g className={`link-traffic-layer level-${look.level}`} data-testid={`traffic-${id}`} data-level={look.level} data-direction={look.direction} data-fps={look.fps}>
      {dirs.map((dir) => (
        <path key={dir} className={`link-traffic dir-${dir}`} d={d} />
      ))}
      {isStorm ? (
        <Pill x={mid.x} y={mid.y} px={10.5} className="link-storm-badge" text={`⚡ ${memoT(t, 'canvas.traffic.storm')} · ${rate}`} />
      ) : (
        // A blocked link's middle holds its "blocked" label.
        !isBlocked && <Pill x={mid.x} y={mid.y} px={10} className={`link-rate${isLabelShown ? ' is-shown' : ''}`} text={rate} />
      )}
    </g>
  );
}

export const LinkTraffic = memo(LinkTrafficView);
