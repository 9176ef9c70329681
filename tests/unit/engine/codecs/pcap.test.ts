import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PcapRecord } from '../../../../src/engine/codecs';
import { PcapWriter, decodePcap, encodePcap } from '../../../../src/engine/codecs';
import { codecErrorOf, fromHex, hex } from './thrown';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/captures/${name}`, import.meta.url)));

/** Builds a pcap file by hand: given magic, byte order, and (sec, frac, data) records. */
function handBuilt(magic: number, littleEndian: boolean, linkType: number, recs: [number, number, Uint8Array][]): Uint8Array {
  const size = 24 + recs.reduce((n, [, , d]) => n + 16 + d.length, 0);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, magic, littleEndian);
  dv.setUint16(4, 2, littleEndian);
  dv.setUint16(6, 4, littleEndian);
  dv.setUint32(16, 65535, littleEndian);
  dv.setUint32(20, linkType, littleEndian);
  let o = 24;
  for (const [sec, frac, d] of recs) {
    dv.setUint32(o, sec, littleEndian);
    dv.setUint32(o + 4, frac, littleEndian);
    dv.setUint32(o + 8, d.length, littleEndian);
    dv.setUint32(o + 12, d.length, littleEndian);
    out.set(d, o + 16);
    o += 16 + d.length;
  }
  return out;
}

describe('when writing a classic pcap file (pcap-savefile(5), draft-ietf-opsawg-pcap 4-5)', () => {
  it('writes the 24-byte little-endian header: magic a1b2c3d4, v2.4, snaplen 65535, linktype 1', () => {
    expect(hex(encodePcap([]))).toBe('d4c3b2a1' + '02000400' + '00000000' + '00000000' + 'ffff0000' + '01000000');
  });

  it('writes a non-default link type', () => {
    expect(hex(encodePcap([], 113).subarray(20))).toBe('71000000');
  });

  it('splits timeUs into ts_sec / ts_usec and writes incl_len = orig_len', () => {
    const bytes = encodePcap([{ timeUs: 1258257730267147, data: fromHex('aabbcc') }]);
    // ts_sec 1258257730 = 0x4aff7d42, ts_usec 267147 = 0x0004138b, lengths 3
    expect(hex(bytes.subarray(24))).toBe('427dff4a' + '8b130400' + '03000000' + '03000000' + 'aabbcc');
  });

  it('round-trips records with µs timestamps, including second boundaries', () => {
    const records: PcapRecord[] = [
      { timeUs: 0, data: new Uint8Array(0) },
      { timeUs: 999_999, data: fromHex('01') },
      { timeUs: 1_000_000, data: fromHex('0203') },
      { timeUs: 1258257730267147, data: new Uint8Array(124).fill(7) },
    ];
    expect(decodePcap(encodePcap(records))).toEqual({ linkType: 1, records });
  });

  it('PcapWriter streams the same bytes as encodePcap, grows past its initial buffer, and toBytes is a snapshot', () => {
    const big = new Uint8Array(3000).map((_, i) => i & 0xff);
    const recs: PcapRecord[] = [1, 2, 3].map((i) => ({ timeUs: i * 1_500_000, data: big.subarray(0, 1000 * i) }));
    const w = new PcapWriter();
    const first = recs[0];
    if (first === undefined) throw new Error('unreachable');
    w.add(first);
    const snapshot = w.toBytes();
    for (const r of recs.slice(1)) w.add(r);
    expect(hex(w.toBytes())).toBe(hex(encodePcap(recs)));
    expect(snapshot.length).toBe(24 + 16 + 1000);
    expect(decodePcap(snapshot).records).toEqual([first]);
  });

  it('rejects negative, fractional or too-large timestamps with pcap.time', () => {
    for (const timeUs of [-1, 1.5, 2 ** 32 * 1e6]) {
      expect(codecErrorOf(() => encodePcap([{ timeUs, data: new Uint8Array(1) }])).code).toBe('pcap.time');
    }
  });

  it('round-trips arbitrary records (property)', () => {
    const rec = fc.record({
      timeUs: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).filter((t) => t < 0xffffffff * 1e6),
      data: fc.uint8Array({ maxLength: 200 }),
    });
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 20 }), fc.integer({ min: 0, max: 0xffff }), (records, linkType) => {
        expect(decodePcap(encodePcap(records, linkType))).toEqual({ linkType, records });
      }),
    );
  });
});

describe('when reading pcap files in other byte orders and resolutions (pcap-savefile(5))', () => {
  it('reads a big-endian (swapped magic) header and records', () => {
    const bytes = handBuilt(0xa1b2c3d4, false, 1, [[1258257730, 267147, fromHex('0102')]]);
    expect(hex(bytes.subarray(0, 4))).toBe('a1b2c3d4');
    expect(decodePcap(bytes)).toEqual({ linkType: 1, records: [{ timeUs: 1258257730267147, data: fromHex('0102') }] });
  });

  it('reads tcpdump slow-ossp.pcap, a real big-endian file (Wireshark: epoch 1758639600.000000)', () => {
    const { linkType, records } = decodePcap(fixture('slow-ossp.pcap'));
    expect(linkType).toBe(1);
    expect(records.map((r) => [r.timeUs, r.data.length])).toEqual([[1758639600000000, 66]]);
  });

  it('converts nanosecond-magic (a1b23c4d) timestamps to µs, both byte orders, truncating sub-µs', () => {
    for (const le of [true, false]) {
      const bytes = handBuilt(0xa1b23c4d, le, 1, [[1, 123_456_789, fromHex('ff')], [2, 999_999_999, fromHex('ee')]]);
      expect(decodePcap(bytes).records.map((r) => r.timeUs)).toEqual([1_123_456, 2_999_999]);
    }
  });

  it('reads the link type from the low 16 bits', () => {
    expect(decodePcap(handBuilt(0xa1b2c3d4, true, 0x1000_0001, [])).linkType).toBe(1);
  });
});

describe('when reading a damaged pcap file', () => {
  const lacp = fixture('LACP.pcap');

  it('rejects a header shorter than 24 bytes with pcap.truncated', () => {
    expect(codecErrorOf(() => decodePcap(lacp.subarray(0, 23))).code).toBe('pcap.truncated');
  });

  it('rejects a cut record header and a cut record body with pcap.truncated', () => {
    expect(codecErrorOf(() => decodePcap(lacp.subarray(0, 24 + 10))).code).toBe('pcap.truncated');
    const err = codecErrorOf(() => decodePcap(lacp.subarray(0, lacp.length - 1)));
    expect(err.code).toBe('pcap.truncated');
    expect(err.message).toMatch(/^record 20: 124 bytes announced/);
  });

  it('accepts a header-only file as zero records', () => {
    expect(decodePcap(lacp.subarray(0, 24))).toEqual({ linkType: 1, records: [] });
  });

  it('rejects an unknown magic (e.g. pcapng) with pcap.magic', () => {
    const pcapng = fromHex('0a0d0d0a 1c000000 4d3c2b1a 01000000 ffffffffffffffff 1c000000');
    expect(codecErrorOf(() => decodePcap(pcapng)).code).toBe('pcap.magic');
  });
});
