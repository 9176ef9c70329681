import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BROADCAST_MAC, SLOW_PROTOCOLS_MAC, formatMac, isMac, macPlus, parseMac, writeMac } from '../../../../src/engine/codecs';
import { codecErrorOf, hex } from './thrown';

describe('when parsing and formatting MAC addresses (IEEE 802-2014 clause 8)', () => {
  it('parses colon and hyphen forms in either case to the same 6 octets', () => {
    expect(hex(parseMac('00:13:c4:12:0f:0d'))).toBe('0013c4120f0d');
    expect(hex(parseMac('00-13-C4-12-0F-0D'))).toBe('0013c4120f0d');
  });

  it.each(['', '00:13:c4:12:0f', '00:13:c4:12:0f:0d:00', '00:13-c4:12:0f:0d', '0g:13:c4:12:0f:0d', '0013.c412.0f0d', '0:13:c4:12:0f:0dd'])(
    'rejects %j with CodecError mac.parse',
    (s) => {
      expect(codecErrorOf(() => parseMac(s)).code).toBe('mac.parse');
      expect(isMac(s)).toBe(false);
    },
  );

  it('formats lower-case with colons, at an offset', () => {
    const b = Uint8Array.of(0xff, 0x01, 0x80, 0xc2, 0x00, 0x00, 0x02);
    expect(formatMac(b, 1)).toBe(SLOW_PROTOCOLS_MAC);
    expect(formatMac(Uint8Array.of(0xab, 0xcd, 0xef, 0x0a, 0x0b, 0x0c))).toBe('ab:cd:ef:0a:0b:0c');
  });

  it('formatMac rejects fewer than 6 octets with mac.short', () => {
    expect(codecErrorOf(() => formatMac(new Uint8Array(7), 2)).code).toBe('mac.short');
  });

  it('writeMac writes at an offset and leaves neighbours alone, also on repeated (cached) calls', () => {
    const buf = new Uint8Array(8).fill(0xee);
    writeMac(buf, 1, BROADCAST_MAC);
    writeMac(buf, 1, BROADCAST_MAC);
    expect(hex(buf)).toBe('eeffffffffffffee');
    writeMac(buf, 2, '00-00-5E-00-01-2A');
    expect(hex(buf)).toBe('eeff00005e00012a');
    expect(codecErrorOf(() => writeMac(buf, 3, BROADCAST_MAC)).code).toBe('mac.short');
    expect(codecErrorOf(() => writeMac(buf, 0, 'nope')).code).toBe('mac.parse');
  });

  it('format(parse(x)) is the identity on canonical addresses (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (b) => {
        const s = formatMac(b);
        expect(s).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
        expect(isMac(s)).toBe(true);
        expect(hex(parseMac(s))).toBe(hex(b));
      }),
    );
  });
});

describe('when offsetting a MAC address with macPlus', () => {
  it('adds with carry across octets', () => {
    expect(macPlus('00:13:c4:12:0f:00', 13)).toBe('00:13:c4:12:0f:0d');
    expect(macPlus('00:00:00:00:00:ff', 1)).toBe('00:00:00:00:01:00');
    expect(macPlus('02:00:00:ff:ff:ff', 2)).toBe('02:00:01:00:00:01');
  });

  it('wraps modulo 2^48 in both directions', () => {
    expect(macPlus(BROADCAST_MAC, 1)).toBe('00:00:00:00:00:00');
    expect(macPlus('00:00:00:00:00:00', -1)).toBe(BROADCAST_MAC);
    expect(macPlus('00:00:00:00:00:05', 2 ** 48)).toBe('00:00:00:00:00:05');
  });

  it('rejects a non-integer step with mac.range', () => {
    expect(codecErrorOf(() => macPlus(BROADCAST_MAC, 0.5)).code).toBe('mac.range');
  });
});
