/**
 * The layer-2 part of the readable summary: timeline lines for spanning tree, bonds, MC-LAG and
 * flows, and their final-state sections (who is the root and which ports are blocked, what each
 * bond uses, each MC-LAG peer's view, where each flow goes). All wording is in the tables here.
 */
import type { BondSlaveLink, FlowEvent, McLagEvent, StpEvent } from '../engine';
import type { L2Entry, LinkPeak, StpPortView, StpRootView } from './l2Timeline';
import { BUSY_LINK_FRAMES } from './l2Timeline';
import { alignColumns } from './table';
import { formatSeconds } from './time';
import type { Timeline } from './timeline';

/** What an MC-LAG peer's state means, in a few words (timeline and table). */
export const MCLAG_STATE_TEXT: Record<McLagEvent['state'], string> = {
  ok: 'both peers forward',
  peerLinkDown: 'peer-link down, the primary keeps forwarding',
  suspended: 'its MC-LAG ports are shut',
  peerDead: 'the peer is gone: alone, forwarding',
  dualActive: 'split brain: both peers forward alone',
};

const MII_TEXT: Record<BondSlaveLink, string> = {
  up: 'up',
  fail: 'failing (downdelay)',
  down: 'down',
  back: 'coming back (updelay)',
};

const STP_MODE_TEXT: Record<string, string> = { rstp: 'RSTP', stp: 'STP, 802.1D-1998' };

/** The part of the resolved topology the layer-2 summary needs. */
export interface L2Topology {
  devices: readonly { id: string; mac: string; stp: { mode: string } }[];
  links: readonly { id: string; a: { device: string; port: string }; b: { device: string; port: string } }[];
  mclags: readonly { id: string; peers: readonly string[]; peerLink: string; systemMac: string }[];
  /** The document's flows: the flow table follows their order. */
  flows: readonly { id: string }[];
}

export interface L2SummaryInput {
  untilMs: number;
  timeline: Timeline;
  topology: L2Topology;
}

const list = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join(', '));

/** `dist1 (4096,02:d3:…)`: the device (or MC-LAG pair) whose Bridge Identifier this is. */
export function bridgeName(topology: L2Topology, bridge: string): string {
  const mac = (bridge.split(',')[1] ?? '').toLowerCase();
  const pair = topology.mclags.find((m) => m.systemMac.toLowerCase() === mac);
  if (pair) return `${pair.peers.join(' + ')} (MC-LAG ${pair.id}, ${bridge})`;
  const device = topology.devices.find((d) => d.mac.toLowerCase() === mac);
  return device ? `${device.id} (${bridge})` : bridge;
}

/** A flow's path as devices and the links between them, and the links its flooded copies took elsewhere. */
export interface DevicePath {
  devices: string[];
  links: string[];
  flooded: string[];
}

type LinkEnds = L2Topology['links'][number];

/** The other end of `link` from `device`, or undefined when the link does not touch it. */
function across(link: LinkEnds | undefined, device: string): string | undefined {
  if (!link) return undefined;
  return link.a.device === device ? link.b.device : link.b.device === device ? link.a.device : undefined;
}

/**
 * The devices a flow's datagram went through, from its source to its destination: the links of
 * the path, in order, that chain from one to the other (loops included); the other links carried
 * flooded copies that led elsewhere.
 */
export function devicePath(topology: L2Topology, flow: FlowEvent): DevicePath {
  const ends = flow.path.map((id) => topology.links.find((l) => l.id === id));
  const memo = new Map<string, boolean>();
  // Can the datagram get from `at` to the destination over links i.. (in order)?
  const reaches = (i: number, at: string): boolean => {
    if (at === flow.to) return true;
    const key = `${i} ${at}`;
    let ok = memo.get(key);
    if (ok === undefined) {
      ok = false;
      for (let j = i; j < ends.length && !ok; j++) {
        const next = across(ends[j], at);
        ok = next !== undefined && reaches(j + 1, next);
      }
      memo.set(key, ok);
    }
    return ok;
  };
  const hasChain = reaches(0, flow.from);
  const devices = [flow.from];
  const links: string[] = [];
  const flooded: string[] = [];
  let at = flow.from;
  flow.path.forEach((id, i) => {
    const next = across(ends[i], at);
    if (next === undefined || at === flow.to || (hasChain && !reaches(i + 1, next))) {
      flooded.push(id);
      return;
    }
    devices.push(next);
    links.push(id);
    at = next;
  });
  return { devices, links, flooded };
}

function pathText(topology: L2Topology, flow: FlowEvent): string {
  const { devices, links, flooded } = devicePath(topology, flow);
  return `${devices.join(' → ')} (${links.join(', ')})${flooded.length === 0 ? '' : `; also flooded onto ${flooded.join(', ')}`}`;
}

