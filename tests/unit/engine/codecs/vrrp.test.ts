import { describe, expect, it } from 'vitest';
import type { VrrpAdvertisement, VrrpField } from '../../../../src/engine/codecs';
import {
  VRRP_FIELDS,
  VRRP_V2_FIELDS,
  decodeVrrp,
  decodeVrrpFrame,
  decodeVrrpPacket,
  encodeVrrp,
  encodeVrrpFrame,
  encodeVrrpPacket,
  internetChecksum,
  vrrpFields,
  vrrpVirtualMac,
} from '../../../../src/engine/codecs';
import { Rng } from '../../../../src/engine/scheduler';
import { codecErrorOf, fromHex, hex } from './thrown';

const ADV: VrrpAdvertisement = { vrid: 7, priority: 200, maxAdverIntCs: 100, addresses: ['10.0.0.254', '10.0.1.254'] };
const IP = { src: '10.0.0.2' };

/** Recomputes the IPv4 header checksum and the VRRP pseudo-header checksum of a frame after a test edits it. */
function reseal(frame: Uint8Array): Uint8Array {
  const ip = frame.subarray(14);
  const ihl = ((ip[0] ?? 0) & 0x0f) * 4;
  ip[10] = 0;
  ip[11] = 0;
  const h = internetChecksum(ip, 0, ihl);
  ip[10] = h >>> 8;
  ip[11] = h & 0xff;
  const total = ((ip[2] ?? 0) << 8) | (ip[3] ?? 0);
  const msg = ip.subarray(ihl, total);
  msg[6] = 0;
  msg[7] = 0;
  const pseudo = new Uint8Array(12 + msg.length + (msg.length % 2));
  pseudo.set(ip.subarray(12, 20), 0);
  pseudo[9] = 112;
  pseudo[10] = msg.length >>> 8;
  pseudo[11] = msg.length & 0xff;
  pseudo.set(msg, 12);
  const c = internetChecksum(pseudo, 0, pseudo.length);
  msg[6] = c >>> 8;
  msg[7] = c & 0xff;
  return frame;
}

/** A fresh advertisement frame with `edit` applied to it, checksums made right again. */
function edited(edit: (frame: Uint8Array) => void, adv: VrrpAdvertisement = ADV): Uint8Array {
  const frame = encodeVrrpFrame(adv, IP);
  edit(frame);
  return reseal(frame);
}

/** Reads a field from the bytes using the inspector table. */
function fieldValue(msg: Uint8Array, f: VrrpField): number {
  let v = 0;
  for (let i = 0; i < f.length; i++) v = v * 256 + (msg[f.offset + i] ?? 0);
  if (f.mask === undefined) return v;
  let shift = 0;
  while (((f.mask >>> shift) & 1) === 0) shift++;
  return (v & f.mask) >>> shift;
}

