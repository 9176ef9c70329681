import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bpdu, ConfigBpdu, RstBpdu } from '../../../../src/engine/codecs';
import {
  BPDU_FIELDS,
  BpduFlagBit,
  BpduPortRole,
  CodecError,
  LLC_FRAME_FIELDS,
  RST_BPDU_FIELDS,
  TCN_BPDU_FIELDS,
  bpduTimeToMs,
  decodeBpdu,
  decodeBpduFrame,
  decodeLlcFrame,
  decodeRstFlags,
  encodeBpdu,
  encodeBpduFrame,
  encodeEthernet,
  encodeLlcFrame,
  encodeRstFlags,
  formatMac,
  joinBridgePriority,
  makePortId,
  msToBpduTime,
  pathCostLong,
  pathCostShort,
  portIdFromRaw,
  splitBridgePriority,
} from '../../../../src/engine/codecs';
import { codecErrorOf, fromHex, hex } from './thrown';

/** A Configuration BPDU with a distinct value in every field, and its bytes written out by hand per 802.1D-2004 9.3.1. */
const CONFIG: ConfigBpdu = {
  kind: 'config',
  version: 0,
  flags: { topologyChange: true, topologyChangeAck: true },
  rootId: { priority: 0x1001, mac: '02:00:00:00:00:01' },
  rootPathCost: 0x01020304,
  bridgeId: { priority: 0x8064, mac: '0a:0b:0c:0d:0e:0f' },
  portId: { priority: 0x90, number: 0x123, raw: 0x9123 },
  messageAge: 0x0100,
  maxAge: 0x1400,
  helloTime: 0x0200,
  forwardDelay: 0x0f00,
};
const CONFIG_BYTES = fromHex(
  '0000 00 00 81' + // protocol id, version, type, flags (TC | TCA)
    '1001 020000000001' + // root id
    '01020304' + // root path cost
    '8064 0a0b0c0d0e0f' + // bridge id
    '9123 0100 1400 0200 0f00', // port id, message age, max age, hello, forward delay
);

/** An RST BPDU: proposal + designated role + learning (0x1e), and its 36 bytes (802.1D-2004 9.3.3). */
const RST: RstBpdu = {
  kind: 'rst',
  version: 2,
  flags: { topologyChange: false, proposal: true, portRole: 3, learning: true, forwarding: false, agreement: false, topologyChangeAck: false },
  rootId: { priority: 32769, mac: '00:19:06:ea:b8:80' },
  rootPathCost: 200000,
  bridgeId: { priority: 32769, mac: '00:19:06:ea:b8:80' },
  portId: { priority: 128, number: 12, raw: 0x800c },
  messageAge: 0,
  maxAge: 0x1400,
  helloTime: 0x0200,
  forwardDelay: 0x0f00,
  version1Length: 0,
};
const RST_BYTES = fromHex('0000 02 02 1e 8001 001906eab880 00030d40 8001 001906eab880 800c 0000 1400 0200 0f00 00');

/** Expected bytes of each field of CONFIG_BYTES / RST_BYTES, keyed by field name. */
const CONFIG_FIELD_HEX: Record<string, string> = {
  protocol_id: '0000', version: '00', bpdu_type: '00', flags: '81',
  root_priority: '1001', root_mac: '020000000001', root_path_cost: '01020304',
  bridge_priority: '8064', bridge_mac: '0a0b0c0d0e0f', port_id: '9123',
  message_age: '0100', max_age: '1400', hello_time: '0200', forward_delay: '0f00',
};
const RST_FIELD_HEX: Record<string, string> = {
  protocol_id: '0000', version: '02', bpdu_type: '02', flags: '1e',
  root_priority: '8001', root_mac: '001906eab880', root_path_cost: '00030d40',
  bridge_priority: '8001', bridge_mac: '001906eab880', port_id: '800c',
  message_age: '0000', max_age: '1400', hello_time: '0200', forward_delay: '0f00', version1_length: '00',
};