const isBlocked = (v: StpPortView): boolean => v.role === 'alternate' || v.role === 'backup' || (v.state === 'blocking' && v.role !== 'disabled');
const portText = (v: StpPortView): string => `${v.role} ${v.state}${isBlocked(v) ? ' (blocked)' : ''}`;

function rootText(topology: L2Topology, device: string, from: StpRootView, to: StpRootView): string {
  if (to.isRoot) return `${device}: STP this bridge is the root (${to.rootBridge})`;
  if (from.rootBridge === to.rootBridge) return `${device}: STP root path cost ${from.rootCost} → ${to.rootCost}`;
  return `${device}: STP root bridge → ${bridgeName(topology, to.rootBridge)}, root path cost ${to.rootCost}`;
}

function bondText(e: Extract<L2Entry, { kind: 'bond' }>): string {
  const parts: string[] = [];
  for (const slave of [...new Set([...Object.keys(e.from.mii), ...Object.keys(e.to.mii)])]) {
    const from = e.from.mii[slave];
    const to = e.to.mii[slave];
    if (from !== to && to !== undefined) parts.push(`${slave} MII ${from === undefined ? '' : `${MII_TEXT[from]} → `}${MII_TEXT[to]}`);
  }
  if (e.from.activeSlave !== e.to.activeSlave) parts.push(`active slave ${e.from.activeSlave ?? 'none'} → ${e.to.activeSlave ?? 'none'}`);
  // active-backup transmits on its active slave: a change of active slave already says it.
  const saidBySlave = e.mode === 'active-backup' && e.from.activeSlave !== e.to.activeSlave;
  if (!saidBySlave && e.from.active.join() !== e.to.active.join()) parts.push(`transmits on ${list(e.from.active)} → ${list(e.to.active)}`);
  return `${e.device} ${e.bond} (${e.mode}): ${parts.join('; ') || 'no change'}`;
}

function mclagText(e: McLagEvent): string {
  return `${e.device} MC-LAG ${e.domain}: ${e.role}, peer-link ${e.peerLink}, keepalive ${e.keepalive} — ${e.state}: ${MCLAG_STATE_TEXT[e.state]}`;
}

function flowText(topology: L2Topology, e: FlowEvent): string {
  const how = e.state === 'ok' ? `ok via ${pathText(topology, e)}` : 'lost';
  return `flow ${e.flow} ${e.from} → ${e.to}: ${how}`;
}

/** One timeline line for a layer-2 entry. */
export function l2EntryText(topology: L2Topology, e: L2Entry): string {
  switch (e.kind) {
    case 'stpPort':
      return `${e.device} ${e.port}: STP ${portText(e.from)} → ${portText(e.to)}`;
    case 'stpRoot':
      return rootText(topology, e.device, e.from, e.to);
    case 'bond':
      return bondText(e);
    case 'mclag':
      return mclagText(e.event);
    case 'flow':
      return flowText(topology, e.event);
  }
}

/** Last `stp` events grouped by device, in the order devices first reported. */
function stpByDevice(input: L2SummaryInput): Map<string, StpEvent[]> {
  const out = new Map<string, StpEvent[]>();
  for (const e of input.timeline.l2.stpPorts.values()) out.set(e.device, [...(out.get(e.device) ?? []), e]);
  return out;
}

function portNote(v: StpPortView): string {
  if (isBlocked(v)) return 'blocked';
  if (v.role === 'disabled') return 'link down';
  return v.state === 'forwarding' ? '' : 'not forwarding yet';
}

function stpDeviceBlock(input: L2SummaryInput, device: string, ports: readonly StpEvent[]): string[] {
  const { topology } = input;
  const mode = STP_MODE_TEXT[topology.devices.find((d) => d.id === device)?.stp.mode ?? ''] ?? 'STP';
  const root = input.timeline.l2.roots.get(device);
  const rootPort = ports.find((p) => p.role === 'root')?.port;
  const pair = topology.mclags.find((m) => m.peers.includes(device));
  let where = 'root unknown';
  if (root?.isRoot) where = pair ? `the root bridge, one bridge with its MC-LAG peer (${pair.id})` : 'the root bridge';
  else if (root) where = `root port ${rootPort ?? 'none'}  ·  root path cost ${root.rootCost}`;
  const rows = [['port', 'role', 'state', 'note'], ...ports.map((p) => [p.port, p.role, p.state, portNote(p)])];
  const out = [`  ${device} (${mode})  ·  ${where}`, ...alignColumns(rows, '    ')];
  if (pair) out.push(`    peer-link ${pair.peerLink}: inside the MC-LAG pair, not an STP port, always forwarding`);
  return out;
}

