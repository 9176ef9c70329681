/**
 * VRRP advertisements. VRRPv3 (RFC 5798 §5.1–5.2) is encoded and decoded over IPv4 and decoded over
 * IPv6; VRRPv2 (RFC 3768 §5) is decoded only, for the captures. Receive validation follows RFC 5798
 * §7.1 as far as the bytes go (TTL/hop limit 255, version, type, complete packet, checksum) plus
 * RFC 9568's "Max Adver Int ≠ 0" and errata 8299's "Count ≠ 0"; "is this VRID configured here" is the
 * state machine's check (src/engine/vrrp). Every failure is a CodecError `vrrp.*` (or `eth.*`,
 * `ipv4.*`, `ipv6.*` for the layers below).
 *
 * Checksum (RFC 5798 §5.2.8): RFC 5798 words it with an RFC 2460 pseudo-header for both families,
 * RFC 9568 says IPv4 uses the message alone. FRR and keepalived (and the tcpdump and PcapPlusPlus
 * captures, verified byte for byte) use an IPv4 pseudo-header (src, dst, 0, 112, VRRP length), so the
 * encoder writes that form by default; the decoder accepts both for IPv4 v3 and says which it found.
 * VRRPv2 has no pseudo-header (RFC 3768 §5.3.8); IPv6 always has one (RFC 8200 §8.1).
 */
import { CodecError } from './errors';
import { decodeEthernet, encodeEthernet, ETHERTYPE_IPV4 } from './ethernet';
import { decodeIpv4, IPV4_HEADER_LENGTH } from './ipv4';
import type { Ipv4Address } from './ipv4addr';
import { readIpv4, writeIpv4 } from './ipv4addr';
import type { LacpduField } from './lacpdu';
import type { MacAddress } from './mac';

/** IP protocol number / IPv6 Next Header of VRRP (RFC 5798 §5.1.1.4, §5.1.2.3). */
export const IP_PROTO_VRRP = 112;
/** IPv4 multicast group of VRRP advertisements (RFC 5798 §5.1.1.2). */
export const VRRP_IPV4_GROUP: Ipv4Address = '224.0.0.18';
/** Ethernet group address of 224.0.0.18 (RFC 1112 §6.4 mapping; protocols.md §0). */
export const VRRP_IPV4_GROUP_MAC: MacAddress = '01:00:5e:00:00:12';
/** IPv4 TTL / IPv6 Hop Limit every advertisement carries and every receiver demands (RFC 5798 §5.1.1.3, §7.1). */
export const VRRP_TTL = 255;
/** VRRP version of RFC 5798 (§5.2.1). */
export const VRRP_VERSION_3 = 3;
/** VRRP version of RFC 3768 (§5.3.1). */
export const VRRP_VERSION_2 = 2;
/** The only packet type, ADVERTISEMENT (RFC 5798 §5.2.2). */
export const VRRP_TYPE_ADVERTISEMENT = 1;
/** Fixed part of a VRRP message, before the addresses (RFC 5798 §5.2). */
export const VRRP_HEADER_LENGTH = 8;
/** Authentication Data after the addresses of a VRRPv2 message (RFC 3768 §5.3.10). */
export const VRRP_V2_AUTH_LENGTH = 8;
/** Largest Max Adver Int, 12 bits of centiseconds = 40.95 s (RFC 5798 §5.2.7). */
export const VRRP_MAX_ADVER_INT_CS = 4095;
/** Priority of the IPvX address owner (RFC 5798 §5.2.4). */
export const VRRP_PRIORITY_OWNER = 255;
/** Priority a Master sends when it stops participating (RFC 5798 §5.2.4). */
export const VRRP_PRIORITY_STOP = 0;

const ETHERTYPE_IPV6 = 0x86dd;
const IPV6_HEADER_LENGTH = 40;

/**
 * Which checksum a message carries (RFC 5798 §5.2.8): over an IPv4/IPv6 pseudo-header plus the
 * message (`pseudoHeader`, what deployed v3 speakers send), or over the message alone
 * (`messageOnly`: VRRPv2, and RFC 9568's wording for IPv4).
 */
export type VrrpChecksumForm = 'pseudoHeader' | 'messageOnly';

