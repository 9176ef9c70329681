import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PcapRecord } from '../../../../src/engine/codecs';
import {
  CodecError,
  decodeArp,
  decodeArpFrame,
  decodeEthernet,
  decodePcap,
  encodeArp,
  encodeArpFrame,
  gratuitousArpFrame,
  isGratuitous,
} from '../../../../src/engine/codecs';
import { codecErrorOf, hex, strictBytes } from './thrown';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/captures/${name}`, import.meta.url)));
const records = (name: string) => decodePcap(fixture(name)).records;

/**
 * Minimal little-endian pcapng reader (draft-ietf-opsawg-pcapng 4.1 SHB, 4.3 EPB), enough for
 * tcpdump-eapon1_arp-frames-only.pcap: despite its name that file is pcapng (editcap's default output),
 * which the project's decodePcap does not read. Assumes microsecond timestamps (no if_tsresol option).
 */
function readPcapng(bytes: Uint8Array): PcapRecord[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== 0x0a0d0d0a || dv.getUint32(8, true) !== 0x1a2b3c4d) throw new Error('not a little-endian pcapng file');
  const out: PcapRecord[] = [];
  for (let o = 0; o + 12 <= bytes.length; ) {
    const type = dv.getUint32(o, true);
    const len = dv.getUint32(o + 4, true);
    if (type === 6) {
      const timeUs = dv.getUint32(o + 12, true) * 2 ** 32 + dv.getUint32(o + 16, true);
      const caplen = dv.getUint32(o + 20, true);
      out.push({ timeUs, data: bytes.slice(o + 28, o + 28 + caplen) });
    }
    o += len;
  }
  return out;
}


/** decodeArpFrame on a bounds-checked view; the CodecError is returned, anything else rethrown. */
function decodeStrict(frame: Uint8Array): ReturnType<typeof decodeArpFrame> | CodecError {
  try {
    return decodeArpFrame(strictBytes(frame));
  } catch (e) {
    if (e instanceof CodecError) return e;
    throw e;
  }
}

const only = (recs: PcapRecord[]): PcapRecord => {
  const [r] = recs;
  if (r === undefined || recs.length !== 1) throw new Error(`expected exactly one record, got ${recs.length}`);
  return r;
};

/* Expected values copied by hand from Wireshark 4.0.17 (/work/shared/captures/tshark-V/<source>/<file>.tshark-V.txt). */
describe('when decoding PcapPlusPlus ARP fixtures (RFC 826)', () => {
  it('ArpRequestPacket.pcap: unpadded 42-byte who-has 10.0.0.138 tell 10.0.0.1', () => {
    const r = only(records('pcapplusplus-ArpRequestPacket.pcap'));
    expect(r.timeUs).toBe(1411297031825552);
    expect(r.data.length).toBe(42);
    expect(decodeArpFrame(r.data)).toEqual({
      dst: 'ff:ff:ff:ff:ff:ff',
      src: '6c:f0:49:b2:de:6e',
      vlanTags: [],
      arp: { op: 1, senderMac: '6c:f0:49:b2:de:6e', senderIp: '10.0.0.1', targetMac: '00:00:00:00:00:00', targetIp: '10.0.0.138' },
    });
  });

  it('ArpResponsePacket.pcap: 60-byte reply whose 18-byte trailer is not zero ("t from bridge...") is tolerated', () => {
    const r = only(records('pcapplusplus-ArpResponsePacket.pcap'));
    expect(r.timeUs).toBe(1411297031826869);
    expect(hex(decodeEthernet(r.data).payload.subarray(28))).toBe('742066726f6d206272696467650037003d20');
    const d = decodeArpFrame(r.data);
    expect(d).toEqual({
      dst: '6c:f0:49:b2:de:6e',
      src: '30:46:9a:23:fb:fa',
      vlanTags: [],
      arp: { op: 2, senderMac: '30:46:9a:23:fb:fa', senderIp: '10.0.0.138', targetMac: '6c:f0:49:b2:de:6e', targetIp: '10.0.0.1' },
    });
    // Re-encoding gives the same first 42 octets; our padding is zero where the capture's trailer is not.
    expect(hex(encodeArpFrame(d.src, d.dst, d.arp).subarray(0, 42))).toBe(hex(r.data.subarray(0, 42)));
  });

  it('ArpRequestWithVlan.pcap: request inside two 802.1Q tags (VLAN 666 then 200)', () => {
    const r = only(records('ArpRequestWithVlan.pcap'));
    expect(r.data.length).toBe(50);
    expect(decodeArpFrame(r.data)).toEqual({
      dst: 'ff:ff:ff:ff:ff:ff',
      src: 'ca:03:0d:b4:00:1c',
      vlanTags: [666, 200],
      arp: { op: 1, senderMac: 'ca:03:0d:b4:00:1c', senderIp: '192.168.2.200', targetMac: '00:00:00:00:00:00', targetIp: '192.168.2.254' },
    });
  });
});

describe('when decoding zeek arp-who-has.pcap (request + reply; Zeek baseline agrees)', () => {
  const recs = records('zeek-arp-who-has.pcap');

  it('frame 1 is the broadcast who-has 10.0.0.1 tell 10.0.0.2', () => {
    expect(recs[0]?.timeUs).toBe(1461764814520906);
    expect(decodeArpFrame(recs[0]?.data ?? new Uint8Array(0))).toEqual({
      dst: 'ff:ff:ff:ff:ff:ff',
      src: '78:31:c1:c6:3f:c2',
      vlanTags: [],
      arp: { op: 1, senderMac: '78:31:c1:c6:3f:c2', senderIp: '10.0.0.2', targetMac: '00:00:00:00:00:00', targetIp: '10.0.0.1' },
    });
  });

  it('frame 2 is the unicast reply 10.0.0.1 is-at f8:ed:a5:c0:a4:f1 (60 bytes, trailer ...1f0b60ce ignored)', () => {
    expect(recs[1]?.timeUs).toBe(1461764814526359);
    expect(decodeArpFrame(recs[1]?.data ?? new Uint8Array(0))).toEqual({
      dst: '78:31:c1:c6:3f:c2',
      src: 'f8:ed:a5:c0:a4:f1',
      vlanTags: [],
      arp: { op: 2, senderMac: 'f8:ed:a5:c0:a4:f1', senderIp: '10.0.0.1', targetMac: '78:31:c1:c6:3f:c2', targetIp: '10.0.0.2' },
    });
  });

  it('neither frame is gratuitous', () => {
    for (const r of recs) expect(isGratuitous(decodeArpFrame(r.data).arp)).toBe(false);
  });
});

/*
 * tcpdump eapon1_arp-frames-only.pcap (= eapon1.pcap frames 11, 12, 40-42; pcapng). Columns: frame, epoch µs,
 * frame length, Ethernet dst, op, sender MAC, sender IP, target MAC, target IP, Wireshark "[Is gratuitous: True]".
 */
type EaponRow = [number, number, number, string, 1 | 2, string, string, string, string, boolean];
const EAPON: EaponRow[] = [
  [1, 1080055055473290, 42, 'ff:ff:ff:ff:ff:ff', 1, '00:04:23:57:a5:7a', '192.168.1.249', '00:00:00:00:00:00', '192.168.1.1', false],
  [2, 1080055055481559, 60, '00:04:23:57:a5:7a', 2, '00:0d:88:4f:25:91', '192.168.1.1', '00:04:23:57:a5:7a', '192.168.1.249', false],
  [3, 1080055115856823, 42, 'ff:ff:ff:ff:ff:ff', 1, '00:04:23:57:a5:7a', '169.254.67.194', '00:00:00:00:00:00', '169.254.67.194', true],
  [4, 1080055115885105, 42, 'ff:ff:ff:ff:ff:ff', 1, '00:04:23:57:a5:7a', '169.254.67.194', '00:00:00:00:00:00', '169.254.67.194', true],
  [5, 1080055116885304, 42, 'ff:ff:ff:ff:ff:ff', 1, '00:04:23:57:a5:7a', '169.254.67.194', '00:00:00:00:00:00', '169.254.67.194', true],
];

describe('when decoding tcpdump eapon1_arp-frames-only.pcap (gratuitous ARP, RFC 5227 2.3)', () => {
  const file = fixture('tcpdump-eapon1_arp-frames-only.pcap');
  const recs = readPcapng(file);

  it('is pcapng despite the .pcap name, so decodePcap rejects it with pcap.magic', () => {
    expect(codecErrorOf(() => decodePcap(file)).code).toBe('pcap.magic');
    expect(recs).toHaveLength(5);
  });

  it.each(EAPON)('frame %i matches Wireshark', (n, us, len, dst, op, sha, spa, tha, tpa, gratuitous) => {
    const r = recs[n - 1];
    if (r === undefined) throw new Error(`no frame ${n}`);
    expect(r.timeUs).toBe(us);
    expect(r.data.length).toBe(len);
    const d = decodeArpFrame(r.data);
    expect(d).toEqual({ dst, src: sha, vlanTags: [], arp: { op, senderMac: sha, senderIp: spa, targetMac: tha, targetIp: tpa } });
    expect(isGratuitous(d.arp)).toBe(gratuitous);
  });

  it('frames 3-5 are exactly what gratuitousArpFrame builds, apart from the missing padding', () => {
    for (const r of recs.slice(2)) {
      expect(hex(gratuitousArpFrame('00:04:23:57:a5:7a', '169.254.67.194').subarray(0, 42))).toBe(hex(r.data));
    }
  });

  it('re-encoding frames 1-2 reproduces the captured bytes (frame 2 has zero padding)', () => {
    for (const r of recs.slice(0, 2)) {
      const d = decodeArpFrame(r.data);
      expect(hex(encodeArpFrame(d.src, d.dst, d.arp).subarray(0, r.data.length))).toBe(hex(r.data));
      expect(hex(encodeArp(d.arp))).toBe(hex(decodeEthernet(r.data).payload.subarray(0, 28)));
    }
  });
});

describe('when decoding malformed ARP (zeek arp-leak.pcap, tcpdump malformed/arp-too-long-tha.pcap)', () => {
  it('arp-leak.pcap: all 6 frames are rejected; hln=255 -> arp.hlen, pln=255 -> arp.plen, both -> arp.hlen (Zeek bad_arp order)', () => {
    const recs = records('zeek-arp-leak.pcap');
    expect(recs.map((r) => r.data.length)).toEqual([540, 540, 544, 544, 1042, 1042]);
    const codes = recs.map((r) => {
      const d = decodeStrict(r.data);
      return d instanceof CodecError ? d.code : 'decoded';
    });
    expect(codes).toEqual(['arp.hlen', 'arp.hlen', 'arp.plen', 'arp.plen', 'arp.hlen', 'arp.hlen']);
  });

  it('arp-too-long-tha.pcap: 802.1ad-tagged (VLAN 48) ARP with hardware type 12336 and hln 14 is rejected with arp.htype', () => {
    const r = only(records('tcpdump-malformed-arp-too-long-tha.pcap'));
    expect(decodeEthernet(r.data).vlanTags).toEqual([48]);
    const err = decodeStrict(r.data);
    expect(err).toBeInstanceOf(CodecError);
    expect(err instanceof CodecError && err.message).toBe('ARP hardware type 12336 is not Ethernet (1)');
    // With the hardware type fixed the over-long hln still stops it.
    const payload = decodeEthernet(r.data).payload.slice();
    payload[0] = 0;
    payload[1] = 1;
    expect(codecErrorOf(() => decodeArp(payload)).code).toBe('arp.hlen');
  });

  it('every prefix of every frame of every ARP capture decodes or throws CodecError, reading only in bounds', () => {
    const frames = [
      ...['pcapplusplus-ArpRequestPacket.pcap', 'pcapplusplus-ArpResponsePacket.pcap', 'ArpRequestWithVlan.pcap', 'zeek-arp-who-has.pcap',
        'zeek-arp-leak.pcap', 'tcpdump-malformed-arp-too-long-tha.pcap'].flatMap((n) => records(n)),
      ...readPcapng(fixture('tcpdump-eapon1_arp-frames-only.pcap')),
    ];
    const kinds = new Set<string>();
    for (const r of frames) {
      for (let n = 0; n <= r.data.length; n++) {
        const d = decodeStrict(r.data.subarray(0, n));
        kinds.add(d instanceof CodecError ? d.code : 'decoded');
      }
    }
    expect([...kinds].sort()).toEqual(['arp.hlen', 'arp.htype', 'arp.plen', 'arp.short', 'decoded', 'eth.short']);
  });
});
