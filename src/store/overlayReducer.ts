/**
 * Folds engine events into the live overlay state (latest state per link, port, LAG and device)
 * plus a bounded event log. Pure: the bridge calls it once per animation frame with every batch
 * that arrived (like tldraw's squashing of record diffs).
 */
import type { LacpEvent, LagEvent, SimEvent } from '../engine/events';
import type { L2State } from '../worker/l2State';
import { isSilent, l2Entry } from '../worker/l2State';
import type { LabState } from '../worker/protocol';

export const LOG_LIMIT = 3000;

/** What the canvas needs of a LAG member. */
export interface PortOverlay {
  lag: string;
  status: LacpEvent['status'];
  reason: LacpEvent['reason'] | undefined;
  rx: string;
  mux: string;
  selected: string;
  periodic: string;
  churn: boolean;
  actorState: number;
  actorFlags: string[];
  partnerState: number;
  partnerFlags: string[];
  partnerSystem: string;
  partnerPort: number;
  partnerKey: number;
  actorKey: number;
}

export interface LagOverlay {
  up: boolean;
  active: string[];
  standby: string[];
  partner: string | undefined;
}

export interface LogEntry {
  /** Monotonic id (React key, selection). */
  id: number;
  event: SimEvent;
}

export interface OverlayData extends L2State {
  clock: number;
  running: boolean;
  speed: number;
  links: Record<string, 'up' | 'down'>;
  devices: Record<string, { isFailed: boolean; isMuted: boolean }>;
  /** Keyed `device:port`. */
  ports: Record<string, PortOverlay>;
  /** Keyed `device:lag`. */
  lags: Record<string, LagOverlay>;
  log: LogEntry[];
  nextLogId: number;
  /** Counts of LACPDUs per link since the lab was loaded. */
  pduCount: Record<string, number>;
}

export function emptyOverlay(): OverlayData {
  return {
    clock: 0,
    running: true,
    speed: 1,
    links: {},
    devices: {},
    ports: {},
    lags: {},
    log: [],
    nextLogId: 1,
    pduCount: {},
    stp: {},
    bonds: {},
    mclags: {},
    flows: {},
    traffic: {},
    vrrp: {},
    probes: {},
    outages: {},
  };
}

function portOverlay(e: LacpEvent): PortOverlay {
  return {
    lag: e.lag,
    status: e.status,
    reason: e.reason,
    rx: e.rx,
    mux: e.mux,
    selected: e.selected,
    periodic: e.periodic,
    churn: e.churn === true,
    actorState: e.actor.state,
    actorFlags: e.actor.flags,
    actorKey: e.actor.key,
    partnerState: e.partner.state,
    partnerFlags: e.partner.flags,
    partnerSystem: e.partner.system,
    partnerPort: e.partner.port,
    partnerKey: e.partner.key,
  };
}

function lagOverlay(e: LagEvent): LagOverlay {
  return { up: e.up, active: e.active, standby: e.standby, partner: e.partner };
}

type Maps = Pick<OverlayData, 'links' | 'devices' | 'ports' | 'lags' | 'pduCount' | keyof L2State>;

/**
 * Copy-on-write access to the state's maps: each is copied once, the first time an event of the
 * batch writes it; the others stay the same objects (a batch of LACPDUs copies only `pduCount`).
 */
function writableMaps(state: OverlayData, next: OverlayData): <K extends keyof Maps>(key: K) => Maps[K] {
  const copied = new Set<keyof Maps>();
  return (key) => {
    if (!copied.has(key)) {
      copied.add(key);
      next[key] = { ...state[key] };
    }
    return next[key];
  };
}

function applyEvent(e: SimEvent, map: ReturnType<typeof writableMaps>): void {
  switch (e.type) {
    case 'link':
      map('links')[e.link] = e.state;
      break;
    case 'fault': {
      if (e.kind !== 'device') break;
      const devices = map('devices');
      const d = devices[e.target] ?? { isFailed: false, isMuted: false };
      if (e.action === 'fail' || e.action === 'restore') devices[e.target] = { ...d, isFailed: e.action === 'fail' };
      else devices[e.target] = { ...d, isMuted: e.action === 'mute' };
      break;
    }
    case 'lacp':
      map('ports')[`${e.device}:${e.port}`] = portOverlay(e);
      break;
    case 'lag':
      map('lags')[`${e.device}:${e.lag}`] = lagOverlay(e);
      break;
    case 'lacpdu': {
      const counts = map('pduCount');
      counts[e.link] = (counts[e.link] ?? 0) + 1;
      break;
    }
    default: {
      const entry = l2Entry(e);
      if (!entry) break;
      const m = map(entry.map) as Record<string, unknown>;
      if (entry.map === 'traffic' && isSilent(entry.value as L2State['traffic'][string])) delete m[entry.key];
      else m[entry.key] = entry.value;
    }
  }
}

/**
 * Applies events in order; returns a new state object. Only the maps the events write are copied
 * (once per call), so selectors of untouched maps see the same objects.
 */
export function foldEvents(state: OverlayData, events: readonly SimEvent[]): OverlayData {
  if (events.length === 0) return state;
  const next: OverlayData = { ...state };
  const map = writableMaps(state, next);
  const keep = Math.min(events.length, LOG_LIMIT);
  const dropped = state.log.length + keep - LOG_LIMIT;
  const log = dropped > 0 ? state.log.slice(dropped) : state.log.slice();
  let id = state.nextLogId;
  events.forEach((e, i) => {
    applyEvent(e, map);
    // Only the newest LOG_LIMIT entries are kept: older ones of a huge batch are never logged.
    if (i >= events.length - keep) log.push({ id, event: e });
    id++;
  });
  next.nextLogId = id;
  next.log = log;
  return next;
}

/** Rebuilds the latest-state maps from a worker snapshot (after a load, a gap or a restart). */
export function fromSnapshot(state: OverlayData, snap: LabState, clock: number, running: boolean, speed: number, keepLog: boolean): OverlayData {
  const ports: Record<string, PortOverlay> = {};
  const lags: Record<string, LagOverlay> = {};
  for (const lag of snap.lags) {
    lags[`${lag.device}:${lag.lag}`] = { up: lag.up, active: lag.active, standby: lag.standby, partner: undefined };
    for (const m of lag.members) {
      const { port, ...rest } = m;
      ports[`${lag.device}:${port}`] = { lag: lag.lag, ...rest };
    }
  }
  const l2 = snap.l2;
  return {
    ...state,
    clock,
    running,
    speed,
    links: { ...snap.links },
    devices: { ...snap.devices },
    ports,
    lags,
    stp: { ...l2.stp },
    bonds: { ...l2.bonds },
    mclags: { ...l2.mclags },
    flows: { ...l2.flows },
    traffic: { ...l2.traffic },
    vrrp: { ...l2.vrrp },
    probes: { ...l2.probes },
    outages: { ...l2.outages },
    log: keepLog ? state.log : [],
    pduCount: keepLog ? state.pduCount : {},
  };
}
