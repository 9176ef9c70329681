/**
 * A LAG bundle: a ring around the members where they pinch together, and one label per LAG end
 * (`po1 · 2/2`: active members / members) on either side of it, green when the LAG is up, amber
 * when some members are hot-standby, red when it is down; an MC-LAG peer-link's label says so.
 * Clicking a label selects that LAG.
 */
import { EdgeLabelRenderer } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveMaps } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import type { BundleEnd, BundleGeom } from './bundles';
import type { LagTone } from './linkStyle';
import { LAG_TONE_COLORS, lagTone, worseTone } from './linkStyle';
import { memoT } from './memoT';

const RING_THICKNESS = 14;

/** The LAG's tone and member counts; the selector returns one string (`up|2|0`), compared by value. */
function useLagState(device: string, lag: string) {
  const key = `${device}:${lag}`;
  const joined = useLiveMaps((s) => {
    const o = s.lags[key];
    return `${lagTone(o)}|${o?.active.length ?? 0}|${o?.standby.length ?? 0}`;
  });
  const [tone, active, standby] = joined.split('|');
  return { tone: tone as LagTone, active: Number(active), standby: Number(standby) };
}

/** `hasPeerTag`: this end's label carries the peer-link tag (one end of a peer-link says it, not both). */
function LagPill({ end, x, y, hasPeerTag }: { end: BundleEnd; x: number; y: number; hasPeerTag: boolean }) {
  const { t } = useTranslation();
  const { tone, active, standby } = useLagState(end.device, end.lag);
  const isSelected = useTopologyStore((s) => s.selection.lag?.device === end.device && s.selection.lag.id === end.lag);
  const isPeerLink = useTopologyStore((s) => s.doc.mclags?.some((m) => m.peerLink === end.lag && m.peers.includes(end.device)) ?? false);
  const aria = memoT(t, 'canvas.lag.aria', { lag: end.name, device: end.device, active, total: end.total, standby, state: memoT(t, `canvas.lag.tone.${tone}`) });
  const label = isPeerLink ? `${aria} · ${memoT(t, 'canvas.lag.peerLinkTitle')}` : aria;
  return (
    <button
      type="button"
      className={`lag-pill nodrag nopan tone-${tone}${isSelected ? ' is-selected' : ''}${isPeerLink ? ' is-peer-link' : ''}`}
      style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)`, borderColor: LAG_TONE_COLORS[tone] }}
      data-testid={`lag-${end.device}-${end.lag}`}
      data-tone={tone}
      data-peer-link={isPeerLink ? 'true' : undefined}
      aria-pressed={isSelected}
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.stopPropagation();
        useTopologyStore.getState().select({ lag: { device: end.device, id: end.lag }, devices: [], links: [] });
      }}
    >
      <span className="lag-dot" style={{ background: LAG_TONE_COLORS[tone] }} />
      <span className="lag-name">{end.name}</span>{' '}
      <span className="lag-count">
        · {active}/{end.total}
      </span>
      {isPeerLink && hasPeerTag && <span className="lag-peer-link">{memoT(t, 'canvas.lag.peerLink')}</span>}
    </button>
  );
}

function useBundleTone(ends: readonly BundleEnd[]): LagTone {
  return useLiveMaps((s) => ends.reduce<LagTone>((acc, e) => worseTone(acc, lagTone(s.lags[`${e.device}:${e.lag}`])), 'unknown'));
}

function LagBundleView({ bundle }: { bundle: BundleGeom }) {
  const tone = useBundleTone(bundle.ends);
  const { center, along, spread } = bundle;
  const normal = { x: -along.y, y: along.x };
  const length = spread + RING_THICKNESS;
  const angle = (Math.atan2(normal.y, normal.x) * 180) / Math.PI;
  // Far enough along the links that a ~70×22 px label (~130 px with its peer-link tag) clears the ring and its twin.
  const dist = RING_THICKNESS / 2 + 8 + Math.abs(along.x) * 60 + Math.abs(along.y) * 12;
  const color = LAG_TONE_COLORS[tone];
  return (
    <>
      <rect
        className="lag-ring"
        x={-length / 2}
        y={-RING_THICKNESS / 2}
        width={length}
        height={RING_THICKNESS}
        rx={RING_THICKNESS / 2}
        transform={`translate(${center.x} ${center.y}) rotate(${angle})`}
        stroke={color}
        fill={color}
      />
      <EdgeLabelRenderer>
        {bundle.ends.map((end, i) => (
          <LagPill key={`${end.device}:${end.lag}`} end={end} x={center.x + along.x * end.toward * dist} y={center.y + along.y * end.toward * dist} hasPeerTag={i === bundle.ends.length - 1} />
        ))}
      </EdgeLabelRenderer>
    </>
  );
}

export const LagBundle = memo(LagBundleView);