/** What a VRRPv3 ADVERTISEMENT says (RFC 5798 §5.2.3–5.2.7, §5.2.9). */
export interface VrrpAdvertisement {
  /** Virtual Rtr ID, 1–255 (§5.2.3). */
  vrid: number;
  /** 255 = address owner, 1–254 backups, 0 = the Master resigns (§5.2.4). */
  priority: number;
  /** Max Adver Int in centiseconds, 1–4095 (§5.2.7). */
  maxAdverIntCs: number;
  /** IPvX Address(es) (§5.2.9): dotted decimal for IPv4, RFC 5952 text for IPv6. */
  addresses: string[];
}

/** A decoded VRRPv3 message (RFC 5798 §5.2). */
export interface VrrpV3Message extends VrrpAdvertisement {
  version: 3;
  /** The 4 reserved bits before Max Adver Int, sent as 0 and ignored (§5.2.6). */
  reserved: number;
  /** Checksum field as on the wire (§5.2.8). */
  checksum: number;
  /** The form the checksum verified in. */
  checksumForm: VrrpChecksumForm;
}

/** A decoded VRRPv2 message (RFC 3768 §5.3). */
export interface VrrpV2Message {
  version: 2;
  vrid: number;
  priority: number;
  /** Auth Type: 0 none; 1, 2 reserved since RFC 3768 (were simple text / AH in RFC 2338) (§5.3.6). */
  authType: number;
  /** Advertisement Interval in whole seconds (§5.3.7). */
  adverIntS: number;
  checksum: number;
  addresses: Ipv4Address[];
  /** The 8 Authentication Data octets (§5.3.10), or null when the sender left them out. */
  authData: Uint8Array | null;
}

/** VRRPv3 or VRRPv2, told apart by `version`. */
export type VrrpMessage = VrrpV3Message | VrrpV2Message;

/** IPv4 header fields of a received advertisement (RFC 791 §3.1). */
export interface VrrpIpv4Header {
  family: 'ipv4';
  src: Ipv4Address;
  dst: Ipv4Address;
  ttl: number;
  tos: number;
  id: number;
  dontFragment: boolean;
}

/** IPv6 header fields of a received advertisement (RFC 8200 §3). */
export interface VrrpIpv6Header {
  family: 'ipv6';
  src: string;
  dst: string;
  hopLimit: number;
  trafficClass: number;
  flowLabel: number;
}

/** A decoded Ethernet frame carrying VRRP. */
export interface VrrpFrame {
  dst: MacAddress;
  src: MacAddress;
  vlanTags: number[];
  ip: VrrpIpv4Header | VrrpIpv6Header;
  vrrp: VrrpMessage;
}

/** How to wrap an advertisement in IPv4 (RFC 5798 §5.1.1); defaults are what a VRRP router sends. */
export interface VrrpIpv4Options {
  /** Primary IPv4 address of the sending interface (§5.1.1.1). */
  src: Ipv4Address;
  /** Default 224.0.0.18 (§5.1.1.2). */
  dst?: Ipv4Address;
  /** Default 255 (§5.1.1.3). */
  ttl?: number;
  /** Default 0xc0, "internetwork control" precedence, as keepalived sends. */
  tos?: number;
  /** Identification, default 0 (keepalived). */
  id?: number;
  /** Default false. */
  dontFragment?: boolean;
  /** Default `pseudoHeader` (see the file comment). */
  checksumForm?: VrrpChecksumForm;
}

/** One field for the packet inspector: octets from the VRRP message start; `mask` picks bits of a shared field. */
export interface VrrpField extends LacpduField {
  /** Bits of the big-endian `length`-octet value that belong to this field; absent = all of them. */
  readonly mask?: number;
}

function f(name: string, offset: number, length: number, mask?: number): VrrpField {
  return Object.freeze(mask === undefined ? { name, offset, length } : { name, offset, length, mask });
}

/** Fixed fields of a VRRPv3 message in wire order (RFC 5798 §5.2); addresses follow from offset 8. */
export const VRRP_FIELDS: readonly VrrpField[] = Object.freeze([
  f('version', 0, 1, 0xf0), f('type', 0, 1, 0x0f), f('vrid', 1, 1), f('priority', 2, 1), f('count', 3, 1),
  f('reserved', 4, 2, 0xf000), f('max_adver_int', 4, 2, 0x0fff), f('checksum', 6, 2),
]);

