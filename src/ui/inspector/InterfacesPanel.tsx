/**
 * A router's, L3 switch's or upstream's interfaces: the device's own address (a switch's SVI, an
 * upstream's address) and each port's routed address. A LAG or bond member cannot be a routed
 * port; on a switch a port with an address leaves the bridge.
 */
import { useTranslation } from 'react-i18next';
import type { Device, Port } from '../../model';
import { interfaceIpError, parseCidr, subnetOf } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { HostIpField } from './HostIpField';
import { isPortBundled, peerOfPort, deviceName } from './lookup';
import { TextField } from './TextField';

function PortIpRow({ device, port }: { device: Device; port: Port }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const peer = peerOfPort(doc, device.id, port.id);
  const isBundled = isPortBundled(doc, device.id, port.id);
  const cidr = port.ip === undefined ? undefined : parseCidr(port.ip);

  return (
    <tr data-testid="l3-port" data-port={port.id}>
      <th scope="row">{port.id}</th>
      <td>
        {isBundled ? (
          <span className="muted small">{t('inspector.l3.bundled')}</span>
        ) : (
          <TextField
            key={port.ip ?? ''}
            label={t('inspector.l3.portIp', { port: port.id })}
            value={port.ip ?? ''}
            placeholder="—"
            testId={`field-port-ip-${port.id}`}
            check={(text) => interfaceIpError(doc, device.id, port.id, text)}
            onCommit={(ip) => useTopologyStore.getState().setPortIp(device.id, port.id, ip === '' ? null : ip)}
            isCompact
          />
        )}
      </td>
      <td className="small">{cidr ? subnetOf(cidr) : <span className="muted">{peer ? `→ ${deviceName(doc, peer.device)}` : '—'}</span>}</td>
    </tr>
  );
}

export function InterfacesPanel({ device }: { device: Device }) {
  const { t } = useTranslation();
  const hasOwnIp = device.type === 'switch' || device.type === 'upstream';

  return (
    <section className="inspector-section" data-testid="inspector-l3">
      <header className="section-head">
        <Icon name="globe" size={20} />
        <h3 className="section-title">{t('inspector.l3.title')}</h3>
      </header>
      <div className="fields">{hasOwnIp && <HostIpField key={`ip-${device.ip ?? ''}`} device={device} />}</div>
      <p className="muted small">{t(`inspector.l3.portsHint.${device.type === 'switch' ? 'switch' : 'router'}`)}</p>
      <table className="ports-table" data-testid="l3-ports">
        <thead>
          <tr>
            <th scope="col">{t('inspector.port.port')}</th>
            <th scope="col">{t('inspector.l3.address')}</th>
            <th scope="col">{t('inspector.l3.subnet')}</th>
          </tr>
        </thead>
        <tbody>
          {device.ports.map((p) => (
            <PortIpRow key={p.id} device={device} port={p} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
