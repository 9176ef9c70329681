/**
 * One edge of a device card: the port names in a strip inside the card and, straddling the
 * border, one square React Flow handle per port, coloured by the port's LACP status. A handle is
 * both source and target (the flow runs in loose mode), so a wire can start from either end. The
 * row reads its members' statuses itself (a narrow selector), so a status change re-renders this
 * row, not the whole card.
 */
import { Handle, Position } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LacpPortStatus } from '../../engine/events';
import { useLiveMaps } from '../../store/overlayStore';
import type { PortInfo } from './derive';
import type { PortSlot, Side } from './layout';
import { STRIP_HEIGHT } from './layout';
import { portColor } from './linkStyle';
import { memoT } from './memoT';

export interface PortRowProps {
  device: string;
  side: Side;
  slots: PortSlot[];
  ports: ReadonlyMap<string, PortInfo>;
}

/**
 * The LACP status of each slot's port (null: not a LAG member, or no word yet). The selector
 * returns one string (`distributing,,waiting`), compared by value, so it allocates no array for
 * the hundreds of rows a big lab has.
 */
function useStatuses(device: string, slots: readonly PortSlot[], ports: ReadonlyMap<string, PortInfo>): (LacpPortStatus | null)[] {
  const keys = useMemo(() => slots.map((slot) => (ports.get(slot.id)?.lag ? `${device}:${slot.id}` : null)), [device, slots, ports]);
  const joined = useLiveMaps((s) => {
    let out = '';
    for (const key of keys) out += `${key === null ? '' : (s.ports[key]?.status ?? '')},`;
    return out;
  });
  return useMemo(() => joined.split(',', keys.length).map((v) => (v === '' ? null : (v as LacpPortStatus))), [joined, keys.length]);
}

function PortRowView({ device, side, slots, ports }: PortRowProps) {
  const { t } = useTranslation();
  const statuses = useStatuses(device, slots, ports);
  if (slots.length === 0) return null;
  const items = slots.map((slot, i) => {
    const info = ports.get(slot.id);
    const status = statuses[i] ?? null;
    const isConnected = info?.isConnected ?? false;
    const title =
      info?.lag && status
        ? memoT(t, 'canvas.port.member', { port: slot.id, lag: info.lag, status: memoT(t, `canvas.status.${status}`) })
        : memoT(t, isConnected ? 'canvas.port.connected' : 'canvas.port.free', { port: slot.id });
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

export const PortRow = memo(PortRowView);
