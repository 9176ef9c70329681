import { CodecError } from './errors';
import { ETHERNET_HEADER_LENGTH, MIN_FRAME_NO_FCS } from './ethernet';
import type { LacpduField } from './lacpdu';
import { BPDU_LLC, decodeLlcFrame, LLC_CONTROL_UI, LLC_HEADER_LENGTH, LLC_SAP_BPDU, writeLlcHeader } from './llc';
import type { MacAddress } from './mac';
import { formatMac, writeMac } from './mac';

/** Bridge Group Address, destination of every BPDU (IEEE 802.1D-2004 7.12, reserved group addresses). */
export const BRIDGE_GROUP_MAC: MacAddress = '01:80:c2:00:00:00';

/** BPDU Type of a Configuration BPDU (IEEE 802.1D-2004 9.3.1). */
export const BPDU_TYPE_CONFIG = 0x00;
/** BPDU Type of an RST BPDU, also used by MST and SPT BPDUs (IEEE 802.1D-2004 9.3.3). */
export const BPDU_TYPE_RST = 0x02;
/** BPDU Type of a Topology Change Notification BPDU (IEEE 802.1D-2004 9.3.2). */
export const BPDU_TYPE_TCN = 0x80;
/** Protocol Version Identifier of STP Configuration/TCN BPDUs (IEEE 802.1D-2004 9.3.1-9.3.2). */
export const STP_VERSION = 0;
/** Protocol Version Identifier of RST BPDUs (IEEE 802.1D-2004 9.3.3). */
export const RSTP_VERSION = 2;
/** Protocol Version Identifier of MST BPDUs (IEEE 802.1Q-2005 clause 14). */
export const MSTP_VERSION = 3;
/** Protocol Version Identifier of SPT BPDUs, Shortest Path Bridging (IEEE 802.1aq-2012 clause 14). */
export const SPB_VERSION = 4;
/** Octets of a Configuration BPDU, Protocol Identifier through Forward Delay (IEEE 802.1D-2004 9.3.1). */
export const CONFIG_BPDU_LENGTH = 35;
/** Octets of an RST BPDU, Protocol Identifier through Version 1 Length (IEEE 802.1D-2004 9.3.3). */
export const RST_BPDU_LENGTH = 36;
/** Octets of a TCN BPDU (IEEE 802.1D-2004 9.3.2). */
export const TCN_BPDU_LENGTH = 4;
/** Timer encoding unit: BPDU times count 1/256 s (IEEE 802.1D-2004 9.2.8). */
export const BPDU_TIME_UNITS_PER_SECOND = 256;

/**
 * Bridge Identifier (IEEE 802.1D-2004 9.2.5). `priority` is the 2-octet field as on the wire: since
 * 802.1t/D04 its top 4 bits are the priority (steps of 4096) and its low 12 bits the system ID extension
 * (see {@link splitBridgePriority}); 802.1D-1998 treats all 16 bits as priority.
 */
export interface BridgeId {
  priority: number;
  mac: MacAddress;
}

/**
 * Port Identifier (IEEE 802.1D-2004 9.2.7): 4-bit priority in steps of 16 (0..240) and 12-bit port
 * number. `raw` is the 16-bit wire value (= priority << 8 | number); keep it for 802.1D-1998's
 * 8-bit/8-bit reading. The encoder rejects a `raw` that disagrees with `priority`/`number`.
 */
export interface PortId {
  priority: number;
  number: number;
  raw: number;
}

/** Port Role values of RST BPDU flag bits 3-4 (IEEE 802.1D-2004 9.2.9; 802.1Q calls 0 "Master" in MSTIs). */
export const BpduPortRole = { unknown: 0, alternateOrBackup: 1, root: 2, designated: 3 } as const;
/** One of the four 2-bit Port Role codes (IEEE 802.1D-2004 9.2.9). */
export type BpduPortRoleCode = 0 | 1 | 2 | 3;

/** Masks of the Flags octet, bit 0 = LSB (IEEE 802.1D-2004 9.3.1 for TC/TCA, 9.3.3 for the rest). */
export const BpduFlagBit = {
  topologyChange: 0x01,
  proposal: 0x02,
  portRole: 0x0c,
  learning: 0x10,
  forwarding: 0x20,
  agreement: 0x40,
  topologyChangeAck: 0x80,
} as const;

