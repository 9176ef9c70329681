/**
 * One router's live VRRP state in a group (RFC 5798 §6.4): Master / Backup / Initialize, the
 * priority in use (lowered by a tracked object that is down), the Master it knows, and why it is
 * in that state, in the RFC's words.
 */
import { useTranslation } from 'react-i18next';
import type { VrrpGroup, VrrpMember } from '../../model';
import { DEFAULT_VRRP_PRIORITY } from '../../model';
import { addressOwner } from '../../model/edits';
import { useLiveMaps } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { vrrpLiveKey } from './gatewayLive';
import { deviceName } from './lookup';

/** Badge colours: Master green, Backup amber (waiting), Initialize red (down). */
export const VRRP_STATE_CLASS = { master: 'link-up', backup: 'status-standby', initialize: 'link-down' } as const;

export function VrrpLive({ group, member }: { group: VrrpGroup; member: VrrpMember }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const live = useLiveMaps((s) => s.vrrp[vrrpLiveKey(member.device, group.vrid, member.port)]);
  if (!live) return <p className="muted small" data-testid="vrrp-live-empty">{t('inspector.vrrp.noLive')}</p>;
  const configured = member.priority ?? DEFAULT_VRRP_PRIORITY;
  const owner = live.masterIp === undefined ? undefined : addressOwner(doc, live.masterIp);
  const masterName = owner?.kind === 'interface' ? deviceName(doc, owner.device) : undefined;

  return (
    <div className="member-live" data-testid="vrrp-live" data-state={live.state}>
      <dl className="kv">
        <dt>{t('inspector.vrrp.state')}</dt>
        <dd>
          <span className={`badge ${VRRP_STATE_CLASS[live.state]}`} data-testid="vrrp-state">
            {t(`inspector.vrrp.states.${live.state}`)}
          </span>
        </dd>
        <dt>{t('inspector.vrrp.priorityInUse')}</dt>
        <dd data-testid="vrrp-priority">
          {live.priority}
          {live.priority !== configured && <span className="warn-text"> {t('inspector.vrrp.lowered', { configured })}</span>}
        </dd>
        <dt>{t('inspector.vrrp.master')}</dt>
        <dd data-testid="vrrp-master">{live.masterIp === undefined ? <span className="muted">{t('inspector.vrrp.noMaster')}</span> : masterName ? `${live.masterIp} (${masterName})` : live.masterIp}</dd>
      </dl>
      <p className="small" data-testid="vrrp-reason" data-reason={live.reason}>
        {t(`inspector.vrrp.reason.${live.reason}`)}
      </p>
    </div>
  );
}
