/**
 * One edge of a device card: the port names in a strip inside the card and, straddling the
 * border, one square React Flow handle per port, coloured by the port's LACP status. A handle is
 * both source and target (the flow runs in loose mode), so a wire can start from either end.
 */
import { Handle, Position } from '@xyflow/react';
import type { LacpPortStatus } from '../../engine/events';
import { useTranslation } from 'react-i18next';
import type { PortInfo } from './derive';
import type { PortSlot, Side } from './layout';
import { STRIP_HEIGHT } from './layout';
import { portColor } from './linkStyle';

export interface PortRowProps {
  device: string;
  side: Side;
  slots: PortSlot[];
  ports: ReadonlyMap<string, PortInfo>;
  statuses: ReadonlyMap<string, LacpPortStatus>;
}

export function PortRow({ device, side, slots, ports, statuses }: PortRowProps) {
  const { t } = useTranslation();
  if (slots.length === 0) return null;
  const items = slots.map((slot) => {
    const info = ports.get(slot.id);
    const status = statuses.get(slot.id) ?? null;
    const isConnected = info?.isConnected ?? false;
    const title =
      info?.lag && status
        ? t('canvas.port.member', { port: slot.id, lag: info.lag, status: t(`canvas.status.${status}`) })
        : t(isConnected ? 'canvas.port.connected' : 'canvas.port.free', { port: slot.id });
    return { slot, info, status, isConnected, title };
  });
  return (
    <>
      <div className={`port-strip port-strip-${side}`} style={{ height: STRIP_HEIGHT }} aria-hidden="true">
        {items.map(({ slot, title }) => (
          <span key={slot.id} className="port-label" style={{ left: slot.x }} title={title}>
            {slot.id}
          </span>
        ))}
      </div>
      {items.map(({ slot, info, status, isConnected, title }) => (
        <Handle
          key={slot.id}
          id={slot.id}
          type="source"
          position={side === 'top' ? Position.Top : Position.Bottom}
          className={`port-handle${isConnected ? ' is-connected' : ''}${info?.lag ? ' is-member' : ''}`}
          style={{ left: slot.x, background: portColor(status, isConnected) }}
          title={title}
          aria-label={title}
          data-testid={`port-${device}-${slot.id}`}
          data-status={status ?? (isConnected ? 'connected' : 'free')}
        />
      ))}
    </>
  );
}
