/**
 * An L3 switch's anycast gateways (RFC 9135 §4; Arista VARP, Cisco fabric anycast-gateway): the
 * shared address and MAC, which switches own it (toggle the ones whose SVI is in the subnet),
 * dissolve; or make one with the switches that share this one's SVI subnet. No election: compare
 * with VRRP, where one Master answers and a Backup waits.
 */
import { useTranslation } from 'react-i18next';
import type { AnycastGateway, Device } from '../../model';
import { DEFAULT_ANYCAST_MAC } from '../../model';
import { anycastIpError, anycastMacError, anycastOf, anycastPeerCandidates, vrrpGroupsOf } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { deviceName } from './lookup';
import { TextField } from './TextField';

function AnycastCard({ gateway, device }: { gateway: AnycastGateway; device: string }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const store = () => useTopologyStore.getState();
  const switches = [...new Set([...gateway.devices, ...anycastPeerCandidates(doc, device)])];

  return (
    <div className="bond" data-testid="anycast-gateway" data-gateway={gateway.id}>
      <h4 className="subsection-title">{t('inspector.anycast.name', { gateway: gateway.id, ip: gateway.ip })}</h4>
      <div className="fields">
        <TextField key={gateway.ip} label={t('inspector.anycast.ip')} value={gateway.ip} testId="field-anycast-ip" check={(text) => anycastIpError(doc, gateway.devices, text, gateway)} onCommit={(ip) => store().updateAnycastGateway(gateway.id, { ip })} hint={t('inspector.anycast.ipHint')} />
        <TextField
          key={gateway.mac ?? ''}
          label={t('inspector.anycast.mac')}
          value={gateway.mac ?? ''}
          placeholder={DEFAULT_ANYCAST_MAC}
          testId="field-anycast-mac"
          check={(text) => (text.trim() === '' ? undefined : anycastMacError(text))}
          onCommit={(mac) => store().updateAnycastGateway(gateway.id, { mac: mac === '' ? null : mac })}
          hint={t('inspector.anycast.macHint', { mac: DEFAULT_ANYCAST_MAC })}
        />
      </div>
      <span className="field-label">{t('inspector.anycast.owners', { count: gateway.devices.length })}</span>
      {switches.map((id) => (
        <label key={id} className="field field-check">
          <input type="checkbox" data-testid={`field-anycast-member-${id}`} checked={gateway.devices.includes(id)} onChange={(e) => store().setAnycastMember(gateway.id, id, e.currentTarget.checked)} />
          <span className="field-label">{deviceName(doc, id)}</span>
        </label>
      ))}
      <button type="button" className="btn btn-subtle-danger" data-testid="btn-dissolve-anycast" onClick={() => store().dissolveAnycastGateway(gateway.id)}>
        <Icon name="unlink" />
        <span>{t('inspector.anycast.dissolve')}</span>
      </button>
    </div>
  );
}

/** "Make anycast gateway with …" the switches sharing this one's SVI subnet; collapsed beside a VRRP group. */
function AnycastMake({ device, isCollapsed }: { device: Device; isCollapsed: boolean }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const peers = anycastPeerCandidates(doc, device.id);
  if (device.ip === undefined) {
    return (
      <p className="muted small" data-testid="anycast-how">
        {t('inspector.anycast.how')}
      </p>
    );
  }
  const body = (
    <div className="fields">
      <p className="muted small">{t('inspector.anycast.about')}</p>
      <button type="button" className="btn btn-subtle" data-testid="btn-make-anycast" onClick={() => useTopologyStore.getState().makeAnycastGateway([device.id, ...peers])}>
        <Icon name="plus" />
        <span>{peers.length === 0 ? t('inspector.anycast.makeAlone') : t('inspector.anycast.make', { devices: peers.map((p) => deviceName(doc, p)).join(', ') })}</span>
      </button>
    </div>
  );
  if (!isCollapsed) return body;
  return (
    <details className="member" data-testid="anycast-make-more">
      <summary className="member-summary">{t('inspector.anycast.instead')}</summary>
      <div className="member-body">{body}</div>
    </details>
  );
}

export function AnycastPanel({ device }: { device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const gateways = anycastOf(doc, device.id);

  return (
    <section className="inspector-section" data-testid="inspector-anycast">
      <header className="section-head">
        <Icon name="globe" size={20} />
        <h3 className="section-title">{t('inspector.anycast.title')}</h3>
      </header>
      {gateways.map((g) => (
        <AnycastCard key={g.id} gateway={g} device={device.id} />
      ))}
      {gateways.length === 0 && <AnycastMake device={device} isCollapsed={vrrpGroupsOf(doc, device.id).length > 0} />}
    </section>
  );
}
