/** A host's flows: those it sends and receives, live state and path, and "Add flow" to another host or the upstream. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../model';
import { upstreamAddress } from '../../model';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { FlowRow } from './FlowRow';
import { SelectField } from './SelectField';

export function FlowsPanel({ device }: { device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const flows = (doc.flows ?? []).filter((f) => f.from === device.id || f.to === device.id);
  const targets = doc.devices.filter((d) => d.id !== device.id && (d.type === 'host' ? d.ip !== undefined : d.type === 'upstream' && upstreamAddress(d) !== undefined));
  const [picked, setPicked] = useState<string | null>(null);
  const target = targets.find((d) => d.id === picked) ?? targets[0];

  return (
    <section className="inspector-section" data-testid="inspector-flows">
      <header className="section-head">
        <Icon name="activity" size={20} />
        <h3 className="section-title">{t('inspector.flow.title', { count: flows.length })}</h3>
      </header>
      {flows.length === 0 && <p className="muted small">{t('inspector.flow.none')}</p>}
      <div className="members">
        {flows.map((flow) => (
          <FlowRow key={flow.id} flow={flow} host={device.id} />
        ))}
      </div>
      {device.ip === undefined ? (
        <p className="muted small" data-testid="flow-needs-ip">
          {t('inspector.flow.needsIp')}
        </p>
      ) : target === undefined ? (
        <p className="muted small" data-testid="flow-no-target">
          {t('inspector.flow.noTarget')}
        </p>
      ) : (
        <div className="fields">
          <SelectField label={t('inspector.flow.destination')} testId="field-flow-to" value={target.id} options={targets.map((d) => ({ value: d.id, label: `${d.name ?? d.id} (${(d.type === 'upstream' ? upstreamAddress(d) : d.ip) ?? ''})` }))} onChange={setPicked} />
          <button type="button" className="btn btn-subtle" data-testid="btn-add-flow" onClick={() => useTopologyStore.getState().addFlow(device.id, target.id)}>
            <Icon name="plus" />
            <span>{t('inspector.flow.add', { device: target.name ?? target.id })}</span>
          </button>
        </div>
      )}
    </section>
  );
}
