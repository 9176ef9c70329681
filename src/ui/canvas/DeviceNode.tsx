/**
 * A device on the canvas: a card with its pictogram, name and type, and its ports as handles
 * along the bottom (and the top). It reads its live state (failed, hung control plane, member
 * statuses) from the overlay store through narrow selectors, so a PDU or another device's change
 * never re-renders it.
 */
import type { NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { LacpPortStatus } from '../../engine/events';
import { useOverlayStore } from '../../store/overlayStore';
import type { DeviceNodeType, PortInfo } from './derive';
import { DeviceGlyph } from './DeviceGlyph';
import { PortRow } from './PortRow';

function useDeviceOverlay(id: string, ports: readonly PortInfo[]) {
  const isFailed = useOverlayStore((s) => s.devices[id]?.isFailed ?? false);
  const isMuted = useOverlayStore((s) => s.devices[id]?.isMuted ?? false);
  const list = useOverlayStore(useShallow((s) => ports.map((p) => (p.lag ? (s.ports[`${id}:${p.id}`]?.status ?? null) : null))));
  const statuses = useMemo(() => {
    const out = new Map<string, LacpPortStatus>();
    ports.forEach((p, i) => {
      const status = list[i];
      if (status) out.set(p.id, status);
    });
    return out;
  }, [ports, list]);
  return { isFailed, isMuted, statuses };
}

function DeviceNodeView({ id, data, selected }: NodeProps<DeviceNodeType>) {
  const { t } = useTranslation();
  const { layout, ports, type, name } = data;
  const { isFailed, isMuted, statuses } = useDeviceOverlay(id, ports);
  const byId = useMemo(() => new Map(ports.map((p) => [p.id, p])), [ports]);
  const className = ['device-card', `type-${type}`, selected ? 'is-selected' : '', isFailed ? 'is-failed' : '', isMuted ? 'is-muted' : ''].filter(Boolean).join(' ');
  const typeLabel = t(`canvas.device.type.${type}`);
  return (
    <div
      className={className}
      style={{ width: layout.width, height: layout.height }}
      data-testid={`device-${id}`}
      data-failed={isFailed ? 'true' : 'false'}
      data-muted={isMuted ? 'true' : 'false'}
      aria-label={isFailed ? t('canvas.device.ariaFailed', { name, type: typeLabel }) : t('canvas.device.aria', { name, type: typeLabel })}
    >
      <PortRow device={id} side="top" slots={layout.top} ports={byId} statuses={statuses} />
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
      <PortRow device={id} side="bottom" slots={layout.bottom} ports={byId} statuses={statuses} />
      <div className="device-badges">
        {isFailed && (
          <span className="device-badge is-failed" data-testid={`device-failed-${id}`}>
            <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
              <path d="M2 2l6 6M8 2L2 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
            {t('canvas.device.failed')}
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
