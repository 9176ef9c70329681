/**
 * A router's or L3 switch's first-hop redundancy: each VRRP group it is in (live state, this
 * router's settings and timers, the group's settings and members, dissolve), then "Make VRRP
 * group with …" for the routers it shares a subnet with.
 */
import { useTranslation } from 'react-i18next';
import type { Device, VrrpGroup } from '../../model';
import { anycastOf, vrrpGroupsOf } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { VrrpGroupSettings, virtualMac } from './VrrpGroupSettings';
import { VrrpLive } from './VrrpLive';
import { VrrpMake } from './VrrpMake';
import { VrrpMembers } from './VrrpMembers';
import { VrrpMemberSettings } from './VrrpMemberSettings';
import { VrrpTimers } from './VrrpTimers';

function VrrpGroupCard({ group, device }: { group: VrrpGroup; device: string }) {
  const { t } = useTranslation();
  const member = group.members.find((m) => m.device === device);
  if (!member) return null;
  return (
    <div className="bond" data-testid="vrrp-group" data-group={group.id}>
      <h4 className="subsection-title">{t('inspector.vrrp.groupTitle', { group: group.id, vrid: group.vrid, vip: group.vip })}</h4>
      <p className="muted small">{t('inspector.vrrp.groupAbout', { mac: virtualMac(group.vrid), port: member.port ?? 'SVI' })}</p>
      <VrrpLive group={group} member={member} />
      <VrrpTimers group={group} member={member} />
      <VrrpMemberSettings group={group} member={member} />
      <VrrpGroupSettings group={group} />
      <VrrpMembers group={group} device={device} />
      <button type="button" className="btn btn-subtle-danger" data-testid="btn-dissolve-vrrp" onClick={() => useTopologyStore.getState().dissolveVrrpGroup(group.id)}>
        <Icon name="unlink" />
        <span>{t('inspector.vrrp.dissolve')}</span>
      </button>
    </div>
  );
}

export function VrrpPanel({ device }: { device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const groups = vrrpGroupsOf(doc, device.id);

  return (
    <section className="inspector-section" data-testid="inspector-vrrp">
      <header className="section-head">
        <Icon name="restart" size={20} />
        <h3 className="section-title">{t('inspector.vrrp.title')}</h3>
      </header>
      {groups.length === 0 && <p className="muted small">{t('inspector.vrrp.none')}</p>}
      {groups.map((g) => (
        <VrrpGroupCard key={g.id} group={g} device={device.id} />
      ))}
      <VrrpMake device={device} isCollapsed={groups.length > 0 || anycastOf(doc, device.id).length > 0} />
    </section>
  );
}
