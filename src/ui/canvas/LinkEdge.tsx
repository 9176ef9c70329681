/**
 * A link: a curve from port to port, coloured by the worse of its two ends' LACP statuses
 * (linkStyle.ts), with a small dot at an end that disagrees. A link a spanning tree blocks is
 * grey and dashed, with a red ⊘ at the blocked end. Under the curve: a glow when the link is on a
 * highlighted flow's path, a pulsing red glow in a broadcast storm; over it, the traffic it
 * carries (LinkTraffic.tsx). Its path element carries the id `edge-path-<link>` so the PDU layer
 * can move dots along it. The first member of a LAG bundle also draws the bundle's ring and labels.
 */
import type { EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { selectIsSpofLink, selectN1Over, useAnalysisStore } from '../../store/analysisStore';
import type { LiveMaps } from '../../store/overlayStore';
import { useLiveMaps } from '../../store/overlayStore';
import type { LinkEdgeType } from './derive';
import { useFlowHighlight } from './flowHighlight';
import { isStorm, isStpBlocked, stpOf } from './l2View';
import { LagBundle } from './LagBundle';
import type { Side, XY } from './layout';
import { cubicAt, cubicPath, linkCurve } from './linkPath';
import { LINK_STYLES, linkViewOf } from './linkStyle';
import { LinkTraffic, Pill } from './LinkTraffic';
import { memoT } from './memoT';

const sideOf = (p: string): Side => (p === 'top' ? 'top' : 'bottom');

/** How far from its end a disagreeing or blocked end's marker sits (fraction of the curve). */
const MARKER_T = 0.14;
/** Where a LAG member's rate label sits (fraction of the curve), clear of the bundle's labels. */
const LAG_LABEL_T = 0.3;

interface End {
  device: string;
  port: string;
  lag: string | null;
}

/** An end's keys into the live maps, built once per end (selectors run on every map change). */
function endKeys(e: End) {
  const port = `${e.device}:${e.port}`;
  return { port: e.lag ? port : null, stpLag: e.lag ? `${e.device}:${e.lag}` : null, stpPort: port };
}

function endStatus(s: LiveMaps, k: ReturnType<typeof endKeys>) {
  return k.port !== null ? (s.ports[k.port]?.status ?? null) : null;
}

function endBlocked(s: LiveMaps, k: ReturnType<typeof endKeys>) {
  return isStpBlocked((k.stpLag !== null ? s.stp[k.stpLag] : undefined) ?? s.stp[k.stpPort]);
}

function useLinkView(id: string, a: End, b: End) {
  const ka = useMemo(() => endKeys(a), [a]);
  const kb = useMemo(() => endKeys(b), [b]);
  return useLiveMaps((s) => linkViewOf(s.links[id], endStatus(s, ka), endStatus(s, kb), endBlocked(s, ka), endBlocked(s, kb), isStorm(s.traffic[id])));
}

/** The ⊘ at a blocked end; its tooltip names the port's role and state. */
const BlockedMarker = memo(function BlockedMarker({ link, end, at, port }: { link: string; end: 'a' | 'b'; at: XY; port: End }) {
  const { t } = useTranslation();
  const key = useLiveMaps((s) => {
    const v = stpOf(s.stp, port.device, port.port, port.lag);
    return v ? `${v.role}|${v.state}` : '';
  });
  const [role = 'alternate', state = 'discarding'] = key.split('|');
  const title = memoT(t, 'canvas.stp.blockedTitle', {
    device: port.device,
    port: port.lag ?? port.port,
    role: memoT(t, `canvas.stp.role.${role}`),
    state: memoT(t, `canvas.stp.state.${state}`),
  });
  return (
    <g className="link-blocked" data-testid={`link-blocked-${link}-${end}`} transform={`translate(${at.x} ${at.y})`}>
      <title>{title}</title>
      <circle r={8.5} />
      <path d="M-5.2 5.2 5.2-5.2" />
    </g>
  );
});

/** The N-1 table's warning on a link, just under its rate label: after some single failure it would run over its line rate. */
function N1Badge({ link, at, pct }: { link: string; at: XY; pct: number }) {
  const { t, i18n } = useTranslation();
  const value = Math.round(pct).toLocaleString(i18n.language);
  return (
    <g data-testid={`link-n1-${link}`} data-pct={pct}>
      <title>{memoT(t, 'canvas.n1.title', { pct: value })}</title>
      <Pill x={at.x} y={at.y} px={9.5} className="link-n1" text={memoT(t, 'canvas.n1.badge', { pct: value })} />
    </g>
  );
}

function LinkEdgeView(props: EdgeProps<LinkEdgeType>) {
  const { id, source, target, sourceHandleId, targetHandleId, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data } = props;
  const { t } = useTranslation();
  const endA = useMemo(() => ({ device: source, port: sourceHandleId ?? '', lag: data?.lagA ?? null }), [source, sourceHandleId, data?.lagA]);
  const endB = useMemo(() => ({ device: target, port: targetHandleId ?? '', lag: data?.lagB ?? null }), [target, targetHandleId, data?.lagB]);
  const view = useLinkView(id, endA, endB);
  const isOnFlow = useFlowHighlight((s) => s.links.has(id));
  const isSpof = useAnalysisStore(useMemo(() => selectIsSpofLink(id), [id]));
  const n1Pct = useAnalysisStore(useMemo(() => selectN1Over(id), [id]));
  const curve = useMemo(
    () => linkCurve({ point: { x: sourceX, y: sourceY }, side: sideOf(sourcePosition) }, { point: { x: targetX, y: targetY }, side: sideOf(targetPosition) }, data?.mid ?? null),
    [sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data?.mid],
  );
  const d = cubicPath(curve);
  // A LAG member's middle holds the bundle's ring and labels: its rate label sits nearer the a end.
  const isMember = Boolean(data?.lagA) || Boolean(data?.lagB);
  const mid = useMemo(() => cubicAt(curve, isMember ? LAG_LABEL_T : 0.5), [curve, isMember]);
  const { style, status, isStorm: storm } = view;
  const markers = [
    { end: 'a' as const, status: view.markerA, at: cubicAt(curve, MARKER_T), isBlocked: view.blocked.includes('a'), port: endA },
    { end: 'b' as const, status: view.markerB, at: cubicAt(curve, 1 - MARKER_T), isBlocked: view.blocked.includes('b'), port: endB },
  ];
  const className = `link${selected ? ' is-selected' : ''}${style.isAnimated ? ' is-animated' : ''}${storm ? ' is-storm' : ''}${isOnFlow ? ' is-on-flow' : ''}${isSpof ? ' is-spof' : ''}`;
  return (
    <g
      className={className}
      data-testid={`link-${id}`}
      data-status={status}
      data-status-a={view.markerA ?? ''}
      data-status-b={view.markerB ?? ''}
      data-stp-blocked={view.blocked || undefined}
      data-storm={storm ? 'true' : undefined}
      data-flow-highlight={isOnFlow ? 'true' : undefined}
      data-spof={isSpof ? 'true' : undefined}
    >
      <title>{memoT(t, 'canvas.link.title', { id, status: memoT(t, `canvas.status.${status}`) })}</title>
      <path className="link-hit" d={d} />
      {storm && <path className="link-storm-glow" d={d} />}
      {isOnFlow && <path className="link-flow-glow" d={d} />}
      {isSpof && <path className="link-spof-glow" d={d} />}
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
      <LinkTraffic id={id} d={d} mid={mid} lineRateMbps={data?.lineRateMbps ?? 0} isLabelShown={selected || isOnFlow} isBlocked={view.blocked !== ''} />
      {markers.map((m) =>
        m.status ? (
          <circle key={m.end} className="link-marker" data-testid={`link-marker-${id}-${m.end}`} data-status={m.status} cx={m.at.x} cy={m.at.y} r={5.5} fill={LINK_STYLES[m.status].stroke}>
            <title>{memoT(t, `canvas.status.${m.status}`)}</title>
          </circle>
        ) : null,
      )}
      {markers.map((m) => (m.isBlocked ? <BlockedMarker key={`x${m.end}`} link={id} end={m.end} at={m.at} port={m.port} /> : null))}
      {view.blocked && !storm && (!isMember || data?.bundle) && <Pill x={mid.x} y={mid.y} px={10} className="link-blocked-label" text={memoT(t, 'canvas.stp.blocked')} />}
      {data?.bundle && <LagBundle bundle={data.bundle} />}
      {n1Pct > 0 && <N1Badge link={id} at={{ x: mid.x, y: mid.y + 17 }} pct={n1Pct} />}
      {isSpof && (
        <text className="link-spof-badge" data-testid={`link-spof-${id}`} x={mid.x} y={mid.y - 12}>
          <title>{memoT(t, 'canvas.spofTitle')}</title>⚠
        </text>
      )}
    </g>
  );
}

/** The custom edge type `link`. */
export const LinkEdge = memo(LinkEdgeView);
