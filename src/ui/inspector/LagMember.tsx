/** One LAG member: its peer, live status, port priority and the full live LACP state. */
import { useTranslation } from 'react-i18next';
import type { Device, Lag } from '../../model';
import { DEFAULT_PORT_PRIORITY } from '../../model';
import { useOverlayStore } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { endpointLabel, linkOfPort } from './lookup';
import { MemberLive } from './MemberLive';
import { NumberField } from './NumberField';
import { StatusBadge } from './StatusBadge';
import { PRIORITY } from './validate';

export function LagMember({ lag, device, port, isOpen }: { lag: Lag; device: Device; port: string; isOpen: boolean }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const status = useOverlayStore((s) => s.ports[`${device.id}:${port}`]?.status);
  const link = linkOfPort(doc, device.id, port);
  const peer = link ? (link.a.device === device.id && link.a.port === port ? link.b : link.a) : undefined;
  const priority = lag.portPriorities?.[port];

  return (
    <details className="member" data-testid="inspector-member" data-port={port} open={isOpen}>
      <summary className="member-summary">
        <span className="member-port">{port}</span>
        <span className="member-peer">{peer ? `→ ${endpointLabel(doc, peer)}` : t('inspector.lag.unwired')}</span>
        {status && <StatusBadge status={status} />}
      </summary>
      <div className="member-body">
        <NumberField
          key={`pp-${priority ?? ''}`}
          label={t('inspector.lag.portPriority')}
          testId={`field-port-priority-${port}`}
          value={priority}
          defaultValue={DEFAULT_PORT_PRIORITY[device.type]}
          rule={PRIORITY}
          onCommit={(v) => useTopologyStore.getState().updateLag(lag.device, lag.id, { portPriorities: { ...lag.portPriorities, [port]: v } })}
        />
        <MemberLive device={device.id} port={port} />
      </div>
    </details>
  );
}
