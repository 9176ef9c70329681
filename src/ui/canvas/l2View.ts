/**
 * What the canvas draws of the layer-2 overlay (spanning tree, bonds, MC-LAG, flows, traffic),
 * as pure functions over the live maps. Selectors built from these return primitives (strings,
 * booleans), so a map that changes every virtual second (traffic) re-renders only what changed.
 */
import type { BondEvent, StpPortState, StpRole } from '../../engine/events';
import type { LiveMaps } from '../../store/overlayStore';
import type { UtilLoad } from './utilisation';
import { busierMbps, dropPct, roundFigure, utilLoad, utilisationPct } from './utilisation';

type StpPortView = LiveMaps['stp'][string];
type BondView = LiveMaps['bonds'][string];
type McLagView = LiveMaps['mclags'][string];
type TrafficView = LiveMaps['traffic'][string];

// ---- spanning tree ------------------------------------------------------------------------------

/** The spanning-tree port of a device port: its LAG when it is a member (one STP port per LAG). */
export function stpOf(stp: Readonly<Record<string, StpPortView>>, device: string, port: string, lag: string | null): StpPortView | undefined {
  return (lag !== null ? stp[`${device}:${lag}`] : undefined) ?? stp[`${device}:${port}`];
}

/** How a port's state looks: forwarding, on its way (listening / learning), blocking, or off. */
export type StpTone = 'forwarding' | 'learning' | 'blocking' | 'off';

export function stpTone(state: StpPortState): StpTone {
  switch (state) {
    case 'forwarding':
      return 'forwarding';
    case 'learning':
    case 'listening':
      return 'learning';
    case 'discarding':
    case 'blocking':
      return 'blocking';
    default:
      return 'off';
  }
}

/**
 * A port that keeps the loop open: an Alternate or Backup port, or any live port that discards
 * (802.1D-2004 17.30) or blocks (802.1D-1998 8.4.1). A Disabled port is a port whose link is down,
 * shown as down rather than as blocked.
 */
export function isStpBlocked(v: Pick<StpPortView, 'role' | 'state'> | undefined): boolean {
  if (!v || v.role === 'disabled') return false;
  return v.role === 'alternate' || v.role === 'backup' || stpTone(v.state) === 'blocking';
}

/** A bridge as the canvas sums it up from its ports: root or not, its root port and cost. */
export interface BridgeSummary {
  isRoot: boolean;
  /** The port (or LAG) whose role is root; null on the root bridge or before one is chosen. */
  rootPort: string | null;
  rootCost: number;
}

const bridgeIndexes = new WeakMap<object, Map<string, BridgeSummary>>();

/**
 * Every bridge's summary, computed once per version of the `stp` map (the map is replaced, never
 * mutated, when it changes), so a card's selector is one lookup even in a 200-switch lab.
 */
export function bridgeIndex(stp: Readonly<Record<string, StpPortView>>): ReadonlyMap<string, BridgeSummary> {
  let index = bridgeIndexes.get(stp);
  if (index) return index;
  index = new Map();
  for (const key in stp) {
    const v = stp[key];
    const cut = key.lastIndexOf(':');
    if (!v || cut < 0) continue;
    const device = key.slice(0, cut);
    const port = key.slice(cut + 1);
    const b = index.get(device);
    if (!b) index.set(device, { isRoot: v.isRoot, rootPort: v.role === 'root' ? port : null, rootCost: v.rootCost });
    else {
      // A root bridge's ports all say so; one that says otherwise has heard of a better root.
      b.isRoot &&= v.isRoot;
      if (v.role === 'root') b.rootPort = port;
      if (!v.isRoot) b.rootCost = v.rootCost;
    }
  }
  bridgeIndexes.set(stp, index);
  return index;
}

/** The letter drawn in a port handle for its role. */
export const STP_LETTER: Record<StpRole, string> = { root: 'R', designated: 'D', alternate: 'A', backup: 'B', disabled: '–' };

// ---- bonds --------------------------------------------------------------------------------------

/** A bond slave as the card shows it. */
export type BondSlaveState = 'active' | 'backup' | 'failing' | 'down';

/**
 * A slave's state: down when the MII monitor declared it down; failing while downdelay or updelay
 * runs; active when the bond transmits on it; else a backup (active-backup's spare, or an 802.3ad
 * slave not yet in the aggregate).
 */
export function bondSlaveState(bond: Pick<BondEvent, 'active' | 'down' | 'mii' | 'activeSlave'> | undefined, port: string): BondSlaveState | null {
  if (!bond) return null;
  const mii = bond.mii?.[port];
  if (bond.down.includes(port) || mii === 'down') return 'down';
  if (mii === 'fail' || mii === 'back') return 'failing';
  if (bond.activeSlave !== undefined ? bond.activeSlave === port : bond.active.includes(port)) return 'active';
  return 'backup';
}

