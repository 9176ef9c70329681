/**
 * Resolving a {@link VrrpConfig}: defaults filled in (RFC 5798 §6.1), ranges checked. Bad values
 * throw a RangeError: the document validator rejects them first, so reaching one is a bug.
 */
import { isIpv4 } from '../codecs/ipv4addr';
import { VRRP_MAX_ADVER_INT_CS, VRRP_PRIORITY_OWNER } from '../codecs/vrrp';
import type { VirtualUs } from '../scheduler';
import { msToUs } from '../scheduler';
import { DEFAULT_ADVERT_INTERVAL_CS, DEFAULT_PRIORITY } from './timers';
import type { VrrpConfig, VrrpTrack } from './types';

/** A configuration with every default applied and times in µs. */
export interface ResolvedVrrpConfig {
  readonly group: string | undefined;
  readonly device: string;
  readonly port: string | undefined;
  readonly vrid: number;
  readonly priority: number;
  readonly primaryIp: string;
  readonly virtualIps: readonly string[];
  readonly advertIntervalCs: number;
  readonly preempt: boolean;
  readonly preemptDelayUs: VirtualUs;
  readonly acceptMode: boolean;
  readonly tracks: readonly VrrpTrack[];
  readonly garpRepeat: number;
  readonly garpRefreshDelayUs: VirtualUs;
}

function check(isOk: boolean, what: string): void {
  if (!isOk) throw new RangeError(`VRRP configuration: ${what}`);
}

const isInt = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;

/** Applies the defaults of RFC 5798 §6.1 (and the vendor options') and checks every range. */
export function resolveVrrpConfig(c: VrrpConfig): ResolvedVrrpConfig {
  const r: ResolvedVrrpConfig = {
    group: c.group,
    device: c.device,
    port: c.port,
    vrid: c.vrid,
    priority: c.priority ?? DEFAULT_PRIORITY,
    primaryIp: c.primaryIp,
    virtualIps: [...c.virtualIps],
    advertIntervalCs: c.advertIntervalCs ?? DEFAULT_ADVERT_INTERVAL_CS,
    preempt: c.preempt ?? true,
    preemptDelayUs: msToUs(c.preemptDelayMs ?? 0),
    acceptMode: c.acceptMode ?? false,
    tracks: (c.tracks ?? []).map((t) => ({ ...t })),
    garpRepeat: c.garpRepeat ?? 1,
    garpRefreshDelayUs: msToUs(c.garpRefreshDelayMs ?? 0),
  };
  check(isInt(r.vrid, 1, 255), `VRID must be 1–255, got ${r.vrid}`);
  check(isInt(r.priority, 1, VRRP_PRIORITY_OWNER), `priority must be 1–255, got ${r.priority}`);
  check(isIpv4(r.primaryIp), `primary IP ${JSON.stringify(r.primaryIp)} is not IPv4`);
  check(r.virtualIps.length >= 1 && r.virtualIps.length <= 255, 'needs 1–255 virtual IPs');
  check(r.virtualIps.every(isIpv4), 'every virtual IP must be IPv4');
  check(isInt(r.advertIntervalCs, 1, VRRP_MAX_ADVER_INT_CS), `advertisement interval must be 1–4095 cs, got ${r.advertIntervalCs}`);
  check(r.preemptDelayUs >= 0 && r.garpRefreshDelayUs >= 0, 'delays must not be negative');
  check(isInt(r.garpRepeat, 0, 255), `garpRepeat must be 0–255, got ${r.garpRepeat}`);
  check(r.tracks.every((t) => isInt(t.decrement, 0, 255)), 'track decrements must be 0–255');
  return r;
}
