/** A LAG's LACP settings (802.1AX 5.3 / 5.4): mode, rate, priorities, key, limits, fallback. */
import { useTranslation } from 'react-i18next';
import type { Device, Lag, Topology } from '../../model';
import type { LagPatch } from '../../model/edits';
import { DEFAULT_FALLBACK_TIMEOUT_MS, DEFAULT_MAX_ACTIVE, DEFAULT_SYSTEM_PRIORITY, LAG_MODES } from '../../model';
import { useTopologyStore } from '../../store/topologyStore';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { FALLBACK_S, KEY, PRIORITY } from './validate';

/** The key a LAG gets by default: its position on the device + 1, like a port-channel number. */
export function defaultKey(doc: Topology, lag: Lag): number {
  return (doc.lags ?? []).filter((l) => l.device === lag.device).indexOf(lag) + 1;
}

export function LagSettings({ lag, device }: { lag: Lag; device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const update = (patch: LagPatch) => useTopologyStore.getState().updateLag(lag.device, lag.id, patch);
  const counts = { min: 1, max: lag.members.length, integer: true };
  const fallbackS = (lag.fallback?.timeoutMs ?? DEFAULT_FALLBACK_TIMEOUT_MS) / 1000;

  return (
    <div className="fields" data-testid="inspector-lag-settings">
      <SelectField
        label={t('inspector.lag.mode')}
        testId="field-lag-mode"
        value={lag.mode}
        options={LAG_MODES.map((m) => ({ value: m, label: t(`lacp.mode.${m}`) }))}
        hint={t(`lacp.modeHint.${lag.mode}`)}
        onChange={(v) => update({ mode: v as Lag['mode'] })}
      />
      <SelectField
        label={t('inspector.lag.rate')}
        testId="field-lag-rate"
        value={lag.rate ?? 'slow'}
        options={(['fast', 'slow'] as const).map((r) => ({ value: r, label: t(`lacp.rate.${r}`) }))}
        onChange={(v) => update({ rate: v as 'fast' | 'slow' })}
      />
      <NumberField
        key={`sp-${lag.systemPriority ?? ''}`}
        label={t('inspector.lag.systemPriority')}
        testId="field-lag-system-priority"
        value={lag.systemPriority}
        defaultValue={device.lacp?.systemPriority ?? DEFAULT_SYSTEM_PRIORITY[device.type]}
        rule={PRIORITY}
        onCommit={(v) => update({ systemPriority: v })}
      />
      <NumberField key={`key-${lag.key ?? ''}`} label={t('inspector.lag.key')} testId="field-lag-key" value={lag.key} defaultValue={defaultKey(doc, lag)} rule={KEY} onCommit={(v) => update({ key: v })} />
      <NumberField
        key={`ma-${lag.maxActive ?? ''}`}
        label={t('inspector.lag.maxActive')}
        testId="field-lag-max-active"
        value={lag.maxActive}
        defaultValue={DEFAULT_MAX_ACTIVE}
        rule={{ min: 1, max: 32, integer: true }}
        onCommit={(v) => update({ maxActive: v })}
      />
      <NumberField key={`ml-${lag.minLinks ?? ''}`} label={t('inspector.lag.minLinks')} testId="field-lag-min-links" value={lag.minLinks} defaultValue={1} rule={counts} onCommit={(v) => update({ minLinks: v })} />
      <label className="field field-check">
        <input
          type="checkbox"
          data-testid="field-lag-fallback"
          checked={lag.fallback !== undefined}
          onChange={(e) => update({ fallback: e.currentTarget.checked ? {} : null })}
        />
        <span className="field-label">{t('inspector.lag.fallback')}</span>
        <span className="field-hint">{t('inspector.lag.fallbackHint')}</span>
      </label>
      {lag.fallback !== undefined && (
        <NumberField
          key={`fb-${lag.fallback.timeoutMs ?? ''}`}
          label={t('inspector.lag.fallbackTimeout')}
          testId="field-lag-fallback-timeout"
          value={fallbackS}
          rule={FALLBACK_S}
          unit={t('inspector.unit.s')}
          onCommit={(v) => update({ fallback: { timeoutMs: Math.round(v * 1000) } })}
        />
      )}
    </div>
  );
}
