/** A domain's MC-LAG ports on this peer, and "Make MC-LAG port toward …" for devices wired to both peers. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { McLag } from '../../model';
import { makeMcLagPort, mclagDownstreams } from '../../model/edits';
import { useLiveMaps } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { deviceName, peerOfPort } from './lookup';

export function McLagPorts({ domain, device }: { domain: McLag; device: string }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const lagsLive = useLiveMaps((s) => s.lags);
  const ports = (doc.lags ?? []).filter((l) => l.device === device && l.mclag === domain.id);
  // Offer only what would be accepted, so every button works.
  const offers = useMemo(() => mclagDownstreams(doc, domain).filter((d) => makeMcLagPort(doc, domain.id, d).ok), [doc, domain]);
  const select = (lag: string) => useTopologyStore.getState().select({ devices: [], links: [], lag: { device, id: lag } });

  return (
    <div data-testid="mclag-ports">
      <h4 className="subsection-title">{t('inspector.mclag.ports', { count: ports.length })}</h4>
      {ports.length === 0 && <p className="muted small">{t('inspector.mclag.noPorts')}</p>}
      <div className="members">
        {ports.map((lag) => {
          const below = [...new Set(lag.members.map((m) => peerOfPort(doc, device, m)?.device).filter((d): d is string => d !== undefined))];
          const live = lagsLive[`${device}:${lag.id}`];
          const state = live ? (live.up ? 'up' : 'down') : 'unknown';
          return (
            <div key={lag.id} data-testid="mclag-port" data-lag={lag.id}>
              <button type="button" className="link-button" onClick={() => select(lag.id)}>
                {lag.id}
              </button>{' '}
              <span className="muted small">{below.length > 0 ? `→ ${below.map((d) => deviceName(doc, d)).join(', ')}` : t('inspector.lag.unwired')}</span>{' '}
              <span className={`badge lag-${state}`}>{t(`inspector.lag.state.${state}`)}</span>
            </div>
          );
        })}
      </div>
      {offers.map((d) => (
        <button key={d} type="button" className="btn btn-subtle" data-testid={`btn-mclag-port-${d}`} onClick={() => useTopologyStore.getState().makeMcLagPort(domain.id, d)}>
          <Icon name="plus" />
          <span>{t('inspector.mclag.makePort', { device: deviceName(doc, d) })}</span>
        </button>
      ))}
    </div>
  );
}