/** Flags of a Configuration BPDU; bits 1-6 are unused, dropped on decode and sent as 0 (IEEE 802.1D-2004 9.3.1). */
export interface ConfigFlags {
  topologyChange: boolean;
  topologyChangeAck: boolean;
}

/** Flags of an RST BPDU; TCA is 0 in RST BPDUs sent by RSTP bridges but is kept (IEEE 802.1D-2004 9.3.3). */
export interface RstFlags extends ConfigFlags {
  proposal: boolean;
  portRole: BpduPortRoleCode;
  learning: boolean;
  forwarding: boolean;
  agreement: boolean;
}

/**
 * Priority vector and times shared by Configuration and RST BPDUs (IEEE 802.1D-2004 9.3.1, 9.3.3).
 * Times are raw 1/256 s units (9.2.8; see {@link bpduTimeToMs}). In MST/SPT BPDUs (version >= 3)
 * `rootPathCost` is the CIST External Root Path Cost and `bridgeId` the CIST Regional Root
 * Identifier (IEEE 802.1Q-2005 clause 14), which is exactly how an RSTP bridge reads them.
 */
export interface BpduBody {
  rootId: BridgeId;
  rootPathCost: number;
  bridgeId: BridgeId;
  portId: PortId;
  messageAge: number;
  maxAge: number;
  helloTime: number;
  forwardDelay: number;
}

/** Configuration BPDU, type 0x00, normally version 0 (IEEE 802.1D-2004 9.3.1). */
export interface ConfigBpdu extends BpduBody {
  kind: 'config';
  version: number;
  flags: ConfigFlags;
}

/**
 * RST BPDU, type 0x02 (IEEE 802.1D-2004 9.3.3). `version` is 2 for RSTP; decoded MST (3) and SPT (4)
 * BPDUs keep their version and only their first 36 octets (the CIST part); MSTI records and the
 * version 3/4 extensions are ignored and never encoded.
 */
export interface RstBpdu extends BpduBody {
  kind: 'rst';
  version: number;
  flags: RstFlags;
  /** Version 1 Length octet, 0 in every valid BPDU of version >= 2 (IEEE 802.1D-2004 9.3.3). */
  version1Length: number;
}

/** Topology Change Notification BPDU, type 0x80, 4 octets, normally version 0 (IEEE 802.1D-2004 9.3.2). */
export interface TcnBpdu {
  kind: 'tcn';
  version: number;
}

/** Any BPDU handled here, discriminated on `kind` (IEEE 802.1D-2004 9.3). */
export type Bpdu = ConfigBpdu | RstBpdu | TcnBpdu;

/** One BPDU field for the packet inspector; offsets from the Protocol Identifier (IEEE 802.1D-2004 9.3). */
export type BpduField = LacpduField;

function f(name: string, offset: number, length: number): BpduField {
  return Object.freeze({ name, offset, length });
}

const COMMON_FIELDS: readonly BpduField[] = [
  f('protocol_id', 0, 2), f('version', 2, 1), f('bpdu_type', 3, 1), f('flags', 4, 1),
  f('root_priority', 5, 2), f('root_mac', 7, 6), f('root_path_cost', 13, 4),
  f('bridge_priority', 17, 2), f('bridge_mac', 19, 6), f('port_id', 25, 2),
  f('message_age', 27, 2), f('max_age', 29, 2), f('hello_time', 31, 2), f('forward_delay', 33, 2),
];

/** Fields of the 35-octet Configuration BPDU, contiguous, in wire order (IEEE 802.1D-2004 9.3.1). */
export const BPDU_FIELDS: readonly BpduField[] = Object.freeze([...COMMON_FIELDS]);
/** Fields of the 36-octet RST BPDU: {@link BPDU_FIELDS} plus Version 1 Length (IEEE 802.1D-2004 9.3.3). */
export const RST_BPDU_FIELDS: readonly BpduField[] = Object.freeze([...COMMON_FIELDS, f('version1_length', 35, 1)]);
/** Fields of the 4-octet TCN BPDU (IEEE 802.1D-2004 9.3.2). */
export const TCN_BPDU_FIELDS: readonly BpduField[] = Object.freeze(COMMON_FIELDS.slice(0, 3));

