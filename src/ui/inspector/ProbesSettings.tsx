/**
 * The lab's reachability probes, shown when nothing is selected: how often every host probes its
 * gateway (ARP, like `arping`) and the upstream (ICMP echo, like `ping`), and which of the two.
 * The interval bounds how exactly an outage is measured.
 */
import { useTranslation } from 'react-i18next';
import type { ProbeTarget } from '../../model';
import { DEFAULT_PROBE_INTERVAL_MS, PROBE_TARGETS, resolveProbes } from '../../model';
import { useTopologyStore } from '../../store/topologyStore';
import { NumberField } from './NumberField';
import { PROBE_INTERVAL_MS } from './validate';

export function ProbesSettings() {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const probes = doc.probes;
  const targets = probes?.targets ?? PROBE_TARGETS;
  const active = resolveProbes(doc).targets;
  const toggle = (target: ProbeTarget, isOn: boolean) => useTopologyStore.getState().updateProbes({ targets: PROBE_TARGETS.filter((x) => (x === target ? isOn : targets.includes(x))) });

  return (
    <div className="fields" data-testid="probes-settings">
      <h3 className="section-title">{t('inspector.probes.title')}</h3>
      <NumberField
        key={`pi-${probes?.intervalMs ?? ''}`}
        label={t('inspector.probes.interval')}
        testId="field-probe-interval"
        value={probes?.intervalMs}
        defaultValue={DEFAULT_PROBE_INTERVAL_MS}
        rule={PROBE_INTERVAL_MS}
        unit={t('inspector.unit.ms')}
        hint={t('inspector.probes.intervalHint')}
        onCommit={(v) => useTopologyStore.getState().updateProbes({ intervalMs: v })}
      />
      {PROBE_TARGETS.map((target) => (
        <label key={target} className="field field-check">
          <input type="checkbox" data-testid={`field-probe-${target}`} checked={targets.includes(target)} onChange={(e) => toggle(target, e.currentTarget.checked)} />
          <span className="field-label">{t(`inspector.probes.target.${target}`)}</span>
          <span className="field-hint">{t(target === 'upstream' && targets.includes(target) && !active.includes(target) ? 'inspector.probes.noUpstream' : `inspector.probes.targetHint.${target}`)}</span>
        </label>
      ))}
    </div>
  );
}