describe('when laying out BPDUs (IEEE 802.1D-2004 9.3)', () => {
  it('hand-built buffers are 35 (config) and 36 (RST) octets', () => {
    expect(CONFIG_BYTES.length).toBe(35);
    expect(RST_BYTES.length).toBe(36);
  });

  it.each([
    ['BPDU_FIELDS', BPDU_FIELDS, 35, CONFIG_FIELD_HEX],
    ['RST_BPDU_FIELDS', RST_BPDU_FIELDS, 36, RST_FIELD_HEX],
  ] as const)('%s is contiguous from 0 to the BPDU length, every field named once', (_name, fields, total, names) => {
    let next = 0;
    for (const fd of fields) {
      expect(fd.offset, fd.name).toBe(next);
      next += fd.length;
    }
    expect(next).toBe(total);
    expect(fields.map((fd) => fd.name)).toEqual(Object.keys(names));
  });

  it('puts the clause offsets where 802.1D-2004 9.3 has them: flags 4, root 5, cost 13, bridge 17, port 25, times 27..33, v1 length 35', () => {
    const at = (name: string) => RST_BPDU_FIELDS.find((fd) => fd.name === name)?.offset;
    expect([at('flags'), at('root_priority'), at('root_path_cost'), at('bridge_priority'), at('port_id')]).toEqual([4, 5, 13, 17, 25]);
    expect([at('message_age'), at('max_age'), at('hello_time'), at('forward_delay'), at('version1_length')]).toEqual([27, 29, 31, 33, 35]);
    expect(TCN_BPDU_FIELDS).toEqual([
      { name: 'protocol_id', offset: 0, length: 2 },
      { name: 'version', offset: 2, length: 1 },
      { name: 'bpdu_type', offset: 3, length: 1 },
    ]);
  });

  it.each(BPDU_FIELDS.map((fd) => [fd.name, fd] as const))('config field %s slices the hand-built buffer to its value', (name, fd) => {
    expect(hex(CONFIG_BYTES.subarray(fd.offset, fd.offset + fd.length))).toBe(CONFIG_FIELD_HEX[name]);
  });

  it.each(RST_BPDU_FIELDS.map((fd) => [fd.name, fd] as const))('RST field %s slices the hand-built buffer to its value', (name, fd) => {
    expect(hex(RST_BYTES.subarray(fd.offset, fd.offset + fd.length))).toBe(RST_FIELD_HEX[name]);
  });

  it('encodes and decodes the fixed config, RST and TCN BPDUs to/from the hand-built bytes', () => {
    expect(hex(encodeBpdu(CONFIG))).toBe(hex(CONFIG_BYTES));
    expect(decodeBpdu(CONFIG_BYTES)).toEqual(CONFIG);
    expect(hex(encodeBpdu(RST))).toBe(hex(RST_BYTES));
    expect(decodeBpdu(RST_BYTES)).toEqual(RST);
    expect(hex(encodeBpdu({ kind: 'tcn', version: 0 }))).toBe('00000080');
    expect(decodeBpdu(fromHex('00000080'))).toEqual({ kind: 'tcn', version: 0 });
  });

  it.each([
    ['config', CONFIG, '0026', 60],
    ['RST', RST, '0027', 60],
    ['TCN', { kind: 'tcn', version: 0 }, '0007', 60],
  ] as const)('a %s frame goes to 01:80:c2:00:00:00 with length %s, LLC 42 42 03, padded to %i octets (7.12.3)', (_k, bpdu, len, size) => {
    const frame = encodeBpduFrame('00:19:06:ea:b8:85', bpdu);
    expect(frame.length).toBe(size);
    expect(hex(frame.subarray(0, 17))).toBe(`0180c2000000001906eab885${len}424203`);
    const body = encodeBpdu(bpdu);
    expect(hex(frame.subarray(17, 17 + body.length))).toBe(hex(body));
    expect(frame.subarray(17 + body.length).every((b) => b === 0)).toBe(true);
    expect(decodeBpduFrame(frame)).toEqual({ dst: '01:80:c2:00:00:00', src: '00:19:06:ea:b8:85', vlanTags: [], bpdu });
  });
});

