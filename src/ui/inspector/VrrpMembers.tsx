/**
 * The routers of a group with their live state and priority, a way to select each, take one
 * out, or add another router / L3 switch that has an interface in the virtual IP's subnet.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VrrpGroup } from '../../model';
import { DEFAULT_VRRP_PRIORITY } from '../../model';
import { vrrpMemberCandidates } from '../../model/edits';
import { useLiveMaps } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { vrrpLiveKey } from './gatewayLive';
import { deviceName } from './lookup';
import { SelectField } from './SelectField';
import { VRRP_STATE_CLASS } from './VrrpLive';

export function VrrpMembers({ group, device }: { group: VrrpGroup; device: string }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const vrrp = useLiveMaps((s) => s.vrrp);
  const candidates = vrrpMemberCandidates(doc, group.id);
  const [picked, setPicked] = useState<string | null>(null);
  const newcomer = candidates.find((c) => c === picked) ?? candidates[0];
  const store = () => useTopologyStore.getState();

  return (
    <div className="fields" data-testid="vrrp-members">
      <h4 className="subsection-title">{t('inspector.vrrp.members', { count: group.members.length })}</h4>
      <table className="ports-table">
        <tbody>
          {group.members.map((m) => {
            const live = vrrp[vrrpLiveKey(m.device, group.vrid, m.port)];
            return (
              <tr key={m.device} data-testid="vrrp-member" data-device={m.device} data-state={live?.state ?? 'unknown'}>
                <th scope="row">
                  {m.device === device ? (
                    deviceName(doc, m.device)
                  ) : (
                    <button type="button" className="link-button" onClick={() => store().select({ devices: [m.device], links: [], lag: null })}>
                      {deviceName(doc, m.device)}
                    </button>
                  )}
                  {m.port !== undefined && <span className="muted"> {m.port}</span>}
                </th>
                <td>{live ? <span className={`badge ${VRRP_STATE_CLASS[live.state]}`}>{t(`inspector.vrrp.states.${live.state}`)}</span> : <span className="muted">…</span>}</td>
                <td>{t('inspector.vrrp.priorityShort', { priority: live?.priority ?? m.priority ?? DEFAULT_VRRP_PRIORITY })}</td>
                <td>
                  <button type="button" className="btn btn-icon btn-subtle-danger" data-testid={`btn-remove-member-${m.device}`} aria-label={t('inspector.vrrp.removeMember', { device: deviceName(doc, m.device) })} title={t('inspector.vrrp.removeMember', { device: deviceName(doc, m.device) })} onClick={() => store().removeVrrpMember(group.id, m.device)}>
                    <Icon name="close" />
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {newcomer !== undefined && (
        <>
          {candidates.length > 1 && <SelectField label={t('inspector.vrrp.addWho')} testId="field-vrrp-add-member" value={newcomer} options={candidates.map((c) => ({ value: c, label: deviceName(doc, c) }))} onChange={setPicked} />}
          <button type="button" className="btn btn-subtle" data-testid="btn-add-member" onClick={() => store().addVrrpMember(group.id, newcomer)}>
            <Icon name="plus" />
            <span>{t('inspector.vrrp.addMember', { device: deviceName(doc, newcomer) })}</span>
          </button>
        </>
      )}
    </div>
  );
}