function range(v: number, max: number, field: string): number {
  if (!Number.isInteger(v) || v < 0 || v > max) throw new CodecError('bpdu.range', `${field} out of range 0..${max}: ${v}`);
  return v;
}

/**
 * Splits a wire Bridge Priority field into the 4-bit priority (0..61440, steps of 4096) and the 12-bit
 * system ID extension (IEEE 802.1D-2004 9.2.5; 802.1Q-2005 13.23.2), e.g. 32769 -> 32768 / 1.
 */
export function splitBridgePriority(field: number): { priority: number; systemIdExtension: number } {
  range(field, 0xffff, 'bridge priority field');
  return { priority: field & 0xf000, systemIdExtension: field & 0x0fff };
}

/**
 * Joins a priority (multiple of 4096, 0..61440) and a system ID extension (0..4095) into the wire
 * Bridge Priority field (IEEE 802.1D-2004 9.2.5). Throws CodecError('bpdu.range') otherwise.
 */
export function joinBridgePriority(priority: number, systemIdExtension: number): number {
  if (range(priority, 0xf000, 'bridge priority') % 4096 !== 0) {
    throw new CodecError('bpdu.range', `bridge priority must be a multiple of 4096: ${priority}`);
  }
  return priority | range(systemIdExtension, 0x0fff, 'system ID extension');
}

/** Splits a 16-bit Port Identifier into D04 4-bit priority (steps of 16) and 12-bit number (IEEE 802.1D-2004 9.2.7). */
export function portIdFromRaw(raw: number): PortId {
  range(raw, 0xffff, 'port identifier');
  return { priority: (raw >>> 8) & 0xf0, number: raw & 0x0fff, raw };
}

/**
 * Builds a Port Identifier from a priority (multiple of 16, 0..240) and a port number (0..4095)
 * (IEEE 802.1D-2004 9.2.7, 17.13.10). Throws CodecError('bpdu.range') otherwise.
 */
export function makePortId(priority: number, number: number): PortId {
  if (range(priority, 0xf0, 'port priority') % 16 !== 0) {
    throw new CodecError('bpdu.range', `port priority must be a multiple of 16: ${priority}`);
  }
  range(number, 0x0fff, 'port number');
  return { priority, number, raw: (priority << 8) | number };
}

/** Converts a BPDU time in 1/256 s units to milliseconds, exactly (0x1400 -> 20000) (IEEE 802.1D-2004 9.2.8). */
export function bpduTimeToMs(units: number): number {
  return (range(units, 0xffff, 'BPDU time') * 1000) / BPDU_TIME_UNITS_PER_SECOND;
}

/**
 * Converts milliseconds to 1/256 s units, rounded to the nearest unit (20000 -> 0x1400)
 * (IEEE 802.1D-2004 9.2.8). Throws CodecError('bpdu.range') if the result does not fit 16 bits.
 */
export function msToBpduTime(ms: number): number {
  const units = Math.round((ms * BPDU_TIME_UNITS_PER_SECOND) / 1000);
  if (!Number.isFinite(ms) || units < 0 || units > 0xffff) {
    throw new CodecError('bpdu.range', `${ms} ms is outside 0..${(0xffff * 1000) / BPDU_TIME_UNITS_PER_SECOND} ms`);
  }
  return units;
}

/** Splits an RST BPDU Flags octet into named flags (IEEE 802.1D-2004 9.3.3). */
export function decodeRstFlags(octet: number): RstFlags {
  return {
    topologyChange: (octet & BpduFlagBit.topologyChange) !== 0,
    proposal: (octet & BpduFlagBit.proposal) !== 0,
    portRole: ((octet & BpduFlagBit.portRole) >>> 2) as BpduPortRoleCode,
    learning: (octet & BpduFlagBit.learning) !== 0,
    forwarding: (octet & BpduFlagBit.forwarding) !== 0,
    agreement: (octet & BpduFlagBit.agreement) !== 0,
    topologyChangeAck: (octet & BpduFlagBit.topologyChangeAck) !== 0,
  };
}

