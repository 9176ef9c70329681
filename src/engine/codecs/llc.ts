import { CodecError } from './errors';
import { decodeEthernet, ETHERNET_HEADER_LENGTH, MIN_FRAME_NO_FCS } from './ethernet';
import type { LacpduField } from './lacpdu';
import type { MacAddress } from './mac';
import { writeMac } from './mac';

/** Octets of the LLC PDU header written and read here: DSAP, SSAP, 1-octet (U-format) control (IEEE 802.2-1998 clause 3). */
export const LLC_HEADER_LENGTH = 3;
/** Largest 802.3 Length field value; 1501..1535 are invalid, >= 1536 is an EtherType (IEEE 802.3-2018 3.2.6). */
export const MAX_LLC_LENGTH = 1500;
/** Standard LLC address of the Bridge Spanning Tree Protocol, 0x42 (IEEE 802.1D-2004 7.12). */
export const LLC_SAP_BPDU = 0x42;
/** Control octet of an Unnumbered Information (UI) command, the only type BPDUs use (IEEE 802.2-1998 clause 3; 802.1D-2004 7.12). */
export const LLC_CONTROL_UI = 0x03;

/**
 * LLC PDU header (IEEE 802.2-1998 clause 3): destination / source service access points and a U-format
 * control octet (low two bits 11). I- and S-format PDUs (2-octet control) are not supported.
 */
export interface LlcHeader {
  dsap: number;
  ssap: number;
  control: number;
}

/** LLC header of every BPDU: DSAP 0x42, SSAP 0x42, UI (IEEE 802.1D-2004 7.12). */
export const BPDU_LLC: Readonly<LlcHeader> = Object.freeze({ dsap: LLC_SAP_BPDU, ssap: LLC_SAP_BPDU, control: LLC_CONTROL_UI });

/** Result of {@link decodeLlcFrame} (IEEE 802.3-2018 3.2.6; IEEE 802.2-1998 clause 3). */
export interface DecodedLlcFrame {
  dst: MacAddress;
  src: MacAddress;
  /** The 802.3 Length field: LLC header + LLC information octets, padding excluded. */
  length: number;
  dsap: number;
  ssap: number;
  control: number;
  /** The `length - 3` information octets after the control octet (a subarray; padding/trailer dropped). */
  payload: Uint8Array;
  /** VLAN IDs of any 802.1Q / 802.1ad tags before the Length field, outermost first (IEEE 802.1Q-2018 9.5-9.6). */
  vlanTags: number[];
}

/**
 * Fields of an untagged 802.3/LLC frame, offsets from the first octet of the frame
 * (IEEE 802.3-2018 3.2; IEEE 802.2-1998 clause 3). Drives the packet inspector.
 */
export const LLC_FRAME_FIELDS: readonly LacpduField[] = Object.freeze([
  Object.freeze({ name: 'dst', offset: 0, length: 6 }),
  Object.freeze({ name: 'src', offset: 6, length: 6 }),
  Object.freeze({ name: 'length', offset: 12, length: 2 }),
  Object.freeze({ name: 'dsap', offset: 14, length: 1 }),
  Object.freeze({ name: 'ssap', offset: 15, length: 1 }),
  Object.freeze({ name: 'control', offset: 16, length: 1 }),
]);

function checkOctet(v: number, name: string): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xff) throw new CodecError('llc.range', `LLC ${name} out of range 0..255: ${v}`);
}

function checkHeader(llc: LlcHeader): void {
  checkOctet(llc.dsap, 'dsap');
  checkOctet(llc.ssap, 'ssap');
  checkOctet(llc.control, 'control');
  if ((llc.control & 0x03) !== 0x03) {
    throw new CodecError('llc.control', `LLC control 0x${llc.control.toString(16)} is not a 1-octet U-format control (low bits 11)`);
  }
}

