/**
 * Turns the overlay's event log into log lines: a one-line sentence in the current language,
 * the devices it concerns (for the filter), what clicking it selects, and a tone for its colour.
 * Pure; the translate function is passed in so tests can call it without React.
 */
import type { BondEvent, BpduEvent, FaultEvent, LacpEvent, LagEvent, OutageEvent, ProbeEvent, SimEvent, SimEventType, StpEvent, VrrpAdvertEvent, VrrpEvent } from '../../engine/events';
import type { Topology } from '../../model';
import type { LogEntry } from '../../store/overlayReducer';

export type Translate = (key: string, params: Record<string, string | number>) => string;

export type LogTarget =
  | { kind: 'device'; id: string }
  | { kind: 'link'; id: string }
  | { kind: 'lag'; device: string; id: string }
  | { kind: 'packet'; link: string; frame: number };

export type Tone = 'good' | 'bad' | 'warn' | 'neutral';

export interface LogLine {
  id: number;
  t: number;
  type: SimEventType;
  text: string;
  tone: Tone;
  devices: string[];
  target: LogTarget | null;
}

/** Event types a student can filter on; LACPDUs are hidden by default (several per second). */
export const LOG_TYPES: readonly SimEventType[] = ['fault', 'link', 'lag', 'lacp', 'stp', 'mclag', 'bond', 'vrrp', 'outage', 'probe', 'flow', 'arp', 'lacpdu', 'bpdu', 'vrrpAdvert', 'traffic'];
export const DEFAULT_LOG_TYPES: readonly SimEventType[] = ['fault', 'link', 'lag', 'lacp', 'stp', 'mclag', 'bond', 'vrrp', 'outage', 'probe', 'flow', 'arp'];

