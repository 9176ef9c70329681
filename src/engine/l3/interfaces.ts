/**
 * The IPv4 interfaces of a router, L3 switch or upstream, built from its document: routed ports
 * (a port with an `ip`), a switch's SVI (its device `ip`, reached through the bridge) and an
 * upstream's loopback (the "internet" address it answers for, behind its ports).
 */
import { parseMac } from '../codecs/mac';
import type { SimDevice, SimPort } from '../device/types';
import { macKeyAt } from '../l2/macTable';

export type IpInterfaceKind = 'routed' | 'svi' | 'loopback';

export interface IpInterface {
  /** The port id, `svi` or `loopback`. */
  readonly name: string;
  readonly kind: IpInterfaceKind;
  readonly address: string;
  readonly prefix: number;
  /** The interface MAC: the port's for a routed port, the device's for the SVI. */
  readonly mac: string;
  /** The same MAC as a 48-bit number (compared against frame bytes without allocating). */
  readonly macKey: number;
  /** The routed port; null for the SVI and the loopback. */
  readonly port: SimPort | null;
}

/** A MAC address as the 48-bit number the bridge's MAC table uses. */
export function macKey(mac: string): number {
  return macKeyAt(parseMac(mac), 0);
}

/** Every interface of a device, in a stable order: SVI / loopback first, then routed ports in port order. */
export function interfacesOf(device: SimDevice): IpInterface[] {
  const out: IpInterface[] = [];
  const cfg = device.config;
  if (cfg.ip && (cfg.type === 'switch' || cfg.type === 'upstream')) {
    const kind: IpInterfaceKind = cfg.type === 'switch' ? 'svi' : 'loopback';
    out.push({ name: kind, kind, address: cfg.ip.address, prefix: cfg.ip.prefix, mac: cfg.mac, macKey: macKey(cfg.mac), port: null });
  }
  for (const p of cfg.ports) {
    const port = device.ports.get(p.id);
    if (!p.ip || !port) continue;
    out.push({ name: p.id, kind: 'routed', address: p.ip.address, prefix: p.ip.prefix, mac: port.mac, macKey: macKey(port.mac), port });
  }
  return out;
}

/**
 * Is the interface up? A routed port: its carrier. The SVI: while any bridge port has carrier
 * (vendors' "autostate"). The loopback: always, while the device runs.
 */
export function interfaceUp(device: SimDevice, iface: IpInterface): boolean {
  if (device.isFailed) return false;
  if (iface.kind === 'routed') return iface.port?.isUp === true;
  if (iface.kind === 'loopback') return true;
  for (const port of device.ports.values()) if (port.isUp && !port.isRouted) return true;
  return false;
}