describe('when encoding a VRRPv3 advertisement (RFC 5798 §5.1.1, §5.2, §7.2)', () => {
  const frame = encodeVrrpFrame(ADV, IP);

  it('sends from the virtual router MAC 00-00-5E-00-01-{VRID} to 01-00-5E-00-00-12, EtherType IPv4, padded to 60 octets (§7.2, §7.3)', () => {
    expect(frame.length).toBe(60);
    expect(hex(frame.subarray(0, 14))).toBe('01005e00001200005e0001070800');
  });

  it('wraps it in IPv4 from the primary address to 224.0.0.18, TTL 255, protocol 112, TOS 0xc0 (§5.1.1.1–5.1.1.4)', () => {
    expect(hex(frame.subarray(14, 34))).toBe('45c0002400000000ff70' + hex(frame.subarray(24, 26)) + '0a000002e0000012');
    expect(internetChecksum(frame, 14, 20)).toBe(0);
  });

  it('lays out version 3 / type 1, VRID, priority, count, 12-bit Max Adver Int and the addresses (§5.2.1–5.2.7, §5.2.9)', () => {
    expect(hex(frame.subarray(34, 42)).slice(0, 12)).toBe('3107c8020064');
    expect(hex(frame.subarray(42, 50))).toBe('0a0000fe0a0001fe');
  });

  it('decodes back to the same advertisement, checksum in the pseudo-header form (§5.2.8)', () => {
    const f = decodeVrrpFrame(frame);
    expect(f.ip).toEqual({ family: 'ipv4', src: '10.0.0.2', dst: '224.0.0.18', ttl: 255, tos: 0xc0, id: 0, dontFragment: false });
    expect(f.vrrp).toMatchObject({ ...ADV, version: 3, reserved: 0, checksumForm: 'pseudoHeader' });
  });

  it('can write the message-only checksum of RFC 9568 instead, and the decoder accepts and names either (§5.2.8)', () => {
    const msg = encodeVrrp(ADV, { src: IP.src, checksumForm: 'messageOnly' });
    expect(internetChecksum(msg, 0, msg.length)).toBe(0);
    expect(decodeVrrp(msg, { src: IP.src, dst: '224.0.0.18' })).toMatchObject({ checksumForm: 'messageOnly' });
    expect(decodeVrrp(encodeVrrp(ADV, IP), { src: IP.src, dst: '224.0.0.18' })).toMatchObject({ checksumForm: 'pseudoHeader' });
    expect(decodeVrrpFrame(encodeVrrpFrame(ADV, { ...IP, checksumForm: 'messageOnly' })).vrrp).toMatchObject({ checksumForm: 'messageOnly' });
  });

  it('round-trips 300 random advertisements and IPv4 headers exactly', () => {
    const rng = new Rng(5798);
    const ip4 = () => `${rng.int(224)}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
    for (let n = 0; n < 300; n++) {
      const adv = { vrid: 1 + rng.int(255), priority: rng.int(256), maxAdverIntCs: 1 + rng.int(4095), addresses: Array.from({ length: 1 + rng.int(20) }, ip4) };
      const ip = { src: ip4(), tos: rng.int(256), id: rng.int(65536), dontFragment: rng.int(2) === 1 };
      const f = decodeVrrpFrame(encodeVrrpFrame(adv, ip));
      expect(f.vrrp).toMatchObject(adv);
      expect(f.ip).toMatchObject({ ...ip, dst: '224.0.0.18', ttl: 255 });
      expect(hex(encodeVrrpPacket(adv, ip))).toBe(hex(f.vrrp.version === 3 ? encodeVrrpPacket(f.vrrp, ip) : new Uint8Array()));
    }
  });

  it('refuses values the fields cannot carry: VRID 0/256, priority 256, interval 0/4096 cs, no or 256 addresses, a bad address', () => {
    expect(codecErrorOf(() => encodeVrrp({ ...ADV, vrid: 0 }, IP)).code).toBe('vrrp.vrid');
    expect(codecErrorOf(() => encodeVrrp({ ...ADV, vrid: 256 }, IP)).code).toBe('vrrp.vrid');
    expect(codecErrorOf(() => encodeVrrp({ ...ADV, priority: 256 }, IP)).code).toBe('vrrp.priority');
    expect(codecErrorOf(() => encodeVrrp({ ...ADV, maxAdverIntCs: 0 }, IP)).code).toBe('vrrp.interval');
    expect(codecErrorOf(() => encodeVrrp({ ...ADV, maxAdverIntCs: 4096 }, IP)).code).toBe('vrrp.interval');
    expect(codecErrorOf(() => encodeVrrp({ ...ADV, addresses: [] }, IP)).code).toBe('vrrp.count');
    expect(codecErrorOf(() => encodeVrrp({ ...ADV, addresses: Array<string>(256).fill('10.0.0.1') }, IP)).code).toBe('vrrp.count');
    expect(codecErrorOf(() => encodeVrrp({ ...ADV, addresses: ['10.0.0.256'] }, IP)).code).toBe('ipv4.parse');
  });

  it('names the virtual router MACs for both families (§7.3)', () => {
    expect(vrrpVirtualMac(1)).toBe('00:00:5e:00:01:01');
    expect(vrrpVirtualMac(255, 'ipv6')).toBe('00:00:5e:00:02:ff');
    expect(codecErrorOf(() => vrrpVirtualMac(0)).code).toBe('vrrp.vrid');
  });
});

describe('when validating a received advertisement (RFC 5798 §7.1)', () => {
  it('accepts the unedited frame', () => {
    expect(decodeVrrpFrame(edited(() => undefined)).vrrp.vrid).toBe(7);
  });

  it('§7.1: discards a TTL other than 255 (a routed, forged advertisement)', () => {
    expect(codecErrorOf(() => decodeVrrpFrame(edited((f) => (f[22] = 254)))).code).toBe('vrrp.ttl');
  });

  it('§7.1: discards a version other than 3 or 2 and a type other than ADVERTISEMENT', () => {
    expect(codecErrorOf(() => decodeVrrpFrame(edited((f) => (f[34] = 0x41)))).code).toBe('vrrp.version');
    expect(codecErrorOf(() => decodeVrrpFrame(edited((f) => (f[34] = 0x32)))).code).toBe('vrrp.type');
  });

  it('§7.1: discards a wrong checksum in either form', () => {
    const frame = encodeVrrpFrame(ADV, IP);
    frame[40] = (frame[40] ?? 0) ^ 0x01;
    expect(codecErrorOf(() => decodeVrrpFrame(frame)).code).toBe('vrrp.checksum');
  });

  it('§7.1: discards an incomplete packet: an address list shorter than Count, or fewer than 8 octets', () => {
    expect(codecErrorOf(() => decodeVrrpFrame(edited((f) => (f[37] = 3)))).code).toBe('vrrp.length');
    const short = fromHex('4500001a00000000ff70000001020304e0000012310701000064');
    expect(codecErrorOf(() => decodeVrrpPacket(short)).code).toBe('ipv4.checksum');
    expect(codecErrorOf(() => decodeVrrp(short.subarray(20))).code).toBe('vrrp.short');
  });

  it('RFC 9568 §7.1: discards Max Adver Int 0; errata 8299: discards Count 0', () => {
    expect(codecErrorOf(() => decodeVrrpFrame(edited((f) => (f[39] = 0)))).code).toBe('vrrp.interval');
    expect(codecErrorOf(() => decodeVrrpFrame(edited((f) => (f[37] = 0)))).code).toBe('vrrp.count');
  });

  it('rejects what is not VRRP at all: another IP protocol, an IPv4 fragment, a non-IP EtherType', () => {
    expect(codecErrorOf(() => decodeVrrpFrame(edited((f) => (f[23] = 17)))).code).toBe('vrrp.protocol');
    expect(codecErrorOf(() => decodeVrrpFrame(edited((f) => (f[20] = 0x20)))).code).toBe('vrrp.fragment');
    expect(codecErrorOf(() => decodeVrrpFrame(edited((f) => (f[13] = 0x06)))).code).toBe('vrrp.ethertype');
  });

  it('skips 802.1Q tags before the IPv4 header', () => {
    const plain = encodeVrrpFrame(ADV, IP);
    const tagged = new Uint8Array(plain.length + 4);
    tagged.set(plain.subarray(0, 12));
    tagged.set([0x81, 0x00, 0x00, 0x0a], 12);
    tagged.set(plain.subarray(12), 16);
    expect(decodeVrrpFrame(tagged)).toMatchObject({ vlanTags: [10], vrrp: { vrid: 7 } });
  });
});

describe('when listing fields for the packet inspector', () => {
  it('VRRP_FIELDS cover octets 0–7 of a v3 message, and reading them back gives the decoded values (RFC 5798 §5.2)', () => {
    const msg = encodeVrrp(ADV, IP);
    const d = decodeVrrp(msg, { src: IP.src, dst: '224.0.0.18' });
    const read = Object.fromEntries(VRRP_FIELDS.map((f) => [f.name, fieldValue(msg, f)]));
    expect(read).toEqual({ version: 3, type: 1, vrid: 7, priority: 200, count: 2, reserved: 0, max_adver_int: 100, checksum: d.checksum });
  });

  it('vrrpFields adds one field per address, and VRRPv2 Authentication Data when present (RFC 3768 §5.3)', () => {
    const d = decodeVrrp(encodeVrrp(ADV, { ...IP, checksumForm: 'messageOnly' }));
    expect(vrrpFields(d).slice(VRRP_FIELDS.length)).toEqual([
      { name: 'address_1', offset: 8, length: 4 },
      { name: 'address_2', offset: 12, length: 4 },
    ]);
    const v2 = fromHex('21016403000138fac0a80001c0a80002c0a80003');
    expect(vrrpFields(decodeVrrp(v2))).toHaveLength(VRRP_V2_FIELDS.length + 3);
    const withAuth = fromHex('212bbf01000aea2e0a042b960000000000000000');
    expect(vrrpFields(decodeVrrp(withAuth)).at(-1)).toEqual({ name: 'auth_data', offset: 12, length: 8 });
    expect(vrrpFields(d, 'ipv6').at(-1)).toEqual({ name: 'address_2', offset: 24, length: 16 });
  });
});
