/** In a LAG panel of an MC-LAG peer: mark the LAG (and its twin on the other peer) as an MC-LAG port. */
import { useTranslation } from 'react-i18next';
import type { Lag } from '../../model';
import { mclagOf, otherPeer } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { deviceName } from './lookup';

export function McLagMemberToggle({ lag }: { lag: Lag }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const domain = mclagOf(doc, lag.device);
  if (!domain) return null;
  if (domain.peerLink === lag.id) {
    return (
      <p className="reason" data-testid="lag-is-peer-link">
        {t('inspector.mclag.isPeerLink', { domainId: domain.domainId })}
      </p>
    );
  }
  return (
    <label className="field field-check">
      <input type="checkbox" data-testid="field-lag-mclag" checked={lag.mclag === domain.id} onChange={(e) => useTopologyStore.getState().setMcLagMember(lag.device, lag.id, e.currentTarget.checked)} />
      <span className="field-label">{t('inspector.mclag.member', { domainId: domain.domainId })}</span>
      <span className="field-hint">{t('inspector.mclag.memberHint', { lag: lag.id, peer: deviceName(doc, otherPeer(domain, lag.device)) })}</span>
    </label>
  );
}
