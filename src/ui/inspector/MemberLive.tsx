/** The live LACP state of one LAG member: status, machines, partner and state bits. */
import { useTranslation } from 'react-i18next';
import { useOverlayStore } from '../../store/overlayStore';
import { Icon } from '../toolbar/Icon';
import { StateBits } from './StateBits';

/** The partner System of a port that has heard nothing (802.1AX default partner admin values). */
const NO_SYSTEM = '00:00:00:00:00:00';

export function MemberLive({ device, port }: { device: string; port: string }) {
  const { t } = useTranslation();
  const live = useOverlayStore((s) => s.ports[`${device}:${port}`]);
  if (!live) return <p className="muted small" data-testid="member-live-empty">{t('inspector.lag.noLive')}</p>;
  const hasPartner = live.partnerSystem !== '' && live.partnerSystem !== NO_SYSTEM;

  return (
    <div className="member-live" data-testid="member-live">
      {live.reason && (
        <p className="reason" data-testid="member-reason" data-reason={live.reason}>
          {t(`lacp.reason.${live.reason}`)}
        </p>
      )}
      {live.churn && (
        <p className="warning" data-testid="member-churn">
          <Icon name="alert" size={14} />
          {t('inspector.lag.churn')}
        </p>
      )}
      <dl className="kv kv-machines">
        <dt title={t('inspector.lag.rxHint')}>{t('inspector.lag.rx')}</dt>
        <dd><code data-testid="member-rx">{live.rx}</code></dd>
        <dt title={t('inspector.lag.muxHint')}>{t('inspector.lag.mux')}</dt>
        <dd><code data-testid="member-mux">{live.mux}</code></dd>
        <dt title={t('inspector.lag.selectedHint')}>{t('inspector.lag.selected')}</dt>
        <dd><code data-testid="member-selected">{live.selected}</code></dd>
        <dt>{t('inspector.lag.partnerSystem')}</dt>
        <dd>{hasPartner ? <code>{live.partnerSystem}</code> : <span className="muted">{t('inspector.lag.unknown')}</span>}</dd>
        <dt>{t('inspector.lag.partnerKeyPort')}</dt>
        <dd><code>{hasPartner ? t('inspector.lag.keyPort', { key: live.partnerKey, port: live.partnerPort }) : '—'}</code></dd>
      </dl>
      <StateBits actor={live.actorState} partner={live.partnerState} />
    </div>
  );
}
