import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bpdu, RstBpdu } from '../../../../src/engine/codecs';
import {
  CodecError,
  bpduTimeToMs,
  decodeBpdu,
  decodeBpduFrame,
  decodeLlcFrame,
  decodePcap,
  encodeBpduFrame,
  splitBridgePriority,
} from '../../../../src/engine/codecs';
import { codecErrorOf, hex, strictBytes } from './thrown';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/captures/${name}`, import.meta.url)));
const records = (name: string) => decodePcap(fixture(name)).records;


/** Decodes under strictBytes; returns the BPDU or the CodecError, rethrows anything else (e.g. RangeError). */
function decodeStrict(frame: Uint8Array): { bpdu: Bpdu } | CodecError {
  try {
    return decodeBpduFrame(strictBytes(frame));
  } catch (e) {
    if (e instanceof CodecError) return e;
    throw e;
  }
}

/** decodeBpdu on a bounds-checked view: the BPDU or the CodecError; anything else is rethrown. */
function decodeBpduStrict(payload: Uint8Array): Bpdu | CodecError {
  try {
    return decodeBpdu(strictBytes(payload));
  } catch (e) {
    if (e instanceof CodecError) return e;
    throw e;
  }
}

/** Config/RST fields in 1/256 s and wire priorities, built from what Wireshark prints ("32768 / 1 / mac", seconds). */
const secs = (s: number) => s * 256;

describe('strictBytes (the out-of-bounds detector used below)', () => {
  it('throws on a read past the end and inside checked subarrays, but not on reads in range', () => {
    const b = strictBytes(Uint8Array.from([1, 2, 3]));
    expect(b[2]).toBe(3);
    expect(b.length).toBe(3);
    expect(() => b[3]).toThrow(RangeError);
    expect(() => b.subarray(1)[2]).toThrow(RangeError);
    expect(hex(b.subarray(1))).toBe('0203');
  });
});

/*
 * Expected values copied by hand from Wireshark 4.0.17 (tshark -V, /work/shared/captures/tshark-V/tcpdump/
 * 802.1D_spanning_tree.pcap.tshark-V.txt). All 14 frames are identical apart from the time: 60 bytes,
 * Length 38, zero padding, STP version 0, Configuration, flags 0x00, root 32768 / 1 / 00:19:06:ea:b8:80,
 * cost 0, bridge 32768 / 1 / 00:19:06:ea:b8:80, port 0x8005, ages 0 / 20 / 2 / 15.
 */
const STP_TIMES = [
  1213789445787073, 1213789447794807, 1213789449797264, 1213789451802411, 1213789453807350, 1213789455812636, 1213789457820778,
  1213789459822950, 1213789461828161, 1213789463832784, 1213789465838004, 1213789467846419, 1213789469848169, 1213789471853665,
];

describe('when decoding tcpdump 802.1D_spanning_tree.pcap (IEEE 802.1D-2004 9.3.1)', () => {
  const recs = records('tcpdump-802.1D_spanning_tree.pcap');

  it('has 14 frames of 60 bytes with 802.3 length 38', () => {
    expect(recs).toHaveLength(14);
    for (const r of recs) {
      expect(r.data.length).toBe(60);
      expect(decodeLlcFrame(r.data).length).toBe(38);
    }
  });

  it.each(STP_TIMES.map((us, i) => [i + 1, us] as const))('frame %i matches Wireshark (time, ids, cost, port, timers, flags)', (n, us) => {
    const r = recs[n - 1];
    if (r === undefined) throw new Error(`no frame ${n}`);
    expect(r.timeUs).toBe(us);
    const d = decodeBpduFrame(r.data);
    expect(d).toEqual({
      dst: '01:80:c2:00:00:00',
      src: '00:19:06:ea:b8:85',
      vlanTags: [],
      bpdu: {
        kind: 'config',
        version: 0,
        flags: { topologyChange: false, topologyChangeAck: false },
        rootId: { priority: 32768 + 1, mac: '00:19:06:ea:b8:80' },
        rootPathCost: 0,
        bridgeId: { priority: 32768 + 1, mac: '00:19:06:ea:b8:80' },
        portId: { priority: 0x80, number: 5, raw: 0x8005 },
        messageAge: secs(0),
        maxAge: secs(20),
        helloTime: secs(2),
        forwardDelay: secs(15),
      },
    });
    if (d.bpdu.kind !== 'config') throw new Error('not config');
    expect(splitBridgePriority(d.bpdu.rootId.priority)).toEqual({ priority: 32768, systemIdExtension: 1 });
    expect([d.bpdu.maxAge, d.bpdu.helloTime, d.bpdu.forwardDelay].map(bpduTimeToMs)).toEqual([20_000, 2_000, 15_000]);
  });

  it('re-encoding reproduces every 60-byte frame byte for byte (padding is zero)', () => {
    for (const r of recs) {
      const { src, bpdu } = decodeBpduFrame(r.data);
      expect(hex(encodeBpduFrame(src, bpdu))).toBe(hex(r.data));
    }
  });
});

/*
 * tcpdump 802.1w_rapid_STP.pcap, from Wireshark 4.0.17 (tshark-V/tcpdump/802.1w_rapid_STP.pcap.tshark-V.txt).
 * Columns: frame, epoch µs, flags octet, TC, proposal, port role, learning, forwarding, agreement, TCA.
 * Every frame: 60 bytes, Length 39, src 00:19:06:ea:b8:8c, version 2, type 0x02, root and bridge
 * 32768 / 1 / 00:19:06:ea:b8:80, cost 0, port 0x800c, ages 0 / 20 / 2 / 15, Version 1 Length 0.
 * Frames 16-18 are the three with Topology Change.
 */
type RstRow = [number, number, number, boolean, boolean, number, boolean, boolean, boolean, boolean];
const RSTP_ROWS: RstRow[] = [
  [1, 1218369035352170, 0x0e, false, true, 3, false, false, false, false],
  [2, 1218369037214151, 0x0e, false, true, 3, false, false, false, false],
  [3, 1218369039227534, 0x0e, false, true, 3, false, false, false, false],
  [4, 1218369041240343, 0x0e, false, true, 3, false, false, false, false],
  [5, 1218369043253615, 0x0e, false, true, 3, false, false, false, false],
  [6, 1218369045266889, 0x0e, false, true, 3, false, false, false, false],
  [7, 1218369047280508, 0x0e, false, true, 3, false, false, false, false],
  [8, 1218369049293428, 0x0e, false, true, 3, false, false, false, false],
  [9, 1218369051306707, 0x1e, false, true, 3, true, false, false, false],
  [10, 1218369053320006, 0x1e, false, true, 3, true, false, false, false],
  [11, 1218369055333257, 0x1e, false, true, 3, true, false, false, false],
  [12, 1218369057346887, 0x1e, false, true, 3, true, false, false, false],
  [13, 1218369059359867, 0x1e, false, true, 3, true, false, false, false],
  [14, 1218369061373086, 0x1e, false, true, 3, true, false, false, false],
  [15, 1218369063386550, 0x1e, false, true, 3, true, false, false, false],
  [16, 1218369065365396, 0x3d, true, false, 3, true, true, false, false],
  [17, 1218369065399631, 0x3d, true, false, 3, true, true, false, false],
  [18, 1218369067413269, 0x3d, true, false, 3, true, true, false, false],
  [19, 1218369069426184, 0x3c, false, false, 3, true, true, false, false],
  [20, 1218369071439472, 0x3c, false, false, 3, true, true, false, false],
  [21, 1218369073452762, 0x3c, false, false, 3, true, true, false, false],
  [22, 1218369075466142, 0x3c, false, false, 3, true, true, false, false],
  [23, 1218369077479631, 0x3c, false, false, 3, true, true, false, false],
  [24, 1218369079492583, 0x3c, false, false, 3, true, true, false, false],
  [25, 1218369081505865, 0x3c, false, false, 3, true, true, false, false],
  [26, 1218369083519148, 0x3c, false, false, 3, true, true, false, false],
  [27, 1218369085532418, 0x3c, false, false, 3, true, true, false, false],
  [28, 1218369087546083, 0x3c, false, false, 3, true, true, false, false],
  [29, 1218369089559090, 0x3c, false, false, 3, true, true, false, false],
  [30, 1218369091572240, 0x3c, false, false, 3, true, true, false, false],
];

describe('when decoding tcpdump 802.1w_rapid_STP.pcap (IEEE 802.1D-2004 9.3.3)', () => {
  const recs = records('tcpdump-802.1w_rapid_STP.pcap');

  it('has 30 frames, exactly frames 16, 17 and 18 with TC', () => {
    expect(recs).toHaveLength(30);
    const tc = recs.flatMap((r, i) => {
      const { bpdu } = decodeBpduFrame(r.data);
      return bpdu.kind === 'rst' && bpdu.flags.topologyChange ? [i + 1] : [];
    });
    expect(tc).toEqual([16, 17, 18]);
  });

  it.each(RSTP_ROWS)('frame %i matches Wireshark (flags 0x%s)', (n, us, octet, tc, proposal, role, learning, forwarding, agreement, tca) => {
    const r = recs[n - 1];
    if (r === undefined) throw new Error(`no frame ${n}`);
    expect(r.timeUs).toBe(us);
    expect(r.data.length).toBe(60);
    expect(r.data[21]).toBe(octet); // flags: 14 (MAC header) + 3 (LLC) + 4
    const expected: RstBpdu = {
      kind: 'rst',
      version: 2,
      flags: { topologyChange: tc, proposal, portRole: role as 0 | 1 | 2 | 3, learning, forwarding, agreement, topologyChangeAck: tca },
      rootId: { priority: 32769, mac: '00:19:06:ea:b8:80' },
      rootPathCost: 0,
      bridgeId: { priority: 32769, mac: '00:19:06:ea:b8:80' },
      portId: { priority: 128, number: 12, raw: 0x800c },
      messageAge: secs(0),
      maxAge: secs(20),
      helloTime: secs(2),
      forwardDelay: secs(15),
      version1Length: 0,
    };
    expect(decodeBpduFrame(r.data)).toEqual({ dst: '01:80:c2:00:00:00', src: '00:19:06:ea:b8:8c', vlanTags: [], bpdu: expected });
    expect(decodeLlcFrame(r.data).length).toBe(39);
  });

  it('re-encoding reproduces every 60-byte frame byte for byte', () => {
    for (const r of recs) {
      const { src, bpdu } = decodeBpduFrame(r.data);
      expect(hex(encodeBpduFrame(src, bpdu))).toBe(hex(r.data));
    }
  });
});

/* PcapPlusPlus Stp.pcap, from Wireshark 4.0.17 (tshark-V/pcapplusplus/Stp.pcap.tshark-V.txt). */
describe('when decoding PcapPlusPlus Stp.pcap (config, RST with TC, MSTP, TCN, bad length)', () => {
  const recs = records('pcapplusplus-Stp.pcap');
  const frame = (n: number) => {
    const r = recs[n - 1];
    if (r === undefined) throw new Error(`no frame ${n}`);
    return r.data;
  };

  it('has 5 frames of 60, 53, 135, 60 and 119 bytes', () => {
    expect(recs.map((r) => r.data.length)).toEqual([60, 53, 135, 60, 119]);
  });

  it('frame 1: Configuration BPDU, root 32768 / 100 / 00:1c:0e:87:78:00, cost 4, message age 1', () => {
    expect(decodeBpduFrame(frame(1))).toEqual({
      dst: '01:80:c2:00:00:00',
      src: '00:1c:0e:87:85:04',
      vlanTags: [],
      bpdu: {
        kind: 'config', version: 0, flags: { topologyChange: false, topologyChangeAck: false },
        rootId: { priority: 32768 + 100, mac: '00:1c:0e:87:78:00' }, rootPathCost: 4,
        bridgeId: { priority: 32768 + 100, mac: '00:1c:0e:87:85:00' }, portId: { priority: 128, number: 4, raw: 0x8004 },
        messageAge: secs(1), maxAge: secs(20), helloTime: secs(2), forwardDelay: secs(15),
      },
    });
  });

  it('frame 2: unpadded 53-byte RST BPDU, flags 0x3d (TC, designated, learning, forwarding), root 24576 / 1', () => {
    expect(decodeBpduFrame(frame(2))).toEqual({
      dst: '01:80:c2:00:00:00',
      src: '00:01:01:00:00:01',
      vlanTags: [],
      bpdu: {
        kind: 'rst', version: 2,
        flags: { topologyChange: true, proposal: false, portRole: 3, learning: true, forwarding: true, agreement: false, topologyChangeAck: false },
        rootId: { priority: 24576 + 1, mac: '00:0d:65:ad:f6:00' }, rootPathCost: 10,
        bridgeId: { priority: 32768 + 1, mac: '00:0b:fd:86:0f:00' }, portId: { priority: 128, number: 1, raw: 0x8001 },
        messageAge: secs(1), maxAge: secs(20), helloTime: secs(2), forwardDelay: secs(15), version1Length: 0,
      },
    });
  });

  it('frame 3: MSTP (version 3) decodes its CIST part as RST version 3; Version 3 Length 80 and the MSTI record are ignored', () => {
    expect(decodeLlcFrame(frame(3)).length).toBe(121);
    expect(decodeBpduFrame(frame(3))).toEqual({
      dst: '01:80:c2:00:00:00',
      src: '00:1a:a1:97:d1:85',
      vlanTags: [],
      bpdu: {
        kind: 'rst', version: 3,
        flags: { topologyChange: false, proposal: false, portRole: 3, learning: true, forwarding: true, agreement: true, topologyChangeAck: false },
        rootId: { priority: 32768, mac: '00:0c:30:5d:d1:00' }, rootPathCost: 0,
        bridgeId: { priority: 32768, mac: '00:0c:30:5d:d1:00' }, portId: { priority: 128, number: 5, raw: 0x8005 },
        messageAge: secs(0), maxAge: secs(20), helloTime: secs(2), forwardDelay: secs(15), version1Length: 0,
      },
    });
  });

  it('frame 4: TCN BPDU (Length 7, padded)', () => {
    expect(decodeBpduFrame(frame(4))).toEqual({ dst: '01:80:c2:00:00:00', src: 'aa:bb:cc:00:02:00', vlanTags: [], bpdu: { kind: 'tcn', version: 0 } });
    expect(hex(encodeBpduFrame('aa:bb:cc:00:02:00', { kind: 'tcn', version: 0 }))).toBe(hex(frame(4)));
  });

  it('frame 5: Length 121 with only 105 octets after the header is rejected with llc.length (Wireshark: "Length field value goes past the end of the payload")', () => {
    const err = codecErrorOf(() => decodeBpduFrame(frame(5)));
    expect(err.code).toBe('llc.length');
    expect(err.message).toBe('802.3 length 121 goes past the end of the frame (105 octets present)');
  });
});

/*
 * tcpdump MSTP_Intra-Region_BPDUs.pcap, from Wireshark 4.0.17 (tshark-V/tcpdump/MSTP_Intra-Region_BPDUs.pcap.tshark-V.txt).
 * Odd frames: 155 bytes, 802.1Q tag PRI 7 VLAN 0 (priority-tagged), src 00:1e:f7:05:a8:92, flags 0x38 (root port,
 * learning, forwarding), port 0x8012. Even frames: 151 bytes untagged, src 00:16:46:b5:8c:8f, flags 0x7c
 * (designated, learning, forwarding, agreement), port 0x800f. All: Length 137, version 3, root 0 / 0 /
 * 00:1f:27:b4:7d:80, cost 200000, "Bridge Identifier" (the CIST Regional Root) 32768 / 0 / 00:16:46:b5:8c:80,
 * message age 1, 20 / 2 / 15, Version 1 Length 0, Version 3 Length 96 (two MSTI records).
 */
const MSTP_TIMES = [
  1335882518018637, 1335882519688658, 1335882520034939, 1335882521701562, 1335882522047598,
  1335882523714422, 1335882524060628, 1335882525727298, 1335882526073429, 1335882527740170,
];

describe('when decoding tcpdump MSTP_Intra-Region_BPDUs.pcap (common CIST part of MST BPDUs, IEEE 802.1Q-2005 clause 14)', () => {
  const recs = records('tcpdump-MSTP_Intra-Region_BPDUs.pcap');

  it.each(MSTP_TIMES.map((us, i) => [i + 1, us] as const))('frame %i matches Wireshark', (n, us) => {
    const r = recs[n - 1];
    if (r === undefined) throw new Error(`no frame ${n}`);
    expect(r.timeUs).toBe(us);
    const odd = n % 2 === 1;
    expect(r.data.length).toBe(odd ? 155 : 151);
    expect(decodeLlcFrame(r.data).length).toBe(137);
    expect(decodeBpduFrame(r.data)).toEqual({
      dst: '01:80:c2:00:00:00',
      src: odd ? '00:1e:f7:05:a8:92' : '00:16:46:b5:8c:8f',
      vlanTags: odd ? [0] : [],
      bpdu: {
        kind: 'rst',
        version: 3,
        flags: odd
          ? { topologyChange: false, proposal: false, portRole: 2, learning: true, forwarding: true, agreement: false, topologyChangeAck: false }
          : { topologyChange: false, proposal: false, portRole: 3, learning: true, forwarding: true, agreement: true, topologyChangeAck: false },
        rootId: { priority: 0, mac: '00:1f:27:b4:7d:80' },
        rootPathCost: 200000,
        bridgeId: { priority: 32768, mac: '00:16:46:b5:8c:80' },
        portId: odd ? { priority: 128, number: 0x12, raw: 0x8012 } : { priority: 128, number: 0x0f, raw: 0x800f },
        messageAge: secs(1),
        maxAge: secs(20),
        helloTime: secs(2),
        forwardDelay: secs(15),
        version1Length: 0,
      },
    });
  });
});

/*
 * tcpdump spb_bpduv4.pcap (802.1aq SPT BPDUs, version 4), from Wireshark 4.0.17 (tshark-V/tcpdump/spb_bpduv4.pcap.tshark-V.txt):
 * 25 identical 222-byte frames to 01:80:c2:00:00:08 (Provider Bridge group), src 52:54:00:45:5f:15, Length 208,
 * flags 0x3c (designated, learning, forwarding), root = bridge = 32768 / 0 / 52:54:00:45:5f:15, cost 0,
 * port 0x8003, ages 0 / 20 / 2 / 15, Version 1 Length 0, Version 3 Length 80, Version 4 Length 85.
 * tcpdump prints them as "STP 802.1aq, Rapid STP, CIST Flags [Learn, Forward], length 205" and dumps the MSTP and
 * SPB parts; our documented choice (mstpd, 802.1Q 14.4 d) keeps only the CIST part as an RST BPDU with version 4.
 */
describe('when decoding tcpdump spb_bpduv4.pcap (version 4 treated as RST, version kept)', () => {
  const recs = records('tcpdump-spb_bpduv4.pcap');

  it('decodes all 25 frames to the same RST BPDU with version 4', () => {
    expect(recs).toHaveLength(25);
    expect(recs[0]?.timeUs).toBe(1349356784964471);
    expect(recs[24]?.timeUs).toBe(1349356832996159);
    for (const r of recs) {
      expect(r.data.length).toBe(222);
      expect(decodeLlcFrame(r.data).length).toBe(208);
      expect(decodeBpduFrame(r.data)).toEqual({
        dst: '01:80:c2:00:00:08',
        src: '52:54:00:45:5f:15',
        vlanTags: [],
        bpdu: {
          kind: 'rst', version: 4,
          flags: { topologyChange: false, proposal: false, portRole: 3, learning: true, forwarding: true, agreement: false, topologyChangeAck: false },
          rootId: { priority: 32768, mac: '52:54:00:45:5f:15' }, rootPathCost: 0,
          bridgeId: { priority: 32768, mac: '52:54:00:45:5f:15' }, portId: { priority: 128, number: 3, raw: 0x8003 },
          messageAge: secs(0), maxAge: secs(20), helloTime: secs(2), forwardDelay: secs(15), version1Length: 0,
        },
      });
    }
  });
});

const MALFORMED = [
  'tcpdump-malformed-stp-heapoverflow-1.pcap',
  'tcpdump-malformed-stp-heapoverflow-2.pcap',
  'tcpdump-malformed-stp-heapoverflow-3.pcap',
  'tcpdump-malformed-stp-heapoverflow-4.pcap',
  'tcpdump-malformed-stp-v4-length-sigsegv.pcap',
];

describe('when decoding tcpdump malformed/stp-* reproducers (never crash, never read out of bounds)', () => {
  it.each(MALFORMED)('%s: every frame decodes or throws CodecError under the bounds-checking view', (name) => {
    for (const r of records(name)) decodeStrict(r.data);
  });

  it.each(MALFORMED.slice(0, 4))('%s: frames 1-13 (type 0x3030) are llc.ethertype, frame 14 (Length 48, a few octets) is llc.length', (name) => {
    const codes = records(name).map((r) => {
      const d = decodeStrict(r.data);
      return d instanceof CodecError ? d.code : d.bpdu.kind;
    });
    expect(codes).toEqual([...Array<string>(13).fill('llc.ethertype'), 'llc.length']);
  });

  it('stp-v4-length-sigsegv: the truncated version-4 BPDU decodes its 36-octet CIST part as Wireshark shows it', () => {
    const [r] = records('tcpdump-malformed-stp-v4-length-sigsegv.pcap');
    if (r === undefined) throw new Error('no frame');
    const d = decodeStrict(r.data);
    if (d instanceof CodecError) throw d;
    // Wireshark: flags 0x30 (forwarding, learning, role Unknown), root/bridge 12288 / 48 / 30:30:30:30:30:30,
    // cost 808464432, port 0x3030, every time 48.1875 s, Version 1 Length 0.
    expect(d.bpdu).toEqual({
      kind: 'rst', version: 4,
      flags: { topologyChange: false, proposal: false, portRole: 0, learning: true, forwarding: true, agreement: false, topologyChangeAck: false },
      rootId: { priority: 12288 + 48, mac: '30:30:30:30:30:30' }, rootPathCost: 808464432,
      bridgeId: { priority: 12288 + 48, mac: '30:30:30:30:30:30' }, portId: { priority: 0x30, number: 0x030, raw: 0x3030 },
      messageAge: secs(48.1875), maxAge: secs(48.1875), helloTime: secs(48.1875), forwardDelay: secs(48.1875), version1Length: 0,
    });
    expect(bpduTimeToMs(0x3030)).toBe(48187.5);
  });

  it('every prefix of every BPDU (LLC payload) of every STP capture decodes or throws CodecError, reading only in bounds', () => {
    const all = ['tcpdump-802.1D_spanning_tree.pcap', 'tcpdump-802.1w_rapid_STP.pcap', 'pcapplusplus-Stp.pcap',
      'tcpdump-MSTP_Intra-Region_BPDUs.pcap', 'tcpdump-spb_bpduv4.pcap', 'tcpdump-malformed-stp-v4-length-sigsegv.pcap'];
    const kinds = new Set<string>();
    for (const name of all) {
      for (const r of records(name)) {
        let payload: Uint8Array;
        try {
          payload = decodeLlcFrame(r.data).payload;
        } catch {
          continue; // Stp.pcap frame 5
        }
        for (let n = 0; n <= payload.length; n++) {
          const d = decodeBpduStrict(payload.subarray(0, n));
          kinds.add(d instanceof CodecError ? d.code : d.kind);
        }
      }
    }
    expect([...kinds].sort()).toEqual(['bpdu.short', 'config', 'rst', 'tcn']);
  });

  it('every prefix of every frame of every STP capture decodes or throws CodecError, reading only in bounds', () => {
    const all = ['tcpdump-802.1D_spanning_tree.pcap', 'tcpdump-802.1w_rapid_STP.pcap', 'pcapplusplus-Stp.pcap',
      'tcpdump-MSTP_Intra-Region_BPDUs.pcap', 'tcpdump-spb_bpduv4.pcap', ...MALFORMED];
    let decoded = 0;
    let rejected = 0;
    for (const name of all) {
      for (const r of records(name)) {
        for (let n = 0; n <= r.data.length; n++) {
          if (decodeStrict(r.data.subarray(0, n)) instanceof CodecError) rejected++;
          else decoded++;
        }
      }
    }
    expect(decoded).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });
});
