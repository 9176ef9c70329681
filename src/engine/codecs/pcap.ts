import { CodecError } from './errors';

/** Classic libpcap magic, microsecond timestamps (pcap-savefile(5); draft-ietf-opsawg-pcap 4). */
export const PCAP_MAGIC_US = 0xa1b2c3d4;
/** Classic libpcap magic, nanosecond timestamps (pcap-savefile(5); draft-ietf-opsawg-pcap 4). */
export const PCAP_MAGIC_NS = 0xa1b23c4d;
/** LINKTYPE_ETHERNET (tcpdump.org link-layer header types; draft-ietf-opsawg-pcaplinktype). */
export const LINKTYPE_ETHERNET = 1;
/** Snapshot length written by {@link encodePcap} / {@link PcapWriter}. */
export const PCAP_SNAPLEN = 65535;

const FILE_HEADER = 24;
const RECORD_HEADER = 16;
const MAX_TIME_US = 0xffffffff * 1_000_000 + 999_999;

/**
 * One captured packet (draft-ietf-opsawg-pcap 5, Packet Record). `timeUs` is integer microseconds since
 * the capture epoch (written as ts_sec = floor(timeUs/1e6), ts_usec = timeUs % 1e6); `data` is the
 * captured bytes (incl_len = orig_len = data.length).
 */
export interface PcapRecord {
  timeUs: number;
  data: Uint8Array;
}

/**
 * Streaming writer of a little-endian classic pcap file, version 2.4, snaplen 65535
 * (draft-ietf-opsawg-pcap 4-5). Bytes accumulate in a growable buffer; {@link toBytes} copies them out.
 */
export class PcapWriter {
  private buf: Uint8Array;
  private dv: DataView;
  private len = 0;

  /** Starts a file with the given link type (default 1 = Ethernet) (draft-ietf-opsawg-pcap 4). */
  constructor(linkType = LINKTYPE_ETHERNET) {
    if (!Number.isInteger(linkType) || linkType < 0 || linkType > 0xffffffff) {
      throw new CodecError('pcap.linktype', `link type out of range: ${linkType}`);
    }
    this.buf = new Uint8Array(4096);
    this.dv = new DataView(this.buf.buffer);
    const dv = this.dv;
    dv.setUint32(0, PCAP_MAGIC_US, true);
    dv.setUint16(4, 2, true);
    dv.setUint16(6, 4, true);
    dv.setInt32(8, 0, true); // thiszone
    dv.setUint32(12, 0, true); // sigfigs
    dv.setUint32(16, PCAP_SNAPLEN, true);
    dv.setUint32(20, linkType, true);
    this.len = FILE_HEADER;
  }

  /**
   * Appends one packet record (draft-ietf-opsawg-pcap 5). Throws CodecError('pcap.time') unless
   * `timeUs` is a non-negative integer whose seconds fit in 32 bits.
   */
  add(rec: PcapRecord): void {
    const t = rec.timeUs;
    if (!Number.isSafeInteger(t) || t < 0 || t > MAX_TIME_US) {
      throw new CodecError('pcap.time', `timeUs must be a non-negative integer below 2^32 s, got ${t}`);
    }
    const need = this.len + RECORD_HEADER + rec.data.length;
    if (need > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < need) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
      this.dv = new DataView(next.buffer);
    }
    const o = this.len;
    this.dv.setUint32(o, Math.floor(t / 1_000_000), true);
    this.dv.setUint32(o + 4, t % 1_000_000, true);
    this.dv.setUint32(o + 8, rec.data.length, true);
    this.dv.setUint32(o + 12, rec.data.length, true);
    this.buf.set(rec.data, o + RECORD_HEADER);
    this.len = need;
  }

  /** The file so far (a copy; the writer can keep adding) (draft-ietf-opsawg-pcap 4-5). */
  toBytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** Encodes records as a complete little-endian classic pcap file (draft-ietf-opsawg-pcap 4-5). */
export function encodePcap(records: readonly PcapRecord[], linkType = LINKTYPE_ETHERNET): Uint8Array {
  const w = new PcapWriter(linkType);
  for (const r of records) w.add(r);
  return w.toBytes();
}

/**
 * Decodes a classic pcap file in either byte order, with µs (0xa1b2c3d4) or ns (0xa1b23c4d) timestamps;
 * ns are truncated to µs (draft-ietf-opsawg-pcap 4-5). `linkType` is the low 16 bits of the LinkType
 * field (the upper bits may carry FCS information). Record `data` are copies.
 * Throws CodecError('pcap.magic') for an unknown magic, CodecError('pcap.truncated') for a cut file.
 */
export function decodePcap(bytes: Uint8Array): { linkType: number; records: PcapRecord[] } {
  if (bytes.length < FILE_HEADER) {
    throw new CodecError('pcap.truncated', `pcap file header truncated: ${bytes.length} of 24 bytes`);
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const m = dv.getUint32(0, true);
  let le: boolean;
  if (m === PCAP_MAGIC_US || m === PCAP_MAGIC_NS) le = true;
  else if (m === 0xd4c3b2a1 || m === 0x4d3cb2a1) le = false;
  else throw new CodecError('pcap.magic', `not a classic pcap file (magic 0x${m.toString(16).padStart(8, '0')})`);
  const magic = dv.getUint32(0, le);
  const nano = magic === PCAP_MAGIC_NS;
  const linkType = dv.getUint32(20, le) & 0xffff;
  const records: PcapRecord[] = [];
  let o = FILE_HEADER;
  while (o < bytes.length) {
    if (o + RECORD_HEADER > bytes.length) {
      throw new CodecError('pcap.truncated', `record ${records.length + 1}: header truncated at offset ${o}`);
    }
    const sec = dv.getUint32(o, le);
    const frac = dv.getUint32(o + 4, le);
    const incl = dv.getUint32(o + 8, le);
    const start = o + RECORD_HEADER;
    if (start + incl > bytes.length) {
      throw new CodecError(
        'pcap.truncated',
        `record ${records.length + 1}: ${incl} bytes announced at offset ${start}, only ${bytes.length - start} left`,
      );
    }
    const timeUs = sec * 1_000_000 + (nano ? Math.floor(frac / 1000) : frac);
    records.push({ timeUs, data: bytes.slice(start, start + incl) });
    o = start + incl;
  }
  return { linkType, records };
}
