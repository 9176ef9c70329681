import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePcap, encodeIcmpEchoFrame, encodeUdpFrame, gratuitousArpFrame } from '../../../src/engine/codecs';
import type { FrameField } from '../../../src/worker/protocol';
import { frameFields } from '../../../src/worker/frameView';

const capture = (name: string) => decodePcap(new Uint8Array(readFileSync(`tests/fixtures/captures/${name}`))).records.map((r) => r.data);
const field = (fields: FrameField[], name: string) => fields.find((f) => f.name === name)?.value;

/** Fields lie end to end from byte 0, none overlapping (the hex dump highlights each one's bytes). */
function expectContiguous(fields: FrameField[]): void {
  let at = 0;
  for (const f of fields) {
    expect(f.offset, f.name).toBe(at);
    at += f.length;
  }
}

describe('when the packet inspector opens a frame that is not an LACPDU', () => {
  it('an RST BPDU from a real capture shows 802.3/LLC and every 802.1D-2004 9.3.3 field, decoded as Wireshark does', () => {
    const [frame] = capture('tcpdump-802.1w_rapid_STP.pcap');
    const fields = frameFields(frame ?? new Uint8Array());
    expectContiguous(fields);
    expect(fields.map((f) => f.layer)).toEqual(expect.arrayContaining(['eth', 'llc', 'bpdu']));
    expect(field(fields, 'llc_dsap')).toBe('0x42');
    expect(field(fields, 'bpdu_bpdu_type')).toBe('0x02 (RST)');
    expect(field(fields, 'bpdu_version1_length')).toBe('0');
    expect(field(fields, 'bpdu_hello_time')).toBe('2 s');
    expect(field(fields, 'bpdu_flags')).toMatch(/Port Role (Designated|Root|Alternate\/Backup)/);
  });

  it('a Configuration BPDU (802.1D-2004 9.3.1) names its type and splits the bridge priority', () => {
    const [frame] = capture('tcpdump-802.1D_spanning_tree.pcap');
    const fields = frameFields(frame ?? new Uint8Array());
    expectContiguous(fields);
    expect(field(fields, 'bpdu_bpdu_type')).toBe('0x00 (Configuration)');
    expect(field(fields, 'bpdu_root_priority')).toMatch(/^\d+ \(priority \d+, system id extension \d+\)$/);
    expect(field(fields, 'bpdu_version1_length')).toBeUndefined();
  });

  it('an ARP request from a real capture shows RFC 826 fields with addresses', () => {
    const [frame] = capture('pcapplusplus-ArpRequestPacket.pcap');
    const fields = frameFields(frame ?? new Uint8Array());
    expectContiguous(fields);
    expect(field(fields, 'eth_type')).toBe('0x0806');
    expect(field(fields, 'arp_op')).toBe('1 (request)');
    expect(field(fields, 'arp_spa')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('a gratuitous ARP and a lab UDP datagram decode to their addresses and ports', () => {
    const garp = frameFields(gratuitousArpFrame('02:00:00:00:00:01', '10.0.0.7'));
    expect(field(garp, 'arp_spa')).toBe('10.0.0.7');
    expect(field(garp, 'arp_tpa')).toBe('10.0.0.7');
    const udp = frameFields(encodeUdpFrame('02:00:00:00:00:01', '02:00:00:00:00:02', { src: '10.0.0.1', dst: '10.0.0.2' }, { srcPort: 4000, dstPort: 5000 }, 64));
    expectContiguous(udp);
    expect(field(udp, 'ip_src')).toBe('10.0.0.1');
    expect(field(udp, 'ip_protocol')).toBe('17 (UDP)');
    expect(field(udp, 'udp_dst_port')).toBe('5000');
    expect(field(udp, 'udp_length')).toBe(String(8 + 64));
  });
});

describe('when the packet inspector opens a gateway frame', () => {
  it('a real VRRPv3 advertisement shows IPv4 (protocol 112, TTL 255) and every RFC 5798 §5.2 field', () => {
    const [frame] = capture('pcapplusplus-VRRP-V3-IPv4.pcap');
    const fields = frameFields(frame ?? new Uint8Array());
    expect(field(fields, 'ip_protocol')).toBe('112 (VRRP)');
    expect(field(fields, 'ip_ttl')).toBe('255');
    expect(field(fields, 'ip_dst')).toBe('224.0.0.18');
    expect(field(fields, 'vrrp_version')).toBe('3');
    expect(field(fields, 'vrrp_type')).toBe('1 (Advertisement)');
    expect(field(fields, 'vrrp_max_adver_int')).toMatch(/^\d+ cs \([\d.]+ s\)$/);
    expect(field(fields, 'vrrp_address_1')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('an ICMP echo request (RFC 792) shows type, identifier and sequence', () => {
    const bytes = encodeIcmpEchoFrame('02:00:00:00:00:01', '02:00:00:00:00:02', { src: '10.0.0.1', dst: '198.51.100.1' }, { type: 8, id: 7, seq: 42, data: new Uint8Array(56) });
    const fields = frameFields(bytes);
    expectContiguous(fields);
    expect(field(fields, 'ip_protocol')).toBe('1 (ICMP)');
    expect(field(fields, 'icmp_type')).toBe('8 (Echo request)');
    expect(field(fields, 'icmp_identifier')).toBe('7');
    expect(field(fields, 'icmp_sequence')).toBe('42');
  });
});
