import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArpPacket } from '../../../../src/engine/codecs';
import {
  ARP_FIELDS,
  ARP_LENGTH,
  CodecError,
  decodeArp,
  decodeArpFrame,
  encodeArp,
  encodeArpFrame,
  encodeEthernet,
  formatIpv4,
  formatMac,
  gratuitousArp,
  gratuitousArpFrame,
  isGratuitous,
  isIpv4,
  networkAddress,
  parseCidr,
  parseIpv4,
  prefixToMask,
  readIpv4,
  sameSubnet,
  writeArp,
  writeIpv4,
} from '../../../../src/engine/codecs';
import { codecErrorOf, fromHex, hex } from './thrown';

/** An ARP reply with a distinct value in every field, and its 28 bytes written out by hand per RFC 826. */
const REPLY: ArpPacket = {
  op: 2,
  senderMac: '02:00:00:00:00:01',
  senderIp: '192.168.1.254',
  targetMac: '0a:0b:0c:0d:0e:0f',
  targetIp: '10.0.0.7',
};
const REPLY_BYTES = fromHex('0001 0800 06 04 0002 020000000001 c0a801fe 0a0b0c0d0e0f 0a000007');

const FIELD_HEX: Record<string, string> = {
  htype: '0001', ptype: '0800', hlen: '06', plen: '04', op: '0002',
  sha: '020000000001', spa: 'c0a801fe', tha: '0a0b0c0d0e0f', tpa: '0a000007',
};

describe('when laying out an ARP packet (RFC 826)', () => {
  it('is 28 octets and ARP_FIELDS is contiguous 0..28 with every field once', () => {
    expect(ARP_LENGTH).toBe(28);
    expect(REPLY_BYTES.length).toBe(28);
    let next = 0;
    for (const fd of ARP_FIELDS) {
      expect(fd.offset, fd.name).toBe(next);
      next += fd.length;
    }
    expect(next).toBe(28);
    expect(ARP_FIELDS.map((fd) => fd.name)).toEqual(Object.keys(FIELD_HEX));
  });

  it.each(ARP_FIELDS.map((fd) => [fd.name, fd] as const))('field %s slices the hand-built buffer to its value', (name, fd) => {
    expect(hex(REPLY_BYTES.subarray(fd.offset, fd.offset + fd.length))).toBe(FIELD_HEX[name]);
  });

  it('encodes and decodes the fixed reply to/from the hand-built bytes', () => {
    expect(hex(encodeArp(REPLY))).toBe(hex(REPLY_BYTES));
    expect(decodeArp(REPLY_BYTES)).toEqual(REPLY);
  });

  it('writeArp writes at an offset and refuses to overflow', () => {
    const buf = new Uint8Array(30);
    writeArp(buf, 2, REPLY);
    expect(hex(buf.subarray(2))).toBe(hex(REPLY_BYTES));
    expect(codecErrorOf(() => writeArp(buf, 3, REPLY)).code).toBe('arp.short');
  });

  it('frames it as DA, SA, 0x0806, ARP, zero padding to 60 octets', () => {
    const frame = encodeArpFrame('02:00:00:00:00:01', '0a:0b:0c:0d:0e:0f', REPLY);
    expect(frame.length).toBe(60);
    expect(hex(frame)).toBe('0a0b0c0d0e0f' + '020000000001' + '0806' + hex(REPLY_BYTES) + '00'.repeat(18));
    expect(decodeArpFrame(frame)).toEqual({ dst: '0a:0b:0c:0d:0e:0f', src: '02:00:00:00:00:01', vlanTags: [], arp: REPLY });
  });

  it('decodes through 802.1Q and 802.1ad tags and ignores a non-zero trailer', () => {
    const tagged = fromHex('ffffffffffff 020000000001 88a8 0064 8100 a00a 0806' + hex(REPLY_BYTES) + 'deadbeef');
    expect(decodeArpFrame(tagged)).toEqual({ dst: 'ff:ff:ff:ff:ff:ff', src: '02:00:00:00:00:01', vlanTags: [100, 10], arp: REPLY });
  });
});