/** Fixed fields of a VRRPv2 message in wire order (RFC 3768 §5.3); addresses then auth data follow. */
export const VRRP_V2_FIELDS: readonly VrrpField[] = Object.freeze([
  f('version', 0, 1, 0xf0), f('type', 0, 1, 0x0f), f('vrid', 1, 1), f('priority', 2, 1), f('count', 3, 1),
  f('auth_type', 4, 1), f('adver_int', 5, 1), f('checksum', 6, 2),
]);

/** Every field of `msg`, addresses (`address_1`…) and VRRPv2 `auth_data` included, for the inspector. */
export function vrrpFields(msg: VrrpMessage, family: 'ipv4' | 'ipv6' = 'ipv4'): VrrpField[] {
  const size = family === 'ipv4' ? 4 : 16;
  const out = [...(msg.version === 3 ? VRRP_FIELDS : VRRP_V2_FIELDS)];
  msg.addresses.forEach((_, i) => out.push(f(`address_${i + 1}`, VRRP_HEADER_LENGTH + i * size, size)));
  if (msg.version === 2 && msg.authData) out.push(f('auth_data', VRRP_HEADER_LENGTH + msg.addresses.length * 4, VRRP_V2_AUTH_LENGTH));
  return out;
}

/** The virtual router MAC: 00-00-5E-00-01-{VRID} for IPv4, 00-00-5E-00-02-{VRID} for IPv6 (RFC 5798 §7.3). */
export function vrrpVirtualMac(vrid: number, family: 'ipv4' | 'ipv6' = 'ipv4'): MacAddress {
  checkRange('vrrp.vrid', 'VRID', vrid, 1, 255);
  return `00:00:5e:00:0${family === 'ipv4' ? 1 : 2}:${vrid.toString(16).padStart(2, '0')}`;
}

function checkRange(code: string, what: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) throw new CodecError(code, `${what} must be an integer ${min}–${max}, got ${v}`);
}

function u16(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}

/** Sum of the 16-bit big-endian words of `n` octets (an odd last octet padded with zero) added to `sum`. */
function sum16(b: Uint8Array, o: number, n: number, sum = 0): number {
  let s = sum;
  let i = 0;
  for (; i + 1 < n; i += 2) s += ((b[o + i] ?? 0) << 8) | (b[o + i + 1] ?? 0);
  if (i < n) s += (b[o + i] ?? 0) << 8;
  return s;
}

/** One's-complement of the one's-complement sum (RFC 1071). */
function finish(sum: number): number {
  let s = sum;
  while (s > 0xffff) s = (s % 0x10000) + Math.floor(s / 0x10000);
  return ~s & 0xffff;
}

/** Partial sum of a pseudo-header: src, dst, then the 16-bit words of the length and protocol 112. */
function pseudoSum(ip: Uint8Array, srcOffset: number, addrLength: number, messageLength: number): number {
  const addrs = sum16(ip, srcOffset, 2 * addrLength);
  return addrs + Math.floor(messageLength / 0x10000) + (messageLength % 0x10000) + IP_PROTO_VRRP;
}

/** {@link pseudoSum} of an IPv4 pseudo-header given as dotted-decimal addresses. */
function ipv4PseudoSum(src: Ipv4Address, dst: Ipv4Address, messageLength: number): number {
  const addrs = new Uint8Array(8);
  writeIpv4(addrs, 0, src);
  writeIpv4(addrs, 4, dst);
  return pseudoSum(addrs, 0, 4, messageLength);
}

/**
 * The VRRPv3 message bytes (RFC 5798 §5.2), checksum included. `ip.src`/`ip.dst` feed the IPv4
 * pseudo-header. Throws CodecError 'vrrp.vrid' (not 1–255), 'vrrp.priority' (not 0–255),
 * 'vrrp.interval' (not 1–4095 cs), 'vrrp.count' (no address or more than 255), 'ipv4.parse'.
 */
