/**
 * What layer-2 and gateway features a device runs, read from the document (not from the live lab):
 * whether it runs a spanning tree, which MC-LAG domain it is a peer of, its bonds, the flows it
 * sends, the VRRP groups and anycast gateways it is a member of, and what a host probes. The card
 * reserves one info row for each (two for a VRRP group: its chip and its virtual IP; one more for
 * a host's outage prediction), so its size (and every link's geometry) stays put while the lab runs.
 */
import type { Device, ProbeTarget, Topology } from '../../model';
import { upstreamAddress } from '../../model';

/** A flow a host sends, as its card lists it. */
export interface FlowInfo {
  id: string;
  to: string;
  /** The destination's display name. */
  toName: string;
}

/** A VRRP group a router or L3 switch is a member of, as its card lists it. */
export interface VrrpInfo {
  /** The group's id in the document. */
  group: string;
  vrid: number;
  vip: string;
  /** The routed port it runs on; null on the switch's SVI. */
  port: string | null;
  /** The configured priority (the live one may be lower while a tracked object is down). */
  priority: number;
  /** Priority 255: the VIP is this interface's own address (RFC 5798 §6.1). */
  isOwner: boolean;
  isActiveActive: boolean;
  isPreempt: boolean;
  /** The key of its entry in the live `vrrp` map: `device:vrid` or `device:port:vrid`. */
  liveKey: string;
}

/** A target a host probes (probe/probeLab.ts). */
export interface ReachInfo {
  target: ProbeTarget;
  ip: string;
}

export interface DeviceL2 {
  stp: 'stp' | 'rstp' | null;
  /** The MC-LAG domain the device is a peer of: its id and its domain number. */
  mclag: { id: string; domainId: number } | null;
  bonds: { id: string; mode: string; members: string[] }[];
  /** Flows from this device (at most MAX_FLOW_ROWS are listed; `moreFlows` counts the rest). */
  flows: FlowInfo[];
  moreFlows: number;
  /** VRRP groups of this device (at most MAX_VRRP_GROUPS listed; `moreVrrp` counts the rest). */
  vrrp: VrrpInfo[];
  moreVrrp: number;
  /** Anycast gateways this switch owns (id and address). */
  anycast: { id: string; ip: string }[];
  /** What this host probes (its gateway, the upstream) and at which address; [] for a device that probes nothing. */
  reach: ReachInfo[];
}

/** Flow rows a card lists before it sums the rest up as "+N more". */
export const MAX_FLOW_ROWS = 4;
/** VRRP groups a card lists (two rows each) before it sums the rest up as "+N more". */
export const MAX_VRRP_GROUPS = 2;

const NONE: DeviceL2 = { stp: null, mclag: null, bonds: [], flows: [], moreFlows: 0, vrrp: [], moreVrrp: 0, anycast: [], reach: [] };

