/**
 * "Make VRRP group with …": offered for every router or L3 switch that shares a subnet with this
 * one. The new group gets the lowest free VRID, the hosts' gateway address (or a free one) as
 * virtual IP, this router priority 110 and the other 100, so this one becomes Master.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../model';
import { planVrrpGroup, vrrpPeerCandidates } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { deviceName } from './lookup';
import { SelectField } from './SelectField';

/** `isCollapsed`: the device already has a gateway role, so a further group hides behind a summary. */
export function VrrpMake({ device, isCollapsed = false }: { device: Device; isCollapsed?: boolean }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const peers = vrrpPeerCandidates(doc, device.id);
  const [picked, setPicked] = useState<string | null>(null);
  const choice = peers.find((p) => `${p.device} ${p.subnet}` === picked) ?? peers[0];
  if (!choice) return <p className="muted small" data-testid="vrrp-how">{t('inspector.vrrp.how')}</p>;
  const plan = planVrrpGroup(doc, [device.id, choice.device], { subnet: choice.subnet });

  const body = (
    <div className="fields" data-testid="vrrp-make">
      {!isCollapsed && <h4 className="subsection-title">{t('inspector.vrrp.makeTitle')}</h4>}
      {peers.length > 1 && (
        <SelectField
          label={t('inspector.vrrp.peer')}
          testId="field-vrrp-peer"
          value={`${choice.device} ${choice.subnet}`}
          options={peers.map((p) => ({ value: `${p.device} ${p.subnet}`, label: t('inspector.vrrp.peerOption', { device: deviceName(doc, p.device), subnet: p.subnet }) }))}
          onChange={setPicked}
        />
      )}
      <p className={'key' in plan ? 'warning' : 'muted small'} data-testid="vrrp-make-hint">
        {'key' in plan ? t(plan.key, plan.params ?? {}) : t('inspector.vrrp.makeHint', { subnet: choice.subnet, vip: plan.vip, vrid: plan.vrid, self: deviceName(doc, device.id), peer: deviceName(doc, choice.device) })}
      </p>
      <button type="button" className="btn btn-subtle" data-testid="btn-make-vrrp" disabled={'key' in plan} onClick={() => useTopologyStore.getState().makeVrrpGroup([device.id, choice.device], { subnet: choice.subnet })}>
        <Icon name="plus" />
        <span>{t('inspector.vrrp.make', { peer: deviceName(doc, choice.device) })}</span>
      </button>
    </div>
  );
  if (!isCollapsed) return body;
  return (
    <details className="member" data-testid="vrrp-make-more">
      <summary className="member-summary">{t('inspector.vrrp.makeAnother')}</summary>
      <div className="member-body">{body}</div>
    </details>
  );
}
