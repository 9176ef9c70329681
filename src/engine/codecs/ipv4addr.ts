import { CodecError } from './errors';

/**
 * An IPv4 address in dotted-decimal form, e.g. "10.0.0.1": four decimal octets 0..255 without leading
 * zeros (RFC 791 3.1 address; RFC 6943 3.1.1 strict form, so "010.0.0.1" is rejected rather than read as octal).
 */
export type Ipv4Address = string;

/** Decimal text of every octet value; avoids per-call toString. */
const DEC: readonly string[] = Array.from({ length: 256 }, (_, i) => String(i));

/** Bounded cache dotted string -> 32-bit value, cleared wholesale when full (deterministic, like mac.ts). */
const CACHE_MAX = 4096;
const PARSED = new Map<string, number>();

/** Parses strict dotted decimal into an unsigned 32-bit value, or returns -1. */
function parse(s: string): number {
  if (s.length < 7 || s.length > 15) return -1;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46; /* virtual final '.' */
    if (c === 46) {
      if (digits === 0 || octet > 255) return -1;
      value = value * 256 + octet;
      parts++;
      octet = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && octet === 0) return -1; // leading zero
      octet = octet * 10 + (c - 48);
      digits++;
      if (digits > 3) return -1;
    } else {
      return -1;
    }
  }
  return parts === 4 ? value : -1;
}

/**
 * Parses a dotted-decimal IPv4 address into its unsigned 32-bit value (RFC 791 3.1; RFC 6943 3.1.1).
 * Throws CodecError('ipv4.parse') on anything else (leading zeros, missing parts, spaces, octets > 255).
 */
export function parseIpv4(s: string): number {
  let v = PARSED.get(s);
  if (v === undefined) {
    v = parse(s);
    if (v < 0) throw new CodecError('ipv4.parse', `not a dotted-decimal IPv4 address: ${JSON.stringify(s)}`);
    if (PARSED.size >= CACHE_MAX) PARSED.clear();
    PARSED.set(s, v);
  }
  return v;
}

/** True when `s` is accepted by {@link parseIpv4} (RFC 791 3.1). */
export function isIpv4(s: string): boolean {
  return parse(s) >= 0;
}

/**
 * Formats an unsigned 32-bit value as dotted decimal (RFC 791 3.1). Throws CodecError('ipv4.range')
 * unless `value` is an integer in 0..2^32-1.
 */
export function formatIpv4(value: number): Ipv4Address {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new CodecError('ipv4.range', `IPv4 value out of range 0..2^32-1: ${value}`);
  }
  return `${DEC[value >>> 24] ?? ''}.${DEC[(value >>> 16) & 0xff] ?? ''}.${DEC[(value >>> 8) & 0xff] ?? ''}.${DEC[value & 0xff] ?? ''}`;
}

/**
 * Reads the 4 octets at `bytes[offset..offset+4)` (network order) as dotted decimal (RFC 791 3.1).
 * Throws CodecError('ipv4.short') if fewer than 4 octets are available.
 */
export function readIpv4(bytes: Uint8Array, offset = 0): Ipv4Address {
  if (offset < 0 || offset + 4 > bytes.length) {
    throw new CodecError('ipv4.short', `need 4 octets at offset ${offset}, have ${bytes.length - offset}`);
  }
  return `${DEC[bytes[offset] ?? 0] ?? ''}.${DEC[bytes[offset + 1] ?? 0] ?? ''}.${DEC[bytes[offset + 2] ?? 0] ?? ''}.${DEC[bytes[offset + 3] ?? 0] ?? ''}`;
}

/**
 * Writes `ip` as 4 octets in network order into `view` at `offset` (RFC 791 3.1). Throws
 * CodecError('ipv4.parse') on a bad address, CodecError('ipv4.short') if it does not fit.
 */
export function writeIpv4(view: Uint8Array, offset: number, ip: Ipv4Address): void {
  if (offset < 0 || offset + 4 > view.length) {
    throw new CodecError('ipv4.short', `no room for an IPv4 address at offset ${offset} (buffer ${view.length})`);
  }
  const v = parseIpv4(ip);
  view[offset] = v >>> 24;
  view[offset + 1] = (v >>> 16) & 0xff;
  view[offset + 2] = (v >>> 8) & 0xff;
  view[offset + 3] = v & 0xff;
}

function checkPrefix(prefix: number): void {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) {
    throw new CodecError('ipv4.prefix', `prefix length must be an integer 0..32, got ${prefix}`);
  }
}

/** Network mask of a prefix length as an unsigned 32-bit value, e.g. 24 -> 0xffffff00 (RFC 4632 3.1). */
export function prefixToMask(prefix: number): number {
  checkPrefix(prefix);
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The network address of `ip` under `prefix`, e.g. ('10.0.0.77', 24) -> '10.0.0.0' (RFC 4632 3.1). */
export function networkAddress(ip: Ipv4Address, prefix: number): Ipv4Address {
  return formatIpv4((parseIpv4(ip) & prefixToMask(prefix)) >>> 0);
}

/** True when `a` and `b` agree on their first `prefix` bits, i.e. share a subnet (RFC 4632 3.1). */
export function sameSubnet(a: Ipv4Address, b: Ipv4Address, prefix: number): boolean {
  return ((parseIpv4(a) ^ parseIpv4(b)) & prefixToMask(prefix)) === 0;
}

/**
 * Parses CIDR notation "a.b.c.d/n" into the address (host bits kept) and prefix length 0..32
 * (RFC 4632 3.1). Throws CodecError('ipv4.cidr') on a missing/non-decimal/leading-zero prefix or one above 32,
 * CodecError('ipv4.parse') on a bad address.
 */
export function parseCidr(s: string): { address: Ipv4Address; prefix: number } {
  const slash = s.indexOf('/');
  const text = slash < 0 ? '' : s.slice(slash + 1);
  let prefix = -1;
  if (text.length === 1 || (text.length === 2 && text.charCodeAt(0) !== 48)) {
    prefix = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) {
        prefix = -1;
        break;
      }
      prefix = prefix * 10 + (c - 48);
    }
  }
  if (prefix < 0 || prefix > 32) throw new CodecError('ipv4.cidr', `not CIDR notation a.b.c.d/0..32: ${JSON.stringify(s)}`);
  const address = s.slice(0, slash);
  parseIpv4(address);
  return { address, prefix };
}
