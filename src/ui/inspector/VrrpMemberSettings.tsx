/**
 * This router's own parameters in a group (RFC 5798 §6.1): priority (1–254; 255 is the address
 * owner's and only the owner's), Preempt_Mode, the vendor preempt delay, and tracked objects.
 */
import { useTranslation } from 'react-i18next';
import type { VrrpGroup, VrrpMember } from '../../model';
import { DEFAULT_VRRP_PRIORITY } from '../../model';
import type { VrrpMemberPatch } from '../../model/edits';
import { isVrrpOwner, vrrpPriorityError } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { NumberField } from './NumberField';
import { VrrpTracks } from './VrrpTracks';
import { PREEMPT_DELAY_MS, VRRP_PRIORITY } from './validate';

export function VrrpMemberSettings({ group, member }: { group: VrrpGroup; member: VrrpMember }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const update = (patch: VrrpMemberPatch) => useTopologyStore.getState().updateVrrpMember(group.id, member.device, patch);
  const isOwner = isVrrpOwner(doc, group, member);
  const isPreempt = member.preempt !== false;
  const check = (v: number) => {
    const bad = vrrpPriorityError(doc, group.id, member.device, v);
    return bad ? { key: bad.key, params: bad.params ?? {} } : undefined;
  };

  return (
    <div className="fields" data-testid="vrrp-member-settings">
      <h4 className="subsection-title">{t('inspector.vrrp.thisRouter')}</h4>
      <NumberField
        key={`p-${member.priority ?? ''}`}
        label={t('inspector.vrrp.priority')}
        testId="field-vrrp-priority"
        value={member.priority}
        defaultValue={DEFAULT_VRRP_PRIORITY}
        rule={VRRP_PRIORITY}
        check={check}
        hint={t(isOwner ? 'inspector.vrrp.priorityOwnerHint' : 'inspector.vrrp.priorityHint')}
        onCommit={(v) => update({ priority: v })}
      />
      <label className="field field-check">
        <input type="checkbox" data-testid="field-vrrp-preempt" checked={isPreempt} disabled={isOwner} onChange={(e) => update({ preempt: e.currentTarget.checked })} />
        <span className="field-label">{t('inspector.vrrp.preempt')}</span>
        <span className="field-hint">{t(isOwner ? 'inspector.vrrp.preemptOwnerHint' : 'inspector.vrrp.preemptHint')}</span>
      </label>
      {isPreempt && !isOwner && (
        <NumberField
          key={`pd-${member.preemptDelayMs ?? ''}`}
          label={t('inspector.vrrp.preemptDelay')}
          testId="field-vrrp-preempt-delay"
          value={member.preemptDelayMs}
          defaultValue={0}
          rule={PREEMPT_DELAY_MS}
          unit={t('inspector.unit.ms')}
          hint={t('inspector.vrrp.preemptDelayHint')}
          onCommit={(v) => update({ preemptDelayMs: v })}
        />
      )}
      <VrrpTracks group={group} member={member} />
    </div>
  );
}