describe('when handling the Flags octet (IEEE 802.1D-2004 9.3.1, 9.3.3)', () => {
  it('bit masks: TC 0x01, proposal 0x02, role 0x0c, learning 0x10, forwarding 0x20, agreement 0x40, TCA 0x80', () => {
    expect(BpduFlagBit).toEqual({
      topologyChange: 0x01, proposal: 0x02, portRole: 0x0c, learning: 0x10, forwarding: 0x20, agreement: 0x40, topologyChangeAck: 0x80,
    });
    expect(BpduPortRole).toEqual({ unknown: 0, alternateOrBackup: 1, root: 2, designated: 3 });
  });

  it.each([
    ['0x0e', 0x0e, { topologyChange: false, proposal: true, portRole: 3, learning: false, forwarding: false, agreement: false, topologyChangeAck: false }],
    ['0x3d', 0x3d, { topologyChange: true, proposal: false, portRole: 3, learning: true, forwarding: true, agreement: false, topologyChangeAck: false }],
    ['0x7c', 0x7c, { topologyChange: false, proposal: false, portRole: 3, learning: true, forwarding: true, agreement: true, topologyChangeAck: false }],
    ['0x38', 0x38, { topologyChange: false, proposal: false, portRole: 2, learning: true, forwarding: true, agreement: false, topologyChangeAck: false }],
    ['0x84', 0x84, { topologyChange: false, proposal: false, portRole: 1, learning: false, forwarding: false, agreement: false, topologyChangeAck: true }],
  ] as const)('%s decodes as Wireshark shows it', (_label, octet, flags) => {
    expect(decodeRstFlags(octet)).toEqual(flags);
    expect(encodeRstFlags(flags)).toBe(octet);
  });

  it('decode/encode of every octet value round-trips', () => {
    for (let v = 0; v < 256; v++) expect(encodeRstFlags(decodeRstFlags(v))).toBe(v);
  });

  it('a config BPDU keeps TC (bit 0) and TCA (bit 7) only; unused bits 1-6 are dropped and sent as 0', () => {
    const b = CONFIG_BYTES.slice();
    b[4] = 0x7e;
    const d = decodeBpdu(b);
    expect(d.kind === 'config' && d.flags).toEqual({ topologyChange: false, topologyChangeAck: false });
    expect(encodeBpdu(d)[4]).toBe(0);
  });

  it('rejects a port role outside 0..3 with bpdu.range', () => {
    expect(codecErrorOf(() => encodeRstFlags({ ...RST.flags, portRole: 4 as 3 })).code).toBe('bpdu.range');
  });
});

describe('when converting times (IEEE 802.1D-2004 9.2.8: units of 1/256 s)', () => {
  it.each([
    [20_000, 0x1400], [2_000, 0x0200], [15_000, 0x0f00], [1_000, 0x0100], [0, 0], [3.90625, 1],
  ])('%f ms <-> %i units', (ms, units) => {
    expect(msToBpduTime(ms)).toBe(units);
    expect(bpduTimeToMs(units)).toBe(ms);
  });

  it('rounds to the nearest 1/256 s and rejects values that do not fit 16 bits', () => {
    expect(msToBpduTime(1)).toBe(0);
    expect(msToBpduTime(2)).toBe(1);
    expect(msToBpduTime(255_996)).toBe(0xffff);
    expect(codecErrorOf(() => msToBpduTime(256_000)).code).toBe('bpdu.range');
    expect(codecErrorOf(() => msToBpduTime(-5)).code).toBe('bpdu.range');
    expect(codecErrorOf(() => msToBpduTime(Number.NaN)).code).toBe('bpdu.range');
    expect(codecErrorOf(() => bpduTimeToMs(0x10000)).code).toBe('bpdu.range');
  });
});

