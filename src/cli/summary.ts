/**
 * The readable summary of a run, for a teacher: header, timeline, final state of every LAG,
 * what each side of a disagreeing pair sees, and LACPDU counts. Plain text, no colours.
 * All wording lives in the tables at the top of this file.
 */
import type { FaultAction, LacpPortStatus, LacpReason, LagSnapshot, MemberSnapshot } from '../engine';
import { lacpStateFlags } from '../engine/codecs';
import type { FacingPair } from './facing';
import { disagreeingPairs, facingPairs } from './facing';
import { gatewayEntryText, outageSection, reachSection, vrrpSection } from './gatewaySummary';
import type { L2Topology } from './l2Summary';
import { l2EntryText, l2Sections } from './l2Summary';
import { alignColumns, wrap } from './table';
import { formatSeconds } from './time';
import type { MemberView, Timeline, TimelineEntry } from './timeline';

/** Why a member is not in the aggregate, in plain English (table rows, timeline). */
export const REASON_TEXT: Record<LacpReason, string> = {
  linkDown: 'link down',
  noPartner: 'no LACPDU heard from the partner (defaulted)',
  halfDuplex: 'half duplex: LACP disabled',
  speedMismatch: 'speed differs from the other members (different key)',
  partnerMismatch: "partner is a different system or key than the aggregate's",
  partnerIndividual: 'partner says individual',
  partnerExpired: 'partner silent: current_while expired',
  maxActive: 'hot-standby: more members than maxActive',
  notStarted: 'LACP not started yet (e.g. PXE boot)',
};

/** The same reasons as the cause of a whole LAG being down ("down — …"). */
const WHY_DOWN: Record<LacpReason | 'negotiating', string> = {
  linkDown: 'its member links are down',
  noPartner: 'no LACPDU heard from the partner',
  halfDuplex: 'its members are half duplex, so LACP is off',
  speedMismatch: "its members' speeds differ, so they get different keys",
  partnerMismatch: 'its members lead to different partner systems or keys',
  partnerIndividual: 'the partner says its ports are individual',
  partnerExpired: 'the partner went silent (its LACPDUs stopped)',
  maxActive: 'all its members are hot-standby',
  notStarted: 'LACP has not started yet (e.g. PXE boot)',
  negotiating: 'LACP is still negotiating with the partner',
};

/** "What each side sees": one template per situation; `{name}` is filled in by `fill`. */
export const SIDE_TEMPLATES = {
  staticUp: '{who} (static, mode on): up with {count} — it sends traffic on {links}.',
  staticDown: '{who} (static, mode on): down — {why}.',
  lacpUp: '{who} (LACP {mode}): up with {count} — it agreed with its partner and sends traffic on {links}.',
  lacpUpMuted:
    '{who} (LACP {mode}): up with {count} — its control plane is muted, so it sends no LACPDUs but keeps forwarding on {links} as last agreed.',
  lacpDown: '{who} (LACP {mode}): down — {why}; members {statuses}.',
  blackHole: 'So frames {up} sends on {pairLinks} are dropped by {down}: a black hole for that traffic.',
  split: '{down} forwards on each of {pairLinks} as a separate port while {up} bundles them: expect MAC flapping or a loop.',
} as const;

const MUTE_NOTE = ' (control plane stops; its links stay up)';
const CHURN_DETECTED = 'churn detected (no LACP agreement for 60 s)';
const CHURN_CLEARED = 'churn cleared';
const FLAGS_LEGEND =
  'State flags as Wireshark shows them, bit 7 to 0: E expired, F defaulted, D distributing, C collecting, S synchronization, G aggregation, S short timeout, A activity; * = not set.';

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A fault in the header: from the lab's scenario or from a flag. */
export interface PlannedFault {
  atMs: number;
  action: FaultAction;
  target: string;
  source: 'scenario' | 'flag';
}

export interface SummaryInput {
  file: string;
  title: string | undefined;
  description: string | undefined;
  untilMs: number;
  isDefaultUntil: boolean;
  faults: readonly PlannedFault[];
  timeline: Timeline;
  lags: readonly LagSnapshot[];
  topology: L2Topology & {
    lags: readonly { device: string; id: string; rate: string; minLinks: number }[];
  };
  /** False with --no-pdus: LACPDUs were not counted. */
  hasPduCounts: boolean;
}

const at = (ms: number, width: number): string => `${formatSeconds(ms).padStart(width)} s`;
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const list = (items: readonly string[]): string => items.join(', ');

function header(input: SummaryInput): string[] {
  const out = [`TopoLab run: ${input.title ?? input.file}`];
  if (input.description) out.push(...wrap(input.description, 100, '  '));
  const why = input.faults.length === 0 ? 'default: 60 s when there is no fault' : 'default: 60 s after the last fault';
  const until = `${formatSeconds(input.untilMs)} s of virtual time (${input.isDefaultUntil ? `${why}; change with --until` : '--until'})`;
  const rows = [
    ['lab file:', input.file],
    ['ran until:', until],
  ];
  const faults = [...input.faults].sort((x, y) => x.atMs - y.atMs);
  const width = Math.max(0, ...faults.map((f) => formatSeconds(f.atMs).length));
  if (faults.length === 0) rows.push(['faults:', 'none']);
  faults.forEach((f, i) => {
    const source = f.source === 'scenario' ? "the lab's scenario" : `--${f.action}`;
    rows.push([i === 0 ? 'faults:' : '', `${at(f.atMs, width)}  ${f.action} ${f.target}  (${source})`]);
  });
  return [...out, '', ...alignColumns(rows, '  ')];
}