describe('when building gratuitous ARP (RFC 5227 2.3 ARP Announcement)', () => {
  it('gratuitousArp is a request with SPA = TPA and a zero THA', () => {
    expect(gratuitousArp('00:00:5e:00:01:0a', '10.0.0.1')).toEqual({
      op: 1, senderMac: '00:00:5e:00:01:0a', senderIp: '10.0.0.1', targetMac: '00:00:00:00:00:00', targetIp: '10.0.0.1',
    });
  });

  it('gratuitousArpFrame is broadcast from the announced MAC, byte for byte', () => {
    expect(hex(gratuitousArpFrame('00:00:5e:00:01:0a', '10.0.0.1'))).toBe(
      'ffffffffffff 00005e00010a 0806 0001 0800 06 04 0001 00005e00010a 0a000001 000000000000 0a000001'.replace(/ /g, '') + '00'.repeat(18),
    );
  });

  it.each([
    ['an announcement (request form)', gratuitousArp('02:00:00:00:00:01', '10.0.0.1'), true],
    ['the reply form', { ...gratuitousArp('02:00:00:00:00:01', '10.0.0.1'), op: 2 as const }, true],
    ['an ordinary request', { ...REPLY, op: 1 as const }, false],
    ['an ordinary reply', REPLY, false],
    ['an RFC 5227 probe (SPA 0.0.0.0)', { op: 1 as const, senderMac: '02:00:00:00:00:01', senderIp: '0.0.0.0', targetMac: '00:00:00:00:00:00', targetIp: '10.0.0.1' }, false],
  ])('isGratuitous(%s) is %s', (_what, arp, expected) => {
    expect(isGratuitous(arp)).toBe(expected);
  });
});

describe('when decoding invalid ARP (RFC 826; only Ethernet/IPv4 is accepted)', () => {
  const mutate = (offset: number, value: number) => {
    const b = REPLY_BYTES.slice();
    b[offset] = value;
    return b;
  };

  it.each([
    ['hardware type 6 (IEEE 802)', mutate(1, 6), 'arp.htype'],
    ['protocol type 0x86dd', (() => { const b = mutate(2, 0x86); b[3] = 0xdd; return b; })(), 'arp.ptype'],
    ['hardware length 255', mutate(4, 255), 'arp.hlen'],
    ['protocol length 16', mutate(5, 16), 'arp.plen'],
    ['opcode 3 (RARP request)', mutate(7, 3), 'arp.op'],
    ['opcode 0', mutate(7, 0), 'arp.op'],
    ['27 octets', REPLY_BYTES.subarray(0, 27), 'arp.short'],
    ['7 octets', REPLY_BYTES.subarray(0, 7), 'arp.short'],
  ] as const)('rejects %s with %s', (_what, bytes, code) => {
    expect(codecErrorOf(() => decodeArp(bytes)).code).toBe(code);
  });

  it('checks hlen before plen, like Zeek (hln=255 and pln=255 -> arp.hlen)', () => {
    const b = mutate(4, 255);
    b[5] = 255;
    expect(codecErrorOf(() => decodeArp(b)).message).toBe('ARP hardware address length 255, expected 6');
  });

  it('decodeArpFrame rejects a non-ARP EtherType with arp.ethertype', () => {
    const frame = encodeEthernet({ dst: 'ff:ff:ff:ff:ff:ff', src: '02:00:00:00:00:01', etherType: 0x0800 }, REPLY_BYTES);
    expect(codecErrorOf(() => decodeArpFrame(frame)).code).toBe('arp.ethertype');
  });

  it('encode rejects a bad opcode, MAC or IP', () => {
    expect(codecErrorOf(() => encodeArp({ ...REPLY, op: 3 as 2 })).code).toBe('arp.op');
    expect(codecErrorOf(() => encodeArp({ ...REPLY, senderMac: 'zz' })).code).toBe('mac.parse');
    expect(codecErrorOf(() => encodeArp({ ...REPLY, targetIp: '10.0.0.256' })).code).toBe('ipv4.parse');
  });
});

