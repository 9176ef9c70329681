import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lacpdu } from '../../../../src/engine/codecs';
import {
  LACPDU_FIELDS,
  LACPDU_LENGTH,
  LacpStateBit,
  decodeLacpState,
  decodeLacpdu,
  decodeLacpduFrame,
  encodeEthernet,
  encodeLacpState,
  encodeLacpdu,
  encodeLacpduFrame,
  formatMac,
  lacpStateFlags,
  lacpStateNames,
} from '../../../../src/engine/codecs';
import { codecErrorOf, fromHex, hex } from './thrown';

/** A LACPDU with a distinct value in every field, and its bytes written out by hand per 802.1AX-2008. */
const PDU: Lacpdu = {
  version: 1,
  actor: { systemPriority: 0x1234, system: '02:00:00:00:00:01', key: 0x0a0b, portPriority: 0x00ff, port: 0x0102, state: 0x3d },
  partner: { systemPriority: 0xffff, system: '0a:0b:0c:0d:0e:0f', key: 0x0011, portPriority: 0x8000, port: 0x0007, state: 0x47 },
  collectorMaxDelay: 3000,
};
const HAND_BUILT = fromHex(
  '01 01' + // subtype, version
    '01 14 1234 020000000001 0a0b 00ff 0102 3d 000000' + // actor TLV
    '02 14 ffff 0a0b0c0d0e0f 0011 8000 0007 47 000000' + // partner TLV
    '03 10 0bb8' + '00'.repeat(12) + // collector TLV
    '00 00' + // terminator
    '00'.repeat(50),
);

/** Expected bytes of each field in HAND_BUILT, keyed by LACPDU_FIELDS name. */
const FIELD_HEX: Record<string, string> = {
  subtype: '01', version: '01',
  actor_tlv_type: '01', actor_info_length: '14', actor_system_priority: '1234', actor_system: '020000000001',
  actor_key: '0a0b', actor_port_priority: '00ff', actor_port: '0102', actor_state: '3d', actor_reserved: '000000',
  partner_tlv_type: '02', partner_info_length: '14', partner_system_priority: 'ffff', partner_system: '0a0b0c0d0e0f',
  partner_key: '0011', partner_port_priority: '8000', partner_port: '0007', partner_state: '47', partner_reserved: '000000',
  collector_tlv_type: '03', collector_info_length: '10', collector_max_delay: '0bb8', collector_reserved: '00'.repeat(12),
  terminator_tlv_type: '00', terminator_length: '00', reserved: '00'.repeat(50),
};

describe('when laying out a LACPDU (802.1AX-2008 5.4.2.2)', () => {
  it('hand-built buffer is 110 octets', () => {
    expect(HAND_BUILT.length).toBe(110);
    expect(LACPDU_LENGTH).toBe(110);
  });

  it('LACPDU_FIELDS puts key fields at the clause offsets (5.4.2.2)', () => {
    const at = (name: string) => LACPDU_FIELDS.find((fd) => fd.name === name);
    expect(at('actor_system')).toEqual({ name: 'actor_system', offset: 6, length: 6 });
    expect(at('actor_state')).toEqual({ name: 'actor_state', offset: 18, length: 1 });
    expect(at('partner_tlv_type')).toEqual({ name: 'partner_tlv_type', offset: 22, length: 1 });
    expect(at('partner_system')).toEqual({ name: 'partner_system', offset: 26, length: 6 });
    expect(at('partner_state')).toEqual({ name: 'partner_state', offset: 38, length: 1 });
    expect(at('collector_max_delay')).toEqual({ name: 'collector_max_delay', offset: 44, length: 2 });
    expect(at('terminator_tlv_type')).toEqual({ name: 'terminator_tlv_type', offset: 58, length: 1 });
    expect(at('reserved')).toEqual({ name: 'reserved', offset: 60, length: 50 });
  });

  it('LACPDU_FIELDS is contiguous from 0 to 110 with every named field exactly once', () => {
    let next = 0;
    for (const fd of LACPDU_FIELDS) {
      expect(fd.offset, fd.name).toBe(next);
      next += fd.length;
    }
    expect(next).toBe(110);
    expect(LACPDU_FIELDS.map((fd) => fd.name)).toEqual(Object.keys(FIELD_HEX));
  });

  it.each(LACPDU_FIELDS.map((fd) => [fd.name, fd] as const))('field %s slices the hand-built buffer to its value', (name, fd) => {
    expect(hex(HAND_BUILT.subarray(fd.offset, fd.offset + fd.length))).toBe(FIELD_HEX[name]);
  });

  it('encodes the fixed PDU to exactly the hand-built bytes', () => {
    expect(hex(encodeLacpdu(PDU))).toBe(hex(HAND_BUILT));
  });

  it('decodes the hand-built bytes to the fixed PDU', () => {
    expect(decodeLacpdu(HAND_BUILT)).toEqual(PDU);
  });

  it('round-trips a fixed PDU through a 124-octet frame to 01:80:c2:00:00:02 / 0x8809 (5.4.2.2)', () => {
    const frame = encodeLacpduFrame('00:13:c4:12:0f:0d', PDU);
    expect(frame.length).toBe(124);
    expect(hex(frame.subarray(0, 14))).toBe('0180c20000020013c4120f0d8809');
    expect(decodeLacpduFrame(frame)).toEqual({ src: '00:13:c4:12:0f:0d', dst: '01:80:c2:00:00:02', pdu: PDU });
  });
});