/** Builds an RST BPDU Flags octet (IEEE 802.1D-2004 9.3.3). Throws CodecError('bpdu.range') for a bad role. */
export function encodeRstFlags(flags: RstFlags): number {
  return (
    (flags.topologyChange ? BpduFlagBit.topologyChange : 0) |
    (flags.proposal ? BpduFlagBit.proposal : 0) |
    (range(flags.portRole, 3, 'port role') << 2) |
    (flags.learning ? BpduFlagBit.learning : 0) |
    (flags.forwarding ? BpduFlagBit.forwarding : 0) |
    (flags.agreement ? BpduFlagBit.agreement : 0) |
    (flags.topologyChangeAck ? BpduFlagBit.topologyChangeAck : 0)
  );
}

function configFlagsOctet(flags: ConfigFlags): number {
  return (flags.topologyChange ? BpduFlagBit.topologyChange : 0) | (flags.topologyChangeAck ? BpduFlagBit.topologyChangeAck : 0);
}

/** 802.1D-1998 Table 8-5 recommended values, fastest first: [rate in Mb/s, cost]. */
const SHORT_COSTS: readonly (readonly [number, number])[] = [[10_000, 2], [1_000, 4], [100, 19], [16, 62], [10, 100], [4, 250]];

function checkSpeed(speedMbps: number): void {
  if (!Number.isFinite(speedMbps) || speedMbps <= 0) {
    throw new CodecError('bpdu.speed', `link speed must be a positive number of Mb/s, got ${speedMbps}`);
  }
}

/**
 * 16-bit ("short") Path Cost, IEEE 802.1D-1998 Table 8-5 recommended values: 4 Mb/s 250, 10 Mb/s 100,
 * 16 Mb/s 62, 100 Mb/s 19, 1 Gb/s 4, 10 Gb/s 2. Other speeds take the row of the fastest listed rate not
 * above them, so 2.5 Gb/s -> 4, and 25/40/100 Gb/s (and anything >= 10 Gb/s) -> 2; below 4 Mb/s -> 250.
 * The table stops at 10 Gb/s, so short costs cannot tell 10G from 100G links: use {@link pathCostLong}.
 * (Linux's bridge has its own table, `port_cost()` in net/bridge/br_if.c, which differs between kernel versions.)
 * Throws CodecError('bpdu.speed') unless `speedMbps` is a positive finite number.
 */
export function pathCostShort(speedMbps: number): number {
  checkSpeed(speedMbps);
  for (const [rate, cost] of SHORT_COSTS) if (speedMbps >= rate) return cost;
  return 250;
}

/**
 * 32-bit ("long") Path Cost, IEEE 802.1D-2004 17.14 / Table 17-3 (802.1t): 20 Tb/s divided by the link
 * rate, truncated like mstpd's `compute_pcost`, clamped to 1..200 000 000: 10 Mb/s 2 000 000, 100 Mb/s
 * 200 000, 1 Gb/s 20 000, 2.5 Gb/s 8 000, 10 Gb/s 2 000, 25 Gb/s 800, 40 Gb/s 500, 100 Gb/s 200.
 * Throws CodecError('bpdu.speed') unless `speedMbps` is a positive finite number.
 */
export function pathCostLong(speedMbps: number): number {
  checkSpeed(speedMbps);
  return Math.min(200_000_000, Math.max(1, Math.floor(20_000_000 / speedMbps)));
}

/** Encoded length of a BPDU: 35, 36 or 4 octets (IEEE 802.1D-2004 9.3.1-9.3.3). */
export function bpduLength(bpdu: Bpdu): number {
  return bpdu.kind === 'config' ? CONFIG_BPDU_LENGTH : bpdu.kind === 'rst' ? RST_BPDU_LENGTH : TCN_BPDU_LENGTH;
}

function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = v >>> 8;
  b[o + 1] = v & 0xff;
}

function writeBridgeId(b: Uint8Array, o: number, id: BridgeId, name: string): void {
  put16(b, o, range(id.priority, 0xffff, `${name}.priority`));
  writeMac(b, o + 2, id.mac);
}

