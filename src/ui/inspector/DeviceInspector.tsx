/**
 * A selected device: name, type, MAC, LACP system settings and its ports; then, by type, a host's
 * address, gateway, reachability, bonds and flows; a router's or switch's interfaces, routes,
 * VRRP groups, spanning tree and MC-LAG (and a switch's anycast gateways); an upstream's
 * interfaces and routes.
 */
import { useTranslation } from 'react-i18next';
import type { Device } from '../../model';
import { DEFAULT_SYSTEM_PRIORITY, resolveTopology } from '../../model';
import { useOverlayStore } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { DeviceGlyph } from '../canvas/DeviceGlyph';
import { Icon } from '../toolbar/Icon';
import { NameField } from './NameField';
import { NumberField } from './NumberField';
import { AnycastPanel } from './AnycastPanel';
import { BondPanel } from './BondPanel';
import { FlowsPanel } from './FlowsPanel';
import { GatewayField } from './GatewayField';
import { HostIpField } from './HostIpField';
import { InterfacesPanel } from './InterfacesPanel';
import { McLagPanel } from './McLagPanel';
import { PortRow } from './PortRow';
import { ReachabilityPanel } from './ReachabilityPanel';
import { RoutesPanel } from './RoutesPanel';
import { SelectField } from './SelectField';
import { StpPanel } from './StpPanel';
import { VrrpPanel } from './VrrpPanel';
import { PRIORITY } from './validate';

export function DeviceInspector({ device }: { device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const isFailed = useOverlayStore((s) => s.devices[device.id]?.isFailed === true);
  const mac = resolveTopology(doc).devices.find((d) => d.id === device.id)?.mac ?? '';

  const isHost = device.type === 'host';
  const isBridge = device.type === 'switch' || device.type === 'router';

  return (
    <>
      <section className="inspector-section" data-testid="inspector-device" data-device={device.id}>
        <header className="section-head">
          <DeviceGlyph type={device.type} size={24} />
          <h3 className="section-title">{device.name ?? device.id}</h3>
          <span className={isFailed ? 'badge dev-failed' : 'badge dev-ok'} data-testid="inspector-device-state">
            {t(isFailed ? 'inspector.device.failed' : 'inspector.device.running')}
          </span>
        </header>
        <div className="fields">
          <NameField key={`n-${device.name ?? ''}`} label={t('inspector.device.name')} testId="field-name" value={device.name ?? ''} placeholder={device.id} onCommit={(name) => useTopologyStore.getState().updateDevice(device.id, { name })} />
          {isHost && <HostIpField key={`ip-${device.ip ?? ''}`} device={device} />}
          {isHost && <GatewayField key={`gw-${device.ip ?? ''}-${device.gateway ?? ''}`} device={device} />}
          <dl className="kv">
            <dt>{t('inspector.device.type')}</dt>
            <dd>{t(`palette.types.${device.type}.label`)}</dd>
            <dt>{t('inspector.device.id')}</dt>
            <dd><code>{device.id}</code></dd>
            <dt title={t('inspector.device.macHint')}>{t('inspector.device.mac')}</dt>
            <dd><code data-testid="inspector-device-mac">{mac}</code></dd>
          </dl>
          <NumberField
            key={`sp-${device.lacp?.systemPriority ?? ''}`}
            label={t('inspector.device.systemPriority')}
            testId="field-system-priority"
            value={device.lacp?.systemPriority}
            defaultValue={DEFAULT_SYSTEM_PRIORITY[device.type]}
            rule={PRIORITY}
            onCommit={(v) => useTopologyStore.getState().updateDevice(device.id, { systemPriority: v })}
          />
          <SelectField
            label={t('inspector.device.individualPolicy')}
            testId="field-individual-policy"
            value={device.lacp?.individualPolicy ?? 'suspend'}
            options={(['suspend', 'individual'] as const).map((p) => ({ value: p, label: t(`inspector.device.policy.${p}`) }))}
            hint={t('inspector.device.individualPolicyHint')}
            onChange={(v) => useTopologyStore.getState().updateDevice(device.id, { individualPolicy: v as 'suspend' | 'individual' })}
          />
        </div>
        <h4 className="subsection-title">{t('inspector.device.ports', { count: device.ports.length })}</h4>
        <table className="ports-table" data-testid="ports-table">
          <thead>
            <tr>
              <th scope="col">{t('inspector.port.port')}</th>
              <th scope="col">{t('inspector.port.speed')}</th>
              <th scope="col">{t('inspector.port.duplex')}</th>
              <th scope="col">{t('inspector.port.lag')}</th>
              <th scope="col">{t('inspector.port.status')}</th>
            </tr>
          </thead>
          <tbody>
            {device.ports.map((p) => (
              <PortRow key={p.id} device={device} port={p} />
            ))}
          </tbody>
        </table>
        <button type="button" className="btn btn-subtle" data-testid="btn-add-port" onClick={() => useTopologyStore.getState().addPort(device.id)}>
          <Icon name="plus" />
          <span>{t('inspector.device.addPort')}</span>
        </button>
      </section>
      {isHost && <ReachabilityPanel device={device} />}
      {isHost && <BondPanel device={device} />}
      {isHost && <FlowsPanel device={device} />}
      {!isHost && <InterfacesPanel device={device} />}
      {!isHost && <RoutesPanel device={device} />}
      {isBridge && <VrrpPanel device={device} />}
      {device.type === 'switch' && <AnycastPanel device={device} />}
      {isBridge && <StpPanel device={device} />}
      {isBridge && <McLagPanel device={device} />}
    </>
  );
}
