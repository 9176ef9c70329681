import { CodecError } from './errors';
import { decodeEthernet, ETHERNET_HEADER_LENGTH, ETHERTYPE_SLOW } from './ethernet';
import type { MacAddress } from './mac';
import { formatMac, SLOW_PROTOCOLS_MAC, writeMac } from './mac';

/** LACPDU length after the EtherType, Subtype through the 50 reserved octets (802.1AX-2008 5.4.2.2). */
export const LACPDU_LENGTH = 110;
/** Slow Protocols subtype of LACP (802.1AX-2008 5.4.2.2; IEEE 802.3 Annex 57A). */
export const LACP_SUBTYPE = 1;
/** Slow Protocols subtype of the Marker protocol (802.1AX-2008 5.5.3.2). */
export const MARKER_SUBTYPE = 2;
/** LACP_Version written by this codec (802.1AX-2008 5.4.2.2). */
export const LACP_VERSION = 1;

/** Masks of the Actor_State / Partner_State octet, bit 0 = LSB (802.1AX-2008 5.4.2.2). */
export const LacpStateBit = {
  lacpActivity: 0x01,
  lacpTimeout: 0x02,
  aggregation: 0x04,
  synchronization: 0x08,
  collecting: 0x10,
  distributing: 0x20,
  defaulted: 0x40,
  expired: 0x80,
} as const;

/** Name of one state bit (802.1AX-2008 5.4.2.2). */
export type LacpStateName = keyof typeof LacpStateBit;

/** State bit names in bit order, bit 0 first (802.1AX-2008 5.4.2.2). */
const STATE_NAMES: readonly LacpStateName[] = [
  'lacpActivity', 'lacpTimeout', 'aggregation', 'synchronization',
  'collecting', 'distributing', 'defaulted', 'expired',
];

/** Splits a state octet into its 8 named flags (802.1AX-2008 5.4.2.2). */
export function decodeLacpState(octet: number): Record<LacpStateName, boolean> {
  const out = {} as Record<LacpStateName, boolean>;
  for (const name of STATE_NAMES) out[name] = (octet & LacpStateBit[name]) !== 0;
  return out;
}

/** Builds a state octet from named flags; missing/false flags are 0 (802.1AX-2008 5.4.2.2). */
export function encodeLacpState(s: Partial<Record<LacpStateName, boolean>>): number {
  let octet = 0;
  for (const name of STATE_NAMES) if (s[name] === true) octet |= LacpStateBit[name];
  return octet;
}

/** Names of the set bits of a state octet, in bit order (bit 0 first) (802.1AX-2008 5.4.2.2). */
export function lacpStateNames(octet: number): LacpStateName[] {
  return STATE_NAMES.filter((name) => (octet & LacpStateBit[name]) !== 0);
}

/** Wireshark's letters for bits 7..0 (packet-lacp.c): Expired, deFaulted, Distributing, Collecting, Sync, aGgregation, Short timeout, Activity. */
const FLAG_LETTERS = 'EFDCSGSA';

/**
 * Wireshark's "[Actor State Flags: ...]" string: 8 characters for bits 7..0, the letter when the bit is
 * set and '*' otherwise, e.g. 0x85 -> "E****G*A", 0x36 -> "**DC*GS*" (802.1AX-2008 5.4.2.2).
 */
export function lacpStateFlags(octet: number): string {
  let out = '';
  for (let bit = 7; bit >= 0; bit--) out += (octet >> bit) & 1 ? FLAG_LETTERS.charAt(7 - bit) : '*';
  return out;
}

/** Actor or Partner Information TLV contents; `state` is the raw octet (802.1AX-2008 5.4.2.2). */
export interface LacpInfo {
  systemPriority: number;
  system: MacAddress;
  key: number;
  portPriority: number;
  port: number;
  state: number;
}

/** Decoded LACPDU; reserved octets are not kept and are written as 0 (802.1AX-2008 5.4.2.2). */
export interface Lacpdu {
  version: number;
  actor: LacpInfo;
  partner: LacpInfo;
  /** CollectorMaxDelay in tens of microseconds (802.1AX-2008 5.4.2.2). */
  collectorMaxDelay: number;
}

/** One field of the LACPDU payload, offsets from the Subtype octet (802.1AX-2008 5.4.2.2). */
export interface LacpduField {
  readonly name: string;
  readonly offset: number;
  readonly length: number;
}