function writeBody(b: Uint8Array, o: number, x: BpduBody): void {
  writeBridgeId(b, o + 5, x.rootId, 'rootId');
  const cost = range(x.rootPathCost, 0xffffffff, 'rootPathCost');
  b[o + 13] = cost >>> 24;
  b[o + 14] = (cost >>> 16) & 0xff;
  b[o + 15] = (cost >>> 8) & 0xff;
  b[o + 16] = cost & 0xff;
  writeBridgeId(b, o + 17, x.bridgeId, 'bridgeId');
  const p = x.portId;
  range(p.raw, 0xffff, 'portId.raw');
  range(p.priority, 0xf0, 'portId.priority');
  range(p.number, 0x0fff, 'portId.number');
  if (p.priority % 16 !== 0 || p.raw !== ((p.priority << 8) | p.number)) {
    throw new CodecError('bpdu.range', `portId.raw 0x${p.raw.toString(16)} disagrees with priority ${p.priority} / number ${p.number}`);
  }
  put16(b, o + 25, p.raw);
  put16(b, o + 27, range(x.messageAge, 0xffff, 'messageAge'));
  put16(b, o + 29, range(x.maxAge, 0xffff, 'maxAge'));
  put16(b, o + 31, range(x.helloTime, 0xffff, 'helloTime'));
  put16(b, o + 33, range(x.forwardDelay, 0xffff, 'forwardDelay'));
}

/**
 * Writes `bpdu` (Protocol Identifier first) into `target` at `offset` and returns its length
 * (IEEE 802.1D-2004 9.3.1-9.3.3). Throws CodecError('bpdu.short') if it does not fit, 'bpdu.range' for
 * out-of-range fields, 'mac.parse' for a bad MAC.
 */
export function writeBpdu(target: Uint8Array, offset: number, bpdu: Bpdu): number {
  const len = bpduLength(bpdu);
  if (offset < 0 || offset + len > target.length) {
    throw new CodecError('bpdu.short', `no room for a ${len}-octet BPDU at offset ${offset}`);
  }
  target[offset] = 0;
  target[offset + 1] = 0;
  target[offset + 2] = range(bpdu.version, 0xff, 'version');
  if (bpdu.kind === 'tcn') {
    target[offset + 3] = BPDU_TYPE_TCN;
    return len;
  }
  writeBody(target, offset, bpdu);
  if (bpdu.kind === 'config') {
    target[offset + 3] = BPDU_TYPE_CONFIG;
    target[offset + 4] = configFlagsOctet(bpdu.flags);
  } else {
    target[offset + 3] = BPDU_TYPE_RST;
    target[offset + 4] = encodeRstFlags(bpdu.flags);
    target[offset + 35] = range(bpdu.version1Length, 0xff, 'version1Length');
  }
  return len;
}

/** Encodes a BPDU as its 35 / 36 / 4 octets, Protocol Identifier first (IEEE 802.1D-2004 9.3). */
export function encodeBpdu(bpdu: Bpdu): Uint8Array {
  const out = new Uint8Array(bpduLength(bpdu));
  writeBpdu(out, 0, bpdu);
  return out;
}

function get16(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}

function readBody(p: Uint8Array): BpduBody {
  return {
    rootId: { priority: get16(p, 5), mac: formatMac(p, 7) },
    rootPathCost: (p[13] ?? 0) * 0x1000000 + (((p[14] ?? 0) << 16) | ((p[15] ?? 0) << 8) | (p[16] ?? 0)),
    bridgeId: { priority: get16(p, 17), mac: formatMac(p, 19) },
    portId: portIdFromRaw(get16(p, 25)),
    messageAge: get16(p, 27),
    maxAge: get16(p, 29),
    helloTime: get16(p, 31),
    forwardDelay: get16(p, 33),
  };
}

function need(p: Uint8Array, n: number, what: string): void {
  if (p.length < n) throw new CodecError('bpdu.short', `${what} BPDU too short: ${p.length} octets, need ${n}`);
}

/**
 * Decodes a BPDU (the LLC information field, Protocol Identifier first), validated as IEEE 802.1D-2004
 * 9.3.4: Protocol Identifier 0; type 0x00 with >= 35 octets -> 'config'; type 0x80 -> 'tcn'; type 0x02
 * with version 2 and >= 36 octets -> 'rst'. Config/TCN accept any version (only the type is checked).
 * MST (3), SPT (4) and later versions of type 0x02 decode their 36-octet CIST part as 'rst' with `version`
 * kept, whatever their version 3/4 fields say, like mstpd `MSTP_IN_rx_bpdu` (802.1Q-2005 14.4 d: a version
 * >= 3 BPDU that fails the MST checks is still a valid RST BPDU; mstpd accepts 35 octets there, we need 36
 * for Version 1 Length). tcpdump instead prints SPT BPDUs as MSTP plus an SPB part ("STP 802.1aq, Rapid
 * STP") and calls them invalid when the v3/v4 lengths do not fit; the Linux kernel's own STP drops any
 * version other than 0. Octets after the BPDU are ignored. Throws CodecError 'bpdu.short',
 * 'bpdu.protocol', 'bpdu.version' (type 0x02 with version < 2) or 'bpdu.type'.
 */