function memberText(v: MemberView): string {
  return v.reason ? `${v.status} (${REASON_TEXT[v.reason]})` : v.status;
}

function memberChange(from: MemberView, to: MemberView): string {
  const churn = from.churn === to.churn ? '' : to.churn ? CHURN_DETECTED : CHURN_CLEARED;
  if (from.status === to.status && from.reason === to.reason) return churn;
  const text = `${from.status === to.status ? memberText(from) : from.status} → ${memberText(to)}`;
  return churn === '' ? text : `${text}; ${churn}`;
}

function entryText(input: SummaryInput, e: TimelineEntry, minLinks: (device: string, lag: string) => number): string {
  switch (e.kind) {
    case 'fault':
      return `fault: ${e.event.action} ${e.event.kind} ${e.event.target}${e.event.action === 'mute' ? MUTE_NOTE : ''}`;
    case 'link':
      return `link ${e.event.link} ${e.event.state}`;
    case 'member':
      return `${e.device} ${e.lag} ${e.port}: ${memberChange(e.from, e.to)}`;
    case 'lag': {
      const { device, lag, up, active, standby } = e.event;
      const state = e.wasUp === undefined || e.wasUp === up ? `LAG ${up ? 'up' : 'down'}` : `LAG ${e.wasUp ? 'up → down' : 'down → up'}`;
      const need = minLinks(device, lag);
      let detail = active.length === 0 ? 'no active member' : `active ${list(active)}`;
      if (!up && active.length > 0) detail += ` but minLinks is ${need}`;
      if (standby.length > 0) detail += `; standby ${list(standby)}`;
      return `${device} ${lag}: ${state} — ${detail}`;
    }
    case 'vrrp':
    case 'probe':
    case 'outage':
      return gatewayEntryText(e);
    default:
      return l2EntryText(input.topology, e);
  }
}

function timelineSection(input: SummaryInput): string[] {
  const width = formatSeconds(input.untilMs).length;
  const minLinks = (device: string, lag: string): number =>
    input.topology.lags.find((l) => l.device === device && l.id === lag)?.minLinks ?? 1;
  const lines = input.timeline.entries().map((e) => `  ${at(e.t, width)}  ${entryText(input, e, minLinks)}`);
  if (lines.length === 0) lines.push('  (nothing happened)');
  return ['Timeline (virtual time; LACPDUs are counted below, not listed)', ...lines];
}

function modeText(lag: LagSnapshot): string {
  return lag.mode === 'on' ? 'static (mode on)' : `LACP ${lag.mode}`;
}

function stateCell(octet: number): string {
  return `${lacpStateFlags(octet)} 0x${octet.toString(16).padStart(2, '0')}`;
}

function memberRow(lag: LagSnapshot, m: MemberSnapshot): string[] {
  const notes: string[] = [];
  if (m.reason) notes.push(REASON_TEXT[m.reason]);
  if (m.reason === 'partnerMismatch') notes.push(`sees partner ${m.partnerSystem}`);
  if (m.churn) notes.push(CHURN_DETECTED);
  if (lag.mode === 'on') return [m.port, m.status, '-', '-', '-', '-', notes.join('; ') || 'static member: no LACP'];
  return [m.port, m.status, m.rx, m.mux, stateCell(m.actorState), stateCell(m.partnerState), notes.join('; ')];
}

function lagBlock(input: SummaryInput, lag: LagSnapshot): string[] {
  const cfg = input.topology.lags.find((l) => l.device === lag.device && l.id === lag.lag);
  const parts = [`${lag.device} ${lag.lag}`, modeText(lag) + (lag.mode !== 'on' && cfg ? `, ${cfg.rate} rate` : '')];
  parts.push(lag.up ? 'UP' : 'DOWN', `${lag.active.length}/${lag.members.length} members active`);
  if (lag.standby.length > 0) parts.push(`standby ${list(lag.standby)}`);
  if (cfg && cfg.minLinks > 1) parts.push(`minLinks ${cfg.minLinks}`);
  const mutedAt = input.timeline.muted.get(lag.device);
  if (mutedAt !== undefined) parts.push(`control plane muted since ${formatSeconds(mutedAt)} s`);
  const failedAt = input.timeline.failed.get(lag.device);
  if (failedAt !== undefined) parts.push(`device failed since ${formatSeconds(failedAt)} s`);
  const rows = [['port', 'status', 'rx', 'mux', 'actor state', 'partner state', 'reason'], ...lag.members.map((m) => memberRow(lag, m))];
  return [`  ${parts.join('  ·  ')}`, ...alignColumns(rows, '    ')];
}

