/**
 * What the gateway panels compute from the document and the live maps (pure): a VRRP member's
 * live key and derived timers (RFC 5798 §6.1, the same integer-microsecond arithmetic as the
 * engine), seconds as students read them, and whether a measured outage matches the prediction.
 */
import type { LiveMaps } from '../../store/overlayStore';

/** The live key of a VRRP router: `device:vrid`, or `device:port:vrid` on a routed port (worker/l2State). */
export function vrrpLiveKey(device: string, vrid: number, port: string | undefined): string {
  return port === undefined ? `${device}:${vrid}` : `${device}:${port}:${vrid}`;
}

export type VrrpLive = LiveMaps['vrrp'][string];
export type ProbeLive = LiveMaps['probes'][string];
export type OutageLive = LiveMaps['outages'][string];

/** Skew_Time and Master_Down_Interval of a router, in microseconds (RFC 5798 §6.1). */
export interface VrrpTimers {
  advertUs: number;
  skewUs: number;
  masterDownUs: number;
}

/** Skew_Time = ((256 − Priority) × Master_Adver_Interval) / 256; Master_Down_Interval = 3 × Master_Adver_Interval + Skew_Time. */
export function vrrpTimers(priority: number, advertIntervalCs: number): VrrpTimers {
  const advertUs = advertIntervalCs * 10_000;
  const skewUs = Math.floor(((256 - priority) * advertUs) / 256);
  return { advertUs, skewUs, masterDownUs: 3 * advertUs + skewUs };
}

/** Seconds without trailing zeros, to the millisecond (to 0.1 ms below 10 ms): 3.609, 0.6, 0.0078. */
export function secondsText(us: number): string {
  const s = us / 1_000_000;
  return String(Number(s.toFixed(Math.abs(s) < 0.01 && s !== 0 ? 4 : 3)));
}

/** Virtual milliseconds as seconds to the millisecond: 10220 → "10.22". */
export function msText(ms: number): string {
  return secondsText(ms * 1000);
}

/** The predicted outage: "2.609–3.609" for a range, "3" for one value. */
export function predictedText(expected: NonNullable<OutageLive['expected']>): string {
  return expected.minMs !== undefined && expected.minMs !== expected.ms ? `${msText(expected.minMs)}–${msText(expected.ms)}` : msText(expected.ms);
}

/**
 * Does a measured outage agree with the prediction? Within one probe interval of the predicted
 * range: the measurement counts whole probes.
 */
export function outageVerdict(o: OutageLive): 'match' | 'longer' | 'shorter' | 'unknown' {
  if (!o.expected) return 'unknown';
  if (o.durationMs > o.expected.ms + o.intervalMs) return 'longer';
  if (o.durationMs < (o.expected.minMs ?? o.expected.ms) - o.intervalMs) return 'shorter';
  return 'match';
}
