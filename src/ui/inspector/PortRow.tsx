/** One port of a device: speed, duplex, LAG or bond membership and what it is doing now. */
import { useTranslation } from 'react-i18next';
import type { Device, Port } from '../../model';
import { SPEEDS_MBPS } from '../../model';
import { useOverlayStore } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { lagOfPort, linkOfPort } from './lookup';
import { StatusBadge } from './StatusBadge';
import { speedLabel } from './units';

export function PortRow({ device, port }: { device: Device; port: Port }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const link = linkOfPort(doc, device.id, port.id);
  const lag = lagOfPort(doc, device.id, port.id);
  const bond = doc.bonds?.find((b) => b.device === device.id && b.members.includes(port.id));
  const linkState = useOverlayStore((s) => (link ? s.links[link.id] : undefined));
  const member = useOverlayStore((s) => s.ports[`${device.id}:${port.id}`]?.status);

  return (
    <tr data-testid="inspector-port" data-port={port.id}>
      <th scope="row">{port.id}</th>
      <td>
        <select
          className="input input-compact"
          aria-label={t('inspector.port.speedOf', { port: port.id })}
          data-testid={`field-port-speed-${port.id}`}
          value={String(port.speedMbps ?? 1000)}
          onChange={(e) => useTopologyStore.getState().updatePort(device.id, port.id, { speedMbps: Number(e.currentTarget.value) })}
        >
          {SPEEDS_MBPS.map((s) => (
            <option key={s} value={s}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          className="input input-compact"
          aria-label={t('inspector.port.duplexOf', { port: port.id })}
          data-testid={`field-port-duplex-${port.id}`}
          value={port.duplex ?? 'full'}
          onChange={(e) => useTopologyStore.getState().updatePort(device.id, port.id, { duplex: e.currentTarget.value as 'full' | 'half' })}
        >
          <option value="full">{t('inspector.port.full')}</option>
          <option value="half">{t('inspector.port.half')}</option>
        </select>
      </td>
      <td>
        {lag ? (
          <button type="button" className="link-button" onClick={() => useTopologyStore.getState().select({ devices: [], links: [], lag: { device: device.id, id: lag.id } })}>
            {lag.id}
          </button>
        ) : bond ? (
          <span title={t('inspector.port.bondOf', { bond: bond.id })}>{bond.id}</span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        {member ? (
          <StatusBadge status={member} />
        ) : (
          <span className={`badge link-${linkState ?? (link ? 'unknown' : 'none')}`}>{t(`inspector.port.link.${linkState ?? (link ? 'unknown' : 'none')}`)}</span>
        )}
      </td>
    </tr>
  );
}
