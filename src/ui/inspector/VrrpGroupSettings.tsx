/**
 * A group's shared settings (RFC 5798 §6.1): the virtual IP (the hosts' gateway), VRID (which
 * also names the virtual MAC 00:00:5e:00:01:<VRID>), Advertisement_Interval, Accept_Mode, and
 * active-active for an MC-LAG pair (vPC peer-gateway).
 */
import { useTranslation } from 'react-i18next';
import type { VrrpGroup } from '../../model';
import { DEFAULT_VRRP_ADVERT_INTERVAL_CS } from '../../model';
import type { VrrpGroupPatch } from '../../model/edits';
import { activeActiveError, vipError, vridError } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { NumberField } from './NumberField';
import { TextField } from './TextField';
import { ADVERT_INTERVAL_S, VRID } from './validate';

/** The virtual MAC of a VRID (RFC 5798 §7.3). */
export function virtualMac(vrid: number): string {
  return `00:00:5e:00:01:${vrid.toString(16).padStart(2, '0')}`;
}

const field = (bad: { key: string; params?: Record<string, string | number> } | undefined) => (bad ? { key: bad.key, params: bad.params ?? {} } : undefined);

/** Seconds must be whole centiseconds (Max Adver Int is 12 bits of centiseconds). */
function centiseconds(v: number) {
  return Math.abs(v * 100 - Math.round(v * 100)) > 1e-6 ? { key: 'inspector.vrrp.intervalStep', params: {} } : undefined;
}

export function VrrpGroupSettings({ group }: { group: VrrpGroup }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const update = (patch: VrrpGroupPatch) => useTopologyStore.getState().updateVrrpGroup(group.id, patch);
  const canActiveActive = group.activeActive === true || activeActiveError(doc, group) === undefined;
  const intervalS = (group.advertIntervalCs ?? DEFAULT_VRRP_ADVERT_INTERVAL_CS) / 100;

  return (
    <div className="fields" data-testid="vrrp-group-settings">
      <h4 className="subsection-title">{t('inspector.vrrp.groupSettings')}</h4>
      <TextField key={group.vip} label={t('inspector.vrrp.vip')} value={group.vip} testId="field-vrrp-vip" check={(text) => vipError(doc, group, text)} onCommit={(vip) => update({ vip })} hint={t('inspector.vrrp.vipHint')} />
      <NumberField key={`v-${group.vrid}`} label={t('inspector.vrrp.vrid')} testId="field-vrrp-vrid" value={group.vrid} rule={VRID} check={(v) => field(vridError(doc, group, v))} hint={t('inspector.vrrp.vridHint', { mac: virtualMac(group.vrid) })} onCommit={(vrid) => update({ vrid })} />
      <NumberField
        key={`i-${group.advertIntervalCs ?? ''}`}
        label={t('inspector.vrrp.interval')}
        testId="field-vrrp-interval"
        value={group.advertIntervalCs === undefined ? undefined : intervalS}
        defaultValue={DEFAULT_VRRP_ADVERT_INTERVAL_CS / 100}
        rule={ADVERT_INTERVAL_S}
        unit={t('inspector.unit.s')}
        check={centiseconds}
        hint={t('inspector.vrrp.intervalHint')}
        onCommit={(v) => update({ advertIntervalCs: Math.round(v * 100) })}
      />
      <label className="field field-check">
        <input type="checkbox" data-testid="field-vrrp-accept" checked={group.acceptMode === true} onChange={(e) => update({ acceptMode: e.currentTarget.checked })} />
        <span className="field-label">{t('inspector.vrrp.acceptMode')}</span>
        <span className="field-hint">{t('inspector.vrrp.acceptModeHint')}</span>
      </label>
      <label className="field field-check">
        <input type="checkbox" data-testid="field-vrrp-active-active" checked={group.activeActive === true} disabled={!canActiveActive} onChange={(e) => update({ activeActive: e.currentTarget.checked })} />
        <span className="field-label">{t('inspector.vrrp.activeActive')}</span>
        <span className="field-hint">{t(canActiveActive ? 'inspector.vrrp.activeActiveHint' : 'inspector.vrrp.activeActiveNeedsPair')}</span>
      </label>
    </div>
  );
}