/** A bond's summary for its badge: `mode|activeSlave|active count`. */
export function bondKey(bond: BondView | undefined): string {
  if (!bond) return '';
  return `${bond.mode}|${bond.activeSlave ?? ''}|${bond.active.length}`;
}

// ---- MC-LAG ---------------------------------------------------------------------------------------

/** An MC-LAG peer's badge tone. */
export type McLagTone = 'ok' | 'warn' | 'suspended' | 'split' | 'down';

export function mclagTone(v: Pick<McLagView, 'role' | 'state'>): McLagTone {
  if (v.role === 'down') return 'down';
  switch (v.state) {
    case 'ok':
      return 'ok';
    case 'peerLinkDown':
    case 'peerDead':
      return 'warn';
    case 'suspended':
      return 'suspended';
    default:
      return 'split';
  }
}

// ---- traffic --------------------------------------------------------------------------------------

/**
 * Frames per second (both directions) above which a link is in a broadcast storm. The engine
 * bounds a storm at 5,000 frames/s per switch (l2/bridge.ts STORM_FRAMES_PER_MS); a flow sends at
 * most 1,000 datagrams/s, so ordinary traffic stays well under this.
 */
export const STORM_FPS = 2000;

/** How busy a link is: idle, a trickle, busy, saturated (≥ 500 frames/s) or a storm. */
export type TrafficLevel = 'idle' | 'low' | 'mid' | 'high' | 'storm';

/** Which way the frames go, from the link's `a` end to its `b` end. */
export type TrafficDirection = 'ab' | 'ba' | 'both';

export interface TrafficLook {
  level: TrafficLevel;
  direction: TrafficDirection;
  /** Frames per second, both ways, rounded for the label (two significant digits above 100). */
  fps: number;
  /** The busier direction's Mb/s and utilisation of the line rate (utilisation.ts), rounded for the label; null without a line rate. */
  mbps: number | null;
  pct: number | null;
  load: UtilLoad;
  /** Percent of the data frames a full transmit buffer dropped (0 when none), rounded. */
  drop: number;
}

export function roundRate(fps: number): number {
  if (fps < 100) return Math.round(fps);
  const step = 10 ** (Math.floor(Math.log10(fps)) - 1);
  return Math.round(fps / step) * step;
}

export function trafficLevel(fps: number): TrafficLevel {
  if (fps <= 0) return 'idle';
  if (fps > STORM_FPS) return 'storm';
  if (fps >= 500) return 'high';
  return fps >= 50 ? 'mid' : 'low';
}

/** A direction counts when it carries at least a fifth of the other's frames. */
function directionOf(ab: number, ba: number): TrafficDirection {
  if (ab > 0 && ba >= ab / 5) return ab >= ba / 5 ? 'both' : 'ba';
  return ab > 0 || ba === 0 ? 'ab' : 'ba';
}

/**
 * A link's traffic as one string `level|direction|fps|mbps|pct|load|drop` (what a selector
 * returns), '' when idle; `mbps` and `pct` (offered load) are empty without a line rate, `drop` is
 * the share of data frames a full transmit buffer dropped (0 when none).
 */
export function trafficKey(v: Pick<TrafficView, 'framesAB' | 'framesBA' | 'bytesAB' | 'bytesBA' | 'dropsAB' | 'dropsBA' | 'dropBytesAB' | 'dropBytesBA'> | undefined, lineRateMbps = 0): string {
  if (!v) return '';
  const fps = v.framesAB + v.framesBA;
  const drop = roundFigure(dropPct(v));
  if (fps <= 0 && drop === 0) return '';
  const head = `${trafficLevel(fps)}|${directionOf(v.framesAB, v.framesBA)}|${roundRate(fps)}`;
  if (!(lineRateMbps > 0)) return `${head}|||ok|${drop}`;
  const pct = utilisationPct(v, lineRateMbps);
  return `${head}|${roundFigure(busierMbps(v))}|${roundFigure(pct)}|${utilLoad(pct)}|${drop}`;
}

export function parseTrafficKey(key: string): TrafficLook | null {
  if (key === '') return null;
  const [level, direction, fps, mbps = '', pct = '', load = 'ok', drop = '0'] = key.split('|');
  return {
    level: level as TrafficLevel,
    direction: direction as TrafficDirection,
    fps: Number(fps),
    mbps: mbps === '' ? null : Number(mbps),
    pct: pct === '' ? null : Number(pct),
    load: load as UtilLoad,
    drop: Number(drop),
  };
}

export function isStorm(v: Pick<TrafficView, 'framesAB' | 'framesBA'> | undefined): boolean {
  return v !== undefined && v.framesAB + v.framesBA > STORM_FPS;
}