export function encodeVrrp(adv: VrrpAdvertisement, ip: Pick<VrrpIpv4Options, 'src' | 'dst' | 'checksumForm'>): Uint8Array {
  checkRange('vrrp.vrid', 'VRID', adv.vrid, 1, 255);
  checkRange('vrrp.priority', 'priority', adv.priority, 0, 255);
  checkRange('vrrp.interval', 'Max Adver Int (cs)', adv.maxAdverIntCs, 1, VRRP_MAX_ADVER_INT_CS);
  checkRange('vrrp.count', 'address count', adv.addresses.length, 1, 255);
  const msg = new Uint8Array(VRRP_HEADER_LENGTH + 4 * adv.addresses.length);
  msg[0] = (VRRP_VERSION_3 << 4) | VRRP_TYPE_ADVERTISEMENT;
  msg[1] = adv.vrid;
  msg[2] = adv.priority;
  msg[3] = adv.addresses.length;
  msg[4] = adv.maxAdverIntCs >>> 8;
  msg[5] = adv.maxAdverIntCs & 0xff;
  adv.addresses.forEach((a, i) => writeIpv4(msg, VRRP_HEADER_LENGTH + 4 * i, a));
  const isPseudo = (ip.checksumForm ?? 'pseudoHeader') === 'pseudoHeader';
  const c = finish(sum16(msg, 0, msg.length, isPseudo ? ipv4PseudoSum(ip.src, ip.dst ?? VRRP_IPV4_GROUP, msg.length) : 0));
  msg[6] = c >>> 8;
  msg[7] = c & 0xff;
  return msg;
}

/** An IPv4 packet (20-octet header, no options) carrying the advertisement (RFC 5798 §5.1.1; RFC 791 §3.1). */
export function encodeVrrpPacket(adv: VrrpAdvertisement, ip: VrrpIpv4Options): Uint8Array {
  const msg = encodeVrrp(adv, ip);
  const p = new Uint8Array(IPV4_HEADER_LENGTH + msg.length);
  p[0] = 0x45;
  p[1] = (ip.tos ?? 0xc0) & 0xff;
  p[2] = p.length >>> 8;
  p[3] = p.length & 0xff;
  p[4] = ((ip.id ?? 0) >>> 8) & 0xff;
  p[5] = (ip.id ?? 0) & 0xff;
  p[6] = ip.dontFragment === true ? 0x40 : 0;
  p[8] = ip.ttl ?? VRRP_TTL;
  p[9] = IP_PROTO_VRRP;
  writeIpv4(p, 12, ip.src);
  writeIpv4(p, 16, ip.dst ?? VRRP_IPV4_GROUP);
  const c = finish(sum16(p, 0, IPV4_HEADER_LENGTH));
  p[10] = c >>> 8;
  p[11] = c & 0xff;
  p.set(msg, IPV4_HEADER_LENGTH);
  return p;
}

/**
 * The Ethernet frame of an advertisement, zero-padded to 60 octets: DA 01-00-5E-00-00-12, SA the
 * virtual router MAC unless `ethSrc` says otherwise (RFC 5798 §7.2, §7.3).
 */
export function encodeVrrpFrame(adv: VrrpAdvertisement, ip: VrrpIpv4Options, ethSrc?: MacAddress): Uint8Array {
  const src = ethSrc ?? vrrpVirtualMac(adv.vrid);
  return encodeEthernet({ dst: VRRP_IPV4_GROUP_MAC, src, etherType: ETHERTYPE_IPV4 }, encodeVrrpPacket(adv, ip));
}

/** Checks the fixed fields RFC 5798 §7.1 names and returns the version, address count and message length needed. */
function checkHeader(msg: Uint8Array, addrLength: number): { version: 2 | 3; count: number; need: number } {
  if (msg.length < VRRP_HEADER_LENGTH) throw new CodecError('vrrp.short', `VRRP message too short: ${msg.length} octets, need 8`);
  const version = (msg[0] ?? 0) >>> 4;
  const type = (msg[0] ?? 0) & 0x0f;
  if (version !== 3 && version !== 2) throw new CodecError('vrrp.version', `VRRP version ${version} is neither 3 (RFC 5798) nor 2 (RFC 3768)`);
  if (version === 2 && addrLength !== 4) throw new CodecError('vrrp.version', 'VRRP version 2 exists only over IPv4 (RFC 3768)');
  if (type !== VRRP_TYPE_ADVERTISEMENT) throw new CodecError('vrrp.type', `VRRP packet type ${type} is not ADVERTISEMENT (1)`);
  const count = msg[3] ?? 0;
  if (count === 0) throw new CodecError('vrrp.count', 'VRRP advertisement lists no address (RFC 9568 §5.2.5)');
  const need = VRRP_HEADER_LENGTH + count * addrLength;
  if (msg.length < need) throw new CodecError('vrrp.length', `VRRP message of ${msg.length} octets cannot hold ${count} addresses (${need} octets)`);
  return { version: version === 3 ? 3 : 2, count, need };
}

