/**
 * A host's default gateway (RFC 1122 §3.3.1), next to its address: checked in place (an address
 * of the host's own subnet, not its own), and the hint says who answers for it — a VRRP group's
 * virtual IP, an anycast gateway, one router's interface (a single point of failure), or nobody.
 */
import { useTranslation } from 'react-i18next';
import type { Device, Topology } from '../../model';
import { addressOwner, gatewayError } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { deviceName } from './lookup';
import { TextField } from './TextField';

/** The hint under the field: who answers ARP for the gateway address. */
export function gatewayHint(doc: Topology, device: Device): { key: string; params: Record<string, string> } {
  if (device.ip === undefined) return { key: 'inspector.gateway.needsIp', params: {} };
  if (device.gateway === undefined) return { key: 'inspector.gateway.none', params: {} };
  const owner = addressOwner(doc, device.gateway);
  switch (owner.kind) {
    case 'vrrp':
      return { key: 'inspector.gateway.ownerVrrp', params: { group: owner.group } };
    case 'anycast':
      return { key: 'inspector.gateway.ownerAnycast', params: { gateway: owner.gateway } };
    case 'interface': {
      const type = doc.devices.find((d) => d.id === owner.device)?.type;
      const name = deviceName(doc, owner.device) + (owner.port === undefined ? '' : ` ${owner.port}`);
      return { key: type === 'host' ? 'inspector.gateway.ownerHost' : 'inspector.gateway.ownerRouter', params: { device: name } };
    }
    default:
      return { key: 'inspector.gateway.ownerNone', params: {} };
  }
}

export function GatewayField({ device }: { device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const hint = gatewayHint(doc, device);

  return (
    <TextField
      label={t('inspector.gateway.label')}
      value={device.gateway ?? ''}
      placeholder="10.0.0.1"
      testId="field-host-gateway"
      check={(text) => gatewayError(doc, device.id, text)}
      onCommit={(gw) => useTopologyStore.getState().setHostGateway(device.id, gw === '' ? null : gw)}
      hint={<span data-testid="gateway-hint">{t(hint.key, hint.params)}</span>}
    />
  );
}