describe('when building identifiers (IEEE 802.1D-2004 9.2.5, 9.2.7)', () => {
  it('splits and joins the wire bridge priority: 32769 = 32768 / 1, 24577 = 24576 / 1, 32868 = 32768 / 100', () => {
    expect(splitBridgePriority(32769)).toEqual({ priority: 32768, systemIdExtension: 1 });
    expect(splitBridgePriority(24577)).toEqual({ priority: 24576, systemIdExtension: 1 });
    expect(splitBridgePriority(32868)).toEqual({ priority: 32768, systemIdExtension: 100 });
    expect(joinBridgePriority(32768, 100)).toBe(32868);
    expect(joinBridgePriority(61440, 4095)).toBe(0xffff);
  });

  it('rejects a priority that is not a multiple of 4096 and an extension above 4095', () => {
    expect(codecErrorOf(() => joinBridgePriority(100, 0)).code).toBe('bpdu.range');
    expect(codecErrorOf(() => joinBridgePriority(65536, 0)).code).toBe('bpdu.range');
    expect(codecErrorOf(() => joinBridgePriority(0, 4096)).code).toBe('bpdu.range');
    expect(codecErrorOf(() => splitBridgePriority(-1)).code).toBe('bpdu.range');
  });

  it('port IDs: 0x8005 = priority 128 / port 5; makePortId(128, 12) = 0x800c; 0xf fff = 240 / 4095', () => {
    expect(portIdFromRaw(0x8005)).toEqual({ priority: 128, number: 5, raw: 0x8005 });
    expect(makePortId(128, 12)).toEqual({ priority: 128, number: 12, raw: 0x800c });
    expect(portIdFromRaw(0xffff)).toEqual({ priority: 240, number: 4095, raw: 0xffff });
    expect(codecErrorOf(() => makePortId(100, 1)).code).toBe('bpdu.range');
    expect(codecErrorOf(() => makePortId(128, 4096)).code).toBe('bpdu.range');
  });

  it('encodeBpdu rejects a port ID whose raw value disagrees with priority/number, and out-of-range fields', () => {
    expect(codecErrorOf(() => encodeBpdu({ ...RST, portId: { priority: 128, number: 12, raw: 0x800d } })).code).toBe('bpdu.range');
    expect(codecErrorOf(() => encodeBpdu({ ...RST, rootPathCost: 2 ** 32 })).code).toBe('bpdu.range');
    expect(codecErrorOf(() => encodeBpdu({ ...RST, maxAge: -1 })).code).toBe('bpdu.range');
    expect(codecErrorOf(() => encodeBpdu({ ...RST, bridgeId: { priority: 0x10000, mac: '00:00:00:00:00:01' } })).code).toBe('bpdu.range');
    expect(codecErrorOf(() => encodeBpdu({ ...RST, rootId: { priority: 0, mac: 'nope' } })).code).toBe('mac.parse');
    expect(codecErrorOf(() => encodeBpdu({ kind: 'tcn', version: 256 })).code).toBe('bpdu.range');
  });
});

describe('when choosing path costs (802.1D-1998 Table 8-5; 802.1D-2004 Table 17-3)', () => {
  it.each([
    [10, 100], [100, 19], [1_000, 4], [10_000, 2], // the four rows Linux also uses
    [4, 250], [16, 62], [1, 250], // Token Ring / slower rows of Table 8-5
    [2_500, 4], [5_000, 4], [25_000, 2], [40_000, 2], [100_000, 2], [1_000_000, 2], // between / beyond rows: staircase
  ])('short: %i Mb/s -> %i', (speed, cost) => {
    expect(pathCostShort(speed)).toBe(cost);
  });

  it.each([
    [10, 2_000_000], [100, 200_000], [1_000, 20_000], [10_000, 2_000], [100_000, 200], [1_000_000, 20], [10_000_000, 2],
    [2_500, 8_000], [25_000, 800], [40_000, 500], [3, 6_666_666], [20_000_000, 1], [40_000_000, 1], [0.1, 200_000_000], [0.001, 200_000_000],
  ])('long: %f Mb/s -> %i (20 Tb/s / rate)', (speed, cost) => {
    expect(pathCostLong(speed)).toBe(cost);
  });

  it.each([0, -10, Number.NaN, Number.POSITIVE_INFINITY])('rejects speed %f with bpdu.speed', (speed) => {
    expect(codecErrorOf(() => pathCostShort(speed)).code).toBe('bpdu.speed');
    expect(codecErrorOf(() => pathCostLong(speed)).code).toBe('bpdu.speed');
  });
});

