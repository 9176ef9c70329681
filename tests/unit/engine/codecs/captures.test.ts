import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeEthernet,
  decodeLacpdu,
  decodeLacpduFrame,
  decodePcap,
  encodeLacpdu,
  encodeLacpduFrame,
  lacpStateFlags,
} from '../../../../src/engine/codecs';
import { codecErrorOf, hex } from './thrown';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/captures/${name}`, import.meta.url)));

/*
 * Expected values copied by hand from Wireshark 4.0.17 (`tshark -r LACP.pcap -V`,
 * /work/shared/captures/tshark-V/tcpdump/LACP.pcap.tshark-V.txt). Columns:
 * frame, epoch µs, Ethernet src, actor port, actor state, actor flags,
 * partner system, partner sys prio, partner key, partner port prio, partner port, partner state, partner flags.
 * For every frame Wireshark also shows actor sys prio 32768, key 13, port prio 32768, collector max delay 32768.
 */
type Row = [number, number, string, number, number, string, string, number, number, number, number, number, string];
const FRAMES: Row[] = [
  [1, 1258257730267147, '00:13:c4:12:0f:0d', 22, 0x85, 'E****G*A', '00:0e:83:16:f5:00', 32768, 13, 32768, 25, 0x36, '**DC*GS*'],
  [2, 1258257731184592, '00:13:c4:12:0f:0d', 22, 0x85, 'E****G*A', '00:0e:83:16:f5:00', 32768, 13, 32768, 25, 0x36, '**DC*GS*'],
  [3, 1258257732147802, '00:13:c4:12:0f:0d', 22, 0x85, 'E****G*A', '00:0e:83:16:f5:00', 32768, 13, 32768, 25, 0x36, '**DC*GS*'],
  [4, 1258257738675985, '00:13:c4:12:0f:0d', 22, 0x4d, '*F**SG*A', '00:00:00:00:00:00', 0, 0, 0, 0, 0x00, '********'],
  [5, 1258257738690253, '00:13:c4:12:0f:0d', 22, 0x7d, '*FDCSG*A', '00:00:00:00:00:00', 0, 0, 0, 0, 0x00, '********'],
  [6, 1258257759216272, '00:13:c4:12:0f:0d', 22, 0x7d, '*FDCSG*A', '00:00:00:00:00:00', 0, 0, 0, 0, 0x00, '********'],
  [7, 1258257785733028, '00:13:c4:12:0f:0d', 22, 0x7d, '*FDCSG*A', '00:00:00:00:00:00', 0, 0, 0, 0, 0x00, '********'],
  [8, 1258257811389243, '00:13:c4:12:0f:0d', 22, 0x7d, '*FDCSG*A', '00:00:00:00:00:00', 0, 0, 0, 0, 0x00, '********'],
  [9, 1258257815229252, '00:0e:83:16:f5:10', 25, 0x0c, '****SG**', '00:13:c4:12:0f:00', 32768, 13, 32768, 22, 0x75, '*FDC*G*A'],
  [10, 1258257815244788, '00:13:c4:12:0f:0d', 22, 0x4d, '*F**SG*A', '00:00:00:00:00:00', 0, 0, 0, 0, 0x00, '********'],
  [11, 1258257815244806, '00:13:c4:12:0f:0d', 22, 0x45, '*F***G*A', '00:00:00:00:00:00', 0, 0, 0, 0, 0x00, '********'],
  [12, 1258257815248919, '00:0e:83:16:f5:10', 25, 0x04, '*****G**', '00:13:c4:12:0f:00', 32768, 13, 32768, 22, 0x75, '*FDC*G*A'],
  [13, 1258257815248935, '00:0e:83:16:f5:10', 25, 0x04, '*****G**', '00:13:c4:12:0f:00', 32768, 13, 32768, 22, 0x75, '*FDC*G*A'],
  [14, 1258257816117266, '00:0e:83:16:f5:10', 25, 0x04, '*****G**', '00:13:c4:12:0f:00', 32768, 13, 32768, 22, 0x45, '*F***G*A'],
  [15, 1258257817035406, '00:0e:83:16:f5:10', 25, 0x0c, '****SG**', '00:13:c4:12:0f:00', 32768, 13, 32768, 22, 0x45, '*F***G*A'],
  [16, 1258257820737784, '00:13:c4:12:0f:0d', 22, 0x0d, '****SG*A', '00:0e:83:16:f5:00', 32768, 13, 32768, 25, 0x0c, '****SG**'],
  [17, 1258257820762840, '00:13:c4:12:0f:0d', 22, 0x3d, '**DCSG*A', '00:0e:83:16:f5:00', 32768, 13, 32768, 25, 0x0c, '****SG**'],
  [18, 1258257820765033, '00:0e:83:16:f5:10', 25, 0x3c, '**DCSG**', '00:13:c4:12:0f:00', 32768, 13, 32768, 22, 0x0d, '****SG*A'],
  [19, 1258257837637995, '00:0e:83:16:f5:10', 25, 0x3c, '**DCSG**', '00:13:c4:12:0f:00', 32768, 13, 32768, 22, 0x3d, '**DCSG*A'],
  [20, 1258257842605882, '00:13:c4:12:0f:0d', 22, 0x3d, '**DCSG*A', '00:0e:83:16:f5:00', 32768, 13, 32768, 25, 0x3c, '**DCSG**'],
];

/** Actor System ID per sending switch (Ethernet src is a port MAC, the System ID is the switch base MAC). */
const SYSTEM_OF: Record<string, string> = {
  '00:13:c4:12:0f:0d': '00:13:c4:12:0f:00',
  '00:0e:83:16:f5:10': '00:0e:83:16:f5:00',
};

describe('when decoding tcpdump LACP.pcap (PacketLife capture, 802.1AX-2008 5.4.2.2)', () => {
  const file = decodePcap(fixture('LACP.pcap'));

  it('has 20 Ethernet records of 124 bytes', () => {
    expect(file.linkType).toBe(1);
    expect(file.records).toHaveLength(20);
    for (const r of file.records) expect(r.data.length).toBe(124);
  });

  it('frame 1 matches every field Wireshark shows', () => {
    const r = file.records[0];
    if (r === undefined) throw new Error('no frame 1');
    expect(r.timeUs).toBe(1258257730267147);
    expect(decodeLacpduFrame(r.data)).toEqual({
      src: '00:13:c4:12:0f:0d',
      dst: '01:80:c2:00:00:02',
      pdu: {
        version: 1,
        actor: { systemPriority: 32768, system: '00:13:c4:12:0f:00', key: 13, portPriority: 32768, port: 22, state: 0x85 },
        partner: { systemPriority: 32768, system: '00:0e:83:16:f5:00', key: 13, portPriority: 32768, port: 25, state: 0x36 },
        collectorMaxDelay: 32768,
      },
    });
  });

  it.each(FRAMES)('frame %i matches Wireshark (time, ports, states, flag strings)', (n, us, src, aPort, aState, aFlags, pSys, pPrio, pKey, pPortPrio, pPort, pState, pFlags) => {
    const r = file.records[n - 1];
    if (r === undefined) throw new Error(`no frame ${n}`);
    expect(r.timeUs).toBe(us);
    const { src: s, dst, pdu } = decodeLacpduFrame(r.data);
    expect(s).toBe(src);
    expect(dst).toBe('01:80:c2:00:00:02');
    expect(pdu.version).toBe(1);
    expect(pdu.actor).toEqual({ systemPriority: 32768, system: SYSTEM_OF[src], key: 13, portPriority: 32768, port: aPort, state: aState });
    expect(pdu.partner).toEqual({ systemPriority: pPrio, system: pSys, key: pKey, portPriority: pPortPrio, port: pPort, state: pState });
    expect(pdu.collectorMaxDelay).toBe(32768);
    expect(lacpStateFlags(pdu.actor.state)).toBe(aFlags);
    expect(lacpStateFlags(pdu.partner.state)).toBe(pFlags);
  });

  // All reserved octets (19-21, 39-41, 46-57, 60-109) are zero in every frame of this capture, so
  // re-encoding must reproduce the captured payload and frame byte for byte.
  it('re-encoding each decoded PDU reproduces the captured 110 payload bytes and the 124-byte frame', () => {
    for (const r of file.records) {
      const payload = decodeEthernet(r.data).payload;
      expect(payload.length).toBe(110);
      const { src, pdu } = decodeLacpduFrame(r.data);
      expect(hex(encodeLacpdu(pdu))).toBe(hex(payload));
      expect(hex(encodeLacpduFrame(src, pdu))).toBe(hex(r.data));
    }
  });
});

describe('when decoding tcpdump slow-ossp.pcap (Slow Protocols subtype 10, not LACP)', () => {
  const file = decodePcap(fixture('slow-ossp.pcap'));

  it('is one 66-byte frame to 01:80:c2:00:00:02 with EtherType 0x8809', () => {
    expect(file.records).toHaveLength(1);
    const r = file.records[0];
    if (r === undefined) throw new Error('no frame');
    expect(r.data.length).toBe(66);
    const { header, payload } = decodeEthernet(r.data);
    expect(header).toEqual({ dst: '01:80:c2:00:00:02', src: '00:11:22:33:44:55', etherType: 0x8809 });
    expect(payload[0]).toBe(10);
  });

  it('is rejected by decodeLacpdu/decodeLacpduFrame with lacp.subtype naming OSSP (802.1AX-2008 5.4.2.2)', () => {
    const r = file.records[0];
    if (r === undefined) throw new Error('no frame');
    const err = codecErrorOf(() => decodeLacpduFrame(r.data));
    expect(err.code).toBe('lacp.subtype');
    expect(err.message).toBe('Slow Protocols subtype 10 (OSSP) is not LACP (1)');
    expect(codecErrorOf(() => decodeLacpdu(decodeEthernet(r.data).payload)).code).toBe('lacp.subtype');
  });
});
