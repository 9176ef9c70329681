/**
 * A host's layer 3: its address (`devices[].ip`, CIDR) and its default gateway (RFC 1122
 * §3.3.1): off-subnet packets go to the gateway, which must therefore be in the host's subnet.
 * The address edit is the general interface edit (`interfaces.ts`), which also sets a switch's
 * SVI and an upstream's own address.
 */
import type { Topology } from '../schema';
import { contains, hostAddressError, parseAddress, parseCidr, subnetOf } from './cidr';
import { interfaceIpError, interfacesOf, setInterfaceIp } from './interfaces';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, refuse, without } from './result';

/**
 * Why `text` cannot be the own address of `deviceId` (a host's, a switch's SVI, an upstream's),
 * or undefined when it can; blank text asks about clearing it.
 */
export function ipError(doc: Topology, deviceId: string, text: string): EditError | undefined {
  return interfaceIpError(doc, deviceId, undefined, text);
}

/**
 * Sets a device's own address (`10.0.0.11/24`, normalised) or clears it (null or blank): a host's
 * address, a switch's SVI (it then routes for that subnet), an upstream's address. Routers take
 * addresses on their ports. Refused: not an address with a prefix, reserved / network / broadcast,
 * taken, or still needed (a flow, a VRRP group, an anycast gateway, a route's next hop).
 */
export function setDeviceIp(doc: Topology, deviceId: string, ip: string | null): EditResult<{ droppedGateway?: string }> {
  return setInterfaceIp(doc, deviceId, undefined, ip);
}

/** Why `text` cannot be the default gateway of host `deviceId`; blank text (clearing) is always fine. */
export function gatewayError(doc: Topology, deviceId: string, text: string): EditError | undefined {
  const dev = doc.devices.find((d) => d.id === deviceId);
  if (!dev) return { key: EditErrorKey.unknownDevice, params: { device: deviceId } };
  if (dev.type !== 'host') return { key: EditErrorKey.gatewayHostOnly, params: { device: deviceId } };
  if (text.trim() === '') return undefined;
  const own = dev.ip === undefined ? undefined : parseCidr(dev.ip);
  if (!own) return { key: EditErrorKey.gatewayNoIp, params: { device: deviceId } };
  const gw = parseAddress(text);
  if (!gw) return { key: EditErrorKey.ipv4Format, params: { value: text.trim() } };
  if (!contains(own, gw.value)) return { key: EditErrorKey.gatewaySubnet, params: { gateway: gw.address, device: deviceId, subnet: subnetOf(own) } };
  if (gw.value === own.value) return { key: EditErrorKey.gatewaySelf, params: { gateway: gw.address, device: deviceId } };
  return hostAddressError(gw.value, own);
}

/** Sets a host's default gateway (`10.0.0.1`, normalised) or clears it (null or blank). */
export function setHostGateway(doc: Topology, deviceId: string, gateway: string | null): EditResult {
  const text = gateway ?? '';
  const bad = gatewayError(doc, deviceId, text);
  if (bad) return { ok: false, error: bad };
  const dev = doc.devices.find((d) => d.id === deviceId);
  if (!dev) return refuse(EditErrorKey.unknownDevice, { device: deviceId });
  const value = parseAddress(text)?.address;
  if (dev.gateway === value) return { ok: true, doc };
  const next = value === undefined ? without(dev, 'gateway') : { ...dev, gateway: value };
  return accept({ ...doc, devices: doc.devices.map((d) => (d === dev ? next : d)) }, {});
}

/** What answers for an address: a VRRP group, an anycast gateway, an interface, or nobody. */
export type AddressOwner = { kind: 'vrrp'; group: string } | { kind: 'anycast'; gateway: string } | { kind: 'interface'; device: string; port: string | undefined } | { kind: 'none' };

/** Who answers ARP for `ip` in this lab: what a host's gateway field tells the student. */
export function addressOwner(doc: Topology, ip: string): AddressOwner {
  const value = parseAddress(ip)?.value;
  if (value === undefined) return { kind: 'none' };
  const group = doc.vrrp?.find((g) => parseAddress(g.vip)?.value === value);
  if (group) return { kind: 'vrrp', group: group.id };
  const anycast = doc.anycastGateways?.find((a) => parseAddress(a.ip)?.value === value);
  if (anycast) return { kind: 'anycast', gateway: anycast.id };
  for (const dev of doc.devices) {
    const hit = interfacesOf(dev).find((f) => f.cidr.value === value);
    if (hit) return { kind: 'interface', device: hit.device, port: hit.port };
  }
  return { kind: 'none' };
}
