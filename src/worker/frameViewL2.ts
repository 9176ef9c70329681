/**
 * Packet-inspector fields of the layer-2 frames: 802.3/LLC + BPDU (802.1D-2004 9.3) and ARP
 * (RFC 826); IP packets are in frameViewIp.ts. Offsets are within the frame; values are
 * what a student reads in Wireshark.
 */
import { ARP_FIELDS, BPDU_FIELDS, LLC_FRAME_FIELDS, RST_BPDU_FIELDS, TCN_BPDU_FIELDS, decodeArp, decodeBpduFrame, formatMac } from '../engine/codecs';
import type { FrameField } from './protocol';

const ETH = 14;
const LLC = 17;

export function hex(n: number, digits: number): string {
  return `0x${n.toString(16).padStart(digits, '0')}`;
}

export function read(bytes: Uint8Array, offset: number, length: number): number {
  let v = 0;
  for (let i = 0; i < length; i++) v = v * 256 + (bytes[offset + i] ?? 0);
  return v;
}

export function ipv4At(bytes: Uint8Array, offset: number): string {
  return Array.from(bytes.subarray(offset, offset + 4)).join('.');
}

const BPDU_TYPES: Record<number, string> = { 0x00: 'Configuration', 0x02: 'RST', 0x80: 'TCN' };
const RST_ROLES = ['Unknown', 'Alternate/Backup', 'Root', 'Designated'];

/** The Flags octet by name (802.1D-2004 9.3.1, 9.3.3). */
function bpduFlags(octet: number, isRst: boolean): string {
  const names: string[] = [];
  if (octet & 0x01) names.push('Topology Change');
  if (isRst) {
    if (octet & 0x02) names.push('Proposal');
    names.push(`Port Role ${RST_ROLES[(octet >> 2) & 3] ?? ''}`);
    if (octet & 0x10) names.push('Learning');
    if (octet & 0x20) names.push('Forwarding');
    if (octet & 0x40) names.push('Agreement');
  }
  if (octet & 0x80) names.push('Topology Change Ack');
  return `${hex(octet, 2)} (${names.join(', ') || 'none'})`;
}

function bpduValue(name: string, bytes: Uint8Array, offset: number, length: number, isRst: boolean): string {
  const v = read(bytes, offset, length);
  switch (name) {
    case 'protocol_id':
      return `${hex(v, 4)} (Spanning Tree)`;
    case 'bpdu_type':
      return `${hex(v, 2)} (${BPDU_TYPES[v] ?? '?'})`;
    case 'flags':
      return bpduFlags(v, isRst);
    case 'root_priority':
    case 'bridge_priority':
      return `${v} (priority ${v & 0xf000}, system id extension ${v & 0x0fff})`;
    case 'root_mac':
    case 'bridge_mac':
      return formatMac(bytes, offset);
    case 'port_id':
      return `${hex(v, 4)} (priority ${v >> 8 & 0xf0}, port ${v & 0x0fff})`;
    case 'message_age':
    case 'max_age':
    case 'hello_time':
    case 'forward_delay':
      return `${v / 256} s`;
    default:
      return String(v);
  }
}

/** 802.3 + LLC + BPDU, or null when the frame is not a BPDU. */
export function bpduFields(bytes: Uint8Array): FrameField[] | null {
  let kind: string;
  try {
    kind = decodeBpduFrame(bytes).bpdu.kind;
  } catch {
    return null;
  }
  const fields: FrameField[] = LLC_FRAME_FIELDS.map((f) => {
    const value = f.name === 'dst' || f.name === 'src' ? formatMac(bytes, f.offset) : f.name === 'length' ? String(read(bytes, f.offset, f.length)) : hex(bytes[f.offset] ?? 0, 2);
    return { layer: f.offset < ETH ? 'eth' : 'llc', name: f.offset < ETH ? `eth_${f.name}` : `llc_${f.name}`, offset: f.offset, length: f.length, value };
  });
  const list = kind === 'tcn' ? TCN_BPDU_FIELDS : kind === 'rst' ? RST_BPDU_FIELDS : BPDU_FIELDS;
  for (const f of list) {
    const offset = LLC + f.offset;
    fields.push({ layer: 'bpdu', name: `bpdu_${f.name}`, offset, length: f.length, value: bpduValue(f.name, bytes, offset, f.length, kind === 'rst') });
  }
  return fields;
}

function arpValue(name: string, bytes: Uint8Array, offset: number, length: number): string {
  const v = read(bytes, offset, length);
  switch (name) {
    case 'htype':
      return `${v} (Ethernet)`;
    case 'ptype':
      return `${hex(v, 4)} (IPv4)`;
    case 'op':
      return `${v} (${v === 1 ? 'request' : v === 2 ? 'reply' : '?'})`;
    case 'sha':
    case 'tha':
      return formatMac(bytes, offset);
    case 'spa':
    case 'tpa':
      return ipv4At(bytes, offset);
    default:
      return String(v);
  }
}

/** ARP fields after the Ethernet header, or null when the payload is not ARP. */
export function arpFields(bytes: Uint8Array): FrameField[] | null {
  try {
    decodeArp(bytes.subarray(ETH));
  } catch {
    return null;
  }
  return ARP_FIELDS.map((f) => ({ layer: 'arp', name: `arp_${f.name}`, offset: ETH + f.offset, length: f.length, value: arpValue(f.name, bytes, ETH + f.offset, f.length) }));
}
