/** The frame once it arrives: a summary line, the fields and the hex dump side by side. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayStore } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { FieldList } from './FieldList';
import { HexDump } from './HexDump';
import { usePacketFrame } from './usePacketFrame';

/** "SW1 eth1 → SW2 eth1" for an LACPDU, BPDU or VRRP advertisement, while its event is still in the log. */
function useDirection(link: string, frame: number): string | null {
  const doc = useTopologyStore((s) => s.doc);
  const ends = useOverlayStore((s) => {
    for (let i = s.log.length - 1; i >= 0; i--) {
      const e = s.log[i]?.event;
      if ((e?.type === 'lacpdu' || e?.type === 'bpdu' || e?.type === 'vrrpAdvert') && e.link === link && e.frame === frame) return `${e.from.device} ${e.from.port} ${e.to.device} ${e.to.port}`;
    }
    return null;
  });
  if (ends === null) return null;
  const [fromDev = '', fromPort = '', toDev = '', toPort = ''] = ends.split(' ');
  const name = (id: string) => doc.devices.find((d) => d.id === id)?.name ?? id;
  return `${name(fromDev)} ${fromPort} → ${name(toDev)} ${toPort}`;
}

/** The protocol a student would name the frame by: its innermost decoded layer. */
const KIND_OF_LAYER: Record<string, string> = { lacp: 'lacp', bpdu: 'bpdu', arp: 'arp', udp: 'udp', icmp: 'icmp', vrrp: 'vrrp' };

function frameKind(fields: readonly { layer: string }[]): string {
  for (let i = fields.length - 1; i >= 0; i--) {
    const kind = KIND_OF_LAYER[fields[i]?.layer ?? ''];
    if (kind) return kind;
  }
  return 'eth';
}

export function PacketBody({ link, frame }: { link: string; frame: number }) {
  const { t } = useTranslation();
  const state = usePacketFrame(link, frame);
  const [hovered, setHovered] = useState<string | null>(null);
  const direction = useDirection(link, frame);

  if (state.status === 'loading') return <p className="modal-body muted" data-testid="packet-loading">{t('packet.loading')}</p>;
  if (state.status === 'gone') {
    return (
      <p className="modal-body packet-unavailable" data-testid="packet-unavailable">
        {t('packet.unavailable')}
      </p>
    );
  }
  const { bytes, fields } = state.frame;
  return (
    <div className="modal-body">
      <p className="packet-summary muted small" data-testid="packet-summary" data-kind={frameKind(fields)}>
        <strong className="packet-kind">{t(`packet.kinds.${frameKind(fields)}`)}</strong> · {t('packet.summary', { time: (state.frame.t / 1000).toFixed(3), length: bytes.length })}
        {direction !== null && <span className="packet-direction">{direction}</span>}
      </p>
      <div className="packet-columns">
        <FieldList fields={fields} hovered={hovered} onHover={setHovered} />
        <HexDump bytes={bytes} fields={fields} hovered={hovered} onHover={setHovered} />
      </div>
      <p className="packet-tip muted small">{t('packet.tip')}</p>
    </div>
  );
}
