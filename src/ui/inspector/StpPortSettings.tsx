/** One bridge port's spanning-tree settings (cost, priority, edge), picked from the switch's bridge ports. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../model';
import type { PortStpPatch } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { bridgePorts } from './stpView';
import { STP_COST, STP_PORT_PRIORITY } from './validate';

export function StpPortSettings({ device }: { device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const ports = bridgePorts(doc, device);
  const [picked, setPicked] = useState<string | null>(null);
  const port = ports.find((p) => p.id === picked) ?? ports.find((p) => p.isWired) ?? ports[0];
  if (!port) return null;
  const update = (patch: PortStpPatch) => useTopologyStore.getState().updatePortStp(device.id, port.id, patch);

  return (
    <div className="fields" data-testid="stp-port-settings">
      <h4 className="subsection-title">{t('inspector.stp.portSettings')}</h4>
      <SelectField label={t('inspector.stp.bridgePort')} testId="field-stp-port" value={port.id} options={ports.map((p) => ({ value: p.id, label: p.isLag ? t('inspector.stp.lagPort', { lag: p.id }) : p.id }))} onChange={setPicked} />
      <NumberField
        key={`c-${port.id}-${port.stp?.cost ?? ''}`}
        label={t('inspector.stp.cost')}
        testId="field-stp-cost"
        value={port.stp?.cost}
        rule={STP_COST}
        hint={port.stp?.cost === undefined ? t('inspector.stp.costAuto') : undefined}
        onCommit={(v) => update({ cost: v })}
      />
      {port.stp?.cost !== undefined && (
        <button type="button" className="link-button" data-testid="btn-stp-cost-auto" onClick={() => update({ cost: null })}>
          {t('inspector.stp.costReset')}
        </button>
      )}
      <NumberField key={`p-${port.id}-${port.stp?.priority ?? ''}`} label={t('inspector.stp.portPriority')} testId="field-stp-port-priority" value={port.stp?.priority} defaultValue={128} rule={STP_PORT_PRIORITY} onCommit={(v) => update({ priority: v })} />
      <label className="field field-check">
        <input type="checkbox" data-testid="field-stp-edge" checked={port.stp?.edge === true} onChange={(e) => update({ edge: e.currentTarget.checked ? true : null })} />
        <span className="field-label">{t('inspector.stp.edge')}</span>
        <span className="field-hint">{t('inspector.stp.edgeHint')}</span>
      </label>
    </div>
  );
}