describe('when handling IPv4 addresses (RFC 791 3.1; RFC 4632 3.1)', () => {
  it.each([
    ['0.0.0.0', 0], ['10.0.0.1', 0x0a000001], ['192.168.1.254', 0xc0a801fe], ['255.255.255.255', 0xffffffff], ['169.254.67.194', 0xa9fe43c2],
  ])('%s <-> %i', (s, v) => {
    expect(parseIpv4(s)).toBe(v);
    expect(formatIpv4(v)).toBe(s);
    expect(isIpv4(s)).toBe(true);
  });

  it.each(['', '1.2.3', '1.2.3.4.5', '256.0.0.1', '01.2.3.4', '1.2.3.04', '1..2.3', '1.2.3.4.', ' 1.2.3.4', '1.2.3.a', '1.2.3.-4', '1.2.3.1000'])(
    'rejects %j with ipv4.parse',
    (s) => {
      expect(isIpv4(s)).toBe(false);
      expect(codecErrorOf(() => parseIpv4(s)).code).toBe('ipv4.parse');
    },
  );

  it('formatIpv4 rejects non-uint32 values; readIpv4/writeIpv4 use network order and bound-check', () => {
    expect(codecErrorOf(() => formatIpv4(2 ** 32)).code).toBe('ipv4.range');
    expect(codecErrorOf(() => formatIpv4(1.5)).code).toBe('ipv4.range');
    const b = new Uint8Array(5);
    writeIpv4(b, 1, '10.20.30.40');
    expect(hex(b)).toBe('000a141e28');
    expect(readIpv4(b, 1)).toBe('10.20.30.40');
    expect(codecErrorOf(() => readIpv4(b, 2)).code).toBe('ipv4.short');
    expect(codecErrorOf(() => writeIpv4(b, 2, '1.2.3.4')).code).toBe('ipv4.short');
  });

  it('prefix helpers: masks, network address, same subnet', () => {
    expect([0, 1, 8, 24, 31, 32].map(prefixToMask)).toEqual([0, 0x80000000, 0xff000000, 0xffffff00, 0xfffffffe, 0xffffffff]);
    expect(networkAddress('10.0.0.77', 24)).toBe('10.0.0.0');
    expect(networkAddress('172.16.5.4', 12)).toBe('172.16.0.0');
    expect(sameSubnet('10.0.0.1', '10.0.0.254', 24)).toBe(true);
    expect(sameSubnet('10.0.0.1', '10.0.1.1', 24)).toBe(false);
    expect(sameSubnet('10.0.0.1', '10.0.1.1', 23)).toBe(true);
    expect(sameSubnet('1.2.3.4', '200.0.0.1', 0)).toBe(true);
    expect(sameSubnet('10.0.0.1', '10.0.0.2', 32)).toBe(false);
    expect(codecErrorOf(() => prefixToMask(33)).code).toBe('ipv4.prefix');
    expect(codecErrorOf(() => sameSubnet('10.0.0.1', '10.0.0.2', -1)).code).toBe('ipv4.prefix');
  });

  it('parseCidr keeps the host bits and validates the prefix', () => {
    expect(parseCidr('10.0.0.1/24')).toEqual({ address: '10.0.0.1', prefix: 24 });
    expect(parseCidr('0.0.0.0/0')).toEqual({ address: '0.0.0.0', prefix: 0 });
    expect(parseCidr('192.168.1.7/32')).toEqual({ address: '192.168.1.7', prefix: 32 });
    for (const bad of ['10.0.0.1', '10.0.0.1/', '10.0.0.1/33', '10.0.0.1/024', '10.0.0.1/2a', '10.0.0.1/100', '10.0.0.1/-1']) {
      expect(codecErrorOf(() => parseCidr(bad)).code, bad).toBe('ipv4.cidr');
    }
    expect(codecErrorOf(() => parseCidr('10.0.0/24')).code).toBe('ipv4.parse');
  });

  it('formatIpv4(parseIpv4(x)) and parseIpv4(formatIpv4(n)) round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        expect(parseIpv4(formatIpv4(n))).toBe(n);
        expect(isIpv4(formatIpv4(n))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('when round-tripping arbitrary ARP packets (RFC 826)', () => {
  const mac = fc.uint8Array({ minLength: 6, maxLength: 6 }).map((b) => formatMac(b));
  const ip = fc.integer({ min: 0, max: 0xffffffff }).map(formatIpv4);
  const arp: fc.Arbitrary<ArpPacket> = fc.record({
    op: fc.constantFrom(1 as const, 2 as const),
    senderMac: mac,
    senderIp: ip,
    targetMac: mac,
    targetIp: ip,
  });

  it('decode(encode(x)) deep-equals x, directly and through a 60-octet frame', () => {
    fc.assert(
      fc.property(arp, mac, mac, (x, src, dst) => {
        expect(decodeArp(encodeArp(x))).toEqual(x);
        const frame = encodeArpFrame(src, dst, x);
        expect(frame.length).toBe(60);
        expect(decodeArpFrame(frame)).toEqual({ dst, src, vlanTags: [], arp: x });
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary bytes make decodeArp / decodeArpFrame return or throw CodecError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), fc.boolean(), (bytes, asFrame) => {
        const b = asFrame && bytes.length >= 14 ? Uint8Array.from(bytes, (v, i) => (i === 12 ? 8 : i === 13 ? 6 : v)) : bytes;
        try {
          if (asFrame) decodeArpFrame(b);
          else decodeArp(b);
        } catch (e) {
          expect(e).toBeInstanceOf(CodecError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