describe('when handling the state octet (802.1AX-2008 5.4.2.2)', () => {
  it('0x3d is activity, aggregation, synchronization, collecting, distributing', () => {
    expect(lacpStateNames(0x3d)).toEqual(['lacpActivity', 'aggregation', 'synchronization', 'collecting', 'distributing']);
    expect(decodeLacpState(0x3d)).toEqual({
      lacpActivity: true, lacpTimeout: false, aggregation: true, synchronization: true,
      collecting: true, distributing: true, defaulted: false, expired: false,
    });
  });

  it('bit masks follow bit 0 = LACP_Activity .. bit 7 = Expired', () => {
    expect(Object.values(LacpStateBit)).toEqual([0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80]);
  });

  it('encodeLacpState builds 0x45 (active, aggregatable, defaulted) and ignores false flags', () => {
    expect(encodeLacpState({ lacpActivity: true, aggregation: true, defaulted: true, expired: false })).toBe(0x45);
    expect(encodeLacpState({})).toBe(0);
  });

  it('decode/encode of every octet value round-trips', () => {
    for (let v = 0; v < 256; v++) expect(encodeLacpState(decodeLacpState(v))).toBe(v);
  });

  it('flag strings match Wireshark: 0x85 -> E****G*A, 0x36 -> **DC*GS*, 0x4d -> *F**SG*A', () => {
    expect(lacpStateFlags(0x85)).toBe('E****G*A');
    expect(lacpStateFlags(0x36)).toBe('**DC*GS*');
    expect(lacpStateFlags(0x4d)).toBe('*F**SG*A');
    expect(lacpStateFlags(0x00)).toBe('********');
    expect(lacpStateFlags(0xff)).toBe('EFDCSGSA');
  });
});

describe('when decoding an invalid LACPDU (802.1AX-2008 5.4.2.2; OVS parse_lacp_packet)', () => {
  const mutate = (offset: number, value: number) => {
    const b = HAND_BUILT.slice();
    b[offset] = value;
    return b;
  };

  it('rejects a Marker PDU (subtype 2) with lacp.subtype', () => {
    const err = codecErrorOf(() => decodeLacpdu(mutate(0, 2)));
    expect(err.code).toBe('lacp.subtype');
    expect(err.message).toMatch(/subtype 2 \(Marker\) is not LACP/);
  });

  it('rejects a 109-octet payload and an empty one with lacp.short', () => {
    expect(codecErrorOf(() => decodeLacpdu(HAND_BUILT.subarray(0, 109))).code).toBe('lacp.short');
    expect(codecErrorOf(() => decodeLacpdu(new Uint8Array(0))).code).toBe('lacp.short');
  });

  it.each([
    ['actor TLV type', 2, 9],
    ['actor info length', 3, 19],
    ['partner TLV type', 22, 1],
    ['partner info length', 23, 21],
  ])('rejects a wrong %s with lacp.tlv', (_what, offset, value) => {
    expect(codecErrorOf(() => decodeLacpdu(mutate(offset, value))).code).toBe('lacp.tlv');
  });

  it('accepts a later version and trailing octets, like Linux/OVS (5.4.2.2)', () => {
    const longer = new Uint8Array(120);
    longer.set(mutate(1, 2));
    expect(decodeLacpdu(longer)).toEqual({ ...PDU, version: 2 });
  });

  it('decodeLacpduFrame rejects a non-Slow-Protocols EtherType with lacp.ethertype', () => {
    const frame = encodeEthernet({ dst: '01:80:c2:00:00:02', src: '00:00:00:00:00:01', etherType: 0x0800 }, HAND_BUILT);
    expect(codecErrorOf(() => decodeLacpduFrame(frame)).code).toBe('lacp.ethertype');
  });

  it('encodeLacpdu rejects out-of-range fields with lacp.range', () => {
    expect(codecErrorOf(() => encodeLacpdu({ ...PDU, collectorMaxDelay: 0x10000 })).code).toBe('lacp.range');
    expect(codecErrorOf(() => encodeLacpdu({ ...PDU, actor: { ...PDU.actor, state: 256 } })).code).toBe('lacp.range');
  });
});

describe('when round-tripping arbitrary LACPDUs (802.1AX-2008 5.4.2.2)', () => {
  const u16 = fc.integer({ min: 0, max: 0xffff });
  const info = fc.record({
    systemPriority: u16,
    system: fc.uint8Array({ minLength: 6, maxLength: 6 }).map((b) => formatMac(b)),
    key: u16,
    portPriority: u16,
    port: u16,
    state: fc.integer({ min: 0, max: 0xff }),
  });
  const pdu: fc.Arbitrary<Lacpdu> = fc.record({
    version: fc.integer({ min: 0, max: 0xff }),
    actor: info,
    partner: info,
    collectorMaxDelay: u16,
  });

  it('decode(encode(x)) deep-equals x and the frame is exactly 124 octets', () => {
    fc.assert(
      fc.property(pdu, fc.uint8Array({ minLength: 6, maxLength: 6 }), (x, srcBytes) => {
        const src = formatMac(srcBytes);
        expect(decodeLacpdu(encodeLacpdu(x))).toEqual(x);
        const frame = encodeLacpduFrame(src, x);
        expect(frame.length).toBe(124);
        expect(decodeLacpduFrame(frame)).toEqual({ src, dst: '01:80:c2:00:00:02', pdu: x });
      }),
      { numRuns: 500 },
    );
  });
});