function readAddresses(msg: Uint8Array, count: number, addrLength: number): string[] {
  const at = (i: number) => VRRP_HEADER_LENGTH + i * addrLength;
  return Array.from({ length: count }, (_, i) => (addrLength === 4 ? readIpv4(msg, at(i)) : formatIpv6(msg, at(i))));
}

/**
 * Decodes one VRRP message given the partial sum of its pseudo-header (null when there is no IP
 * header to build one from) and the address size (4 or 16). See {@link decodeVrrp}.
 */
function decodeMessage(msg: Uint8Array, pseudo: number | null, addrLength: number): VrrpMessage {
  const { version, count, need } = checkHeader(msg, addrLength);
  const checksum = u16(msg, 6);
  const plainOk = finish(sum16(msg, 0, msg.length)) === 0;
  const pseudoOk = pseudo !== null && finish(sum16(msg, 0, msg.length, pseudo)) === 0;
  const addresses = readAddresses(msg, count, addrLength);
  if (version === 2) {
    if (!plainOk) throw new CodecError('vrrp.checksum', `VRRPv2 checksum 0x${checksum.toString(16).padStart(4, '0')} is wrong`);
    const adverIntS = msg[5] ?? 0;
    if (adverIntS === 0) throw new CodecError('vrrp.interval', 'VRRPv2 Adver Int is 0');
    const authData = msg.length >= need + VRRP_V2_AUTH_LENGTH ? msg.slice(need, need + VRRP_V2_AUTH_LENGTH) : null;
    return { version, vrid: msg[1] ?? 0, priority: msg[2] ?? 0, authType: msg[4] ?? 0, adverIntS, checksum, addresses, authData };
  }
  // IPv6 always uses the pseudo-header; IPv4 v3 may use either form (see the file comment).
  const isOk = pseudoOk || (plainOk && addrLength === 4);
  if (!isOk) throw new CodecError('vrrp.checksum', `VRRPv3 checksum 0x${checksum.toString(16).padStart(4, '0')} is wrong`);
  const maxAdverIntCs = u16(msg, 4) & 0x0fff;
  if (maxAdverIntCs === 0) throw new CodecError('vrrp.interval', 'VRRPv3 Max Adver Int is 0 (RFC 9568 §7.1)');
  const checksumForm: VrrpChecksumForm = pseudoOk ? 'pseudoHeader' : 'messageOnly';
  return { version, vrid: msg[1] ?? 0, priority: msg[2] ?? 0, maxAdverIntCs, addresses, reserved: (msg[4] ?? 0) >>> 4, checksum, checksumForm };
}

/**
 * Decodes the VRRP message of an IPv4 packet (the IP payload, RFC 5798 §5.2 / RFC 3768 §5.3);
 * `ip` gives the addresses of the pseudo-header, without it only the message-only checksum can pass.
 * Throws CodecError 'vrrp.short', 'vrrp.version', 'vrrp.type', 'vrrp.count' (0 addresses),
 * 'vrrp.length' (addresses cut off), 'vrrp.checksum', 'vrrp.interval' (Max Adver Int 0).
 */
export function decodeVrrp(message: Uint8Array, ip?: { src: Ipv4Address; dst: Ipv4Address }): VrrpMessage {
  return decodeMessage(message, ip ? ipv4PseudoSum(ip.src, ip.dst, message.length) : null, 4);
}

function decodeV4(packet: Uint8Array): { ip: VrrpIpv4Header; vrrp: VrrpMessage } {
  const { header, body } = decodeIpv4(packet);
  if (header.protocol !== IP_PROTO_VRRP) throw new CodecError('vrrp.protocol', `IP protocol ${header.protocol} is not VRRP (112)`);
  const frag = u16(packet, 6);
  if ((frag & 0x3fff) !== 0) throw new CodecError('vrrp.fragment', 'VRRP advertisement arrived as an IPv4 fragment');
  if (header.ttl !== VRRP_TTL) throw new CodecError('vrrp.ttl', `IPv4 TTL ${header.ttl} is not 255 (RFC 5798 §7.1)`);
  const ip: VrrpIpv4Header = { family: 'ipv4', src: header.src, dst: header.dst, ttl: header.ttl, tos: packet[1] ?? 0, id: header.id, dontFragment: (frag & 0x4000) !== 0 };
  return { ip, vrrp: decodeMessage(body, pseudoSum(packet, 12, 4, body.length), 4) };
}