/** The live `vrrp` map's key of a member (the worker's `vrrpKey`, l2State.ts). */
export function vrrpLiveKey(device: string, vrid: number, port: string | null): string {
  return port === null ? `${device}:${vrid}` : `${device}:${port}:${vrid}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What a host with a gateway probes (probe/probeLab.ts): its gateway, and the first upstream with
 * an address, each when the document's `probes.targets` (default both) lists it.
 */
function reachOf(doc: Topology): (gateway: string) => ReachInfo[] {
  const targets = doc.probes?.targets ?? ['gateway', 'upstream'];
  let upstream: string | undefined;
  for (const d of doc.devices) if (upstream === undefined && d.type === 'upstream') upstream = upstreamAddress(d);
  const cache = new Map<string, ReachInfo[]>();
  return (gateway) => {
    let out = cache.get(gateway);
    if (!out) {
      out = [];
      if (targets.includes('gateway')) out.push({ target: 'gateway', ip: gateway });
      if (targets.includes('upstream') && upstream !== undefined) out.push({ target: 'upstream', ip: upstream });
      cache.set(gateway, out);
    }
    return out;
  };
}

function vrrpIndex(doc: Topology): Map<string, VrrpInfo[]> {
  const out = new Map<string, VrrpInfo[]>();
  for (const g of doc.vrrp ?? []) {
    for (const m of g.members) {
      const port = m.port ?? null;
      const priority = m.priority ?? 100;
      push(out, m.device, {
        group: g.id,
        vrid: g.vrid,
        vip: g.vip,
        port,
        priority,
        isOwner: priority === 255,
        isActiveActive: g.activeActive === true,
        isPreempt: m.preempt !== false,
        liveKey: vrrpLiveKey(m.device, g.vrid, port),
      });
    }
  }
  return out;
}

/** A function from a device of `doc` to what it runs (indexes built once per call). */
export function deviceL2Of(doc: Topology): (device: Device) => DeviceL2 {
  const names = new Map(doc.devices.map((d) => [d.id, d.name ?? d.id]));
  const mclagOf = new Map<string, DeviceL2['mclag']>();
  for (const m of doc.mclags ?? []) for (const peer of m.peers) mclagOf.set(peer, { id: m.id, domainId: m.domainId });
  const bondsOf = new Map<string, DeviceL2['bonds']>();
  for (const b of doc.bonds ?? []) push(bondsOf, b.device, { id: b.id, mode: b.mode, members: b.members });
  const flowsOf = new Map<string, FlowInfo[]>();
  for (const f of doc.flows ?? []) push(flowsOf, f.from, { id: f.id, to: f.to, toName: names.get(f.to) ?? f.to });
  const vrrpOf = vrrpIndex(doc);
  const anycastOf = new Map<string, DeviceL2['anycast']>();
  for (const a of doc.anycastGateways ?? []) for (const d of a.devices) push(anycastOf, d, { id: a.id, ip: a.ip });
  const reachFor = reachOf(doc);
  return (device) => {
    const stpMode = device.stp?.mode;
    const stp = stpMode === 'stp' || stpMode === 'rstp' ? stpMode : null;
    const mclag = mclagOf.get(device.id) ?? null;
    const bonds = bondsOf.get(device.id) ?? [];
    const allFlows = flowsOf.get(device.id) ?? [];
    const allVrrp = vrrpOf.get(device.id) ?? [];
    const anycast = anycastOf.get(device.id) ?? [];
    const reach = device.type === 'host' && device.gateway !== undefined ? reachFor(device.gateway) : [];
    if (!stp && !mclag && bonds.length === 0 && allFlows.length === 0 && allVrrp.length === 0 && anycast.length === 0 && reach.length === 0) return NONE;
    const flows = allFlows.slice(0, MAX_FLOW_ROWS);
    const vrrp = allVrrp.slice(0, MAX_VRRP_GROUPS);
    return { stp, mclag, bonds, flows, moreFlows: allFlows.length - flows.length, vrrp, moreVrrp: allVrrp.length - vrrp.length, anycast, reach };
  };
}

/** A string that changes whenever anything the card shows of `l2` changes (cache key). */
export function l2Key(l2: DeviceL2): string {
  if (l2 === NONE) return '';
  const bonds = l2.bonds.map((b) => `${b.id}:${b.mode}:${b.members.join('+')}`).join(',');
  const flows = l2.flows.map((f) => `${f.id}>${f.to}:${f.toName}`).join(',');
  const vrrp = l2.vrrp.map((v) => `${v.group}:${v.vrid}:${v.vip}:${v.port ?? ''}:${v.priority}:${v.isActiveActive ? 'aa' : ''}:${v.isPreempt ? 'p' : ''}`).join(',');
  const anycast = l2.anycast.map((a) => `${a.id}:${a.ip}`).join(',');
  return `${l2.stp ?? ''}|${l2.mclag ? `${l2.mclag.id}:${l2.mclag.domainId}` : ''}|${bonds}|${flows}|${l2.moreFlows}|${vrrp}|${l2.moreVrrp}|${anycast}|${l2.reach.map((r) => `${r.target}:${r.ip}`).join('+')}`;
}

/**
 * The info rows a card needs: one for STP, one for MC-LAG, two per listed VRRP group (+1 for
 * "more"), one per anycast gateway, one per bond, one per probe target and one for the outage
 * prediction, one per listed flow (+1 for "more").
 */
export function infoRows(l2: DeviceL2): number {
  const gateway = l2.vrrp.length * 2 + (l2.moreVrrp > 0 ? 1 : 0) + l2.anycast.length + (l2.reach.length > 0 ? l2.reach.length + 1 : 0);
  return (l2.stp ? 1 : 0) + (l2.mclag ? 1 : 0) + gateway + l2.bonds.length + l2.flows.length + (l2.moreFlows > 0 ? 1 : 0);
}

/** Card widths (px) that fit the widest chip of each kind in either language. */
const MIN_WIDTH = { reach: 300, mclag: 240, vrrp: 240, bond: 228, other: 196 };

/** The rows a card needs and how wide they need it. */
export function infoSize(l2: DeviceL2): { rows: number; minWidth: number } {
  const rows = infoRows(l2);
  const minWidth =
    l2.reach.length > 0 ? MIN_WIDTH.reach : l2.mclag ? MIN_WIDTH.mclag : l2.vrrp.length > 0 ? MIN_WIDTH.vrrp : l2.bonds.length > 0 ? MIN_WIDTH.bond : rows > 0 ? MIN_WIDTH.other : 0;
  return { rows, minWidth };
}
