/** A bond's mode and the Linux options that mode reads; options it ignores are hidden. */
import { useTranslation } from 'react-i18next';
import type { Bond, BondMode } from '../../model';
import { BOND_MODES, DEFAULT_MIIMON_MS } from '../../model';
import type { BondPatch } from '../../model/edits';
import { XMIT_HASH_POLICIES } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { BOND_MODE_INFO, effectiveDelay, usesOption } from './bondModes';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { BOND_DELAY_MS, GRAT_ARP, MIIMON_MS } from './validate';

export function BondSettings({ bond }: { bond: Bond }) {
  const { t } = useTranslation();
  const update = (patch: BondPatch) => useTopologyStore.getState().updateBond(bond.device, bond.id, patch);
  const miimon = bond.miimon ?? DEFAULT_MIIMON_MS;
  const delayHint = (value: number | undefined) => {
    const used = effectiveDelay(value ?? 0, miimon);
    return used === (value ?? 0) ? undefined : t('inspector.bond.rounded', { used, miimon });
  };
  const modeLabel = (m: BondMode) => t('inspector.bond.modeOption', { mode: m, number: BOND_MODE_INFO[m].number, windows: t(`inspector.bond.windows.${m}`) });

  return (
    <div className="fields" data-testid="bond-settings">
      <SelectField label={t('inspector.bond.mode')} testId="field-bond-mode" value={bond.mode} options={BOND_MODES.map((m) => ({ value: m, label: modeLabel(m) }))} hint={t('inspector.bond.modeHintWindows', { windows: t(`inspector.bond.windows.${bond.mode}`), hint: t(`inspector.bond.modeHint.${bond.mode}`) })} onChange={(v) => update({ mode: v as BondMode })} />
      <NumberField key={`mii-${bond.miimon ?? ''}`} label={t('inspector.bond.miimon')} testId="field-bond-miimon" value={bond.miimon} defaultValue={DEFAULT_MIIMON_MS} rule={MIIMON_MS} unit={t('inspector.unit.ms')} onCommit={(v) => update({ miimon: v })} />
      <NumberField key={`up-${bond.updelay ?? ''}`} label={t('inspector.bond.updelay')} testId="field-bond-updelay" value={bond.updelay} defaultValue={0} rule={BOND_DELAY_MS} unit={t('inspector.unit.ms')} hint={delayHint(bond.updelay)} onCommit={(v) => update({ updelay: v })} />
      <NumberField key={`down-${bond.downdelay ?? ''}`} label={t('inspector.bond.downdelay')} testId="field-bond-downdelay" value={bond.downdelay} defaultValue={0} rule={BOND_DELAY_MS} unit={t('inspector.unit.ms')} hint={delayHint(bond.downdelay)} onCommit={(v) => update({ downdelay: v })} />
      {usesOption(bond.mode, 'primary') && (
        <SelectField
          label={t('inspector.bond.primary')}
          testId="field-bond-primary"
          value={bond.primary ?? ''}
          options={[{ value: '', label: t('inspector.bond.noPrimary') }, ...bond.members.map((m) => ({ value: m, label: m }))]}
          hint={t('inspector.bond.primaryHint')}
          onChange={(v) => update({ primary: v === '' ? null : v })}
        />
      )}
      {usesOption(bond.mode, 'lacpRate') && (
        <SelectField label={t('inspector.bond.lacpRate')} testId="field-bond-lacp-rate" value={bond.lacpRate ?? 'slow'} options={(['slow', 'fast'] as const).map((r) => ({ value: r, label: t(`lacp.rate.${r}`) }))} onChange={(v) => update({ lacpRate: v as 'slow' | 'fast' })} />
      )}
      {usesOption(bond.mode, 'xmitHashPolicy') && (
        <SelectField
          label={t('inspector.bond.xmitHashPolicy')}
          testId="field-bond-hash"
          value={bond.xmitHashPolicy ?? 'layer2'}
          options={XMIT_HASH_POLICIES.map((p) => ({ value: p, label: p }))}
          hint={t(`inspector.bond.hashHint.${bond.xmitHashPolicy ?? 'layer2'}`)}
          onChange={(v) => update({ xmitHashPolicy: v as Bond['xmitHashPolicy'] })}
        />
      )}
      {usesOption(bond.mode, 'numGratArp') && (
        <NumberField key={`ga-${bond.numGratArp ?? ''}`} label={t('inspector.bond.numGratArp')} testId="field-bond-grat-arp" value={bond.numGratArp} defaultValue={1} rule={GRAT_ARP} onCommit={(v) => update({ numGratArp: v })} />
      )}
    </div>
  );
}
