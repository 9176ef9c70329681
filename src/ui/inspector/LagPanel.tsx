/** Everything about one LAG: live summary, settings, members with their live state, dissolve. */
import { useTranslation } from 'react-i18next';
import type { Lag } from '../../model';
import { useOverlayStore } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { LagMember } from './LagMember';
import { LagSettings } from './LagSettings';
import { deviceName, findDevice } from './lookup';
import { McLagMemberToggle } from './McLagMemberToggle';

export function LagPanel({ lag }: { lag: Lag }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const live = useOverlayStore((s) => s.lags[`${lag.device}:${lag.id}`]);
  const device = findDevice(doc, lag.device);
  if (!device) return null;
  const state = live ? (live.up ? 'up' : 'down') : 'unknown';

  return (
    <section className="inspector-section lag-panel" data-testid="inspector-lag" data-lag={`${lag.device}:${lag.id}`}>
      <header className="section-head">
        <h3 className="section-title">
          {t('inspector.lag.title', { lag: lag.name ?? lag.id, device: deviceName(doc, lag.device) })}
        </h3>
        <span className={`badge lag-${state}`} data-testid="inspector-lag-state" data-state={state}>
          {t(`inspector.lag.state.${state}`)}
        </span>
      </header>
      {live && (
        <p className="muted small" data-testid="inspector-lag-active">
          {t('inspector.lag.activeCount', { active: live.active.length, total: lag.members.length, standby: live.standby.length })}
        </p>
      )}
      <LagSettings lag={lag} device={device} />
      <McLagMemberToggle lag={lag} />
      <h4 className="subsection-title">{t('inspector.lag.members', { count: lag.members.length })}</h4>
      <div className="members">
        {lag.members.map((port) => (
          <LagMember key={port} lag={lag} device={device} port={port} isOpen={lag.members.length <= 2} />
        ))}
      </div>
      <button type="button" className="btn btn-subtle-danger" data-testid="btn-dissolve-lag" onClick={() => useTopologyStore.getState().dissolveLag(lag.device, lag.id)}>
        <Icon name="unlink" />
        <span>{t('inspector.lag.dissolve')}</span>
      </button>
    </section>
  );
}
