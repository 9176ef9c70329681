/**
 * A link: a curve from port to port, coloured by the worse of its two ends' LACP statuses
 * (linkStyle.ts), with a small dot at an end that disagrees. Its path element carries the id
 * `edge-path-<link>` so the LACPDU layer can move dots along it. The first member of a LAG
 * bundle also draws the bundle's ring and labels.
 */
import type { EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveMaps } from '../../store/overlayStore';
import type { LinkEdgeType } from './derive';
import { LagBundle } from './LagBundle';
import type { Side } from './layout';
import { cubicAt, cubicPath, linkCurve } from './linkPath';
import { LINK_STYLES, linkViewOf } from './linkStyle';
import { memoT } from './memoT';

const sideOf = (p: string): Side => (p === 'top' ? 'top' : 'bottom');

/** How far from its end a disagreeing end's marker sits (fraction of the curve). */
const MARKER_T = 0.14;

function useLinkView(id: string, a: string, b: string, lagA: string | null, lagB: string | null) {
  return useLiveMaps((s) => linkViewOf(s.links[id], lagA ? (s.ports[a]?.status ?? null) : null, lagB ? (s.ports[b]?.status ?? null) : null));
}

function LinkEdgeView(props: EdgeProps<LinkEdgeType>) {
  const { id, source, target, sourceHandleId, targetHandleId, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data } = props;
  const { t } = useTranslation();
  const view = useLinkView(id, `${source}:${sourceHandleId ?? ''}`, `${target}:${targetHandleId ?? ''}`, data?.lagA ?? null, data?.lagB ?? null);
  const curve = useMemo(
    () => linkCurve({ point: { x: sourceX, y: sourceY }, side: sideOf(sourcePosition) }, { point: { x: targetX, y: targetY }, side: sideOf(targetPosition) }, data?.mid ?? null),
    [sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data?.mid],
  );
  const d = cubicPath(curve);
  const { style, status } = view;
  const markers = [
    { end: 'a', status: view.markerA, at: cubicAt(curve, MARKER_T) },
    { end: 'b', status: view.markerB, at: cubicAt(curve, 1 - MARKER_T) },
  ];
  return (
    <g
      className={`link${selected ? ' is-selected' : ''}${style.isAnimated ? ' is-animated' : ''}`}
      data-testid={`link-${id}`}
      data-status={status}
      data-status-a={view.markerA ?? ''}
      data-status-b={view.markerB ?? ''}
    >
      <title>{memoT(t, 'canvas.link.title', { id, status: memoT(t, `canvas.status.${status}`) })}</title>
      <path className="link-hit" d={d} />
      {selected && <path className="link-halo" d={d} />}
      <path
        id={`edge-path-${id}`}
        className="link-path"
        d={d}
        stroke={style.stroke}
        strokeWidth={style.width}
        strokeDasharray={style.dash}
        strokeLinecap={style.linecap}
      />
      {markers.map((m) =>
        m.status ? (
          <circle key={m.end} className="link-marker" data-testid={`link-marker-${id}-${m.end}`} data-status={m.status} cx={m.at.x} cy={m.at.y} r={5.5} fill={LINK_STYLES[m.status].stroke}>
            <title>{memoT(t, `canvas.status.${m.status}`)}</title>
          </circle>
        ) : null,
      )}
      {data?.bundle && <LagBundle bundle={data.bundle} />}
    </g>
  );
}

/** The custom edge type `link`. */
export const LinkEdge = memo(LinkEdgeView);
