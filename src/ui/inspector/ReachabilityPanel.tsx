/**
 * A host's reachability (DESIGN.md §4): whether its probes to the gateway (ARP) and the upstream
 * (ICMP echo) are answered now and since when, and the last outage measured towards each, next to
 * the value the standard predicts and the rule that predicts it.
 */
import { useTranslation } from 'react-i18next';
import type { Device, ProbeTarget } from '../../model';
import { PROBE_TARGETS, resolveProbes } from '../../model';
import { useLiveMaps } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import type { ProbeLive } from './gatewayLive';
import { msText } from './gatewayLive';
import { OutageTable } from './OutageTable';

function ProbeRow({ target, probe, isProbed }: { target: ProbeTarget; probe: ProbeLive | undefined; isProbed: boolean }) {
  const { t } = useTranslation();
  const state = !isProbed ? 'off' : (probe?.state ?? 'pending');
  const badge = state === 'ok' ? 'link-up' : state === 'lost' ? 'link-down' : 'link-unknown';
  const since = probe ? msText(probe.state === 'lost' ? (probe.sinceMs ?? probe.t) : probe.t) : '';
  return (
    <>
      <dt>{t(`inspector.reach.target.${target}`)}</dt>
      <dd data-testid={`reach-${target}`} data-state={state}>
        <span className={`badge ${badge}`}>{t(`inspector.reach.state.${state}`)}</span>{' '}
        {probe && isProbed && <span className="small">{t(`inspector.reach.since.${probe.state}`, { ip: probe.ip, s: since })}</span>}
      </dd>
    </>
  );
}

export function ReachabilityPanel({ device }: { device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const gateway = useLiveMaps((s) => s.probes[`${device.id}:gateway`]);
  const upstream = useLiveMaps((s) => s.probes[`${device.id}:upstream`]);
  const probes = resolveProbes(doc);
  const live = { gateway, upstream };
  const targets = PROBE_TARGETS.filter((target) => target !== 'upstream' || doc.devices.some((d) => d.type === 'upstream'));

  return (
    <section className="inspector-section" data-testid="inspector-reach">
      <header className="section-head">
        <Icon name="activity" size={20} />
        <h3 className="section-title">{t('inspector.reach.title')}</h3>
      </header>
      {device.gateway === undefined && <p className="muted small">{t('inspector.reach.noGateway')}</p>}
      <dl className="kv">
        {targets.map((target) => (
          <ProbeRow key={target} target={target} probe={live[target]} isProbed={probes.targets.includes(target)} />
        ))}
      </dl>
      <p className="muted small">{probes.targets.length === 0 ? t('inspector.reach.off') : t('inspector.reach.every', { ms: probes.intervalMs })}</p>
      <OutageTable host={device.id} targets={targets} />
    </section>
  );
}