describe('when decoding invalid BPDUs (IEEE 802.1D-2004 9.3.4)', () => {
  const mutate = (b: Uint8Array, offset: number, value: number) => {
    const c = b.slice();
    c[offset] = value;
    return c;
  };

  it.each([
    ['fewer than 4 octets', fromHex('000000'), 'bpdu.short'],
    ['an empty payload', new Uint8Array(0), 'bpdu.short'],
    ['a 34-octet config BPDU', CONFIG_BYTES.subarray(0, 34), 'bpdu.short'],
    ['a 35-octet RST BPDU', RST_BYTES.subarray(0, 35), 'bpdu.short'],
    ['Protocol Identifier 0x0001', mutate(RST_BYTES, 1, 1), 'bpdu.protocol'],
    ['BPDU Type 0x01', mutate(RST_BYTES, 3, 1), 'bpdu.type'],
    ['BPDU Type 0x81', mutate(fromHex('00000080'), 3, 0x81), 'bpdu.type'],
    ['an RST type with version 0', mutate(RST_BYTES, 2, 0), 'bpdu.version'],
    ['an RST type with version 1', mutate(RST_BYTES, 2, 1), 'bpdu.version'],
  ] as const)('rejects %s with %s', (_what, bytes, code) => {
    expect(codecErrorOf(() => decodeBpdu(bytes)).code).toBe(code);
  });

  it('names the protocol identifier and type in messages', () => {
    expect(codecErrorOf(() => decodeBpdu(mutate(RST_BYTES, 0, 0xaa))).message).toBe('Protocol Identifier 0xaa00 is not 0x0000 (STP)');
    expect(codecErrorOf(() => decodeBpdu(mutate(RST_BYTES, 3, 0x03))).message).toMatch(/BPDU Type 0x03 is not/);
  });

  it('accepts MST (3) / SPT (4) / future versions as RST keeping the version, and ignores trailing octets', () => {
    for (const v of [3, 4, 9]) {
      const longer = new Uint8Array(102);
      longer.set(mutate(RST_BYTES, 2, v));
      longer[36] = 0x00;
      longer[37] = 64; // Version 3 Length, ignored
      expect(decodeBpdu(longer)).toEqual({ ...RST, version: v });
    }
  });

  it('accepts config / TCN BPDUs of any version (9.3.4 checks only the type) and keeps the version', () => {
    expect(decodeBpdu(mutate(CONFIG_BYTES, 2, 2))).toEqual({ ...CONFIG, version: 2 });
    expect(decodeBpdu(fromHex('00000280'))).toEqual({ kind: 'tcn', version: 2 });
  });

  it('decodeBpduFrame rejects SNAP (aa aa 03, e.g. Cisco SSTP) with bpdu.llc and Ethernet II with llc.ethertype', () => {
    const snap = encodeLlcFrame('01:00:0c:cc:cc:cd', '00:00:00:00:00:01', { dsap: 0xaa, ssap: 0xaa, control: 3 }, RST_BYTES);
    expect(codecErrorOf(() => decodeBpduFrame(snap)).code).toBe('bpdu.llc');
    const eth2 = encodeEthernet({ dst: '01:80:c2:00:00:00', src: '00:00:00:00:00:01', etherType: 0x0800 }, RST_BYTES);
    expect(codecErrorOf(() => decodeBpduFrame(eth2)).code).toBe('llc.ethertype');
  });
});

describe('when framing 802.3/LLC (IEEE 802.3-2018 3.2.6; IEEE 802.2-1998 3.2)', () => {
  const LLC = { dsap: 0x42, ssap: 0x42, control: 0x03 };

  it('writes length = 3 + payload, pads to 60, and decodes back the exact payload', () => {
    const frame = encodeLlcFrame('01:80:c2:00:00:00', '02:00:00:00:00:01', LLC, fromHex('01020304'));
    expect(hex(frame)).toBe('0180c2000000020000000001' + '0007' + '424203' + '01020304' + '00'.repeat(39));
    expect(decodeLlcFrame(frame)).toEqual({
      dst: '01:80:c2:00:00:00', src: '02:00:00:00:00:01', length: 7, dsap: 0x42, ssap: 0x42, control: 3,
      payload: fromHex('01020304'), vlanTags: [],
    });
  });

  it('does not pad a frame that is already 60 octets or longer, and accepts a 1500-octet LLC PDU', () => {
    expect(encodeLlcFrame('01:80:c2:00:00:00', '02:00:00:00:00:01', LLC, new Uint8Array(100)).length).toBe(117);
    const max = encodeLlcFrame('01:80:c2:00:00:00', '02:00:00:00:00:01', LLC, new Uint8Array(1497));
    expect(decodeLlcFrame(max).length).toBe(1500);
    expect(codecErrorOf(() => encodeLlcFrame('01:80:c2:00:00:00', '02:00:00:00:00:01', LLC, new Uint8Array(1498))).code).toBe('llc.length');
  });

  it('tolerates non-zero trailer octets and skips VLAN tags', () => {
    const tagged = fromHex('0180c2000000 020000000001 8100e000 0007 424203 01020304' + 'ee'.repeat(30));
    const d = decodeLlcFrame(tagged);
    expect(d.vlanTags).toEqual([0]);
    expect(hex(d.payload)).toBe('01020304');
  });

  it.each([
    ['a length past the end of the frame', '0180c2000000 020000000001 0030 424203 0000', 'llc.length'],
    ['length 1501', '0180c2000000 020000000001 05dd 424203' + '00'.repeat(1500), 'llc.length'],
    ['length 2 (no room for the LLC header)', '0180c2000000 020000000001 0002 4242' + '00'.repeat(44), 'llc.length'],
    ['an EtherType (0x0806)', '0180c2000000 020000000001 0806' + '00'.repeat(46), 'llc.ethertype'],
    ['an I-format control field', '0180c2000000 020000000001 0004 424200 00' + '00'.repeat(42), 'llc.control'],
    ['a 13-octet frame', '0180c2000000 020000000001 00', 'eth.short'],
  ])('rejects %s with %s', (_what, h, code) => {
    expect(codecErrorOf(() => decodeLlcFrame(fromHex(h))).code).toBe(code);
  });

  it('rejects bad header values on encode', () => {
    const p = new Uint8Array(4);
    expect(codecErrorOf(() => encodeLlcFrame('01:80:c2:00:00:00', '02:00:00:00:00:01', { ...LLC, dsap: 256 }, p)).code).toBe('llc.range');
    expect(codecErrorOf(() => encodeLlcFrame('01:80:c2:00:00:00', '02:00:00:00:00:01', { ...LLC, control: 0 }, p)).code).toBe('llc.control');
  });

  it('LLC_FRAME_FIELDS covers DA, SA, Length, DSAP, SSAP, control contiguously (0..17)', () => {
    expect(LLC_FRAME_FIELDS.map((fd) => [fd.name, fd.offset, fd.length])).toEqual([
      ['dst', 0, 6], ['src', 6, 6], ['length', 12, 2], ['dsap', 14, 1], ['ssap', 15, 1], ['control', 16, 1],
    ]);
  });
});

