/**
 * A device on the canvas: a card with its pictogram, name and type, its info rows (root bridge,
 * MC-LAG role, VRRP groups, anycast gateways, bonds, reachability, flows: DeviceInfo.tsx) and its ports as handles along the bottom
 * (and the top). It reads its live state (failed, hung control plane, root bridge, MC-LAG view)
 * from the overlay through narrow selectors returning primitives, and each port row reads its
 * ports' state, so a PDU, a port's status or another device's change never re-renders the card.
 */
import type { NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProbeTarget } from '../../model';
import { selectIsSpofDevice, useAnalysisStore } from '../../store/analysisStore';
import type { LiveMaps } from '../../store/overlayStore';
import { useLiveMaps } from '../../store/overlayStore';
import type { DeviceL2 } from './deviceL2';
import type { DeviceNodeType } from './derive';
import { DeviceGlyph } from './DeviceGlyph';
import type { McLagLive } from './DeviceInfo';
import { DeviceInfo } from './DeviceInfo';
import type { BridgeSummary } from './l2View';
import { bridgeIndex, mclagTone } from './l2View';
import { PortRow } from './PortRow';

interface DeviceLive {
  isFailed: boolean;
  isMuted: boolean;
  bridge: BridgeSummary | null;
  mclag: McLagLive | null;
  /** The first bond's active slave ('' when none). */
  activeSlave: string;
  /** The first VRRP group's state ('' before its first event or without VRRP). */
  vrrpState: string;
  /** A host's reachability of its gateway and of the upstream ('' when it does not probe it). */
  reachGateway: string;
  reachUpstream: string;
}

/** `ok|lost|pending` of a probe target the host has, '' when it has not. */
function reachOf(s: LiveMaps, id: string, l2: DeviceL2, target: ProbeTarget): string {
  return l2.reach.some((r) => r.target === target) ? (s.probes[`${id}:${target}`]?.state ?? 'pending') : '';
}

/**
 * Everything the card reads of the overlay, as ONE selector returning one string
 * (`failed|muted|root|rootPort|cost|role|state|activeSlave|vrrp|reachGateway|reachUpstream`): a
 * big lab runs every selector on each change of the live maps, so a card costs one call, not five.
 */
function useDeviceLive(id: string, l2: DeviceL2): DeviceLive {
  const hasStp = l2.stp !== null;
  const hasMcLag = l2.mclag !== null;
  const bondKey = l2.bonds[0] ? `${id}:${l2.bonds[0].id}` : null;
  const vrrpKey = l2.vrrp[0]?.liveKey ?? null;
  const hasReach = l2.reach.length > 0;
  const key = useLiveMaps((s) => {
    const d = s.devices[id];
    let out = `${d?.isFailed ? 1 : 0}|${d?.isMuted ? 1 : 0}|`;
    const b = hasStp ? bridgeIndex(s.stp).get(id) : undefined;
    out += b ? `${b.isRoot ? 1 : 0}|${b.rootPort ?? ''}|${b.rootCost}|` : '||-|';
    const m = hasMcLag ? s.mclags[id] : undefined;
    out += m ? `${m.role}|${m.state}|` : '||';
    out += `${bondKey !== null ? (s.bonds[bondKey]?.activeSlave ?? '') : ''}|${vrrpKey !== null ? (s.vrrp[vrrpKey]?.state ?? '') : ''}|`;
    return hasReach ? `${out}${reachOf(s, id, l2, 'gateway')}|${reachOf(s, id, l2, 'upstream')}` : `${out}|`;
  });
  return useMemo(() => {
    const [failed, muted, root = '', rootPort = '', cost = '-', role = '', state = '', activeSlave = '', vrrpState = '', reachGateway = '', reachUpstream = ''] = key.split('|');
    const mclag = role === '' ? null : { role: role as McLagLive['role'], state: state as McLagLive['state'], tone: mclagTone({ role: role as McLagLive['role'], state: state as McLagLive['state'] }) };
    const bridge = cost === '-' ? null : { isRoot: root === '1', rootPort: rootPort || null, rootCost: Number(cost) };
    return { isFailed: failed === '1', isMuted: muted === '1', bridge, mclag, activeSlave, vrrpState, reachGateway, reachUpstream };
  }, [key]);
}

function DeviceNodeView({ id, data, selected }: NodeProps<DeviceNodeType>) {
  const { t } = useTranslation();
  const { layout, ports, type, name, l2 } = data;
  const { isFailed, isMuted, bridge, mclag, activeSlave, vrrpState, reachGateway, reachUpstream } = useDeviceLive(id, l2);
  const byId = useMemo(() => new Map(ports.map((p) => [p.id, p])), [ports]);
  // A single point of failure of the current document, from the SPoF panel's last run (issue 6).
  const isSpof = useAnalysisStore(useMemo(() => selectIsSpofDevice(id), [id]));
  const isRoot = bridge?.isRoot === true && !isFailed;
  const className = ['device-card', `type-${type}`, selected ? 'is-selected' : '', isFailed ? 'is-failed' : '', isMuted ? 'is-muted' : '', isRoot ? 'is-stp-root' : '', isSpof ? 'is-spof' : '']
    .filter(Boolean)
    .join(' ');
  const typeLabel = t(`canvas.device.type.${type}`);
  return (
    <div
      className={className}
      style={{ width: layout.width, height: layout.height }}
      data-testid={`device-${id}`}
      data-failed={isFailed ? 'true' : 'false'}
      data-muted={isMuted ? 'true' : 'false'}
      data-stp-root={l2.stp ? String(isRoot) : undefined}
      data-mclag-role={mclag?.role}
      data-mclag-state={mclag?.state}
      data-bond-active-slave={activeSlave || undefined}
      data-vrrp-state={l2.vrrp.length > 0 ? vrrpState || 'none' : undefined}
      data-reach-gateway={reachGateway || undefined}
      data-reach-upstream={reachUpstream || undefined}
      data-spof={isSpof ? 'true' : undefined}
      aria-label={isFailed ? t('canvas.device.ariaFailed', { name, type: typeLabel }) : t('canvas.device.aria', { name, type: typeLabel })}
    >
      <PortRow device={id} side="top" slots={layout.top} ports={byId} />
      <div className="device-header">
        <span className="device-icon">
          <DeviceGlyph type={type} />
        </span>
        <span className="device-text">
          <span className="device-name" title={name}>
            {name}
          </span>
          <span className="device-sub">
            {typeLabel} · {id}
          </span>
        </span>
      </div>
      {layout.infoRows > 0 && <DeviceInfo device={id} l2={l2} rows={layout.infoRows} bridge={isFailed ? null : bridge} mclag={mclag} isFailed={isFailed} />}
      <PortRow device={id} side="bottom" slots={layout.bottom} ports={byId} />
      <div className="device-badges">
        {isFailed && (
          <span className="device-badge is-failed" data-testid={`device-failed-${id}`}>
            <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
              <path d="M2 2l6 6M8 2L2 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
            {t('canvas.device.failed')}
          </span>
        )}
        {isSpof && (
          <span className="device-badge is-spof" data-testid={`device-spof-${id}`} title={t('canvas.spofTitle')}>
            {t('canvas.spof')}
          </span>
        )}
        {isMuted && !isFailed && (
          <span className="device-badge is-muted" data-testid={`device-muted-${id}`}>
            {t('canvas.device.muted')}
          </span>
        )}
      </div>
    </div>
  );
}

/** The custom node type `device` (memoized: React Flow re-renders nodes on every store change). */
export const DeviceNode = memo(DeviceNodeView);