function f(name: string, offset: number, length: number): LacpduField {
  return Object.freeze({ name, offset, length });
}

/** Payload offsets of the Actor / Partner Information contents (after TLV type+length) and CollectorMaxDelay. */
const ACTOR = 4;
const PARTNER = 24;
const COLLECTOR_MAX_DELAY = 44;

function infoFields(prefix: 'actor' | 'partner', tlv: number): LacpduField[] {
  return [
    f(`${prefix}_tlv_type`, tlv, 1),
    f(`${prefix}_info_length`, tlv + 1, 1),
    f(`${prefix}_system_priority`, tlv + 2, 2),
    f(`${prefix}_system`, tlv + 4, 6),
    f(`${prefix}_key`, tlv + 10, 2),
    f(`${prefix}_port_priority`, tlv + 12, 2),
    f(`${prefix}_port`, tlv + 14, 2),
    f(`${prefix}_state`, tlv + 16, 1),
    f(`${prefix}_reserved`, tlv + 17, 3),
  ];
}

/**
 * Every field of the 110-octet LACPDU payload in wire order, contiguous and non-overlapping
 * (802.1AX-2008 5.4.2.2). Drives the hex/field packet inspector.
 */
export const LACPDU_FIELDS: readonly LacpduField[] = Object.freeze([
  f('subtype', 0, 1),
  f('version', 1, 1),
  ...infoFields('actor', ACTOR - 2),
  ...infoFields('partner', PARTNER - 2),
  f('collector_tlv_type', 42, 1),
  f('collector_info_length', 43, 1),
  f('collector_max_delay', COLLECTOR_MAX_DELAY, 2),
  f('collector_reserved', 46, 12),
  f('terminator_tlv_type', 58, 1),
  f('terminator_length', 59, 1),
  f('reserved', 60, 50),
]);

/** Range check; the message is built only on failure (hot path of the benchmark). */
function check(v: number, max: number, who: string, field: string): number {
  if (!Number.isInteger(v) || v < 0 || v > max) {
    throw new CodecError('lacp.range', `${who}${field} out of range 0..${max}: ${v}`);
  }
  return v;
}

/** Big-endian 16-bit store (802.1AX-2008 5.4.2.2: octets transmitted most significant first). */
function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = v >>> 8;
  b[o + 1] = v & 0xff;
}

function writeInfo(b: Uint8Array, o: number, info: LacpInfo, who: string): void {
  put16(b, o, check(info.systemPriority, 0xffff, who, '.systemPriority'));
  writeMac(b, o + 2, info.system);
  put16(b, o + 8, check(info.key, 0xffff, who, '.key'));
  put16(b, o + 10, check(info.portPriority, 0xffff, who, '.portPriority'));
  put16(b, o + 12, check(info.port, 0xffff, who, '.port'));
  b[o + 14] = check(info.state, 0xff, who, '.state');
}

/**
 * Writes the 110-octet LACPDU (Subtype first) into `target` at `offset`, reserved octets zeroed
 * (802.1AX-2008 5.4.2.2). Throws CodecError('lacp.range') for out-of-range fields.
 */
export function writeLacpdu(target: Uint8Array, offset: number, pdu: Lacpdu): void {
  if (offset < 0 || offset + LACPDU_LENGTH > target.length) {
    throw new CodecError('lacp.short', `no room for a ${LACPDU_LENGTH}-octet LACPDU at offset ${offset}`);
  }
  target.fill(0, offset, offset + LACPDU_LENGTH);
  target[offset] = LACP_SUBTYPE;
  target[offset + 1] = check(pdu.version, 0xff, '', 'version');
  target[offset + 2] = 1; // TLV type Actor Information
  target[offset + 3] = 20;
  writeInfo(target, offset + ACTOR, pdu.actor, 'actor');
  target[offset + 22] = 2; // TLV type Partner Information
  target[offset + 23] = 20;
  writeInfo(target, offset + PARTNER, pdu.partner, 'partner');
  target[offset + 42] = 3; // TLV type Collector Information
  target[offset + 43] = 16;
  put16(target, offset + COLLECTOR_MAX_DELAY, check(pdu.collectorMaxDelay, 0xffff, '', 'collectorMaxDelay'));
  // 58, 59: Terminator TLV (0, 0); 60..109 reserved: already zero.
}

