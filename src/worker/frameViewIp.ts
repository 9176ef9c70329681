/**
 * Packet-inspector fields of IPv4 packets (RFC 791) and what they carry: UDP datagrams (RFC 768),
 * ICMP echo and errors (RFC 792) and VRRP advertisements (RFC 5798 §5). Offsets are within the
 * frame; values are what a student reads in Wireshark.
 */
import { ICMP_ECHO_FIELDS, decodeIpv4, decodeVrrp, vrrpFields } from '../engine/codecs';
import { hex, ipv4At, read } from './frameViewL2';
import type { FrameField } from './protocol';

const ETH = 14;
const PROTOCOLS: Record<number, string> = { 1: 'ICMP', 17: 'UDP', 112: 'VRRP' };
const ICMP_TYPES: Record<number, string> = { 0: 'Echo reply', 8: 'Echo request', 11: 'Time exceeded', 3: 'Destination unreachable' };

function field(layer: string, name: string, offset: number, length: number, value: string): FrameField {
  return { layer, name, offset, length, value };
}

function ipv4Header(bytes: Uint8Array, ip: number, ihl: number): FrameField[] {
  const at = (offset: number, length: number) => read(bytes, offset, length);
  const protocol = at(ip + 9, 1);
  return [
    field('ipv4', 'ip_version_ihl', ip, 1, `${hex(at(ip, 1), 2)} (version 4, header ${ihl} bytes)`),
    field('ipv4', 'ip_dscp', ip + 1, 1, hex(at(ip + 1, 1), 2)),
    field('ipv4', 'ip_total_length', ip + 2, 2, String(at(ip + 2, 2))),
    field('ipv4', 'ip_id', ip + 4, 2, hex(at(ip + 4, 2), 4)),
    field('ipv4', 'ip_flags_fragment', ip + 6, 2, hex(at(ip + 6, 2), 4)),
    field('ipv4', 'ip_ttl', ip + 8, 1, String(at(ip + 8, 1))),
    field('ipv4', 'ip_protocol', ip + 9, 1, `${protocol} (${PROTOCOLS[protocol] ?? '?'})`),
    field('ipv4', 'ip_checksum', ip + 10, 2, hex(at(ip + 10, 2), 4)),
    field('ipv4', 'ip_src', ip + 12, 4, ipv4At(bytes, ip + 12)),
    field('ipv4', 'ip_dst', ip + 16, 4, ipv4At(bytes, ip + 16)),
  ];
}

function udp(bytes: Uint8Array, at: number): FrameField[] {
  const v = (offset: number) => read(bytes, at + offset, 2);
  return [
    field('udp', 'udp_src_port', at, 2, String(v(0))),
    field('udp', 'udp_dst_port', at + 2, 2, String(v(2))),
    field('udp', 'udp_length', at + 4, 2, String(v(4))),
    field('udp', 'udp_checksum', at + 6, 2, `${hex(v(6), 4)}${v(6) === 0 ? ' (none)' : ''}`),
  ];
}

function icmp(bytes: Uint8Array, at: number, end: number): FrameField[] {
  const type = bytes[at] ?? 0;
  const isEcho = type === 0 || type === 8;
  const list = isEcho ? ICMP_ECHO_FIELDS : ICMP_ECHO_FIELDS.slice(0, 3);
  const out = list.map((f) => {
    const v = read(bytes, at + f.offset, f.length);
    const value = f.name === 'type' ? `${v} (${ICMP_TYPES[v] ?? '?'})` : f.name === 'checksum' ? hex(v, 4) : String(v);
    return field('icmp', `icmp_${f.name}`, at + f.offset, f.length, value);
  });
  const bodyAt = at + 8;
  if (end > bodyAt) out.push(field('icmp', isEcho ? 'icmp_data' : 'icmp_original', bodyAt, end - bodyAt, `${end - bodyAt} bytes`));
  return out;
}

function vrrp(bytes: Uint8Array, at: number, end: number, src: string, dst: string): FrameField[] {
  const msg = decodeVrrp(bytes.subarray(at, end), { src, dst });
  return vrrpFields(msg).map((f) => {
    const raw = read(bytes, at + f.offset, f.length);
    const v = f.mask === undefined ? raw : (raw & f.mask) >> Math.log2(f.mask & -f.mask);
    let value = String(v);
    if (f.name.startsWith('address_')) value = ipv4At(bytes, at + f.offset);
    else if (f.name === 'type') value = `${v} (${v === 1 ? 'Advertisement' : '?'})`;
    else if (f.name === 'priority') value = `${v}${v === 255 ? ' (address owner)' : v === 0 ? ' (master resigning)' : ''}`;
    else if (f.name === 'max_adver_int') value = `${v} cs (${v / 100} s)`;
    else if (f.name === 'checksum') value = hex(v, 4);
    return field('vrrp', `vrrp_${f.name}`, at + f.offset, f.length, value);
  });
}

/** IPv4 header fields and the carried protocol's, after the Ethernet header; null when not IPv4. */
export function ipFields(bytes: Uint8Array): FrameField[] | null {
  if (read(bytes, 12, 2) !== 0x0800) return null;
  let header: ReturnType<typeof decodeIpv4>['header'];
  try {
    header = decodeIpv4(bytes.subarray(ETH)).header;
  } catch {
    return null;
  }
  const ihl = ((bytes[ETH] ?? 0) & 0x0f) * 4;
  const at = ETH + ihl;
  const end = ETH + header.totalLength;
  const fields = ipv4Header(bytes, ETH, ihl);
  try {
    if (header.protocol === 17) return [...fields, ...udp(bytes, at)];
    if (header.protocol === 1) return [...fields, ...icmp(bytes, at, end)];
    if (header.protocol === 112) return [...fields, ...vrrp(bytes, at, end, header.src, header.dst)];
  } catch {
    // A payload that does not decode: show the IP header alone.
  }
  return fields;
}
