/**
 * A switch's MC-LAG domain: the peer, this switch's live role, peer-link and keepalive health,
 * the state in one sentence, the domain's settings, its MC-LAG ports, and dissolve.
 */
import { useTranslation } from 'react-i18next';
import type { McLag } from '../../model';
import { DEFAULT_MCLAG_PRIORITY } from '../../model';
import type { McLagPatch } from '../../model/edits';
import { keepaliveCandidates, otherPeer } from '../../model/edits';
import { useLiveMaps } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { deviceName } from './lookup';
import { McLagPorts } from './McLagPorts';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { DOMAIN_ID, ROLE_PRIORITY } from './validate';

/** States worth a red box: a secondary that shut its ports, and split brain. */
const ALARMING = new Set(['suspended', 'dualActive']);

function Health({ value, testId }: { value: 'up' | 'down' | undefined; testId: string }) {
  const { t } = useTranslation();
  const state = value ?? 'unknown';
  return (
    <span className={`badge link-${state}`} data-testid={testId} data-state={state}>
      {t(`inspector.port.link.${state}`)}
    </span>
  );
}

export function McLagDomain({ domain, device }: { domain: McLag; device: string }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const live = useLiveMaps((s) => s.mclags[device]);
  const peer = otherPeer(domain, device);
  const update = (patch: McLagPatch) => useTopologyStore.getState().updateMcLag(domain.id, patch);
  const links = keepaliveCandidates(doc, domain.peers[0], domain.peers[1]);
  const role = live?.role;

  return (
    <div data-testid="mclag-domain" data-domain={domain.id}>
      <dl className="kv">
        <dt>{t('inspector.mclag.peer')}</dt>
        <dd data-testid="mclag-peer">{deviceName(doc, peer)}</dd>
        <dt>{t('inspector.mclag.role')}</dt>
        <dd>
          <span className={`badge ${role === 'primary' ? 'link-up' : role === 'down' ? 'link-down' : 'link-unknown'}`} data-testid="mclag-role" data-role={role ?? 'unknown'}>
            {role ? t(`inspector.mclag.roles.${role}`) : '…'}
          </span>
        </dd>
        <dt>{t('inspector.mclag.peerLink', { lag: domain.peerLink })}</dt>
        <dd>
          <Health value={live?.peerLink} testId="mclag-peer-link" />
        </dd>
        <dt>{t('inspector.mclag.keepaliveOf', { link: domain.keepalive ?? '—' })}</dt>
        <dd>{domain.keepalive === undefined ? <span className="muted">{t('inspector.mclag.noKeepalive')}</span> : <Health value={live?.keepalive} testId="mclag-keepalive" />}</dd>
      </dl>
      {live ? (
        <p className={ALARMING.has(live.state) ? 'warning' : live.state === 'ok' ? 'small' : 'reason'} data-testid="mclag-state" data-state={live.state}>
          {ALARMING.has(live.state) && <Icon name="alert" size={14} />}
          {t(`inspector.mclag.stateText.${live.state}`, { peer: deviceName(doc, peer) })}
        </p>
      ) : (
        <p className="muted small">{t('inspector.mclag.noLive')}</p>
      )}
      <div className="fields">
        <NumberField key={`d-${domain.domainId}`} label={t('inspector.mclag.domainId')} testId="field-mclag-domain-id" value={domain.domainId} rule={DOMAIN_ID} hint={t('inspector.mclag.domainIdHint')} onCommit={(v) => update({ domainId: v })} />
        <NumberField
          key={`rp-${domain.rolePriority?.[device] ?? ''}`}
          label={t('inspector.mclag.rolePriority')}
          testId="field-mclag-role-priority"
          value={domain.rolePriority?.[device]}
          defaultValue={DEFAULT_MCLAG_PRIORITY}
          rule={ROLE_PRIORITY}
          hint={t('inspector.mclag.rolePriorityHint')}
          onCommit={(v) => update({ rolePriority: { ...domain.rolePriority, [device]: v } })}
        />
        <SelectField
          label={t('inspector.mclag.keepalive')}
          testId="field-mclag-keepalive"
          value={domain.keepalive ?? ''}
          options={[...links.map((l) => ({ value: l.id, label: t('inspector.mclag.linkOption', { link: l.id }) })), { value: '', label: t('inspector.mclag.noKeepalive') }]}
          hint={t(domain.keepalive === undefined ? 'inspector.mclag.noKeepaliveHint' : 'inspector.mclag.keepaliveHint')}
          onChange={(v) => update({ keepalive: v === '' ? null : v })}
        />
      </div>
      <McLagPorts domain={domain} device={device} />
      <button type="button" className="btn btn-subtle-danger" data-testid="btn-dissolve-mclag" onClick={() => useTopologyStore.getState().dissolveMcLag(domain.id)}>
        <Icon name="unlink" />
        <span>{t('inspector.mclag.dissolve')}</span>
      </button>
    </div>
  );
}
