/**
 * A host's IPv4 address (`devices[].ip`, CIDR). ARP and the UDP flows use it; a host sends only
 * to hosts of its own subnet (there is no routing in the lab yet), so the subnet helpers live here.
 */
import type { Device, Topology } from '../schema';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, refuse, without } from './result';

/** An address with its prefix length, as numbers. */
export interface Ipv4Cidr {
  /** Dotted quad, canonical (no leading zeros): `10.0.0.1`. */
  address: string;
  prefix: number;
  /** The address as an unsigned 32-bit number. */
  value: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `10.0.0.1/24` (spaces around it allowed); undefined when it is not one. */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  const m = CIDR.exec(text.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const value = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { address: octets.join('.'), prefix, value };
}

function dotted(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The network of an address, `10.0.0.0/24`. */
export function subnetOf(cidr: Ipv4Cidr): string {
  return `${dotted((cidr.value & maskOf(cidr.prefix)) >>> 0)}/${cidr.prefix}`;
}

/** True when `b`'s address lies in `a`'s subnet (what a host checks before it ARPs directly). */
export function inSubnetOf(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (!x || !y) return false;
  const mask = maskOf(x.prefix);
  return (x.value & mask) >>> 0 === (y.value & mask) >>> 0;
}

/** Why an address cannot be a host's: reserved ranges, then network / broadcast (/31, /32 have neither). */
function hostAddressError(cidr: Ipv4Cidr): EditError | undefined {
  const first = Math.floor(cidr.value / 2 ** 24);
  if (first === 0 || first === 127 || first >= 224) return { key: EditErrorKey.ipReserved, params: { ip: cidr.address } };
  if (cidr.prefix >= 31) return undefined;
  const mask = maskOf(cidr.prefix);
  const network = (cidr.value & mask) >>> 0;
  const subnet = subnetOf(cidr);
  if (cidr.value === network) return { key: EditErrorKey.ipNetwork, params: { ip: cidr.address, subnet } };
  if (cidr.value === (network | ~mask) >>> 0) return { key: EditErrorKey.ipBroadcast, params: { ip: cidr.address, subnet } };
  return undefined;
}

/**
 * Why `text` cannot be the address of `deviceId`, or undefined when it can. The inspector calls
 * this as the student types, so the refusal shows in place before anything is committed.
 */
export function ipError(doc: Topology, deviceId: string, text: string): EditError | undefined {
  const cidr = parseCidr(text);
  if (!cidr) return { key: EditErrorKey.ipFormat, params: { value: text.trim() } };
  const bad = hostAddressError(cidr);
  if (bad) return bad;
  const owner = doc.devices.find((d) => d.id !== deviceId && d.ip !== undefined && parseCidr(d.ip)?.value === cidr.value);
  return owner ? { key: EditErrorKey.ipTaken, params: { ip: cidr.address, device: owner.id } } : undefined;
}

/**
 * Sets a host's address (`10.0.0.11/24`, normalised) or clears it (null or blank). Refused: not a
 * host, not an address with a prefix, a reserved / network / broadcast address, an address another
 * device has, or clearing it while a flow still sends from or to the host.
 */
export function setDeviceIp(doc: Topology, deviceId: string, ip: string | null): EditResult {
  const device = doc.devices.find((d) => d.id === deviceId);
  if (!device) return refuse(EditErrorKey.unknownDevice, { device: deviceId });
  let next: Device;
  if (ip === null || ip.trim() === '') {
    if (device.ip === undefined) return { ok: true, doc };
    const flow = doc.flows?.find((f) => f.from === deviceId || f.to === deviceId);
    if (flow) return refuse(EditErrorKey.ipInUse, { device: deviceId, flow: flow.id });
    next = without(device, 'ip');
  } else {
    if (device.type !== 'host') return refuse(EditErrorKey.ipHostOnly, { device: deviceId });
    const bad = ipError(doc, deviceId, ip);
    if (bad) return { ok: false, error: bad };
    const cidr = parseCidr(ip) as Ipv4Cidr;
    const value = `${cidr.address}/${cidr.prefix}`;
    if (device.ip === value) return { ok: true, doc };
    next = { ...device, ip: value };
  }
  return accept({ ...doc, devices: doc.devices.map((d) => (d === device ? next : d)) }, {});
}
