/**
 * A device's own IPv4 address with its prefix: a host's address, a switch's SVI (it then routes
 * for that subnet), an upstream's address. Checked as the student types (format, reserved,
 * network or broadcast, taken, still needed by a VRRP group, an anycast gateway, a route or a
 * flow) and committed on Enter or blur; an empty field clears the address.
 */
import { useTranslation } from 'react-i18next';
import type { Device } from '../../model';
import { ipError, parseCidr, subnetOf } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { TextField } from './TextField';

const LABEL = { host: 'inspector.host.ip', switch: 'inspector.l3.svi', upstream: 'inspector.l3.loopback', router: 'inspector.host.ip' } as const;
const HINT = { host: 'inspector.host.subnet', switch: 'inspector.l3.sviSubnet', upstream: 'inspector.l3.loopbackHint', router: 'inspector.host.subnet' } as const;
const EMPTY = { host: 'inspector.host.ipHint', switch: 'inspector.l3.sviHint', upstream: 'inspector.l3.loopbackHint', router: 'inspector.host.ipHint' } as const;

export function HostIpField({ device }: { device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const stored = device.ip ?? '';
  const cidr = parseCidr(stored);
  const testId = device.type === 'host' ? 'field-host-ip' : 'field-device-ip';

  return (
    <TextField
      label={t(LABEL[device.type])}
      value={stored}
      placeholder={device.type === 'upstream' ? '198.51.100.1/32' : '10.0.0.11/24'}
      testId={testId}
      check={(text) => ipError(doc, device.id, text)}
      onCommit={(ip) => useTopologyStore.getState().setDeviceIp(device.id, ip === '' ? null : ip)}
      hint={cidr ? t(HINT[device.type], { subnet: subnetOf(cidr) }) : t(EMPTY[device.type])}
    />
  );
}
