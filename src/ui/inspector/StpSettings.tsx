/** A switch's spanning-tree mode, bridge priority and timers (802.1D-2004 §17.13–17.14). */
import { useTranslation } from 'react-i18next';
import type { Device, DeviceStp } from '../../model';
import { DEFAULT_BRIDGE_PRIORITY } from '../../model';
import type { StpPatch, StpTimers } from '../../model/edits';
import { DEFAULT_FORWARD_DELAY_S, DEFAULT_HELLO_S, DEFAULT_MAX_AGE_S, STP_MODES, stpTimers, stpTimersError } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import type { FieldError } from './validate';
import { BRIDGE_PRIORITY, FORWARD_DELAY_S, HELLO_S, MAX_AGE_S } from './validate';

/** The §17.14 check of one timer against the other two, as an in-place field error. */
function timerCheck(timers: StpTimers, key: keyof StpTimers) {
  return (value: number): FieldError | undefined => {
    const bad = stpTimersError({ ...timers, [key]: value });
    return bad ? { key: bad.key, params: bad.params ?? {} } : undefined;
  };
}

export function StpSettings({ device }: { device: Device }) {
  const { t } = useTranslation();
  const stp = device.stp;
  const mode = stp?.mode ?? 'off';
  const timers = stpTimers(stp);
  const update = (patch: StpPatch) => useTopologyStore.getState().updateStp(device.id, patch);

  return (
    <div className="fields" data-testid="stp-settings">
      <SelectField label={t('inspector.stp.mode')} testId="field-stp-mode" value={mode} options={STP_MODES.map((m) => ({ value: m, label: t(`inspector.stp.modes.${m}`) }))} hint={t(`inspector.stp.modeHint.${mode}`)} onChange={(v) => update({ mode: v as DeviceStp['mode'] })} />
      {mode !== 'off' && (
        <>
          <NumberField key={`bp-${stp?.priority ?? ''}`} label={t('inspector.stp.priority')} testId="field-stp-priority" value={stp?.priority} defaultValue={DEFAULT_BRIDGE_PRIORITY} rule={BRIDGE_PRIORITY} onCommit={(v) => update({ priority: v })} />
          <NumberField key={`h-${stp?.helloS ?? ''}`} label={t('inspector.stp.hello')} testId="field-stp-hello" value={stp?.helloS} defaultValue={DEFAULT_HELLO_S} rule={HELLO_S} unit={t('inspector.unit.s')} check={timerCheck(timers, 'helloS')} onCommit={(v) => update({ helloS: v })} />
          <NumberField key={`ma-${stp?.maxAgeS ?? ''}`} label={t('inspector.stp.maxAge')} testId="field-stp-max-age" value={stp?.maxAgeS} defaultValue={DEFAULT_MAX_AGE_S} rule={MAX_AGE_S} unit={t('inspector.unit.s')} check={timerCheck(timers, 'maxAgeS')} onCommit={(v) => update({ maxAgeS: v })} />
          <NumberField key={`fd-${stp?.forwardDelayS ?? ''}`} label={t('inspector.stp.forwardDelay')} testId="field-stp-forward-delay" value={stp?.forwardDelayS} defaultValue={DEFAULT_FORWARD_DELAY_S} rule={FORWARD_DELAY_S} unit={t('inspector.unit.s')} check={timerCheck(timers, 'forwardDelayS')} onCommit={(v) => update({ forwardDelayS: v })} />
          <p className="muted small">{t('inspector.stp.timersRule')}</p>
        </>
      )}
    </div>
  );
}