/** Who is the root, which ports are blocked, and every switch's ports. */
export function stpSection(input: L2SummaryInput): string[] {
  const byDevice = stpByDevice(input);
  if (byDevice.size === 0) return [];
  const roots = [...new Set([...input.timeline.l2.roots.values()].map((r) => r.rootBridge))];
  const ports = [...input.timeline.l2.stpPorts.values()];
  const blocked = ports.filter(isBlocked).map((p) => `${p.device} ${p.port} (${p.role})`);
  const pending = ports.filter((p) => portNote(p) === 'not forwarding yet').map((p) => `${p.device} ${p.port} (${p.state})`);
  let blockedText = blocked.length === 0 ? 'none' : blocked.join(', ');
  if (pending.length > 0) blockedText += `; not forwarding yet: ${pending.join(', ')}`;
  else if (blocked.length === 0) blockedText += ' — every STP port with a link forwards';
  const out = [`Spanning tree at ${formatSeconds(input.untilMs)} s`];
  out.push(`  ${roots.length === 1 ? 'root bridge' : 'root bridges'}: ${roots.map((r) => bridgeName(input.topology, r)).join('; ')}`);
  out.push(`  blocked ports: ${blockedText}`);
  for (const [device, ports] of byDevice) out.push(...stpDeviceBlock(input, device, ports));
  return out;
}

/** Each bond's mode, active slave, the slaves it transmits on and those it sees down. */
export function bondSection(input: L2SummaryInput): string[] {
  const bonds = [...input.timeline.l2.bonds.values()];
  if (bonds.length === 0) return [];
  const rows = [['bond', 'mode', 'active slave', 'transmits on', 'slaves down'], ...bonds.map((b) => [`${b.device} ${b.bond}`, b.mode, b.activeSlave ?? '-', list(b.active), list(b.down)])];
  return [`Bonds at ${formatSeconds(input.untilMs)} s`, ...alignColumns(rows, '  ')];
}

/** Each MC-LAG peer's role, peer-link, keepalive and state. */
export function mclagSection(input: L2SummaryInput): string[] {
  const peers = [...input.timeline.l2.mclags.values()];
  if (peers.length === 0) return [];
  const rows = [['domain', 'peer', 'role', 'peer-link', 'keepalive', 'state'], ...peers.map((p) => [p.domain, p.device, p.role, p.peerLink, p.keepalive, `${p.state}: ${MCLAG_STATE_TEXT[p.state]}`])];
  return [`MC-LAG at ${formatSeconds(input.untilMs)} s`, ...alignColumns(rows, '  ')];
}

/** Each flow's state and the devices its last datagram went through. */
export function flowSection(input: L2SummaryInput): string[] {
  const order = (id: string) => input.topology.flows.findIndex((f) => f.id === id);
  const flows = [...input.timeline.l2.flows.values()].sort((a, b) => order(a.flow) - order(b.flow));
  if (flows.length === 0) return [];
  const rows = [
    ['flow', 'from → to', 'state', 'since', 'path'],
    ...flows.map((f) => [f.flow, `${f.from} → ${f.to}`, f.state, `${formatSeconds(f.t)} s`, f.state === 'ok' ? pathText(input.topology, f) : '-']),
  ];
  return [`Flows at ${formatSeconds(input.untilMs)} s (path: the devices and links the last datagram crossed)`, ...alignColumns(rows, '  ')];
}

/** Links whose busiest second carried more than BUSY_LINK_FRAMES data frames: a loop or storm. */
export function busySection(input: L2SummaryInput): string[] {
  const busy = [...input.timeline.l2.peaks].filter(([, p]) => p.busyFrom !== undefined);
  if (busy.length === 0) return [];
  const from = (p: LinkPeak) => formatSeconds((p.busyFrom ?? 0) - 1000);
  const rows = [
    ['link', 'busy', 'peak'],
    ...busy.map(([link, p]) => [link, `${from(p)} s to ${formatSeconds(p.busyUntil ?? 0)} s`, `${p.frames} frames in the second up to ${formatSeconds(p.t)} s`]),
  ];
  return [`Busy links (more than ${BUSY_LINK_FRAMES} data frames in a second: a loop or a storm)`, ...alignColumns(rows, '  ')];
}

/** Links offered more than their line rate: their full transmit buffers dropped data frames. */
export function dropSection(input: L2SummaryInput): string[] {
  const dropping = [...input.timeline.l2.peaks].filter(([, p]) => p.drops !== undefined);
  if (dropping.length === 0) return [];
  const rows = [
    ['link', 'dropped', 'when', 'most in one second'],
    ...dropping.map(([link, p]) => {
      const d = p.drops ?? { total: 0, most: 0, from: 0, until: 0 };
      return [link, `${d.total} frames`, `${formatSeconds(d.from - 1000)} s to ${formatSeconds(d.until)} s`, `${d.most}`];
    }),
  ];
  return ['Dropped data frames (more offered than the line rate: the transmit buffer was full)', ...alignColumns(rows, '  ')];
}

/** Every layer-2 final-state section that has something to say. */
export function l2Sections(input: L2SummaryInput): string[][] {
  return [stpSection(input), bondSection(input), mclagSection(input), flowSection(input), busySection(input), dropSection(input)];
}
