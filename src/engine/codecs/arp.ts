import { CodecError } from './errors';
import { decodeEthernet, ETHERNET_HEADER_LENGTH, ETHERTYPE_ARP, ETHERTYPE_IPV4, MIN_FRAME_NO_FCS } from './ethernet';
import type { Ipv4Address } from './ipv4addr';
import { readIpv4, writeIpv4 } from './ipv4addr';
import type { LacpduField } from './lacpdu';
import type { MacAddress } from './mac';
import { BROADCAST_MAC, formatMac, writeMac } from './mac';

/** Octets of an Ethernet/IPv4 ARP packet: 8-octet header + 2 x (6 + 4) addresses (RFC 826 "Packet format"). */
export const ARP_LENGTH = 28;
/** ar$hrd for Ethernet (RFC 826; IANA ARP hardware type 1). */
export const ARP_HTYPE_ETHERNET = 1;
/** ar$op of a request (RFC 826: ares_op$REQUEST). */
export const ARP_OP_REQUEST = 1;
/** ar$op of a reply (RFC 826: ares_op$REPLY). */
export const ARP_OP_REPLY = 2;
/** The all-zero hardware address sent as THA in requests and announcements (RFC 5227 2.1.1, 2.3). */
export const ZERO_MAC: MacAddress = '00:00:00:00:00:00';

/**
 * ARP for IPv4 over Ethernet (RFC 826): ar$hrd = 1, ar$pro = 0x0800, ar$hln = 6, ar$pln = 4 are implied.
 * `op` 1 = request, 2 = reply; addresses are sender/target hardware (SHA/THA) and protocol (SPA/TPA).
 */
export interface ArpPacket {
  op: 1 | 2;
  senderMac: MacAddress;
  senderIp: Ipv4Address;
  targetMac: MacAddress;
  targetIp: Ipv4Address;
}

/** One ARP field for the packet inspector; offsets from the first octet of ar$hrd (RFC 826). */
export type ArpField = LacpduField;

function f(name: string, offset: number, length: number): ArpField {
  return Object.freeze({ name, offset, length });
}

/** Every field of the 28-octet Ethernet/IPv4 ARP packet, contiguous, in wire order (RFC 826 "Packet format"). */
export const ARP_FIELDS: readonly ArpField[] = Object.freeze([
  f('htype', 0, 2), f('ptype', 2, 2), f('hlen', 4, 1), f('plen', 5, 1), f('op', 6, 2),
  f('sha', 8, 6), f('spa', 14, 4), f('tha', 18, 6), f('tpa', 24, 4),
]);

/**
 * Writes the 28-octet packet into `target` at `offset` (RFC 826). Throws CodecError('arp.short') if it
 * does not fit, 'arp.op' unless `op` is 1 or 2, 'mac.parse' / 'ipv4.parse' for bad addresses.
 */
export function writeArp(target: Uint8Array, offset: number, arp: ArpPacket): void {
  if (offset < 0 || offset + ARP_LENGTH > target.length) {
    throw new CodecError('arp.short', `no room for a ${ARP_LENGTH}-octet ARP packet at offset ${offset}`);
  }
  if (arp.op !== ARP_OP_REQUEST && arp.op !== ARP_OP_REPLY) {
    throw new CodecError('arp.op', `ARP opcode must be 1 (request) or 2 (reply), got ${String(arp.op)}`);
  }
  target[offset] = 0;
  target[offset + 1] = ARP_HTYPE_ETHERNET;
  target[offset + 2] = ETHERTYPE_IPV4 >>> 8;
  target[offset + 3] = ETHERTYPE_IPV4 & 0xff;
  target[offset + 4] = 6;
  target[offset + 5] = 4;
  target[offset + 6] = 0;
  target[offset + 7] = arp.op;
  writeMac(target, offset + 8, arp.senderMac);
  writeIpv4(target, offset + 14, arp.senderIp);
  writeMac(target, offset + 18, arp.targetMac);
  writeIpv4(target, offset + 24, arp.targetIp);
}

/** Encodes the 28-octet ARP packet (the Ethernet payload) (RFC 826). Throws as {@link writeArp}. */
export function encodeArp(arp: ArpPacket): Uint8Array {
  const out = new Uint8Array(ARP_LENGTH);
  writeArp(out, 0, arp);
  return out;
}

/**
 * Decodes an ARP packet (the Ethernet payload, ar$hrd first); trailing padding is ignored (RFC 826).
 * Only Ethernet/IPv4 is accepted, checked in header order like Zeek's `corrupt-arp-header`:
 * CodecError 'arp.short' (< 8 octets for the header, or < 28 for the addresses), 'arp.htype' (ar$hrd != 1),
 * 'arp.ptype' (ar$pro != 0x0800), 'arp.hlen' (ar$hln != 6), 'arp.plen' (ar$pln != 4), 'arp.op' (ar$op
 * not 1 or 2, e.g. RARP 3/4 or InARP 8/9).
 */
