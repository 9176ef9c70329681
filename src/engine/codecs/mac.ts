import { CodecError } from './errors';

/**
 * A 48-bit MAC address in canonical lower-case colon form, e.g. "00:13:c4:12:0f:0d"
 * (IEEE 802-2014 clause 8, 48-bit universal LAN MAC address; transmitted as 6 octets, first octet first).
 */
export type MacAddress = string;

/** Slow Protocols multicast address used by LACP and Marker PDUs (802.1AX-2008 5.4.2.2; IEEE 802.3 Annex 57A). */
export const SLOW_PROTOCOLS_MAC: MacAddress = '01:80:c2:00:00:02';

/** All-ones broadcast address (IEEE 802-2014 clause 8). */
export const BROADCAST_MAC: MacAddress = 'ff:ff:ff:ff:ff:ff';

/** Two-digit lower-case hex for every octet value; avoids per-call toString/padStart. */
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Bounded caches (string -> octets for writeMac, 48-bit value -> string for formatMac): a simulation
 * uses few distinct MACs, so encode/decode of ~1e6 PDUs does no string parsing or building.
 * Cleared wholesale when full, which keeps them deterministic.
 */
const CACHE_MAX = 4096;
const PARSED = new Map<string, Uint8Array>();
const FORMATTED = new Map<number, string>();

function hexNibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 97 && c <= 102) return c - 87; // a-f
  if (c >= 65 && c <= 70) return c - 55; // A-F
  return -1;
}

/** Parses into `out` at `offset`; returns false (leaving `out` partly written) on bad input. */
function parseInto(s: string, out: Uint8Array, offset: number): boolean {
  if (s.length !== 17) return false;
  const sep = s.charCodeAt(2);
  if (sep !== 58 /* : */ && sep !== 45 /* - */) return false;
  for (let i = 0; i < 6; i++) {
    const p = i * 3;
    if (i > 0 && s.charCodeAt(p - 1) !== sep) return false;
    const hi = hexNibble(s.charCodeAt(p));
    const lo = hexNibble(s.charCodeAt(p + 1));
    if (hi < 0 || lo < 0) return false;
    out[offset + i] = (hi << 4) | lo;
  }
  return true;
}

/**
 * Parses "aa:bb:cc:dd:ee:ff" or "aa-bb-cc-dd-ee-ff" (either case, one separator kind) into 6 octets
 * (IEEE 802-2014 clause 8, hexadecimal representation). Throws CodecError('mac.parse') otherwise.
 */
export function parseMac(s: string): Uint8Array {
  const out = new Uint8Array(6);
  if (!parseInto(s, out, 0)) throw new CodecError('mac.parse', `not a MAC address: ${JSON.stringify(s)}`);
  return out;
}

/** True when `s` is accepted by {@link parseMac} (IEEE 802-2014 clause 8). */
export function isMac(s: string): boolean {
  return parseInto(s, new Uint8Array(6), 0);
}

/**
 * Formats the 6 octets at `bytes[offset..offset+6)` as a canonical {@link MacAddress}
 * (IEEE 802-2014 clause 8). Throws CodecError('mac.short') if fewer than 6 octets are available.
 */
export function formatMac(bytes: Uint8Array, offset = 0): MacAddress {
  if (offset < 0 || offset + 6 > bytes.length) {
    throw new CodecError('mac.short', `need 6 octets at offset ${offset}, have ${bytes.length - offset}`);
  }
  const hi = ((bytes[offset] ?? 0) << 16) | ((bytes[offset + 1] ?? 0) << 8) | (bytes[offset + 2] ?? 0);
  const lo = ((bytes[offset + 3] ?? 0) << 16) | ((bytes[offset + 4] ?? 0) << 8) | (bytes[offset + 5] ?? 0);
  const key = hi * 0x1000000 + lo;
  let s = FORMATTED.get(key);
  if (s === undefined) {
    s =
      (HEX[hi >>> 16] ?? '') + ':' + (HEX[(hi >>> 8) & 0xff] ?? '') + ':' + (HEX[hi & 0xff] ?? '') + ':' +
      (HEX[lo >>> 16] ?? '') + ':' + (HEX[(lo >>> 8) & 0xff] ?? '') + ':' + (HEX[lo & 0xff] ?? '');
    if (FORMATTED.size >= CACHE_MAX) FORMATTED.clear();
    FORMATTED.set(key, s);
  }
  return s;
}

/**
 * Writes `mac` as 6 octets into `view` at `offset` (IEEE 802-2014 clause 8, octet order).
 * Parsed octets are cached, so repeated encodes of the same address do no string parsing.
 * Throws CodecError('mac.parse') on a bad address, CodecError('mac.short') if it does not fit.
 */
export function writeMac(view: Uint8Array, offset: number, mac: MacAddress): void {
  if (offset < 0 || offset + 6 > view.length) {
    throw new CodecError('mac.short', `no room for a MAC at offset ${offset} (buffer ${view.length})`);
  }
  let bytes = PARSED.get(mac);
  if (bytes === undefined) {
    bytes = parseMac(mac);
    if (PARSED.size >= CACHE_MAX) PARSED.clear();
    PARSED.set(mac, bytes);
  }
  view.set(bytes, offset);
}

const MAC_SPACE = 2 ** 48;

/**
 * Returns `mac + n` treating the address as a 48-bit unsigned integer, wrapping modulo 2^48
 * (used to derive per-port MACs from a base MAC). `n` must be a safe integer; may be negative.
 */
export function macPlus(mac: MacAddress, n: number): MacAddress {
  if (!Number.isSafeInteger(n)) throw new CodecError('mac.range', `macPlus: n must be a safe integer, got ${n}`);
  const b = parseMac(mac);
  let v = 0;
  for (const octet of b) v = v * 256 + octet;
  v = (((v + (n % MAC_SPACE)) % MAC_SPACE) + MAC_SPACE) % MAC_SPACE;
  const out = new Uint8Array(6);
  for (let i = 5; i >= 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  return formatMac(out);
}
