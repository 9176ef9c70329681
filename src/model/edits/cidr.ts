/**
 * IPv4 text as students type it: parse an address or an address with a prefix, name its subnet,
 * test membership, and say why an address cannot sit on an interface (reserved, network,
 * broadcast). The edits and the inspector share these, so a refusal shows in place before
 * anything is committed.
 */
import type { EditError } from './result';
import { EditErrorKey } from './result';

/** An address with its prefix length, as numbers. */
export interface Ipv4Cidr {
  /** Dotted quad, canonical (no leading zeros): `10.0.0.1`. */
  address: string;
  prefix: number;
  /** The address as an unsigned 32-bit number. */
  value: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const ADDRESS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function fromOctets(octets: number[], prefix: number): Ipv4Cidr | undefined {
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const value = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { address: octets.join('.'), prefix, value };
}

/** Parses `10.0.0.1/24` (spaces around it allowed); undefined when it is not one. */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  const m = CIDR.exec(text.trim());
  return m ? fromOctets(m.slice(1, 5).map(Number), Number(m[5])) : undefined;
}

/** Parses a bare address `10.0.0.1` (canonical form, prefix 32); undefined when it is not one. */
export function parseAddress(text: string): Ipv4Cidr | undefined {
  const m = ADDRESS.exec(text.trim());
  return m ? fromOctets(m.slice(1, 5).map(Number), 32) : undefined;
}

/** Unsigned 32-bit value → dotted quad. */
export function dotted(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The network of an address, `10.0.0.0/24`. */
export function subnetOf(cidr: Ipv4Cidr): string {
  return `${dotted((cidr.value & maskOf(cidr.prefix)) >>> 0)}/${cidr.prefix}`;
}

/** True when `b`'s address lies in `a`'s subnet (what a host checks before it ARPs directly). */
export function inSubnetOf(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b) ?? parseAddress(b);
  if (!x || !y) return false;
  const mask = maskOf(x.prefix);
  return (x.value & mask) >>> 0 === (y.value & mask) >>> 0;
}

/** True when the address `value` lies in `net`. */
export function contains(net: Ipv4Cidr, value: number): boolean {
  const mask = maskOf(net.prefix);
  return (net.value & mask) >>> 0 === (value & mask) >>> 0;
}

/**
 * Why an address cannot be an interface's (a host's, an SVI's, a routed port's) or a gateway:
 * reserved ranges, then the network / broadcast address of `net` (/31 and /32 have neither).
 */
export function hostAddressError(value: number, net: Ipv4Cidr): EditError | undefined {
  const address = dotted(value);
  const first = Math.floor(value / 2 ** 24);
  if (first === 0 || first === 127 || first >= 224) return { key: EditErrorKey.ipReserved, params: { ip: address } };
  if (net.prefix >= 31) return undefined;
  const mask = maskOf(net.prefix);
  const network = (net.value & mask) >>> 0;
  const subnet = subnetOf(net);
  if (value === network) return { key: EditErrorKey.ipNetwork, params: { ip: address, subnet } };
  if (value === (network | ~mask) >>> 0) return { key: EditErrorKey.ipBroadcast, params: { ip: address, subnet } };
  return undefined;
}