export function decodeArp(payload: Uint8Array): ArpPacket {
  if (payload.length < 8) throw new CodecError('arp.short', `ARP header too short: ${payload.length} octets, need 8`);
  const htype = ((payload[0] ?? 0) << 8) | (payload[1] ?? 0);
  const ptype = ((payload[2] ?? 0) << 8) | (payload[3] ?? 0);
  const hlen = payload[4] ?? 0;
  const plen = payload[5] ?? 0;
  const op = ((payload[6] ?? 0) << 8) | (payload[7] ?? 0);
  if (htype !== ARP_HTYPE_ETHERNET) throw new CodecError('arp.htype', `ARP hardware type ${htype} is not Ethernet (1)`);
  if (ptype !== ETHERTYPE_IPV4) {
    throw new CodecError('arp.ptype', `ARP protocol type 0x${ptype.toString(16).padStart(4, '0')} is not IPv4 (0x0800)`);
  }
  if (hlen !== 6) throw new CodecError('arp.hlen', `ARP hardware address length ${hlen}, expected 6`);
  if (plen !== 4) throw new CodecError('arp.plen', `ARP protocol address length ${plen}, expected 4`);
  if (op !== ARP_OP_REQUEST && op !== ARP_OP_REPLY) throw new CodecError('arp.op', `ARP opcode ${op} is not request (1) or reply (2)`);
  if (payload.length < ARP_LENGTH) {
    throw new CodecError('arp.short', `ARP packet too short: ${payload.length} octets, need ${ARP_LENGTH}`);
  }
  return {
    op: op === ARP_OP_REQUEST ? ARP_OP_REQUEST : ARP_OP_REPLY,
    senderMac: formatMac(payload, 8),
    senderIp: readIpv4(payload, 14),
    targetMac: formatMac(payload, 18),
    targetIp: readIpv4(payload, 24),
  };
}

/**
 * Encodes an Ethernet II frame: DA `ethDst`, SA `ethSrc`, EtherType 0x0806, ARP packet, zero-padded to 60
 * octets, no FCS (RFC 826; RFC 894; IEEE 802.3-2018 4.4.2). Throws as {@link writeArp}.
 */
export function encodeArpFrame(ethSrc: MacAddress, ethDst: MacAddress, arp: ArpPacket): Uint8Array {
  const frame = new Uint8Array(MIN_FRAME_NO_FCS);
  writeMac(frame, 0, ethDst);
  writeMac(frame, 6, ethSrc);
  frame[12] = ETHERTYPE_ARP >>> 8;
  frame[13] = ETHERTYPE_ARP & 0xff;
  writeArp(frame, ETHERNET_HEADER_LENGTH, arp);
  return frame;
}

/**
 * Decodes an Ethernet frame carrying ARP; 802.1Q / 802.1ad tags are skipped via decodeEthernet and
 * padding/trailer octets (zero or not) are ignored (RFC 826). Throws CodecError('arp.ethertype') when the
 * EtherType is not 0x0806, else as {@link decodeArp}.
 */
export function decodeArpFrame(frame: Uint8Array): { dst: MacAddress; src: MacAddress; vlanTags: number[]; arp: ArpPacket } {
  const { header, payload, vlanTags } = decodeEthernet(frame);
  if (header.etherType !== ETHERTYPE_ARP) {
    throw new CodecError('arp.ethertype', `EtherType 0x${header.etherType.toString(16).padStart(4, '0')} is not ARP (0x0806)`);
  }
  return { dst: header.dst, src: header.src, vlanTags, arp: decodeArp(payload) };
}

/**
 * True for a gratuitous ARP: sender IP = target IP, in request form (RFC 5227 2.3 ARP Announcement) or
 * reply form (which RFC 5227 3 discusses). An RFC 5227 ARP Probe (SPA 0.0.0.0) is not one.
 */
export function isGratuitous(arp: ArpPacket): boolean {
  return arp.senderIp === arp.targetIp;
}

/**
 * RFC 5227 2.3 ARP Announcement for `ip` owned by `mac`: op 1 (request), SHA = `mac`, SPA = TPA = `ip`,
 * THA all zeros. Send it with {@link gratuitousArpFrame} (broadcast, SA = `mac`).
 */
export function gratuitousArp(mac: MacAddress, ip: Ipv4Address): ArpPacket {
  return { op: ARP_OP_REQUEST, senderMac: mac, senderIp: ip, targetMac: ZERO_MAC, targetIp: ip };
}

/** The 60-octet broadcast frame of {@link gratuitousArp}: DA ff:ff:ff:ff:ff:ff, SA `mac` (RFC 5227 2.3). */
export function gratuitousArpFrame(mac: MacAddress, ip: Ipv4Address): Uint8Array {
  return encodeArpFrame(mac, BROADCAST_MAC, gratuitousArp(mac, ip));
}