/**
 * Writes DA, SA, 802.3 Length (= 3 + `infoLength`) and the LLC header into the first 17 octets of
 * `target` (IEEE 802.3-2018 3.2.6; IEEE 802.2-1998 clause 3). The caller writes the information field at
 * offset 17. Throws CodecError('llc.length') when 3 + `infoLength` exceeds 1500 or `target` is too
 * short, 'llc.range' / 'llc.control' for a bad header, 'mac.parse' for a bad address.
 */
export function writeLlcHeader(target: Uint8Array, dst: MacAddress, src: MacAddress, llc: LlcHeader, infoLength: number): void {
  checkHeader(llc);
  const length = LLC_HEADER_LENGTH + infoLength;
  if (!Number.isInteger(infoLength) || infoLength < 0 || length > MAX_LLC_LENGTH) {
    throw new CodecError('llc.length', `802.3 length ${length} out of range ${LLC_HEADER_LENGTH}..${MAX_LLC_LENGTH}`);
  }
  if (target.length < ETHERNET_HEADER_LENGTH + length) {
    throw new CodecError('llc.length', `buffer of ${target.length} octets cannot hold a ${ETHERNET_HEADER_LENGTH + length}-octet frame`);
  }
  writeMac(target, 0, dst);
  writeMac(target, 6, src);
  target[12] = length >>> 8;
  target[13] = length & 0xff;
  target[14] = llc.dsap;
  target[15] = llc.ssap;
  target[16] = llc.control;
}

/**
 * Builds an 802.3 length-framed LLC frame: DA, SA, Length = 3 + payload length, DSAP, SSAP, control,
 * payload, zero-padded to 60 octets (no FCS) (IEEE 802.3-2018 3.2.6, 3.2.8, 4.4.2; IEEE 802.2-1998 clause 3).
 * Throws as {@link writeLlcHeader}.
 */
export function encodeLlcFrame(dst: MacAddress, src: MacAddress, llc: LlcHeader, payload: Uint8Array): Uint8Array {
  const end = ETHERNET_HEADER_LENGTH + LLC_HEADER_LENGTH + payload.length;
  const frame = new Uint8Array(Math.max(end, MIN_FRAME_NO_FCS));
  writeLlcHeader(frame, dst, src, llc, payload.length);
  frame.set(payload, ETHERNET_HEADER_LENGTH + LLC_HEADER_LENGTH);
  return frame;
}

/**
 * Decodes an 802.3 length-framed LLC frame (VLAN tags skipped). Trailing padding or trailer octets
 * beyond the Length field are tolerated and dropped (IEEE 802.3-2018 3.2.6, 3.2.8). Throws CodecError:
 * 'eth.short' (via decodeEthernet); 'llc.ethertype' when the Length/Type field is >= 0x0600 (an Ethernet II
 * frame); 'llc.length' when it is 1501..1535, below 3, or larger than the octets present (Wireshark:
 * "Length field value goes past the end of the payload"); 'llc.control' for an I/S-format control field.
 */
export function decodeLlcFrame(frame: Uint8Array): DecodedLlcFrame {
  const { header, payload: rest, vlanTags } = decodeEthernet(frame);
  const length = header.etherType;
  if (length >= 0x0600) {
    throw new CodecError('llc.ethertype', `Type field 0x${length.toString(16).padStart(4, '0')} is an EtherType, not an 802.3 length`);
  }
  if (length > MAX_LLC_LENGTH || length < LLC_HEADER_LENGTH) {
    throw new CodecError('llc.length', `802.3 length ${length} out of range ${LLC_HEADER_LENGTH}..${MAX_LLC_LENGTH}`);
  }
  if (length > rest.length) {
    throw new CodecError('llc.length', `802.3 length ${length} goes past the end of the frame (${rest.length} octets present)`);
  }
  const control = rest[2] ?? 0;
  if ((control & 0x03) !== 0x03) {
    throw new CodecError('llc.control', `LLC control 0x${control.toString(16)} is an I/S-format PDU; only U-format is supported`);
  }
  return {
    dst: header.dst,
    src: header.src,
    length,
    dsap: rest[0] ?? 0,
    ssap: rest[1] ?? 0,
    control,
    payload: rest.subarray(LLC_HEADER_LENGTH, length),
    vlanTags,
  };
}
