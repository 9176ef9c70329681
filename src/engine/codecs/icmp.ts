/**
 * ICMP for IPv4 (RFC 792): Echo / Echo Reply (type 8 / 0), what `ping` sends and a router or
 * host answers, and Time Exceeded (type 11, code 0) that a router sends back when it discards a
 * packet whose TTL ran out (RFC 1812 §5.3.1). The checksum is the RFC 1071 Internet checksum of
 * the whole ICMP message with the checksum field zero.
 */
import { CodecError } from './errors';
import type { Ipv4Header, Ipv4Send } from './ipv4';
import { decodeIpv4Frame, encodeIpv4Frame, internetChecksum } from './ipv4';
import type { Ipv4Address } from './ipv4addr';
import type { LacpduField } from './lacpdu';
import type { MacAddress } from './mac';

/** IP protocol number of ICMP (RFC 792; IANA). */
export const IP_PROTO_ICMP = 1;
/** Echo Reply (RFC 792 "Echo or Echo Reply Message"). */
export const ICMP_ECHO_REPLY = 0;
/** Echo (request). */
export const ICMP_ECHO_REQUEST = 8;
/** Time Exceeded; code 0 = time to live exceeded in transit (RFC 792). */
export const ICMP_TIME_EXCEEDED = 11;
/** Type(1) Code(1) Checksum(2) Identifier(2) Sequence Number(2). */
export const ICMP_HEADER_LENGTH = 8;

/** An Echo or Echo Reply message (RFC 792). */
export interface IcmpEcho {
  type: typeof ICMP_ECHO_REQUEST | typeof ICMP_ECHO_REPLY;
  /** Identifier: matches replies to the pinging process (Linux: the socket's id). */
  id: number;
  /** Sequence Number: one per request. */
  seq: number;
  /** Data, returned unchanged in the reply. */
  data: Uint8Array;
}

/** Any decoded ICMP message: echo fields when it is an echo, the raw rest otherwise. */
export interface IcmpMessage {
  type: number;
  code: number;
  checksum: number;
  /** Set for Echo / Echo Reply. */
  echo?: IcmpEcho;
  /** Octets after the 4-octet type/code/checksum. */
  rest: Uint8Array;
}

function f(name: string, offset: number, length: number): LacpduField {
  return Object.freeze({ name, offset, length });
}

/** The Echo message's fields for the packet inspector, offsets from the ICMP type octet. */
export const ICMP_ECHO_FIELDS: readonly LacpduField[] = Object.freeze([f('type', 0, 1), f('code', 1, 1), f('checksum', 2, 2), f('identifier', 4, 2), f('sequence', 6, 2)]);

function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 8) & 0xff;
  b[o + 1] = v & 0xff;
}

function get16(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}

/** Fills the checksum of an ICMP message in place (RFC 792: over the whole message, field zero). */
function seal(msg: Uint8Array): Uint8Array {
  put16(msg, 2, 0);
  put16(msg, 2, internetChecksum(msg, 0, msg.length));
  return msg;
}

/** Encodes an Echo or Echo Reply message (RFC 792). */
export function encodeIcmpEcho(echo: IcmpEcho): Uint8Array {
  const msg = new Uint8Array(ICMP_HEADER_LENGTH + echo.data.length);
  msg[0] = echo.type;
  put16(msg, 4, echo.id & 0xffff);
  put16(msg, 6, echo.seq & 0xffff);
  msg.set(echo.data, ICMP_HEADER_LENGTH);
  return seal(msg);
}

/**
 * Time Exceeded for a discarded packet (RFC 792): 4 unused octets, then the original IP header and
 * the first 64 bits of its data.
 */
export function encodeIcmpTimeExceeded(originalPacket: Uint8Array): Uint8Array {
  const ihl = ((originalPacket[0] ?? 0) & 0x0f) * 4;
  const quoted = originalPacket.subarray(0, Math.min(originalPacket.length, ihl + 8));
  const msg = new Uint8Array(ICMP_HEADER_LENGTH + quoted.length);
  msg[0] = ICMP_TIME_EXCEEDED;
  msg.set(quoted, ICMP_HEADER_LENGTH);
  return seal(msg);
}

/** Decodes an ICMP message; CodecError 'icmp.short' or 'icmp.checksum' when it is not a valid one. */
export function decodeIcmp(msg: Uint8Array): IcmpMessage {
  if (msg.length < ICMP_HEADER_LENGTH) throw new CodecError('icmp.short', `ICMP message too short: ${msg.length} octets, need ${ICMP_HEADER_LENGTH}`);
  if (internetChecksum(msg, 0, msg.length) !== 0) throw new CodecError('icmp.checksum', 'ICMP checksum is wrong');
  const type = msg[0] ?? 0;
  const out: IcmpMessage = { type, code: msg[1] ?? 0, checksum: get16(msg, 2), rest: msg.subarray(4) };
  if (type === ICMP_ECHO_REQUEST || type === ICMP_ECHO_REPLY) out.echo = { type, id: get16(msg, 4), seq: get16(msg, 6), data: msg.subarray(ICMP_HEADER_LENGTH) };
  return out;
}

/** An Ethernet frame carrying an ICMP echo (IPv4 protocol 1). */
export function encodeIcmpEchoFrame(ethSrc: MacAddress, ethDst: MacAddress, ip: Omit<Ipv4Send, 'protocol'>, echo: IcmpEcho): Uint8Array {
  return encodeIpv4Frame(ethSrc, ethDst, { ...ip, protocol: IP_PROTO_ICMP }, encodeIcmpEcho(echo));
}

/** Decodes a frame as Ethernet + IPv4 + ICMP; CodecError 'icmp.protocol' when it carries something else. */
export function decodeIcmpFrame(frame: Uint8Array): { src: MacAddress; dst: MacAddress; ip: Ipv4Header; icmp: IcmpMessage } {
  const { src, dst, ip, body } = decodeIpv4Frame(frame);
  if (ip.protocol !== IP_PROTO_ICMP) throw new CodecError('icmp.protocol', `IP protocol ${ip.protocol} is not ICMP`);
  return { src, dst, ip, icmp: decodeIcmp(body) };
}

/** Echo data a lab ping carries: 56 octets like Linux `ping` (the first 8 are its timestamp; zeros here). */
export const PING_DATA = new Uint8Array(56);

/** The addresses of an echo to answer: a reply swaps them (RFC 792: "the source and destination addresses are simply reversed"). */
export function echoReplyAddresses(request: Pick<Ipv4Header, 'src' | 'dst'>): { src: Ipv4Address; dst: Ipv4Address } {
  return { src: request.dst, dst: request.src };
}
