/**
 * What layer-2 features a device runs, read from the document (not from the live lab): whether it
 * runs a spanning tree, which MC-LAG domain it is a peer of, its bonds, the flows it sends. The
 * card reserves one info row for each, so its size (and every link's geometry) stays put while
 * the lab runs.
 */
import type { Device, Topology } from '../../model';

/** A flow a host sends, as its card lists it. */
export interface FlowInfo {
  id: string;
  to: string;
  /** The destination's display name. */
  toName: string;
}

export interface DeviceL2 {
  stp: 'stp' | 'rstp' | null;
  /** The MC-LAG domain the device is a peer of: its id and its domain number. */
  mclag: { id: string; domainId: number } | null;
  bonds: { id: string; mode: string; members: string[] }[];
  /** Flows from this device (at most MAX_FLOW_ROWS are listed; `moreFlows` counts the rest). */
  flows: FlowInfo[];
  moreFlows: number;
}

/** Flow rows a card lists before it sums the rest up as "+N more". */
export const MAX_FLOW_ROWS = 4;

const NONE: DeviceL2 = { stp: null, mclag: null, bonds: [], flows: [], moreFlows: 0 };

/** A function from a device of `doc` to what it runs (indexes built once per call). */
export function deviceL2Of(doc: Topology): (device: Device) => DeviceL2 {
  const names = new Map(doc.devices.map((d) => [d.id, d.name ?? d.id]));
  const mclagOf = new Map<string, DeviceL2['mclag']>();
  for (const m of doc.mclags ?? []) for (const peer of m.peers) mclagOf.set(peer, { id: m.id, domainId: m.domainId });
  const bondsOf = new Map<string, DeviceL2['bonds']>();
  for (const b of doc.bonds ?? []) bondsOf.set(b.device, [...(bondsOf.get(b.device) ?? []), { id: b.id, mode: b.mode, members: b.members }]);
  const flowsOf = new Map<string, FlowInfo[]>();
  for (const f of doc.flows ?? []) flowsOf.set(f.from, [...(flowsOf.get(f.from) ?? []), { id: f.id, to: f.to, toName: names.get(f.to) ?? f.to }]);
  return (device) => {
    const stpMode = device.stp?.mode;
    const stp = stpMode === 'stp' || stpMode === 'rstp' ? stpMode : null;
    const mclag = mclagOf.get(device.id) ?? null;
    const bonds = bondsOf.get(device.id) ?? [];
    const allFlows = flowsOf.get(device.id) ?? [];
    if (!stp && !mclag && bonds.length === 0 && allFlows.length === 0) return NONE;
    const flows = allFlows.slice(0, MAX_FLOW_ROWS);
    return { stp, mclag, bonds, flows, moreFlows: allFlows.length - flows.length };
  };
}

/** A string that changes whenever anything the card shows of `l2` changes (cache key). */
export function l2Key(l2: DeviceL2): string {
  if (l2 === NONE) return '';
  const bonds = l2.bonds.map((b) => `${b.id}:${b.mode}:${b.members.join('+')}`).join(',');
  const flows = l2.flows.map((f) => `${f.id}>${f.to}:${f.toName}`).join(',');
  return `${l2.stp ?? ''}|${l2.mclag ? `${l2.mclag.id}:${l2.mclag.domainId}` : ''}|${bonds}|${flows}|${l2.moreFlows}`;
}

/** The info rows a card needs: one for STP, one for MC-LAG, one per bond, one per listed flow. */
export function infoRows(l2: DeviceL2): number {
  return (l2.stp ? 1 : 0) + (l2.mclag ? 1 : 0) + l2.bonds.length + l2.flows.length + (l2.moreFlows > 0 ? 1 : 0);
}

/** Card widths (px) that fit the widest chip of each kind in either language. */
const MIN_WIDTH = { mclag: 240, bond: 228, other: 196 };

/** The rows a card needs and how wide they need it. */
export function infoSize(l2: DeviceL2): { rows: number; minWidth: number } {
  const rows = infoRows(l2);
  const minWidth = l2.mclag ? MIN_WIDTH.mclag : l2.bonds.length > 0 ? MIN_WIDTH.bond : rows > 0 ? MIN_WIDTH.other : 0;
  return { rows, minWidth };
}