/** Encodes a LACPDU as its 110-octet payload starting with the Subtype (802.1AX-2008 5.4.2.2). */
export function encodeLacpdu(pdu: Lacpdu): Uint8Array {
  const out = new Uint8Array(LACPDU_LENGTH);
  writeLacpdu(out, 0, pdu);
  return out;
}

function get16(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}

function readInfo(p: Uint8Array, o: number): LacpInfo {
  return {
    systemPriority: get16(p, o),
    system: formatMac(p, o + 2),
    key: get16(p, o + 8),
    portPriority: get16(p, o + 10),
    port: get16(p, o + 12),
    state: p[o + 14] ?? 0,
  };
}

/**
 * Decodes a Slow Protocols payload (Subtype first) as a LACPDU (802.1AX-2008 5.4.2.2), accepting it
 * like OVS `parse_lacp_packet` / Linux `bond_3ad_rx_indication`: subtype 1, actor TLV (1, 20), partner
 * TLV (2, 20), at least 110 octets. Like them, it does not check the version, the collector/terminator
 * TLVs or reserved octets. Throws CodecError with code 'lacp.short', 'lacp.subtype' or 'lacp.tlv'.
 */
export function decodeLacpdu(payload: Uint8Array): Lacpdu {
  if (payload.length < 1) throw new CodecError('lacp.short', 'empty Slow Protocols payload');
  const subtype = payload[0] ?? 0;
  if (subtype !== LACP_SUBTYPE) {
    const kind = subtype === MARKER_SUBTYPE ? ' (Marker)' : subtype === 3 ? ' (OAM)' : subtype === 10 ? ' (OSSP)' : '';
    throw new CodecError('lacp.subtype', `Slow Protocols subtype ${subtype}${kind} is not LACP (${LACP_SUBTYPE})`);
  }
  if (payload.length < LACPDU_LENGTH) {
    throw new CodecError('lacp.short', `LACPDU too short: ${payload.length} octets, need ${LACPDU_LENGTH}`);
  }
  const at = payload[2] ?? 0, al = payload[3] ?? 0, pt = payload[22] ?? 0, pl = payload[23] ?? 0;
  if (at !== 1 || al !== 20) {
    throw new CodecError('lacp.tlv', `bad Actor Information TLV: type ${at} length ${al}, expected type 1 length 20`);
  }
  if (pt !== 2 || pl !== 20) {
    throw new CodecError('lacp.tlv', `bad Partner Information TLV: type ${pt} length ${pl}, expected type 2 length 20`);
  }
  return {
    version: payload[1] ?? 0,
    actor: readInfo(payload, ACTOR),
    partner: readInfo(payload, PARTNER),
    collectorMaxDelay: get16(payload, COLLECTOR_MAX_DELAY),
  };
}

/** Length of an untagged LACPDU frame without FCS: 14 + 110 (802.1AX-2008 5.4.2.2). */
export const LACPDU_FRAME_LENGTH = ETHERNET_HEADER_LENGTH + LACPDU_LENGTH;

/** Encodes a 124-octet frame: DA 01:80:c2:00:00:02, SA `src`, EtherType 0x8809, LACPDU (802.1AX-2008 5.4.2.2). */
export function encodeLacpduFrame(src: MacAddress, pdu: Lacpdu): Uint8Array {
  const frame = new Uint8Array(LACPDU_FRAME_LENGTH);
  writeMac(frame, 0, SLOW_PROTOCOLS_MAC);
  writeMac(frame, 6, src);
  frame[12] = ETHERTYPE_SLOW >>> 8;
  frame[13] = ETHERTYPE_SLOW & 0xff;
  writeLacpdu(frame, ETHERNET_HEADER_LENGTH, pdu);
  return frame;
}

/**
 * Decodes an Ethernet frame carrying a LACPDU (VLAN tags skipped). The DA is returned, not checked.
 * Throws CodecError('lacp.ethertype') when the EtherType is not 0x8809, else as {@link decodeLacpdu}.
 */
export function decodeLacpduFrame(frame: Uint8Array): { src: MacAddress; dst: MacAddress; pdu: Lacpdu } {
  const { header, payload } = decodeEthernet(frame);
  if (header.etherType !== ETHERTYPE_SLOW) {
    throw new CodecError('lacp.ethertype', `EtherType 0x${header.etherType.toString(16).padStart(4, '0')} is not Slow Protocols (0x8809)`);
  }
  return { src: header.src, dst: header.dst, pdu: decodeLacpdu(payload) };
}
