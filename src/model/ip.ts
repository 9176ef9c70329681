/**
 * IPv4 arithmetic the document needs (the engine has its own codecs; the model imports nothing):
 * parse an address or a CIDR, test subnet membership (RFC 4632 §3.1). Inputs were checked by the
 * schema's regular expressions, so these never see malformed text from a valid document.
 */

/** An address with its prefix length, as in `10.0.0.1/24`. */
export interface Cidr {
  address: string;
  prefix: number;
}

/** Dotted decimal → unsigned 32-bit value, or -1 when it is not one. */
export function ipv4Value(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4) return -1;
  let v = 0;
  for (const p of parts) {
    const n = Number(p);
    if (p === '' || !Number.isInteger(n) || n < 0 || n > 255) return -1;
    v = v * 256 + n;
  }
  return v;
}

/** `10.0.0.1/24` → { address, prefix }. */
export function splitCidr(cidr: string): Cidr {
  const slash = cidr.indexOf('/');
  return { address: cidr.slice(0, slash), prefix: Number(cidr.slice(slash + 1)) };
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** True when `ip` lies in the subnet `net` (address + prefix). */
export function inSubnet(ip: string, net: Cidr): boolean {
  const m = mask(net.prefix);
  return ((ipv4Value(ip) & m) >>> 0) === ((ipv4Value(net.address) & m) >>> 0);
}

/** The network address of a CIDR: `10.0.0.77/24` → `10.0.0.0`. */
export function networkOf(net: Cidr): string {
  const v = (ipv4Value(net.address) & mask(net.prefix)) >>> 0;
  return [v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff].join('.');
}

/** The subnet's network or broadcast address (not usable by a host), for prefixes up to /30. */
export function isNetworkOrBroadcast(net: Cidr): boolean {
  if (net.prefix >= 31) return false;
  const host = ipv4Value(net.address) & ~mask(net.prefix);
  const all = (~mask(net.prefix)) >>> 0;
  return host === 0 || host >>> 0 === all;
}
