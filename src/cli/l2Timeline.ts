/**
 * The layer-2 part of the timeline fold: spanning tree, bonds, MC-LAG, flows and link load. It
 * keeps the last state of each (the final-state sections print it) and says which events are
 * worth a timeline line. It keeps data, not text; l2Summary.ts owns the wording.
 */
import type { BondEvent, BondSlaveLink, FlowEvent, McLagEvent, SimEvent, StpEvent, StpPortState, StpRole, TrafficEvent } from '../engine';

/** A spanning-tree port's role and state. */
export interface StpPortView {
  role: StpRole;
  state: StpPortState;
}

/** The root a bridge believes in. */
export interface StpRootView {
  rootBridge: string;
  rootCost: number;
  isRoot: boolean;
}

/** What a bond uses: the slaves it transmits on, its active slave, the slaves it sees down. */
export interface BondView {
  active: string[];
  activeSlave: string | undefined;
  down: string[];
  mii: Record<string, BondSlaveLink>;
}

export type L2Entry =
  | { kind: 'stpPort'; t: number; device: string; port: string; from: StpPortView; to: StpPortView }
  | { kind: 'stpRoot'; t: number; device: string; from: StpRootView; to: StpRootView }
  | { kind: 'bond'; t: number; device: string; bond: string; mode: BondEvent['mode']; from: BondView; to: BondView }
  | { kind: 'mclag'; t: number; event: McLagEvent }
  | { kind: 'flow'; t: number; event: FlowEvent };

/** A line's worth of change, with the key under which changes in one printed millisecond merge. */
export interface L2Change {
  key: string;
  entry: L2Entry;
}

/** Links that carried more data frames than this in one second are busy: a loop shows there. */
export const BUSY_LINK_FRAMES = 1000;

/** The busiest second a link had (data frames both ways, from traffic events), and when it was busy. */
export interface LinkPeak {
  frames: number;
  /** End of the busiest second. */
  t: number;
  /** End of the first and of the last second with more than BUSY_LINK_FRAMES frames. */
  busyFrom: number | undefined;
  busyUntil: number | undefined;
  /** Data frames full transmit buffers dropped (both ways), the most in one second, and the end of the first and last second with drops. */
  drops?: { total: number; most: number; from: number; until: number };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function samePort(a: StpPortView, b: StpPortView): boolean {
  return a.role === b.role && a.state === b.state;
}

function sameRoot(a: StpRootView, b: StpRootView): boolean {
  return a.rootBridge === b.rootBridge && a.rootCost === b.rootCost && a.isRoot === b.isRoot;
}

function sameBond(a: BondView, b: BondView): boolean {
  const slaves = [...new Set([...Object.keys(a.mii), ...Object.keys(b.mii)])];
  return sameList(a.active, b.active) && a.activeSlave === b.activeSlave && sameList(a.down, b.down) && slaves.every((s) => a.mii[s] === b.mii[s]);
}

function bondView(e: BondEvent): BondView {
  return { active: e.active, activeSlave: e.activeSlave, down: e.down, mii: e.mii ?? {} };
}

/** Merges a change into the line of the same key earlier in the same printed millisecond; null = no net change. */
export function mergeL2(earlier: L2Entry, next: L2Entry): L2Entry | null {
  if (earlier.kind === 'stpPort' && next.kind === 'stpPort') return samePort(earlier.from, next.to) ? null : { ...earlier, to: next.to };
  if (earlier.kind === 'stpRoot' && next.kind === 'stpRoot') return sameRoot(earlier.from, next.to) ? null : { ...earlier, to: next.to };
  if (earlier.kind === 'bond' && next.kind === 'bond') return sameBond(earlier.from, next.to) ? null : { ...earlier, to: next.to };
  return { ...next, t: earlier.t };
}

export class L2Fold {
  /** Last `stp` event per `device port`, in the order ports first appeared. */
  readonly stpPorts = new Map<string, StpEvent>();
  /** Last `bond` event per `device bond`. */
  readonly bonds = new Map<string, BondEvent>();
  /** Last `mclag` event per `domain device`. */
  readonly mclags = new Map<string, McLagEvent>();
  /** Last `flow` event per flow. */
  readonly flows = new Map<string, FlowEvent>();
  /** Busiest second per link (data frames, both directions). */
  readonly peaks = new Map<string, LinkPeak>();
  /** The root each bridge believes in now. */
  readonly roots = new Map<string, StpRootView>();

  /** Folds one event; returns the changes worth a line (none for a baseline or a repeat). */
  add(event: SimEvent): L2Change[] {
    switch (event.type) {
      case 'stp':
        return this.addStp(event);
      case 'bond':
        return this.addBond(event);
      case 'mclag':
        this.mclags.set(`${event.domain} ${event.device}`, event);
        return [{ key: `mclag ${event.domain} ${event.device}`, entry: { kind: 'mclag', t: event.t, event } }];
      case 'flow':
        this.flows.set(event.flow, event);
        return [{ key: `flow ${event.flow}`, entry: { kind: 'flow', t: event.t, event } }];
      case 'traffic':
        this.addTraffic(event);
        return [];
      default:
        return [];
    }
  }

  /** The first report of a port (or of a bridge's root) is its silent baseline. */
  private addStp(event: StpEvent): L2Change[] {
    const out: L2Change[] = [];
    const { device, port, t } = event;
    const root: StpRootView = { rootBridge: event.rootBridge, rootCost: event.rootCost, isRoot: event.isRoot };
    const lastRoot = this.roots.get(device);
    this.roots.set(device, root);
    if (lastRoot && !sameRoot(lastRoot, root)) out.push({ key: `root ${device}`, entry: { kind: 'stpRoot', t, device, from: lastRoot, to: root } });
    const key = `${device} ${port}`;
    const last = this.stpPorts.get(key);
    this.stpPorts.set(key, event);
    const to: StpPortView = { role: event.role, state: event.state };
    if (last && !samePort(last, to)) out.push({ key: `stp ${key}`, entry: { kind: 'stpPort', t, device, port, from: { role: last.role, state: last.state }, to } });
    return out;
  }

  private addBond(event: BondEvent): L2Change[] {
    const key = `${event.device} ${event.bond}`;
    const last = this.bonds.get(key);
    this.bonds.set(key, event);
    const to = bondView(event);
    if (!last || sameBond(bondView(last), to)) return [];
    return [{ key: `bond ${key}`, entry: { kind: 'bond', t: event.t, device: event.device, bond: event.bond, mode: event.mode, from: bondView(last), to } }];
  }

  private addTraffic(event: TrafficEvent): void {
    const frames = event.framesAB + event.framesBA;
    const peak = this.peaks.get(event.link) ?? { frames: -1, t: event.t, busyFrom: undefined, busyUntil: undefined };
    if (frames > peak.frames) [peak.frames, peak.t] = [frames, event.t];
    if (frames > BUSY_LINK_FRAMES) [peak.busyFrom, peak.busyUntil] = [peak.busyFrom ?? event.t, event.t];
    const drops = (event.dropsAB ?? 0) + (event.dropsBA ?? 0);
    if (drops > 0) {
      const d = peak.drops ?? { total: 0, most: 0, from: event.t, until: event.t };
      peak.drops = { total: d.total + drops, most: Math.max(d.most, drops), from: d.from, until: event.t };
    }
    this.peaks.set(event.link, peak);
  }
}
