import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ETHERTYPE_ARP,
  ETHERTYPE_SLOW,
  MIN_FRAME_NO_FCS,
  decodeEthernet,
  decodePcap,
  encodeEthernet,
} from '../../../../src/engine/codecs';
import { codecErrorOf, fromHex, hex } from './thrown';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/captures/${name}`, import.meta.url)));

describe('when encoding an Ethernet frame (IEEE 802.3-2018 3.2)', () => {
  it('writes DA, SA, Type then the payload', () => {
    const f = encodeEthernet({ dst: '01:80:c2:00:00:02', src: '00:13:c4:12:0f:0d', etherType: ETHERTYPE_SLOW }, new Uint8Array(110).fill(1));
    expect(f.length).toBe(124);
    expect(hex(f.subarray(0, 15))).toBe('0180c20000020013c4120f0d880901');
  });

  it('zero-pads a short payload to 60 octets without FCS (IEEE 802.3-2018 3.2.8, 4.4.2)', () => {
    const f = encodeEthernet({ dst: 'ff:ff:ff:ff:ff:ff', src: '02:00:00:00:00:01', etherType: ETHERTYPE_ARP }, new Uint8Array(28).fill(0xaa));
    expect(MIN_FRAME_NO_FCS).toBe(60);
    expect(f.length).toBe(60);
    expect(hex(f.subarray(14, 42))).toBe('aa'.repeat(28));
    expect(hex(f.subarray(42))).toBe('00'.repeat(18));
  });

  it('keeps an 802.3 length value (< 0x0600) as the raw Type field (IEEE 802.3-2018 3.2.6)', () => {
    const f = encodeEthernet({ dst: '01:80:c2:00:00:00', src: '02:00:00:00:00:01', etherType: 0x0026 }, new Uint8Array(38));
    expect(decodeEthernet(f).header.etherType).toBe(0x0026);
  });

  it('rejects an EtherType above 0xffff with eth.ethertype', () => {
    const h = { dst: '01:80:c2:00:00:00', src: '02:00:00:00:00:01', etherType: 0x10000 };
    expect(codecErrorOf(() => encodeEthernet(h, new Uint8Array(0))).code).toBe('eth.ethertype');
  });
});

describe('when decoding an Ethernet frame', () => {
  it('round-trips header and returns the payload including padding', () => {
    const h = { dst: 'ff:ff:ff:ff:ff:ff', src: '02:00:00:00:00:01', etherType: ETHERTYPE_ARP };
    const d = decodeEthernet(encodeEthernet(h, fromHex('0102')));
    expect(d.header).toEqual(h);
    expect(d.vlanTags).toEqual([]);
    expect(hex(d.payload)).toBe('0102' + '00'.repeat(44));
  });

  it('skips two stacked 802.1Q tags (VLAN 666 then 200) of PcapPlusPlus ArpRequestWithVlan.pcap (IEEE 802.1Q-2018 9.6)', () => {
    const rec = decodePcap(fixture('ArpRequestWithVlan.pcap')).records[0];
    if (rec === undefined) throw new Error('no frame');
    const d = decodeEthernet(rec.data);
    expect(d.vlanTags).toEqual([666, 200]);
    expect(d.header).toEqual({ dst: 'ff:ff:ff:ff:ff:ff', src: 'ca:03:0d:b4:00:1c', etherType: 0x0806 });
    expect(d.payload.length).toBe(28);
    expect(hex(d.payload.subarray(0, 8))).toBe('0001080006040001'); // ARP: Ethernet, IPv4, 6, 4, request
  });

  it('skips an 802.1ad S-tag followed by a C-tag (IEEE 802.1Q-2018 9.5)', () => {
    const f = fromHex('ffffffffffff 020000000001 88a8 0064 8100 2005 0806 abcd');
    const d = decodeEthernet(f);
    expect(d.vlanTags).toEqual([100, 5]);
    expect(d.header.etherType).toBe(0x0806);
    expect(hex(d.payload)).toBe('abcd');
  });

  it('rejects a frame shorter than 14 octets with eth.short', () => {
    const err = codecErrorOf(() => decodeEthernet(new Uint8Array(13)));
    expect(err.code).toBe('eth.short');
    expect(err.name).toBe('CodecError');
    expect(err).toBeInstanceOf(Error);
  });

  it('rejects a VLAN tag cut off by the end of the frame with eth.short', () => {
    expect(codecErrorOf(() => decodeEthernet(fromHex('ffffffffffff 020000000001 8100 0064'))).code).toBe('eth.short');
  });
});
