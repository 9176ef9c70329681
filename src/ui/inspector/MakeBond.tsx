/** "Make bond": pick free ports of a host and a mode (the one the wiring suggests is preselected). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BondMode, Device } from '../../model';
import { BOND_MODES } from '../../model';
import { suggestBondMode } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { BOND_MODE_INFO } from './bondModes';
import { endpointLabel, isPortBundled, linkOfPort, peerOfPort } from './lookup';
import { SelectField } from './SelectField';

/** Why a mode is suggested: the switch side runs LACP, a static LAG, or nothing. */
const SUGGEST_REASON: Partial<Record<BondMode, string>> = { '802.3ad': 'lacp', 'balance-xor': 'static', 'active-backup': 'independent' };

export function MakeBond({ device }: { device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const free = device.ports.filter((p) => !isPortBundled(doc, device.id, p.id)).map((p) => p.id);
  const wired = free.filter((p) => linkOfPort(doc, device.id, p));
  const [picked, setPicked] = useState<string[] | null>(null);
  const [chosenMode, setMode] = useState<BondMode | null>(null);
  if (free.length === 0) return null;
  const ports = (picked ?? (wired.length > 0 ? wired : free)).filter((p) => free.includes(p));
  const suggested = suggestBondMode(doc, device.id, ports);
  const mode = chosenMode ?? suggested;
  const toggle = (port: string, isOn: boolean) => setPicked(isOn ? [...ports, port] : ports.filter((p) => p !== port));
  const make = () => {
    if (useTopologyStore.getState().makeBond(device.id, ports, mode)) {
      setPicked(null);
      setMode(null);
    }
  };

  return (
    <div className="fields" data-testid="make-bond">
      <h4 className="subsection-title">{t('inspector.bond.makeTitle')}</h4>
      {free.map((port) => {
        const peer = peerOfPort(doc, device.id, port);
        return (
          <label key={port} className="field field-check">
            <input type="checkbox" data-testid={`make-bond-port-${port}`} checked={ports.includes(port)} onChange={(e) => toggle(port, e.currentTarget.checked)} />
            <span className="field-label">{port}</span>
            <span className="field-hint">{peer ? `→ ${endpointLabel(doc, peer)}` : t('inspector.lag.unwired')}</span>
          </label>
        );
      })}
      <SelectField
        label={t('inspector.bond.mode')}
        testId="make-bond-mode"
        value={mode}
        options={BOND_MODES.map((m) => ({ value: m, label: t('inspector.bond.modeOption', { mode: m, number: BOND_MODE_INFO[m].number, windows: t(`inspector.bond.windows.${m}`) }) }))}
        hint={t(`inspector.bond.suggest.${SUGGEST_REASON[suggested] ?? 'independent'}`, { mode: suggested })}
        onChange={(v) => setMode(v as BondMode)}
      />
      <button type="button" className="btn btn-subtle" data-testid="btn-make-bond" disabled={ports.length === 0} onClick={make}>
        <Icon name="lag" />
        <span>{t('inspector.bond.make', { count: ports.length })}</span>
      </button>
    </div>
  );
}