/** Seconds with milliseconds: `12.345`. */
export function formatLogTime(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function hex(octet: number): string {
  return `0x${octet.toString(16).padStart(2, '0')}`;
}

/** 802.1AX names of the state bits, bit 0 first (the same in every language). */
const BIT_NAMES = ['LACP_Activity', 'LACP_Timeout', 'Aggregation', 'Synchronization', 'Collecting', 'Distributing', 'Defaulted', 'Expired'];

/** `+Distributing −Defaulted`: the bits that changed between two state octets. */
export function bitChange(from: number, to: number): string {
  return BIT_NAMES.flatMap((name, bit) => {
    const was = (from >> bit) & 1;
    const is = (to >> bit) & 1;
    return was === is ? [] : [`${is ? '+' : '−'}${name}`];
  }).join(' ');
}

interface Context {
  doc: Topology;
  t: Translate;
  names: Map<string, string>;
}

function name(ctx: Context, device: string): string {
  return ctx.names.get(device) ?? device;
}

function linkEnds(ctx: Context, link: string): { devices: string[]; a: string; b: string } {
  const l = ctx.doc.links.find((x) => x.id === link);
  if (!l) return { devices: [], a: '?', b: '?' };
  return { devices: [l.a.device, l.b.device], a: `${name(ctx, l.a.device)} ${l.a.port}`, b: `${name(ctx, l.b.device)} ${l.b.port}` };
}

function faultLine(ctx: Context, e: FaultEvent): Pick<LogLine, 'text' | 'tone' | 'target'> {
  const tone: Tone = e.action === 'fail' || e.action === 'mute' ? 'bad' : 'good';
  if (e.kind === 'device') {
    return { text: ctx.t(`log.fault.device.${e.action}`, { target: name(ctx, e.target) }), tone, target: { kind: 'device', id: e.target } };
  }
  if (e.kind === 'link') {
    return { text: ctx.t(`log.fault.link.${e.action}`, { target: e.target }), tone, target: { kind: 'link', id: e.target } };
  }
  const [device = e.target, port = ''] = e.target.split(':');
  return { text: ctx.t(`log.fault.port.${e.action}`, { target: `${name(ctx, device)} ${port}` }), tone, target: { kind: 'device', id: device } };
}

const GOOD_STATUS = new Set(['distributing', 'static', 'fallback']);
const BAD_STATUS = new Set(['down', 'suspended', 'detached', 'individual']);

/** Reasons a status already says by itself ("Link down (link down)" reads twice). */
const SAYS_IT_ALL: Partial<Record<LacpEvent['status'], readonly string[]>> = { down: ['linkDown'], notStarted: ['notStarted'], standby: ['maxActive'] };

function lacpText(ctx: Context, e: LacpEvent, prev: LacpEvent | undefined): string {
  const who = { device: name(ctx, e.device), lag: e.lag, port: e.port };
  const status = (s: string) => ctx.t(`lacp.status.${s}`, {});
  let text: string;
  if (!prev) text = ctx.t('log.lacp.initial', { ...who, to: status(e.status) });
  else if (prev.status !== e.status) text = ctx.t('log.lacp.status', { ...who, from: status(prev.status), to: status(e.status) });
  else if (prev.mux !== e.mux) text = ctx.t('log.lacp.mux', { ...who, from: prev.mux, to: e.mux });
  else if (prev.rx !== e.rx) text = ctx.t('log.lacp.rx', { ...who, from: prev.rx, to: e.rx });
  else if (prev.selected !== e.selected) text = ctx.t('log.lacp.selected', { ...who, from: prev.selected, to: e.selected });
  else if (prev.partner.state !== e.partner.state) text = ctx.t('log.lacp.partnerState', { ...who, from: hex(prev.partner.state), to: hex(e.partner.state), change: bitChange(prev.partner.state, e.partner.state) });
  else if (prev.actor.state !== e.actor.state) text = ctx.t('log.lacp.actorState', { ...who, from: hex(prev.actor.state), to: hex(e.actor.state), change: bitChange(prev.actor.state, e.actor.state) });
  else if (e.churn === true && prev.churn !== true) text = ctx.t('log.lacp.churn', who);
  else text = ctx.t('log.lacp.update', { ...who, to: status(e.status) });
  return e.reason && !SAYS_IT_ALL[e.status]?.includes(e.reason) ? ctx.t('log.withReason', { text, reason: ctx.t(`lacp.reasonShort.${e.reason}`, {}) }) : text;
}

function lagText(ctx: Context, e: LagEvent, prev: LagEvent | undefined): string {
  const who = { device: name(ctx, e.device), lag: e.lag, count: e.active.length, members: e.active.join(', ') };
  if (!e.up) return ctx.t('log.lag.down', who);
  return prev?.up === true ? ctx.t('log.lag.members', who) : ctx.t('log.lag.up', who);
}

/** A bond's failover, its slaves in use, then which slaves are down or going down. */
function bondLine(ctx: Context, e: BondEvent, prev: BondEvent | undefined): Pick<LogLine, 'text' | 'tone' | 'target'> {
  const who = { device: name(ctx, e.device), bond: e.bond, mode: e.mode };
  const isFailover = prev?.activeSlave !== undefined && e.activeSlave !== undefined && prev.activeSlave !== e.activeSlave;
  let text: string;
  if (e.active.length === 0) text = ctx.t('log.bond.none', who);
  else if (isFailover) text = ctx.t('log.bond.failover', { ...who, from: prev.activeSlave ?? '', to: e.activeSlave ?? '' });
  else if (e.activeSlave !== undefined) text = ctx.t('log.bond.active', { ...who, to: e.activeSlave });
  else text = ctx.t('log.bond.slaves', { ...who, slaves: e.active.join(', ') });
  const failing = Object.entries(e.mii ?? {}).filter(([, s]) => s === 'fail').map(([p]) => p);
  if (failing.length > 0) text = ctx.t('log.bond.failing', { text, slaves: failing.join(', ') });
  if (e.down.length > 0) text = ctx.t('log.bond.down', { text, slaves: e.down.join(', ') });
  const isPartial = e.activeSlave === undefined && e.active.length < Object.keys(e.mii ?? {}).length;
  const tone: Tone = e.active.length === 0 ? 'bad' : isFailover || isPartial || failing.length > 0 || e.down.length > 0 ? 'warn' : 'good';
  return { text, tone, target: { kind: 'device', id: e.device } };
}

/** A spanning-tree port's role and state; the root it believes in when that changed. */
function stpLine(ctx: Context, e: StpEvent, prev: StpEvent | undefined): Pick<LogLine, 'text' | 'tone' | 'target'> {
  const who = { device: name(ctx, e.device), port: e.port, role: ctx.t(`log.stp.role.${e.role}`, {}), state: ctx.t(`log.stp.state.${e.state}`, {}) };
  let key = 'log.stp.port';
  if (prev?.rootBridge !== e.rootBridge || prev.rootCost !== e.rootCost) key = e.isRoot ? 'log.stp.isRoot' : 'log.stp.root';
  const tone: Tone = e.state === 'forwarding' ? 'good' : e.state === 'disabled' ? 'bad' : 'warn';
  return { text: ctx.t(key, { ...who, root: e.rootBridge, cost: e.rootCost }), tone, target: { kind: 'device', id: e.device } };
}

function bpduLine(ctx: Context, e: BpduEvent): Pick<LogLine, 'text' | 'tone' | 'target'> {
  const kind = e.kind === 'rst' ? 'RST BPDU' : e.kind === 'tcn' ? 'TCN BPDU' : 'Config BPDU';
  const flags = [...(e.role ? [e.role] : []), ...e.flags].join(', ');
  const text = ctx.t('log.bpdu', { kind, from: `${name(ctx, e.from.device)}:${e.from.port}`, to: `${name(ctx, e.to.device)}:${e.to.port}`, flags });
  return { text, tone: 'neutral', target: { kind: 'packet', link: e.link, frame: e.frame } };
}

/** A VRRP member's state, priority and why (RFC 5798 §6.4); the Master's address when known. */
function vrrpLine(ctx: Context, e: VrrpEvent): Pick<LogLine, 'text' | 'tone' | 'target'> {
  const who = { device: name(ctx, e.device), group: e.group ?? `VRID ${e.vrid}`, vrid: e.vrid, priority: e.priority, state: ctx.t(`log.vrrp.state.${e.state}`, {}), reason: ctx.t(`log.vrrp.reason.${e.reason}`, {}) };
  const key = e.state === 'backup' && e.masterIp !== undefined ? 'log.vrrp.backupOf' : 'log.vrrp.line';
  const tone: Tone = e.state === 'master' ? 'good' : e.state === 'initialize' ? 'bad' : 'neutral';
  return { text: ctx.t(key, { ...who, master: e.masterIp ?? '' }), tone, target: { kind: 'device', id: e.device } };
}

function vrrpAdvertLine(ctx: Context, e: VrrpAdvertEvent): Pick<LogLine, 'text' | 'tone' | 'target'> {
  const text = ctx.t(e.priority === 0 ? 'log.vrrpAdvert.resign' : 'log.vrrpAdvert.line', { from: `${name(ctx, e.from.device)}:${e.from.port}`, to: `${name(ctx, e.to.device)}:${e.to.port}`, vrid: e.vrid, priority: e.priority, device: name(ctx, e.device) });
  return { text, tone: 'neutral', target: { kind: 'packet', link: e.link, frame: e.frame } };
}

/** Seconds for a sentence: `3.6`, `0.609`, `90`. */
function secondsText(ms: number): string {
  return String(Number((ms / 1000).toFixed(3)));
}

function probeLine(ctx: Context, e: ProbeEvent): Pick<LogLine, 'text' | 'tone' | 'target'> {
  const who = { host: name(ctx, e.host), target: ctx.t(`log.probe.target.${e.target}`, {}), ip: e.ip, since: formatLogTime(e.sinceMs ?? e.t) };
  return { text: ctx.t(`log.probe.${e.state}`, who), tone: e.state === 'ok' ? 'good' : 'bad', target: { kind: 'device', id: e.host } };
}

/** The measured outage, next to the standard's prediction when the engine could name one. */
function outageLine(ctx: Context, e: OutageEvent): Pick<LogLine, 'text' | 'tone' | 'target'> {
  const who = { host: name(ctx, e.host), target: ctx.t(`log.probe.target.${e.target}`, {}), ip: e.ip, duration: secondsText(e.durationMs), lost: e.lostProbes, interval: e.intervalMs };
  let text = ctx.t('log.outage.measured', who);
  const x = e.expected;
  if (x) {
    const expected = x.minMs === undefined || x.minMs === x.ms ? secondsText(x.ms) : `${secondsText(x.minMs)}–${secondsText(x.ms)}`;
    text = ctx.t('log.outage.expected', { text, expected, rule: ctx.t(`log.outage.rule.${x.rule}`, {}) });
  }
  return { text, tone: 'warn', target: { kind: 'device', id: e.host } };
}

function devicesOf(ctx: Context, e: SimEvent): string[] {
  switch (e.type) {
    case 'link':
      return linkEnds(ctx, e.link).devices;
    case 'fault':
      if (e.kind === 'device') return [e.target];
      if (e.kind === 'link') return linkEnds(ctx, e.target).devices;
      return [e.target.split(':')[0] ?? e.target];
    case 'lacpdu':
    case 'bpdu':
    case 'vrrpAdvert':
      return [e.from.device, e.to.device];
    case 'vrrp':
      return [e.device];
    case 'probe':
    case 'outage':
      return [e.host];
    case 'stp':
      return [e.device];
    case 'lacp':
    case 'lag':
    case 'arp':
      return [e.device];
    case 'flow':
      return [e.from, e.to];
    case 'mclag':
    case 'bond':
      return [e.device];
    case 'traffic':
      return linkEnds(ctx, e.link).devices;
  }
}

function describeEvent(ctx: Context, e: SimEvent, before: SimEvent | undefined): Pick<LogLine, 'text' | 'tone' | 'target'> {
  switch (e.type) {
    case 'link': {
      const ends = linkEnds(ctx, e.link);
      return { text: ctx.t(`log.link.${e.state}`, { link: e.link, a: ends.a, b: ends.b }), tone: e.state === 'up' ? 'good' : 'bad', target: { kind: 'link', id: e.link } };
    }
    case 'fault':
      return faultLine(ctx, e);
    case 'lacp': {
      const tone: Tone = GOOD_STATUS.has(e.status) ? 'good' : BAD_STATUS.has(e.status) ? 'bad' : 'warn';
      return { text: lacpText(ctx, e, before as LacpEvent | undefined), tone, target: { kind: 'lag', device: e.device, id: e.lag } };
    }
    case 'lag':
      return { text: lagText(ctx, e, before as LagEvent | undefined), tone: e.up ? 'good' : 'bad', target: { kind: 'lag', device: e.device, id: e.lag } };
    case 'lacpdu': {
      const text = ctx.t('log.lacpdu', { from: `${name(ctx, e.from.device)}:${e.from.port}`, to: `${name(ctx, e.to.device)}:${e.to.port}`, state: hex(e.actor.state) });
      return { text, tone: 'neutral', target: { kind: 'packet', link: e.link, frame: e.frame } };
    }
    case 'arp':
      return { text: ctx.t(e.gratuitous ? 'log.arp.gratuitous' : 'log.arp.learned', { device: name(ctx, e.device), ip: e.ip, mac: e.mac }), tone: 'neutral', target: { kind: 'device', id: e.device } };
    case 'flow': {
      const who = { flow: e.flow, from: name(ctx, e.from), to: name(ctx, e.to), path: e.path.join(' → ') };
      return { text: ctx.t(e.state === 'ok' ? 'log.flow.ok' : 'log.flow.lost', who), tone: e.state === 'ok' ? 'good' : 'bad', target: { kind: 'device', id: e.from } };
    }
    case 'mclag':
      return { text: ctx.t(`log.mclag.${e.state}`, { device: name(ctx, e.device), domain: e.domain, role: ctx.t(`log.mclag.role.${e.role}`, {}) }), tone: e.state === 'ok' ? 'good' : e.state === 'dualActive' || e.state === 'suspended' ? 'bad' : 'warn', target: { kind: 'device', id: e.device } };
    case 'bond':
      return bondLine(ctx, e, before as BondEvent | undefined);
    case 'stp':
      return stpLine(ctx, e, before as StpEvent | undefined);
    case 'bpdu':
      return bpduLine(ctx, e);
    case 'traffic':
      return { text: ctx.t('log.traffic', { link: e.link, frames: e.framesAB + e.framesBA }), tone: 'neutral', target: { kind: 'link', id: e.link } };
    case 'vrrp':
      return vrrpLine(ctx, e);
    case 'vrrpAdvert':
      return vrrpAdvertLine(ctx, e);
    case 'probe':
      return probeLine(ctx, e);
    case 'outage':
      return outageLine(ctx, e);
  }
}

/** The key under which an event's previous state is remembered (lacp per port, lag per LAG). */
function stateKey(e: SimEvent): string | undefined {
  if (e.type === 'lacp') return `lacp ${e.device}:${e.port}`;
  if (e.type === 'lag') return `lag ${e.device}:${e.lag}`;
  if (e.type === 'bond') return `bond ${e.device}:${e.bond}`;
  if (e.type === 'stp') return `stp ${e.device}:${e.port}`;
  return undefined;
}

export interface LogFilter {
  /** Empty = the default types (everything but LACPDUs). */
  types: readonly string[];
  /** Empty = every device. */
  devices: readonly string[];
}

export function effectiveTypes(types: readonly string[]): readonly string[] {
  return types.length === 0 ? DEFAULT_LOG_TYPES : types;
}

/**
 * The last `limit` lines the filter lets through, oldest first, and how many matched in all.
 * Every entry is walked (cheaply) to know each line's previous state; only the lines shown are
 * put into words.
 */
export function visibleLines(log: readonly LogEntry[], doc: Topology, t: Translate, filter: LogFilter, limit: number): { lines: LogLine[]; total: number } {
  const ctx: Context = { doc, t, names: new Map(doc.devices.map((d) => [d.id, d.name ?? d.id])) };
  const typeSet = new Set(effectiveTypes(filter.types));
  const deviceSet = new Set(filter.devices);
  const last = new Map<string, SimEvent>();
  const matched: { entry: LogEntry; before: SimEvent | undefined; devices: string[] }[] = [];
  for (const entry of log) {
    const key = stateKey(entry.event);
    const before = key === undefined ? undefined : last.get(key);
    if (key !== undefined) last.set(key, entry.event);
    if (!typeSet.has(entry.event.type)) continue;
    const devices = devicesOf(ctx, entry.event);
    if (deviceSet.size > 0 && !devices.some((d) => deviceSet.has(d))) continue;
    matched.push({ entry, before, devices });
  }
  const shown = matched.slice(Math.max(0, matched.length - limit));
  const lines = shown.map(({ entry, before, devices }) => ({ id: entry.id, t: entry.event.t, type: entry.event.type, devices, ...describeEvent(ctx, entry.event, before) }));
  return { lines, total: matched.length };
}

export interface TimelineMark {
  id: number;
  t: number;
  kind: 'fault' | 'lagUp' | 'lagDown' | 'linkDown' | 'vrrpMaster' | 'outage';
  /** An outage's end (virtual ms): the strip draws it as a span from `t` to here. */
  endT?: number;
  text: string;
  target: LogTarget | null;
}

/**
 * Faults, LAGs going up or down, links going down, VRRP routers becoming Master and measured
 * outages (spans from the first lost probe to the first answered one), for the strip above the log.
 */
export function timelineMarks(log: readonly LogEntry[], doc: Topology, t: Translate): TimelineMark[] {
  const ctx: Context = { doc, t, names: new Map(doc.devices.map((d) => [d.id, d.name ?? d.id])) };
  const lagUp = new Map<string, boolean>();
  const vrrpMaster = new Set<string>();
  const marks: TimelineMark[] = [];
  for (const { id, event: e } of log) {
    let kind: TimelineMark['kind'] | undefined;
    if (e.type === 'fault') kind = 'fault';
    else if (e.type === 'link' && e.state === 'down') kind = 'linkDown';
    else if (e.type === 'vrrp' && e.state === 'master' && e.reason !== 'startup') {
      const key = `${e.device}:${e.group ?? e.vrid}`;
      if (!vrrpMaster.has(key)) kind = 'vrrpMaster';
      vrrpMaster.add(key);
    } else if (e.type === 'vrrp') vrrpMaster.delete(`${e.device}:${e.group ?? e.vrid}`);
    else if (e.type === 'lag') {
      const key = `${e.device}:${e.lag}`;
      const was = lagUp.get(key);
      // A LAG first seen down has not gone down: only changes (and a first "up") are marked.
      if (was !== e.up && (was !== undefined || e.up)) kind = e.up ? 'lagUp' : 'lagDown';
      lagUp.set(key, e.up);
    }
    else if (e.type === 'outage') kind = 'outage';
    if (kind === undefined) continue;
    const { text, target } = describeEvent(ctx, e, undefined);
    marks.push(e.type === 'outage' ? { id, t: e.startMs, endT: e.endMs, kind, text, target } : { id, t: e.t, kind, text, target });
  }
  return marks;
}
