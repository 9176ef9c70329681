import { describe, expect, it } from 'vitest';
import { CodecError } from '../../../../src/engine/codecs/errors';
import {
  decodeIcmp,
  decodeIcmpFrame,
  encodeIcmpEcho,
  encodeIcmpEchoFrame,
  encodeIcmpTimeExceeded,
  ICMP_ECHO_REPLY,
  ICMP_ECHO_REQUEST,
  ICMP_TIME_EXCEEDED,
} from '../../../../src/engine/codecs/icmp';
import { decodeIpv4Frame, encodeUdpFrame, encodeUdpPacket, forwardIpv4Frame, internetChecksum } from '../../../../src/engine/codecs/ipv4';

const WINDOWS_PING_DATA = new TextEncoder().encode('abcdefghijklmnopqrstuvwabcdefghi');

describe('when an ICMP Echo is encoded (RFC 792)', () => {
  it('gives the checksum Windows ping sends for id 1, seq 1 (0x4d5a) and the fields in wire order', () => {
    const msg = encodeIcmpEcho({ type: ICMP_ECHO_REQUEST, id: 1, seq: 1, data: WINDOWS_PING_DATA });
    expect([...msg.subarray(0, 8)]).toEqual([8, 0, 0x4d, 0x5a, 0, 1, 0, 1]);
    expect(internetChecksum(msg, 0, msg.length)).toBe(0);
  });

  it('round-trips through Ethernet and IPv4 (protocol 1) and the reply keeps identifier, sequence and data', () => {
    const frame = encodeIcmpEchoFrame('02:00:00:00:00:01', '02:00:00:00:00:02', { src: '10.0.0.10', dst: '198.51.100.1', id: 9 }, { type: ICMP_ECHO_REQUEST, id: 0x1234, seq: 7, data: WINDOWS_PING_DATA });
    const d = decodeIcmpFrame(frame);
    expect(d.ip).toMatchObject({ src: '10.0.0.10', dst: '198.51.100.1', protocol: 1, ttl: 64 });
    expect(d.icmp.echo).toMatchObject({ type: ICMP_ECHO_REQUEST, id: 0x1234, seq: 7 });
    expect([...(d.icmp.echo?.data ?? [])]).toEqual([...WINDOWS_PING_DATA]);
    const reply = decodeIcmp(encodeIcmpEcho({ ...(d.icmp.echo ?? { id: 0, seq: 0, data: new Uint8Array() }), type: ICMP_ECHO_REPLY }));
    expect(reply.echo).toMatchObject({ type: ICMP_ECHO_REPLY, id: 0x1234, seq: 7 });
  });

  it('rejects a wrong checksum and a message shorter than 8 octets', () => {
    const msg = encodeIcmpEcho({ type: ICMP_ECHO_REQUEST, id: 1, seq: 1, data: WINDOWS_PING_DATA });
    msg[10] = (msg[10] ?? 0) ^ 0xff;
    expect(() => decodeIcmp(msg)).toThrow(CodecError);
    expect(() => decodeIcmp(msg.subarray(0, 6))).toThrow(/too short/);
  });

  it('Time Exceeded quotes the original IP header and its first 64 bits of data (RFC 792)', () => {
    const original = encodeUdpPacket({ src: '10.0.0.10', dst: '198.51.100.1', ttl: 1 }, { srcPort: 1000, dstPort: 2000 }, 32);
    const msg = decodeIcmp(encodeIcmpTimeExceeded(original));
    expect(msg).toMatchObject({ type: ICMP_TIME_EXCEEDED, code: 0 });
    expect([...msg.rest.subarray(4)]).toEqual([...original.subarray(0, 28)]);
  });
});

describe('when a router forwards a frame (RFC 1812 §5.3.1, RFC 791 TTL)', () => {
  it('rewrites both MACs, decrements the TTL by one and leaves a valid header checksum', () => {
    const frame = encodeUdpFrame('02:00:00:00:00:01', '02:00:00:00:00:02', { src: '10.0.0.10', dst: '198.51.100.1', ttl: 64, id: 3 }, { srcPort: 1, dstPort: 2 }, 10);
    const out = forwardIpv4Frame(frame, '02:00:00:00:aa:01', '02:00:00:00:bb:02');
    const d = decodeIpv4Frame(out);
    expect(d).toMatchObject({ src: '02:00:00:00:aa:01', dst: '02:00:00:00:bb:02', ip: { ttl: 63, id: 3, src: '10.0.0.10', dst: '198.51.100.1' } });
    expect(internetChecksum(out, 14, 20)).toBe(0);
    expect(decodeIpv4Frame(frame).ip.ttl).toBe(64);
  });
});
