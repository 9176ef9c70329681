/**
 * What a VRRP router puts on the wire (RFC 5798 §7.2): ADVERTISEMENTs from the virtual router MAC to
 * 224.0.0.18, and on becoming Master one gratuitous ARP per virtual IPv4 address carrying the virtual
 * MAC (§6.4.1, §6.4.2; RFC 5227 §2.3 announcement form), so switches learn where the MAC went.
 */
import { gratuitousArpFrame } from '../codecs/arp';
import type { MacAddress } from '../codecs/mac';
import { encodeVrrpFrame } from '../codecs/vrrp';
import type { ResolvedVrrpConfig } from './config';

/** The advertisement frame for `priority` (0 when resigning) (RFC 5798 §5.1.1, §5.2, §7.2). */
export function advertisementFrame(cfg: ResolvedVrrpConfig, priority: number): Uint8Array {
  const adv = { vrid: cfg.vrid, priority, maxAdverIntCs: cfg.advertIntervalCs, addresses: [...cfg.virtualIps] };
  return encodeVrrpFrame(adv, { src: cfg.primaryIp });
}

/** `repeat` rounds of one broadcast gratuitous ARP per VIP with the virtual MAC (RFC 5798 §6.4.1). */
export function gratuitousArpFrames(cfg: ResolvedVrrpConfig, virtualMac: MacAddress, repeat: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < repeat; i++) for (const ip of cfg.virtualIps) out.push(gratuitousArpFrame(virtualMac, ip));
  return out;
}
