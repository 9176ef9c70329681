/**
 * IPv4 (RFC 791) and UDP (RFC 768) — just what hosts need to send real datagrams through the
 * lab: a 20-byte header without options, the header checksum (RFC 1071), an 8-byte UDP header
 * (checksum 0 = none, allowed over IPv4 by RFC 768).
 */
import { CodecError } from './errors';
import { ETHERTYPE_IPV4, decodeEthernet, encodeEthernet } from './ethernet';
import type { Ipv4Address } from './ipv4addr';
import { readIpv4, writeIpv4 } from './ipv4addr';
import type { MacAddress } from './mac';
import { writeMac } from './mac';

export const IP_PROTO_UDP = 17;
export const IP_PROTO_TCP = 6;
export const IPV4_HEADER_LENGTH = 20;
export const UDP_HEADER_LENGTH = 8;

export interface Ipv4Header {
  src: Ipv4Address;
  dst: Ipv4Address;
  protocol: number;
  ttl: number;
  id: number;
  totalLength: number;
}

export interface UdpHeader {
  srcPort: number;
  dstPort: number;
  length: number;
}

/** RFC 1071 Internet checksum over `length` bytes from `offset`. */
export function internetChecksum(bytes: Uint8Array, offset: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i += 2) sum += ((bytes[offset + i] ?? 0) << 8) | (bytes[offset + i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 8) & 0xff;
  b[o + 1] = v & 0xff;
}

function get16(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}

/** An IPv4 packet carrying a UDP datagram with `payloadLength` zero bytes (RFC 791 §3.1, RFC 768). */
export function encodeUdpPacket(ip: Pick<Ipv4Header, 'src' | 'dst'> & Partial<Pick<Ipv4Header, 'ttl' | 'id'>>, udp: Pick<UdpHeader, 'srcPort' | 'dstPort'>, payloadLength: number): Uint8Array {
  const udpLength = UDP_HEADER_LENGTH + payloadLength;
  const total = IPV4_HEADER_LENGTH + udpLength;
  const p = new Uint8Array(total);
  p[0] = 0x45; // version 4, IHL 5
  put16(p, 2, total);
  put16(p, 4, (ip.id ?? 0) & 0xffff);
  p[6] = 0x40; // DF
  p[8] = ip.ttl ?? 64;
  p[9] = IP_PROTO_UDP;
  writeIpv4(p, 12, ip.src);
  writeIpv4(p, 16, ip.dst);
  put16(p, 10, internetChecksum(p, 0, IPV4_HEADER_LENGTH));
  put16(p, 20, udp.srcPort);
  put16(p, 22, udp.dstPort);
  put16(p, 24, udpLength);
  return p;
}

/** An Ethernet II frame (EtherType 0x0800) carrying a UDP datagram. */
export function encodeUdpFrame(ethSrc: MacAddress, ethDst: MacAddress, ip: Parameters<typeof encodeUdpPacket>[0], udp: Parameters<typeof encodeUdpPacket>[1], payloadLength: number): Uint8Array {
  return encodeEthernet({ src: ethSrc, dst: ethDst, etherType: ETHERTYPE_IPV4 }, encodeUdpPacket(ip, udp, payloadLength));
}

/** Header fields a sender chooses; TTL 64 (Linux `ip_default_ttl`) and id 0 unless given; DF set. */
export type Ipv4Send = Pick<Ipv4Header, 'src' | 'dst' | 'protocol'> & Partial<Pick<Ipv4Header, 'ttl' | 'id'>>;

/** An IPv4 packet (20-byte header, no options, RFC 791 §3.1) carrying `body`. */
export function encodeIpv4Packet(ip: Ipv4Send, body: Uint8Array): Uint8Array {
  const total = IPV4_HEADER_LENGTH + body.length;
  const p = new Uint8Array(total);
  p[0] = 0x45;
  put16(p, 2, total);
  put16(p, 4, (ip.id ?? 0) & 0xffff);
  p[6] = 0x40;
  p[8] = ip.ttl ?? 64;
  p[9] = ip.protocol;
  writeIpv4(p, 12, ip.src);
  writeIpv4(p, 16, ip.dst);
  put16(p, 10, internetChecksum(p, 0, IPV4_HEADER_LENGTH));
  p.set(body, IPV4_HEADER_LENGTH);
  return p;
}

