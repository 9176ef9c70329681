/**
 * The timers that decide this router's failover, computed from the RFC's formulas with the
 * priority in use (RFC 5798 §6.1): Skew_Time and Master_Down_Interval, and what they mean — as
 * Backup it takes over Master_Down_Interval after the Master's last advertisement, so between
 * MDI − Advertisement_Interval and MDI after the Master fails; after a priority-0 advertisement,
 * Skew_Time later.
 */
import { useTranslation } from 'react-i18next';
import type { VrrpGroup, VrrpMember } from '../../model';
import { DEFAULT_VRRP_ADVERT_INTERVAL_CS, DEFAULT_VRRP_PRIORITY } from '../../model';
import { useLiveMaps } from '../../store/overlayStore';
import { secondsText, vrrpLiveKey, vrrpTimers } from './gatewayLive';

export function VrrpTimers({ group, member }: { group: VrrpGroup; member: VrrpMember }) {
  const { t } = useTranslation();
  const livePriority = useLiveMaps((s) => s.vrrp[vrrpLiveKey(member.device, group.vrid, member.port)]?.priority);
  const priority = livePriority ?? member.priority ?? DEFAULT_VRRP_PRIORITY;
  const advertCs = group.advertIntervalCs ?? DEFAULT_VRRP_ADVERT_INTERVAL_CS;
  const timers = vrrpTimers(priority, advertCs);
  const adv = secondsText(timers.advertUs);
  const skew = secondsText(timers.skewUs);
  const mdi = secondsText(timers.masterDownUs);

  return (
    <div className="fields" data-testid="vrrp-timers">
      <h4 className="subsection-title">{t('inspector.vrrp.timers')}</h4>
      <dl className="kv">
        <dt>Skew_Time</dt>
        <dd data-testid="vrrp-skew">{t('inspector.vrrp.skewFormula', { priority, adv, skew })}</dd>
        <dt>
          Master_Down_<wbr />
          Interval
        </dt>
        <dd data-testid="vrrp-mdi">{t('inspector.vrrp.mdiFormula', { adv, skew, mdi })}</dd>
      </dl>
      <p className="small" data-testid="vrrp-prediction">
        {priority === 255 ? t('inspector.vrrp.ownerPrediction') : t('inspector.vrrp.prediction', { from: secondsText(timers.masterDownUs - timers.advertUs), to: mdi, skew })}
      </p>
    </div>
  );
}
