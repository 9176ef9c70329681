/**
 * Edits of distributed anycast gateways (RFC 9135 §4; Arista VARP, Cisco fabric anycast-gateway):
 * L3 switches whose SVIs share a subnet all own one gateway address and MAC. No election, no
 * advertisements: make one, change its address or MAC, add or remove a switch, dissolve it.
 */
import type { AnycastGateway, Device, Topology } from '../schema';
import { MacSchema } from '../schema';
import type { Ipv4Cidr } from './cidr';
import { contains, hostAddressError, parseAddress, parseCidr, subnetOf } from './cidr';
import { addressUseError } from './interfaces';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, firstFreeId, refuse, without } from './result';
import { suggestVip } from './vrrp';

/** The most switches one gateway lists (schema limit). */
export const MAX_ANYCAST_DEVICES = 64;

/** Settable fields; `mac: null` goes back to the default MAC. */
export interface AnycastPatch {
  ip?: string | undefined;
  mac?: string | null | undefined;
}

/** The SVI of an L3 switch, or why it has none. */
function sviOf(doc: Topology, id: string): { dev: Device; svi: Ipv4Cidr } | EditError {
  const dev = doc.devices.find((d) => d.id === id);
  if (!dev) return { key: EditErrorKey.unknownDevice, params: { device: id } };
  const svi = dev.type === 'switch' && dev.ip !== undefined ? parseCidr(dev.ip) : undefined;
  return svi ? { dev, svi } : { key: EditErrorKey.anycastSviOnly, params: { device: id } };
}

/** The anycast gateways a switch owns. */
export function anycastOf(doc: Topology, device: string): AnycastGateway[] {
  return (doc.anycastGateways ?? []).filter((a) => a.devices.includes(device));
}

/** Other L3 switches whose SVI is in the same subnet as this one's: who could share a gateway. */
export function anycastPeerCandidates(doc: Topology, device: string): string[] {
  const self = sviOf(doc, device);
  if ('key' in self) return [];
  const subnet = subnetOf(self.svi);
  return doc.devices
    .filter((d) => d.id !== device)
    .filter((d) => {
      const other = sviOf(doc, d.id);
      return !('key' in other) && subnetOf(other.svi) === subnet;
    })
    .map((d) => d.id);
}

/** Why `text` cannot be the gateway address of `devices`: format, outside an SVI subnet, taken. */
export function anycastIpError(doc: Topology, devices: readonly string[], text: string, self?: AnycastGateway): EditError | undefined {
  const ip = parseAddress(text);
  if (!ip) return { key: EditErrorKey.ipv4Format, params: { value: text.trim() } };
  for (const id of devices) {
    const found = sviOf(doc, id);
    if ('key' in found) return found;
    if (!contains(found.svi, ip.value)) return { key: EditErrorKey.anycastSubnet, params: { ip: ip.address, device: id, subnet: subnetOf(found.svi) } };
    const bad = hostAddressError(ip.value, found.svi);
    if (bad) return bad;
  }
  const use = addressUseError(doc, ip.value);
  const isSelf = use?.key === EditErrorKey.ipIsAnycast && use.params?.gateway === self?.id;
  return isSelf ? undefined : use;
}

/** Why `text` cannot be the shared gateway MAC: format, or a group (multicast) address. */
export function anycastMacError(text: string): EditError | undefined {
  const value = text.trim();
  if (!MacSchema.safeParse(value).success) return { key: EditErrorKey.macFormat, params: { value } };
  return Number.parseInt(value.slice(0, 2), 16) % 2 === 1 ? { key: EditErrorKey.macMulticast, params: { value } } : undefined;
}

/**
 * Makes an anycast gateway shared by L3 switches (at least one) whose SVIs are in one subnet: the
 * address the hosts there already use as gateway when it is free, else the first free one.
 */
export function makeAnycastGateway(doc: Topology, deviceIds: readonly string[], ip?: string): EditResult<{ id: string }> {
  const devices = [...new Set(deviceIds)];
  if (devices.length === 0) return refuse(EditErrorKey.anycastEmpty);
  if (devices.length > MAX_ANYCAST_DEVICES) return refuse(EditErrorKey.vrrpFull, { max: MAX_ANYCAST_DEVICES });
  const first = sviOf(doc, devices[0] ?? '');
  if ('key' in first) return { ok: false, error: first };
  const address = ip ?? suggestVip(doc, first.svi, []);
  if (address === undefined) return refuse(EditErrorKey.vrrpNoVip, { subnet: subnetOf(first.svi) });
  const bad = anycastIpError(doc, devices, address);
  if (bad) return { ok: false, error: bad };
  const id = firstFreeId('agw', new Set((doc.anycastGateways ?? []).map((a) => a.id)));
  const gateway: AnycastGateway = { id, ip: parseAddress(address)?.address ?? address, devices };
  return accept({ ...doc, anycastGateways: [...(doc.anycastGateways ?? []), gateway] }, { id });
}

function write(doc: Topology, a: AnycastGateway, next: AnycastGateway | null): EditResult {
  const list = (doc.anycastGateways ?? []).flatMap((x) => (x !== a ? [x] : next ? [next] : []));
  return accept(list.length === 0 ? without(doc, 'anycastGateways') : { ...doc, anycastGateways: list }, {});
}

/** Changes the gateway's address or MAC (lower case, colons). */
export function updateAnycastGateway(doc: Topology, id: string, patch: AnycastPatch): EditResult {
  const a = doc.anycastGateways?.find((x) => x.id === id);
  if (!a) return refuse(EditErrorKey.unknownAnycast, { gateway: id });
  const bad = (patch.ip === undefined ? undefined : anycastIpError(doc, a.devices, patch.ip, a)) ?? (patch.mac == null ? undefined : anycastMacError(patch.mac));
  if (bad) return { ok: false, error: bad };
  let next: AnycastGateway = { ...a };
  if (patch.ip !== undefined) next.ip = parseAddress(patch.ip)?.address ?? patch.ip;
  if ('mac' in patch) next = patch.mac == null ? without(next, 'mac') : { ...next, mac: patch.mac.trim().toLowerCase().replace(/-/g, ':') };
  return write(doc, a, next);
}

/** Adds a switch to the gateway or takes one out; the last one out takes the gateway with it. */
export function setAnycastMember(doc: Topology, id: string, device: string, isMember: boolean): EditResult {
  const a = doc.anycastGateways?.find((x) => x.id === id);
  if (!a) return refuse(EditErrorKey.unknownAnycast, { gateway: id });
  if (isMember === a.devices.includes(device)) return { ok: true, doc };
  if (!isMember) {
    const devices = a.devices.filter((d) => d !== device);
    return write(doc, a, devices.length === 0 ? null : { ...a, devices });
  }
  if (a.devices.length >= MAX_ANYCAST_DEVICES) return refuse(EditErrorKey.vrrpFull, { max: MAX_ANYCAST_DEVICES });
  const bad = anycastIpError(doc, [device], a.ip, a);
  if (bad) return { ok: false, error: bad };
  return write(doc, a, { ...a, devices: [...a.devices, device] });
}

/** Removes an anycast gateway. */
export function dissolveAnycastGateway(doc: Topology, id: string): EditResult {
  const a = doc.anycastGateways?.find((x) => x.id === id);
  if (!a) return refuse(EditErrorKey.unknownAnycast, { gateway: id });
  return write(doc, a, null);
}