/** An Ethernet II frame (EtherType 0x0800) carrying an IPv4 packet. */
export function encodeIpv4Frame(ethSrc: MacAddress, ethDst: MacAddress, ip: Ipv4Send, body: Uint8Array): Uint8Array {
  return encodeEthernet({ src: ethSrc, dst: ethDst, etherType: ETHERTYPE_IPV4 }, encodeIpv4Packet(ip, body));
}

/**
 * The frame a router puts on the next link (RFC 1812 §5.3.1, §5.2.1): a copy with new Ethernet
 * addresses and the TTL decremented, the header checksum recomputed (RFC 1071; RFC 1624 allows an
 * incremental update, which gives the same value). The caller has checked TTL > 1. Untagged frames only.
 */
export function forwardIpv4Frame(frame: Uint8Array, ethSrc: MacAddress, ethDst: MacAddress): Uint8Array {
  const out = frame.slice();
  writeMac(out, 0, ethDst);
  writeMac(out, 6, ethSrc);
  const ip = 14;
  const ihl = ((out[ip] ?? 0) & 0x0f) * 4;
  out[ip + 8] = (out[ip + 8] ?? 1) - 1;
  put16(out, ip + 10, 0);
  put16(out, ip + 10, internetChecksum(out, ip, ihl));
  return out;
}

/** Decodes a frame as Ethernet + IPv4 (any protocol). */
export function decodeIpv4Frame(frame: Uint8Array): { src: MacAddress; dst: MacAddress; ip: Ipv4Header; body: Uint8Array } {
  const { header, payload } = decodeEthernet(frame);
  if (header.etherType !== ETHERTYPE_IPV4) throw new CodecError('ipv4.ethertype', `EtherType 0x${header.etherType.toString(16)} is not IPv4`);
  const { header: ip, body } = decodeIpv4(payload);
  return { src: header.src, dst: header.dst, ip, body };
}

/** Decodes an IPv4 header (RFC 791); rejects a bad version, IHL, length or checksum. */
export function decodeIpv4(packet: Uint8Array): { header: Ipv4Header; body: Uint8Array } {
  if (packet.length < IPV4_HEADER_LENGTH) throw new CodecError('ipv4.short', `IPv4 packet too short: ${packet.length} bytes`);
  const version = (packet[0] ?? 0) >>> 4;
  const ihl = ((packet[0] ?? 0) & 0x0f) * 4;
  if (version !== 4 || ihl < IPV4_HEADER_LENGTH) throw new CodecError('ipv4.header', `not an IPv4 header (version ${version}, IHL ${ihl})`);
  const totalLength = get16(packet, 2);
  if (totalLength < ihl || totalLength > packet.length) throw new CodecError('ipv4.length', `IPv4 total length ${totalLength} does not fit ${packet.length} bytes`);
  if (internetChecksum(packet, 0, ihl) !== 0) throw new CodecError('ipv4.checksum', 'IPv4 header checksum is wrong');
  const header = { src: readIpv4(packet, 12), dst: readIpv4(packet, 16), protocol: packet[9] ?? 0, ttl: packet[8] ?? 0, id: get16(packet, 4), totalLength };
  return { header, body: packet.subarray(ihl, totalLength) };
}

/** Decodes a UDP header (RFC 768). */
export function decodeUdp(datagram: Uint8Array): UdpHeader {
  if (datagram.length < UDP_HEADER_LENGTH) throw new CodecError('udp.short', `UDP datagram too short: ${datagram.length} bytes`);
  return { srcPort: get16(datagram, 0), dstPort: get16(datagram, 2), length: get16(datagram, 4) };
}

/** Decodes a frame as Ethernet + IPv4 + UDP. */
export function decodeUdpFrame(frame: Uint8Array): { src: MacAddress; dst: MacAddress; ip: Ipv4Header; udp: UdpHeader } {
  const { header, payload } = decodeEthernet(frame);
  if (header.etherType !== ETHERTYPE_IPV4) throw new CodecError('ipv4.ethertype', `EtherType 0x${header.etherType.toString(16)} is not IPv4`);
  const { header: ip, body } = decodeIpv4(payload);
  if (ip.protocol !== IP_PROTO_UDP) throw new CodecError('udp.protocol', `IP protocol ${ip.protocol} is not UDP`);
  return { src: header.src, dst: header.dst, ip, udp: decodeUdp(body) };
}