function decodeV6(packet: Uint8Array): { ip: VrrpIpv6Header; vrrp: VrrpMessage } {
  if (packet.length < IPV6_HEADER_LENGTH) throw new CodecError('ipv6.short', `IPv6 packet too short: ${packet.length} octets, need 40`);
  const payloadLength = u16(packet, 4);
  if (IPV6_HEADER_LENGTH + payloadLength > packet.length) {
    throw new CodecError('ipv6.length', `IPv6 payload length ${payloadLength} does not fit ${packet.length - IPV6_HEADER_LENGTH} octets`);
  }
  const next = packet[6] ?? 0;
  if (next !== IP_PROTO_VRRP) throw new CodecError('vrrp.protocol', `IPv6 Next Header ${next} is not VRRP (112); extension headers are not supported`);
  const hopLimit = packet[7] ?? 0;
  if (hopLimit !== VRRP_TTL) throw new CodecError('vrrp.ttl', `IPv6 Hop Limit ${hopLimit} is not 255 (RFC 5798 §7.1)`);
  const word = ((packet[0] ?? 0) << 24) | ((packet[1] ?? 0) << 16) | u16(packet, 2);
  const ip: VrrpIpv6Header = { family: 'ipv6', src: formatIpv6(packet, 8), dst: formatIpv6(packet, 24), hopLimit, trafficClass: (word >>> 20) & 0xff, flowLabel: word & 0xfffff };
  const body = packet.subarray(IPV6_HEADER_LENGTH, IPV6_HEADER_LENGTH + payloadLength);
  return { ip, vrrp: decodeMessage(body, pseudoSum(packet, 8, 16, payloadLength), 16) };
}

/**
 * Decodes an IPv4 or IPv6 packet carrying VRRP, by the version nibble. Beyond {@link decodeVrrp}'s
 * errors: 'ipv4.*' from the IPv4 header (bad checksum included), 'ipv6.short' / 'ipv6.length',
 * 'vrrp.protocol' (not 112), 'vrrp.fragment', 'vrrp.ttl' (TTL / Hop Limit not 255), 'vrrp.ip'
 * (neither IPv4 nor IPv6).
 */
export function decodeVrrpPacket(packet: Uint8Array): { ip: VrrpIpv4Header | VrrpIpv6Header; vrrp: VrrpMessage } {
  const version = (packet[0] ?? 0) >>> 4;
  if (packet.length >= 1 && version === 6) return decodeV6(packet);
  if (packet.length >= 1 && version === 4) return decodeV4(packet);
  throw new CodecError('vrrp.ip', `IP version ${packet.length === 0 ? 'missing' : version} is neither 4 nor 6`);
}

/**
 * Decodes an Ethernet frame carrying a VRRP advertisement; 802.1Q tags are skipped, padding ignored.
 * Throws CodecError 'vrrp.ethertype' for an EtherType other than IPv4 / IPv6, else as {@link decodeVrrpPacket}.
 */
export function decodeVrrpFrame(frame: Uint8Array): VrrpFrame {
  const { header, payload, vlanTags } = decodeEthernet(frame);
  if (header.etherType !== ETHERTYPE_IPV4 && header.etherType !== ETHERTYPE_IPV6) {
    throw new CodecError('vrrp.ethertype', `EtherType 0x${header.etherType.toString(16).padStart(4, '0')} is neither IPv4 nor IPv6`);
  }
  const { ip, vrrp } = decodeVrrpPacket(payload);
  if ((ip.family === 'ipv4') !== (header.etherType === ETHERTYPE_IPV4)) throw new CodecError('vrrp.ethertype', 'EtherType and IP version disagree');
  return { dst: header.dst, src: header.src, vlanTags, ip, vrrp };
}

/** RFC 5952 §4 text of the 16 octets at `o`: lower-case, no leading zeros, the longest run (≥ 2) of zero groups as "::". */
function formatIpv6(b: Uint8Array, o: number): string {
  const g = Array.from({ length: 8 }, (_, i) => u16(b, o + 2 * i));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':');
  return best < 0 ? hex(g) : `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`;
}
