import { CodecError } from './errors';
import type { MacAddress } from './mac';
import { formatMac, writeMac } from './mac';

/** Slow Protocols EtherType, carries LACP/Marker/OAM/OSSP (802.1AX-2008 5.4.2.2; IEEE 802.3 Annex 57A). */
export const ETHERTYPE_SLOW = 0x8809;
/** ARP EtherType (RFC 826). */
export const ETHERTYPE_ARP = 0x0806;
/** IPv4 EtherType (RFC 894). */
export const ETHERTYPE_IPV4 = 0x0800;
/** C-VLAN tag protocol identifier (IEEE 802.1Q-2018 9.5). */
export const ETHERTYPE_VLAN = 0x8100;
/** S-VLAN tag protocol identifier, 802.1ad (IEEE 802.1Q-2018 9.5). */
export const ETHERTYPE_QINQ = 0x88a8;
/** Minimum frame length without the 4-byte FCS (IEEE 802.3-2018 4.4.2, minFrameSize 64 incl. FCS). */
export const MIN_FRAME_NO_FCS = 60;
/** Length of the untagged MAC header: DA(6) SA(6) Type/Length(2) (IEEE 802.3-2018 3.1.1, 3.2). */
export const ETHERNET_HEADER_LENGTH = 14;

/**
 * Ethernet II / 802.3 MAC header (IEEE 802.3-2018 3.2). `etherType` is the raw Length/Type field:
 * values < 0x0600 are an 802.3 length (3.2.6) and are kept as-is.
 */
export interface EthernetHeader {
  dst: MacAddress;
  src: MacAddress;
  etherType: number;
}

/** Result of {@link decodeEthernet}. */
export interface DecodedEthernet {
  /** Header with the EtherType found after any VLAN tags. */
  header: EthernetHeader;
  /** Bytes after the (last) Type field; a subarray of the input, including any padding/trailer. */
  payload: Uint8Array;
  /** VLAN IDs (low 12 bits of each TCI, IEEE 802.1Q-2018 9.6), outermost first; PCP/DEI dropped. */
  vlanTags: number[];
}

/**
 * Builds DA + SA + Type + payload, zero-padded to {@link MIN_FRAME_NO_FCS} (IEEE 802.3-2018 3.2.8, 4.4.2).
 * No FCS is appended. Throws CodecError('eth.ethertype') for a Type outside 0..0xffff.
 */
export function encodeEthernet(h: EthernetHeader, payload: Uint8Array): Uint8Array {
  if (!Number.isInteger(h.etherType) || h.etherType < 0 || h.etherType > 0xffff) {
    throw new CodecError('eth.ethertype', `EtherType out of range: ${h.etherType}`);
  }
  const len = Math.max(ETHERNET_HEADER_LENGTH + payload.length, MIN_FRAME_NO_FCS);
  const frame = new Uint8Array(len);
  writeMac(frame, 0, h.dst);
  writeMac(frame, 6, h.src);
  frame[12] = h.etherType >>> 8;
  frame[13] = h.etherType & 0xff;
  frame.set(payload, ETHERNET_HEADER_LENGTH);
  return frame;
}

function u16(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}

/**
 * Splits a frame (without FCS) into header, VLAN IDs and payload, skipping stacked 802.1Q (0x8100)
 * and 802.1ad (0x88a8) tags (IEEE 802.1Q-2018 9.5-9.6). Throws CodecError('eth.short') if the frame
 * is shorter than 14 bytes or a tag is cut off.
 */
export function decodeEthernet(frame: Uint8Array): DecodedEthernet {
  if (frame.length < ETHERNET_HEADER_LENGTH) {
    throw new CodecError('eth.short', `Ethernet frame too short: ${frame.length} bytes, need at least 14`);
  }
  let off = 12;
  let type = u16(frame, off);
  const vlanTags: number[] = [];
  while (type === ETHERTYPE_VLAN || type === ETHERTYPE_QINQ) {
    if (off + 6 > frame.length) {
      throw new CodecError('eth.short', `VLAN tag at offset ${off} cut off (frame ${frame.length} bytes)`);
    }
    vlanTags.push(u16(frame, off + 2) & 0x0fff);
    off += 4;
    type = u16(frame, off);
  }
  return {
    header: { dst: formatMac(frame, 0), src: formatMac(frame, 6), etherType: type },
    payload: frame.subarray(off + 2),
    vlanTags,
  };
}
