/**
 * Pure judgements over the live gateway maps (`vrrp`, `probes`, `outages`), for the cards' VRRP
 * chips, reachability rows and outage prediction. Each selector helper returns one string, so a
 * card re-renders only when what it shows changes (bench/README.md: narrow selectors, primitives).
 */
import type { ProbeTarget } from '../../model';
import type { LiveMaps } from '../../store/overlayStore';

/** A VRRP router's state as its chip shows it; `none` before its first event. */
export type VrrpTone = 'master' | 'backup' | 'initialize' | 'none';

/** A host's reachability of a target: `pending` before its first probe event. */
export type ReachState = 'ok' | 'lost' | 'pending';

/** `state|priority` of a VRRP member, '' before its first event. */
export function vrrpChipKey(maps: Pick<LiveMaps, 'vrrp'>, liveKey: string): string {
  const v = maps.vrrp[liveKey];
  return v ? `${v.state}|${v.priority}` : '';
}

export function parseVrrpChipKey(key: string, configured: number): { tone: VrrpTone; priority: number } {
  if (key === '') return { tone: 'none', priority: configured };
  const [state = '', priority = ''] = key.split('|');
  return { tone: state as VrrpTone, priority: Number(priority) };
}

/** `state|sinceMs|lastOutageMs` of a host's probe of a target ('' parts when unknown). */
export function reachKey(maps: Pick<LiveMaps, 'probes' | 'outages'>, host: string, target: ProbeTarget): string {
  const p = maps.probes[`${host}:${target}`];
  const o = maps.outages[`${host}:${target}`];
  return `${p?.state ?? 'pending'}|${p?.state === 'lost' ? (p.sinceMs ?? p.t) : ''}|${o ? o.durationMs : ''}`;
}

export interface ReachLook {
  state: ReachState;
  /** While lost: when the first unanswered probe was sent (virtual ms). */
  sinceMs: number | null;
  /** The last outage measured towards this target, ms. */
  outageMs: number | null;
}

export function parseReachKey(key: string): ReachLook {
  const [state = 'pending', since = '', outage = ''] = key.split('|');
  return { state: state as ReachState, sinceMs: since === '' ? null : Number(since), outageMs: outage === '' ? null : Number(outage) };
}

/** The latest outage a host measured (of any of its targets) with the standard's prediction. */
export interface OutageLook {
  target: ProbeTarget;
  durationMs: number;
  lostProbes: number;
  intervalMs: number;
  expected: { ms: number; minMs: number | null; rule: string } | null;
}

/**
 * The host's latest measured outage (the one that ended last; the first target on a tie, so the
 * gateway's), as one string: `target|duration|lost|interval|expectedMs|minMs|rule`, '' if none.
 */
export function latestOutageKey(maps: Pick<LiveMaps, 'outages'>, host: string, targets: readonly ProbeTarget[]): string {
  let best: { target: ProbeTarget; o: LiveMaps['outages'][string] } | null = null;
  for (const target of targets) {
    const o = maps.outages[`${host}:${target}`];
    if (o && (!best || o.endMs > best.o.endMs)) best = { target, o };
  }
  if (!best) return '';
  const { target, o } = best;
  const x = o.expected;
  return `${target}|${o.durationMs}|${o.lostProbes}|${o.intervalMs}|${x ? x.ms : ''}|${x?.minMs ?? ''}|${x ? x.rule : ''}`;
}

export function parseOutageKey(key: string): OutageLook | null {
  if (key === '') return null;
  const [target = 'gateway', duration = '0', lost = '0', interval = '0', ms = '', minMs = '', rule = ''] = key.split('|');
  const expected = ms === '' ? null : { ms: Number(ms), minMs: minMs === '' ? null : Number(minMs), rule };
  return { target: target as ProbeTarget, durationMs: Number(duration), lostProbes: Number(lost), intervalMs: Number(interval), expected };
}

/**
 * True when the measured outage agrees with the prediction: within one probe interval of the
 * predicted range (the measurement counts whole probes, so it is off by up to one interval).
 */
export function isAsPredicted(o: OutageLook): boolean {
  if (!o.expected) return false;
  const low = (o.expected.minMs ?? o.expected.ms) - o.intervalMs;
  const high = o.expected.ms + o.intervalMs;
  return o.durationMs >= low && o.durationMs <= high;
}

/** Seconds with `digits` decimals: 3600 → "3.600". */
export function seconds(ms: number, digits = 3): string {
  return (ms / 1000).toFixed(digits);
}

/** The predicted value as seconds: "2.609–3.609" for a range, "3.000" for one value. */
export function predictedSeconds(expected: NonNullable<OutageLook['expected']>): string {
  return expected.minMs !== null && expected.minMs !== expected.ms ? `${seconds(expected.minMs)}–${seconds(expected.ms)}` : seconds(expected.ms);
}