function finalSection(input: SummaryInput): string[] {
  if (input.lags.length === 0) return [`Final state at ${formatSeconds(input.untilMs)} s: this lab has no LAGs`];
  const out = [`Final state at ${formatSeconds(input.untilMs)} s`];
  for (const lag of input.lags) out.push(...lagBlock(input, lag));
  if (input.lags.some((l) => l.mode !== 'on')) out.push(...wrap(FLAGS_LEGEND, 100, '  ', '    '));
  return out;
}

/** `both links (l1, l2)`: the links the active members are wired to (the port when unwired). */
function linksText(input: SummaryInput, lag: LagSnapshot): string {
  const n = lag.active.length;
  const ids = lag.active.map((port) => {
    const link = input.topology.links.find((l) => (l.a.device === lag.device && l.a.port === port) || (l.b.device === lag.device && l.b.port === port));
    return link?.id ?? port;
  });
  return `${n === 1 ? 'its link' : n === 2 ? 'both links' : `all ${n} links`} (${list(ids)})`;
}

function mostCommonReason(lag: LagSnapshot): LacpReason | 'negotiating' {
  const counts = new Map<LacpReason, number>();
  for (const m of lag.members) if (m.reason) counts.set(m.reason, (counts.get(m.reason) ?? 0) + 1);
  let best: LacpReason | 'negotiating' = 'negotiating';
  let bestCount = 0;
  for (const [reason, n] of counts) {
    if (n > bestCount) [best, bestCount] = [reason, n];
  }
  return best;
}

/** One sentence for one side of a facing pair. */
function sideSentence(input: SummaryInput, lag: LagSnapshot): string {
  const values = {
    who: `${lag.device} ${lag.lag}`,
    mode: lag.mode,
    count: plural(lag.active.length, 'member', 'members'),
    links: linksText(input, lag),
    why: WHY_DOWN[mostCommonReason(lag)],
    statuses: [...new Set(lag.members.map((m) => m.status))].join(' / '),
  };
  if (lag.mode === 'on') return fill(lag.up ? SIDE_TEMPLATES.staticUp : SIDE_TEMPLATES.staticDown, values);
  if (!lag.up) return fill(SIDE_TEMPLATES.lacpDown, values);
  return fill(input.timeline.muted.has(lag.device) ? SIDE_TEMPLATES.lacpUpMuted : SIDE_TEMPLATES.lacpUp, values);
}

const FORWARDING_ALONE: ReadonlySet<LacpPortStatus> = new Set<LacpPortStatus>(['individual', 'fallback', 'notStarted']);

function consequence(pair: FacingPair): string {
  const [up, down] = pair.a.up ? [pair.a, pair.b] : [pair.b, pair.a];
  const isSplit = down.members.some((m) => FORWARDING_ALONE.has(m.status));
  const values = { up: up.device, down: down.device, pairLinks: list(pair.links) };
  return fill(isSplit ? SIDE_TEMPLATES.split : SIDE_TEMPLATES.blackHole, values);
}

function sidesSection(input: SummaryInput): string[] {
  const pairs = disagreeingPairs(facingPairs(input.topology, input.lags));
  if (pairs.length === 0) return [];
  const out = ['What each side sees (the two ends of these links disagree)'];
  for (const pair of pairs) {
    if (out.length > 1) out.push('');
    for (const side of [pair.a, pair.b]) out.push(...wrap(sideSentence(input, side), 100, '  ', '    '));
    out.push(...wrap(`→ ${consequence(pair)}`, 100, '  ', '    '));
  }
  return out;
}

function pduSection(input: SummaryInput): string[] {
  if (!input.hasPduCounts) return ['LACPDUs: not counted (--no-pdus)'];
  if (input.topology.lags.length === 0) return ['LACPDUs sent: none (this lab has no LAG)'];
  const rows = input.topology.links.map((link) => {
    const bySender = input.timeline.pdus.get(link.id);
    const from = (device: string): number => bySender?.get(device) ?? 0;
    const total = from(link.a.device) + (link.a.device === link.b.device ? 0 : from(link.b.device));
    const ends = `${link.a.device}:${link.a.port} ↔ ${link.b.device}:${link.b.port}`;
    return [link.id, ends, String(total), `(${link.a.device} sent ${from(link.a.device)}, ${link.b.device} sent ${from(link.b.device)})`];
  });
  return [`LACPDUs sent: ${input.timeline.pduTotal} in total`, ...alignColumns(rows, '  ')];
}

/** The whole readable summary, ending with a newline. */
export function renderSummary(input: SummaryInput): string {
  const sections = [header(input), timelineSection(input), finalSection(input), ...l2Sections(input), vrrpSection(input.timeline.gateway, input.untilMs), reachSection(input.timeline.gateway, input.untilMs), outageSection(input.timeline.gateway), sidesSection(input), pduSection(input)];
  return `${sections.filter((s) => s.length > 0).map((s) => s.join('\n')).join('\n\n')}\n`;
}
