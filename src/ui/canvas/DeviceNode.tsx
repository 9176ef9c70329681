/**
 * A device on the canvas: a card with its pictogram, name and type, and its ports as handles
 * along the bottom (and the top). It reads its live state (failed, hung control plane) from the
 * overlay store through narrow selectors, and each port row reads its members' statuses, so a
 * PDU, a port's status or another device's change never re-renders the card.
 */
import type { NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveMaps } from '../../store/overlayStore';
import type { DeviceNodeType } from './derive';
import { DeviceGlyph } from './DeviceGlyph';
import { PortRow } from './PortRow';

function useDeviceOverlay(id: string) {
  const isFailed = useLiveMaps((s) => s.devices[id]?.isFailed ?? false);
  const isMuted = useLiveMaps((s) => s.devices[id]?.isMuted ?? false);
  return { isFailed, isMuted };
}

function DeviceNodeView({ id, data, selected }: NodeProps<DeviceNodeType>) {
  const { t } = useTranslation();
  const { layout, ports, type, name } = data;
  const { isFailed, isMuted } = useDeviceOverlay(id);
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
