import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PcapRecord, VrrpFrame } from '../../../../src/engine/codecs';
import { CodecError, LINKTYPE_ETHERNET, decodePcap, decodeVrrp, decodeVrrpFrame, decodeVrrpPacket, encodeVrrpFrame, encodeVrrpPacket } from '../../../../src/engine/codecs';
import { hex, strictBytes } from './thrown';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/captures/${name}`, import.meta.url)));
const pcap = (name: string) => decodePcap(fixture(name));


/** Runs `fn` on checked bytes; returns the CodecError's code, rethrows anything else (a crash fails the test). */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof CodecError) return e.code;
    throw e;
  }
  return 'decoded';
}

const only = (recs: PcapRecord[]): PcapRecord => {
  const [r] = recs;
  if (r === undefined || recs.length !== 1) throw new Error(`expected exactly one record, got ${recs.length}`);
  return r;
};

/** Re-encodes a decoded VRRPv3/IPv4 frame with the header values it was received with. */
function reencode(f: VrrpFrame): Uint8Array {
  if (f.ip.family !== 'ipv4' || f.vrrp.version !== 3) throw new Error('not VRRPv3 over IPv4');
  const { src, dst, ttl, tos, id, dontFragment } = f.ip;
  return encodeVrrpFrame(f.vrrp, { src, dst, ttl, tos, id, dontFragment, checksumForm: f.vrrp.checksumForm }, f.src);
}

/* Expected values copied by hand from Wireshark 4.0.17 (/work/shared/captures/tshark-V/<source>/<file>.tshark-V.txt). */
describe('when decoding the PcapPlusPlus VRRP fixtures (RFC 5798 §5.1–5.2, RFC 3768 §5.3)', () => {
  it('VRRP-V3-IPv4.pcap: vrid 1, priority 100, Adver Int 1 cs, 192.168.0.1-2 from 192.168.0.30; checksum 0x484d verifies with the IPv4 pseudo-header (§5.2.8)', () => {
    const r = only(pcap('pcapplusplus-VRRP-V3-IPv4.pcap').records);
    expect(r.data.length).toBe(50);
    expect(decodeVrrpFrame(strictBytes(r.data))).toEqual({
      dst: '01:00:5e:00:00:12',
      src: '00:00:5e:00:01:01',
      vlanTags: [],
      ip: { family: 'ipv4', src: '192.168.0.30', dst: '224.0.0.18', ttl: 255, tos: 0, id: 0, dontFragment: false },
      vrrp: { version: 3, vrid: 1, priority: 100, maxAdverIntCs: 1, addresses: ['192.168.0.1', '192.168.0.2'], reserved: 0, checksum: 0x484d, checksumForm: 'pseudoHeader' },
    });
  });

  it('re-encodes VRRP-V3-IPv4.pcap byte for byte: the IP packet exactly, the frame as the capture plus zero padding to 60 octets', () => {
    const r = only(pcap('pcapplusplus-VRRP-V3-IPv4.pcap').records);
    const f = decodeVrrpFrame(r.data);
    if (f.ip.family !== 'ipv4' || f.vrrp.version !== 3) throw new Error('unexpected decode');
    const { src, dst, tos, id } = f.ip;
    expect(hex(encodeVrrpPacket(f.vrrp, { src, dst, tos, id }))).toBe(hex(r.data.subarray(14)));
    const padded = new Uint8Array(60);
    padded.set(r.data);
    expect(hex(reencode(f))).toBe(hex(padded));
  });

  it('VRRP-V2.pcap: VRRPv2 vrid 1, priority 100, auth type 0, Adver Int 1 s, three addresses, checksum 0x38fa over the message only; Authentication Data left out by the sender', () => {
    const r = only(pcap('pcapplusplus-VRRP-V2.pcap').records);
    expect(decodeVrrpFrame(strictBytes(r.data)).vrrp).toEqual({
      version: 2, vrid: 1, priority: 100, authType: 0, adverIntS: 1, checksum: 0x38fa,
      addresses: ['192.168.0.1', '192.168.0.2', '192.168.0.3'], authData: null,
    });
  });

  it('VRRP-V3-IPv6.pcap: fe80::1 → ff02::12, hop limit 255, addresses fe80::254, 2001:db8::1, 2001:db8::2 (RFC 5952 text), checksum 0x1071 with the IPv6 pseudo-header', () => {
    const r = only(pcap('pcapplusplus-VRRP-V3-IPv6.pcap').records);
    const f = decodeVrrpFrame(strictBytes(r.data));
    expect(f.ip).toEqual({ family: 'ipv6', src: 'fe80::1', dst: 'ff02::12', hopLimit: 255, trafficClass: 0, flowLabel: 0 });
    expect(f.vrrp).toEqual({ version: 3, vrid: 1, priority: 100, maxAdverIntCs: 1, addresses: ['fe80::254', '2001:db8::1', '2001:db8::2'], reserved: 0, checksum: 0x1071, checksumForm: 'pseudoHeader' });
  });
});

/**
 * Frames per (version, family, vrid, source, priority, interval), counted from tcpdump's own
 * decoding /work/shared/captures/tcpdump/vrrp-v.out (165 frames). Routers 10.0.0.91–97 use priority
 * 191–197; the IPv6 sources are their link-local addresses.
 */
const IPV6_SENDERS: [src: string, priority: number, frames: number][] = [
  ['fe80::d6ca:6dff:fe66:cf60', 191, 3], ['fe80::d6ca:6dff:fe72:b1da', 192, 3], ['fe80::d6ca:6dff:fe66:cf65', 193, 4],
  ['fe80::d6ca:6dff:fe65:d45c', 194, 5], ['fe80::d6ca:6dff:fe65:d46b', 195, 4], ['fe80::d6ca:6dff:fe72:b1e4', 196, 5],
  ['fe80::20c:42ff:fe5e:c2dc', 197, 8],
];
const VRRP_PCAP_SUMMARY: Record<string, number> = {
  ...Object.fromEntries([3, 3, 4, 5, 4, 5, 10].flatMap((n, i) => [
    [`v2 ipv4 42 10.0.0.9${i + 1} ${191 + i} 10s`, n],
    [`v2 ipv4 43 10.0.0.9${i + 1} ${191 + i} 10s`, n],
  ])),
  ...Object.fromEntries([3, 3, 4, 5, 4, 5, 9].map((n, i) => [`v3 ipv4 44 10.0.0.9${i + 1} ${191 + i} 1000cs`, n])),
  ...Object.fromEntries(IPV6_SENDERS.flatMap(([src, prio, n]) => [45, 46].map((vrid) => [`v3 ipv6 ${vrid} ${src} ${prio} 1000cs`, n]))),
};

function summaryKey(f: VrrpFrame): string {
  const interval = f.vrrp.version === 2 ? `${f.vrrp.adverIntS}s` : `${f.vrrp.maxAdverIntCs}cs`;
  return `v${f.vrrp.version} ${f.ip.family} ${f.vrrp.vrid} ${f.ip.src} ${f.vrrp.priority} ${interval}`;
}

describe('when decoding tcpdump vrrp.pcap (VRRPv2 vrid 42/43, VRRPv3 over IPv4 vrid 44, over IPv6 vrid 45/46)', () => {
  const { linkType, records } = pcap('tcpdump-vrrp.pcap');
  const frames = records.map((r) => decodeVrrpFrame(strictBytes(r.data)));

  it('decodes all 165 frames, and per version / family / VRID / sender / priority / interval the counts are tcpdump\'s (RFC 5798 §7.1 checks pass on every one)', () => {
    expect(linkType).toBe(LINKTYPE_ETHERNET);
    expect(frames).toHaveLength(165);
    const counts: Record<string, number> = {};
    for (const f of frames) counts[summaryKey(f)] = (counts[summaryKey(f)] ?? 0) + 1;
    expect(counts).toEqual(VRRP_PCAP_SUMMARY);
  });

  it('frames 1–3 match Wireshark field by field: v2 simple-text auth "abcdefgh", v2 no auth, v3 1000 cs', () => {
    expect(frames[0]?.vrrp).toEqual({
      version: 2, vrid: 42, priority: 191, authType: 1, adverIntS: 10, checksum: 0xf11f,
      addresses: ['10.4.42.1', '10.4.42.2', '10.4.42.3'], authData: new TextEncoder().encode('abcdefgh'),
    });
    expect(frames[1]?.vrrp).toEqual({ version: 2, vrid: 43, priority: 191, authType: 0, adverIntS: 10, checksum: 0xea2e, addresses: ['10.4.43.150'], authData: new Uint8Array(8) });
    expect(frames[2]).toEqual({
      dst: '01:00:5e:00:00:12', src: '00:00:5e:00:01:2c', vlanTags: [],
      ip: { family: 'ipv4', src: '10.0.0.91', dst: '224.0.0.18', ttl: 255, tos: 0, id: 0x1234, dontFragment: false },
      vrrp: { version: 3, vrid: 44, priority: 191, maxAdverIntCs: 1000, addresses: ['10.4.44.100', '10.4.44.200'], reserved: 0, checksum: 0xb3c6, checksumForm: 'pseudoHeader' },
    });
  });

  it('every VRRPv3 checksum verifies with the pseudo-header (IPv4 as FRR/keepalived send it, IPv6 as RFC 5798 §5.2.8 says)', () => {
    const v3 = frames.filter((f) => f.vrrp.version === 3);
    expect(v3).toHaveLength(97);
    expect(v3.every((f) => f.vrrp.version === 3 && f.vrrp.checksumForm === 'pseudoHeader')).toBe(true);
  });

  it('re-encodes every VRRPv3-over-IPv4 frame byte for byte, checksums and padding included', () => {
    const v3v4 = records.filter((_, i) => frames[i]?.ip.family === 'ipv4' && frames[i]?.vrrp.version === 3);
    expect(v3v4).toHaveLength(33);
    for (const r of v3v4) expect(hex(reencode(decodeVrrpFrame(r.data)))).toBe(hex(r.data));
  });

  it('prints IPv6 addresses in RFC 5952 form, as tcpdump does (frame 7: vrid 46, five addresses)', () => {
    expect(frames[6]?.vrrp.addresses).toEqual(['fe80::200:5eff:fe00:22e', '2001::eeff:a', '2001::eeff:b', '2001::eeff:c', '2001::eeff:d']);
    expect(frames[6]?.src).toBe('00:00:5e:00:02:2e');
  });
});

describe('when decoding tcpdump\'s malformed VRRP reproducers (no crash, a CodecError each)', () => {
  it('vrrp-vrrp_print-oobr-2.pcap: each of the 10 cut or fuzzed frames is rejected, never read out of bounds', () => {
    const { records } = pcap('tcpdump-malformed-vrrp-vrrp_print-oobr-2.pcap');
    expect(records).toHaveLength(10);
    // Every IPv4 header checksum is wrong (tcpdump: "bad cksum"), so the IPv4 layer rejects them first.
    expect(records.map((r) => codeOf(() => decodeVrrpFrame(strictBytes(r.data))))).toEqual(Array<string>(10).fill('ipv4.checksum'));
  });

  it('vrrp-vrrp_print-oobr-2.pcap: their VRRP parts alone are rejected too (TTL aside): cut address lists, zero counts, version 15', () => {
    const { records } = pcap('tcpdump-malformed-vrrp-vrrp_print-oobr-2.pcap');
    const codes = records.map((r) => {
      const ip = r.data.subarray(14);
      const ihl = ((ip[0] ?? 0) & 0x0f) * 4;
      const total = Math.min(((ip[2] ?? 0) << 8) | (ip[3] ?? 0), ip.length);
      return codeOf(() => decodeVrrp(strictBytes(ip.subarray(ihl, total))));
    });
    expect(codes).toEqual(['vrrp.length', 'vrrp.length', 'vrrp.length', 'vrrp.length', 'vrrp.count', 'vrrp.length', 'vrrp.length', 'vrrp.short', 'vrrp.count', 'vrrp.version']);
  });

  it('vrrp-vrrp_print-oobr.pcap (Frame Relay, link type 107): the IPv4 packets after the 5-octet Q.922 + type header are rejected', () => {
    const { linkType, records } = pcap('tcpdump-malformed-vrrp-vrrp_print-oobr.pcap');
    expect(linkType).toBe(107);
    expect(records).toHaveLength(3);
    for (const r of records) {
      expect(hex(r.data.subarray(3, 5))).toBe('0800');
      expect(codeOf(() => decodeVrrpPacket(strictBytes(r.data.subarray(5))))).toMatch(/^ipv4\./);
    }
  });
});
