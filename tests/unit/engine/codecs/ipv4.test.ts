import { describe, expect, it } from 'vitest';
import { CodecError } from '../../../../src/engine/codecs/errors';
import { decodeIpv4, decodeUdpFrame, encodeUdpFrame, encodeUdpPacket, internetChecksum } from '../../../../src/engine/codecs/ipv4';

describe('when IPv4 headers are checksummed (RFC 1071)', () => {
  it('gives 0xb861 for the classic 192.168.0.1 → 192.168.0.199 header', () => {
    const h = Uint8Array.from([0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0, 0, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7]);
    expect(internetChecksum(h, 0, 20)).toBe(0xb861);
  });
});

describe('when a UDP datagram is built (RFC 791, RFC 768)', () => {
  it('round-trips through Ethernet, IPv4 and UDP with a valid header checksum', () => {
    const f = encodeUdpFrame('02:00:00:00:00:01', '02:00:00:00:00:02', { src: '10.0.0.1', dst: '10.0.0.2', id: 7 }, { srcPort: 49152, dstPort: 5001 }, 64);
    expect(f.length).toBe(14 + 20 + 8 + 64);
    const d = decodeUdpFrame(f);
    expect(d).toMatchObject({ src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02', ip: { src: '10.0.0.1', dst: '10.0.0.2', ttl: 64, protocol: 17, id: 7, totalLength: 92 }, udp: { srcPort: 49152, dstPort: 5001, length: 72 } });
    expect(internetChecksum(f, 14, 20)).toBe(0);
  });

  it('rejects a corrupted header checksum and a truncated packet', () => {
    const p = encodeUdpPacket({ src: '10.0.0.1', dst: '10.0.0.2' }, { srcPort: 1, dstPort: 2 }, 0);
    p[8] = 1;
    expect(() => decodeIpv4(p)).toThrow(CodecError);
    expect(() => decodeIpv4(p.subarray(0, 10))).toThrow(/too short/);
  });
});