export function decodeBpdu(payload: Uint8Array): Bpdu {
  need(payload, TCN_BPDU_LENGTH, 'any');
  if (payload[0] !== 0 || payload[1] !== 0) {
    throw new CodecError('bpdu.protocol', `Protocol Identifier 0x${get16(payload, 0).toString(16).padStart(4, '0')} is not 0x0000 (STP)`);
  }
  const version = payload[2] ?? 0;
  const type = payload[3] ?? 0;
  if (type === BPDU_TYPE_TCN) return { kind: 'tcn', version };
  if (type === BPDU_TYPE_CONFIG) {
    need(payload, CONFIG_BPDU_LENGTH, 'Configuration');
    const flags = payload[4] ?? 0;
    return {
      kind: 'config',
      version,
      flags: { topologyChange: (flags & 0x01) !== 0, topologyChangeAck: (flags & 0x80) !== 0 },
      ...readBody(payload),
    };
  }
  if (type !== BPDU_TYPE_RST) {
    throw new CodecError('bpdu.type', `BPDU Type 0x${type.toString(16).padStart(2, '0')} is not Configuration (0x00), RST (0x02) or TCN (0x80)`);
  }
  if (version < RSTP_VERSION) throw new CodecError('bpdu.version', `RST BPDU with Protocol Version ${version}, need 2 or more`);
  need(payload, RST_BPDU_LENGTH, 'RST');
  return { kind: 'rst', version, flags: decodeRstFlags(payload[4] ?? 0), ...readBody(payload), version1Length: payload[35] ?? 0 };
}

/**
 * Encodes a BPDU frame: DA 01:80:c2:00:00:00, SA `srcMac`, 802.3 Length, LLC 42 42 03, BPDU, zero-padded
 * to 60 octets (IEEE 802.1D-2004 7.12, 9.3; IEEE 802.3-2018 3.2.6). Throws as {@link writeBpdu}.
 */
export function encodeBpduFrame(srcMac: MacAddress, bpdu: Bpdu): Uint8Array {
  const len = bpduLength(bpdu);
  const frame = new Uint8Array(Math.max(MIN_FRAME_NO_FCS, ETHERNET_HEADER_LENGTH + LLC_HEADER_LENGTH + len));
  writeLlcHeader(frame, BRIDGE_GROUP_MAC, srcMac, BPDU_LLC, len);
  writeBpdu(frame, ETHERNET_HEADER_LENGTH + LLC_HEADER_LENGTH, bpdu);
  return frame;
}

/**
 * Decodes an 802.3/LLC frame carrying a BPDU (VLAN tags skipped; padding ignored). The DA is returned,
 * not checked (SPT BPDUs go to 01:80:c2:00:00:08). Throws CodecError as {@link decodeLlcFrame}, then
 * 'bpdu.llc' unless DSAP = SSAP = 0x42 and control = UI (IEEE 802.1D-2004 7.12), then as {@link decodeBpdu}.
 */
export function decodeBpduFrame(frame: Uint8Array): { dst: MacAddress; src: MacAddress; vlanTags: number[]; bpdu: Bpdu } {
  const llc = decodeLlcFrame(frame);
  if (llc.dsap !== LLC_SAP_BPDU || llc.ssap !== LLC_SAP_BPDU || llc.control !== LLC_CONTROL_UI) {
    throw new CodecError('bpdu.llc', `LLC ${llc.dsap.toString(16)} ${llc.ssap.toString(16)} ${llc.control.toString(16)} is not the BPDU header 42 42 03`);
  }
  return { dst: llc.dst, src: llc.src, vlanTags: llc.vlanTags, bpdu: decodeBpdu(llc.payload) };
}
