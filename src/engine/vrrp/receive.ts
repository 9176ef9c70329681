/**
 * Receive validation of RFC 5798 §7.1 that needs the instance's configuration. The codec already
 * checked what the bytes alone say (TTL 255, type, complete packet, checksum, Max Adver Int ≠ 0,
 * Count ≠ 0); this adds version 3 over IPv4, "VRID configured on the receiving interface", our own
 * looped-back advertisements, and the optional address-list check.
 *
 * RFC 5798 also says an address owner discards every advertisement; RFC 9568 errata 8298
 * (verified) withdraws that, since two misconfigured owners would then both stay Master. The owner
 * processes advertisements here, as the errata says.
 */
import type { VrrpFrame } from '../codecs/vrrp';
import type { ResolvedVrrpConfig } from './config';
import type { VrrpRxResult } from './types';
import { VrrpRx } from './types';

function sameAddresses(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((x) => set.has(x));
}

/** The §7.1 verdict on a decoded frame for this instance: `processed` and `misconfigured` go on to §6.4. */
export function checkAdvertisement(frame: VrrpFrame, cfg: ResolvedVrrpConfig): VrrpRxResult {
  if (frame.ip.family !== 'ipv4' || frame.vrrp.version !== 3) return VrrpRx.otherVersion;
  if (frame.vrrp.vrid !== cfg.vrid) return VrrpRx.otherVrid;
  if (frame.ip.src === cfg.primaryIp) return VrrpRx.own;
  // §7.1: MAY check the address list; a mismatch is logged as a misconfiguration, not dropped
  // (RFC 3768 dropped it unless the sender was the owner; RFC 5798 and 9568 do not).
  return sameAddresses(frame.vrrp.addresses, cfg.virtualIps) ? VrrpRx.processed : VrrpRx.misconfigured;
}
