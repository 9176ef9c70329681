/**
 * The first-hop part of the readable summary: timeline lines for VRRP, reachability and outages;
 * the final state of each VRRP group (who is Master, every member's priority); every measured
 * outage next to the standard's prediction. All wording is in the tables here.
 */
import type { ExpectedOutage, OutageEvent, ProbeEvent, VrrpEvent, VrrpReasonName } from '../engine';
import type { GatewayEntry, GatewayFold } from './gatewayTimeline';
import { alignColumns } from './table';
import { formatSeconds } from './time';

/** Why a VRRP router changed, in a few words (RFC 5798 §6.4). */
export const VRRP_REASON_TEXT: Record<VrrpReasonName, string> = {
  startup: 'started (waits Master_Down_Interval for a Master)',
  owner: 'address owner: Master at once',
  masterDown: 'no advertisement for Master_Down_Interval',
  masterResigned: 'the Master resigned (priority 0): took over after Skew_Time',
  preempt: 'preempted a lower-priority Master',
  higherPriority: 'heard a higher priority',
  higherIp: 'same priority, higher address',
  shutdown: 'VRRP shut down',
  interfaceDown: 'interface or device down',
  priorityChanged: 'priority changed (a tracked object)',
  configChanged: 'configuration changed',
  newMaster: 'follows the Master',
};

const who = (e: VrrpEvent): string => `${e.device}${e.port === undefined ? '' : ` ${e.port}`} VRRP ${e.group ?? ''} (VRID ${e.vrid})`.replace('  ', ' ');

function vrrpText(e: Extract<GatewayEntry, { kind: 'vrrp' }>): string {
  const { event: to, from } = e;
  const state = from === undefined || from.state === to.state ? to.state : `${from.state} → ${to.state}`;
  const priority = from !== undefined && from.priority !== to.priority ? `priority ${from.priority} → ${to.priority}` : `priority ${to.priority}`;
  const master = to.state === 'backup' && to.masterIp !== undefined ? `, Master ${to.masterIp}` : '';
  return `${who(to)}: ${state}, ${priority}${master} — ${VRRP_REASON_TEXT[to.reason]}`;
}

const s3 = (ms: number): string => `${formatSeconds(ms)} s`;

function probeText(e: ProbeEvent): string {
  const what = `${e.host} → ${e.target} ${e.ip}`;
  return e.state === 'ok' ? `${what}: reachable` : `${what}: unreachable (probes unanswered since ${s3(e.sinceMs ?? e.t)})`;
}

/** `2.609–3.609 s`: the prediction, a range when the standard gives one. */
function expectedValue(x: ExpectedOutage): string {
  return x.minMs === undefined || x.minMs === x.ms ? s3(x.ms) : `${formatSeconds(x.minMs)}–${s3(x.ms)}`;
}

function outageText(e: OutageEvent): string {
  const after = e.fault ? ` after ${e.fault.action} ${e.fault.target} at ${s3(e.fault.atMs)}` : '';
  const measured = `${e.host} → ${e.target} ${e.ip}: outage of ${s3(e.durationMs)} (probes lost from ${s3(e.startMs)} to ${s3(e.endMs)}: ${e.lostProbes})${after}`;
  return e.expected ? `${measured}; expected ${expectedValue(e.expected)} (${e.expected.rule})` : measured;
}

/** One timeline line for a first-hop entry. */
export function gatewayEntryText(e: GatewayEntry): string {
  if (e.kind === 'probe') return probeText(e.event);
  if (e.kind === 'outage') return outageText(e.event);
  return vrrpText(e);
}

/** Every measured outage next to the standard's prediction (DESIGN.md §7, failover report). */
export function outageSection(fold: GatewayFold): string[] {
  if (fold.outages.length === 0) return [];
  const interval = fold.outages[0]?.intervalMs ?? 0;
  const rows = [
    ['host', 'target', 'after', 'measured', 'expected', 'rule'],
    ...fold.outages.map((o) => [
      o.host,
      `${o.target} ${o.ip}`,
      o.fault ? `${o.fault.action} ${o.fault.target} at ${s3(o.fault.atMs)}` : '-',
      s3(o.durationMs),
      o.expected ? expectedValue(o.expected) : '-',
      o.expected?.rule ?? '-',
    ]),
  ];
  const notes = fold.outages.flatMap((o) => (o.expected ? [`  ${o.expected.rule}: ${o.expected.detail}`] : []));
  return [`Outages measured (probes every ${interval} ms: first lost to first answered)`, ...alignColumns(rows, '  '), ...[...new Set(notes)]];
}

/** Each host's reachability of its targets at the end. */
export function reachSection(fold: GatewayFold, untilMs: number): string[] {
  const probes = [...fold.probes.values()];
  if (probes.length === 0) return [];
  const rows = [['host', 'target', 'state', 'since'], ...probes.map((p) => [p.host, `${p.target} ${p.ip}`, p.state === 'ok' ? 'reachable' : 'unreachable', s3(p.state === 'ok' ? p.t : (p.sinceMs ?? p.t))])];
  return [`Reachability at ${formatSeconds(untilMs)} s`, ...alignColumns(rows, '  ')];
}

/** Each VRRP group: who is Master, each member's state and priority, advertisements sent. */
export function vrrpSection(fold: GatewayFold, untilMs: number): string[] {
  const members = [...fold.vrrp.values()];
  if (members.length === 0) return [];
  const rows = [['group', 'member', 'state', 'priority', 'Master it knows'], ...members.map((m) => [`${m.group ?? '-'} (VRID ${m.vrid})`, `${m.device}${m.port === undefined ? '' : ` ${m.port}`}`, m.state, String(m.priority), m.masterIp ?? '-'])];
  const out = [`VRRP at ${formatSeconds(untilMs)} s`, ...alignColumns(rows, '  ')];
  for (const [group, n] of fold.adverts) out.push(`  ${group}: ${n} advertisements sent`);
  return out;
}