describe('when round-tripping arbitrary BPDUs (IEEE 802.1D-2004 9.3)', () => {
  const u16 = fc.integer({ min: 0, max: 0xffff });
  const mac = fc.uint8Array({ minLength: 6, maxLength: 6 }).map((b) => formatMac(b));
  const bridgeId = fc.record({ priority: u16, mac });
  const portId = fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 0x0fff })).map(([p, n]) => makePortId(p * 16, n));
  const body = {
    rootId: bridgeId, rootPathCost: fc.integer({ min: 0, max: 0xffffffff }), bridgeId, portId,
    messageAge: u16, maxAge: u16, helloTime: u16, forwardDelay: u16,
  };
  const config: fc.Arbitrary<Bpdu> = fc.record({
    kind: fc.constant('config' as const),
    version: fc.integer({ min: 0, max: 0xff }),
    flags: fc.record({ topologyChange: fc.boolean(), topologyChangeAck: fc.boolean() }),
    ...body,
  });
  const rst: fc.Arbitrary<Bpdu> = fc.record({
    kind: fc.constant('rst' as const),
    version: fc.integer({ min: 2, max: 0xff }),
    flags: fc.integer({ min: 0, max: 0xff }).map(decodeRstFlags),
    ...body,
    version1Length: fc.integer({ min: 0, max: 0xff }),
  });
  const tcn: fc.Arbitrary<Bpdu> = fc.record({ kind: fc.constant('tcn' as const), version: fc.integer({ min: 0, max: 0xff }) });
  const bpdu = fc.oneof(config, rst, tcn);

  it('decode(encode(x)) deep-equals x, directly and through a 60-octet frame', () => {
    fc.assert(
      fc.property(bpdu, mac, (x, src) => {
        expect(decodeBpdu(encodeBpdu(x))).toEqual(x);
        const frame = encodeBpduFrame(src, x);
        expect(frame.length).toBe(60);
        expect(decodeBpduFrame(frame)).toEqual({ dst: '01:80:c2:00:00:00', src, vlanTags: [], bpdu: x });
      }),
      { numRuns: 500 },
    );
  });

  it('encode(decode(bytes)) reproduces any valid RST BPDU byte for byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 36, maxLength: 36 }), fc.integer({ min: 2, max: 255 }), (raw, version) => {
        const b = raw.slice();
        b[0] = 0;
        b[1] = 0;
        b[2] = version;
        b[3] = 0x02;
        expect(hex(encodeBpdu(decodeBpdu(b)))).toBe(hex(b));
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary bytes make decodeBpdu / decodeBpduFrame return or throw CodecError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.boolean(), (bytes, asFrame) => {
        const b = asFrame && bytes.length >= 14 ? Uint8Array.from(bytes, (v, i) => (i === 12 ? 0 : v)) : bytes;
        try {
          if (asFrame) decodeBpduFrame(b);
          else decodeBpdu(b);
        } catch (e) {
          expect(e).toBeInstanceOf(CodecError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
