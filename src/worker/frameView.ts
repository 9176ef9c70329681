/**
 * Decodes a stored frame into the fields the packet inspector shows beside the hex bytes:
 * LACPDUs here, BPDUs and ARP in frameViewL2.ts, IPv4 with UDP, ICMP and VRRP in frameViewIp.ts;
 * anything else shows its Ethernet header only.
 */
import { LACPDU_FIELDS, decodeEthernet, decodeLacpduFrame, formatMac, lacpStateFlags, lacpStateNames } from '../engine/codecs';
import { ipFields } from './frameViewIp';
import { arpFields, bpduFields, hex, read } from './frameViewL2';
import type { FrameField } from './protocol';

const ETH = 14;

function lacpValue(name: string, bytes: Uint8Array, offset: number, length: number): string {
  if (name.endsWith('_system')) return formatMac(bytes, offset);
  if (name.endsWith('_state')) {
    const octet = bytes[offset] ?? 0;
    return `${hex(octet, 2)} ${lacpStateFlags(octet)} (${lacpStateNames(octet).join(', ')})`;
  }
  if (name.endsWith('reserved') || name === 'reserved') return `${length} × 00`;
  if (length === 1) return `${hex(bytes[offset] ?? 0, 2)} (${bytes[offset] ?? 0})`;
  return String(read(bytes, offset, length));
}

/** Every field of the frame with absolute offsets; unknown payloads show the Ethernet header only. */
export function frameFields(bytes: Uint8Array): FrameField[] {
  const bpdu = bpduFields(bytes);
  if (bpdu) return bpdu;
  const { header } = decodeEthernet(bytes);
  const fields: FrameField[] = [
    { layer: 'eth', name: 'eth_dst', offset: 0, length: 6, value: header.dst },
    { layer: 'eth', name: 'eth_src', offset: 6, length: 6, value: header.src },
    { layer: 'eth', name: 'eth_type', offset: 12, length: 2, value: hex(header.etherType, 4) },
  ];
  const upper = arpFields(bytes) ?? ipFields(bytes);
  if (upper) return [...fields, ...upper];
  try {
    decodeLacpduFrame(bytes);
  } catch {
    return fields;
  }
  for (const f of LACPDU_FIELDS) {
    fields.push({ layer: 'lacp', name: f.name, offset: ETH + f.offset, length: f.length, value: lacpValue(f.name, bytes, ETH + f.offset, f.length) });
  }
  return fields;
}
