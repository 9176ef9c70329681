/** The decoded fields, grouped by layer (Ethernet, LLC, LACP, BPDU, ARP, IPv4, UDP), with translated names. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameField } from '../../worker/protocol';

export interface FieldListProps {
  fields: readonly FrameField[];
  hovered: string | null;
  onHover: (name: string | null) => void;
}

const LAYERS = ['eth', 'llc', 'lacp', 'bpdu', 'arp', 'ipv4', 'udp', 'icmp', 'vrrp'] as const;

export function FieldList({ fields, hovered, onHover }: FieldListProps) {
  const { t, i18n } = useTranslation();
  const label = (name: string) => (i18n.exists(`packet.fields.${name}`) ? t(`packet.fields.${name}`) : name);
  const list = useRef<HTMLDivElement>(null);
  // Hovering a byte lights its field: bring the field into view if the list is scrolled away.
  useEffect(() => {
    if (hovered === null) return;
    const rows = list.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [];
    const row = Array.from(rows).find((el) => el.dataset.field === hovered);
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [hovered]);
  const layers = [...LAYERS, ...new Set(fields.map((f) => f.layer).filter((l) => !(LAYERS as readonly string[]).includes(l)))];

  return (
    <div className="field-list" ref={list} onMouseLeave={() => onHover(null)}>
      {layers.map((layer) => {
        const group = fields.filter((f) => f.layer === layer);
        if (group.length === 0) return null;
        return (
          <section key={layer} className="field-group">
            <h3 className="field-group-title">{i18n.exists(`packet.layers.${layer}`) ? t(`packet.layers.${layer}`) : layer}</h3>
            <dl>
              {group.map((f) => (
                <div
                  key={f.name}
                  className={hovered === f.name ? 'packet-field highlight' : 'packet-field'}
                  data-testid="packet-field"
                  data-field={f.name}
                  onMouseEnter={() => onHover(f.name)}
                  title={`${f.name} · ${t('packet.offset', { offset: f.offset, length: f.length })}`}
                >
                  <dt>{label(f.name)}</dt>
                  <dd>
                    <code>{f.value}</code>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
