/**
 * Folds engine events into the live overlay state (latest state per link, port, LAG and device)
 * plus a bounded event log. Pure: the bridge calls it once per animation frame with every batch
 * that arrived (like tldraw's squashing of record diffs).
 */
import type { LacpEvent, LagEvent, SimEvent } from '../engine/events';
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

export interface OverlayData {
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
  return { clock: 0, running: true, speed: 1, links: {}, devices: {}, ports: {}, lags: {}, log: [], nextLogId: 1, pduCount: {} };
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

/** Applies events in order; returns a new state object (maps are copied once per call). */
export function foldEvents(state: OverlayData, events: readonly SimEvent[]): OverlayData {
  if (events.length === 0) return state;
  const next: OverlayData = { ...state, links: { ...state.links }, devices: { ...state.devices }, ports: { ...state.ports }, lags: { ...state.lags }, pduCount: { ...state.pduCount } };
  const added: LogEntry[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'link':
        next.links[e.link] = e.state;
        break;
      case 'fault': {
        if (e.kind !== 'device') break;
        const d = next.devices[e.target] ?? { isFailed: false, isMuted: false };
        if (e.action === 'fail' || e.action === 'restore') next.devices[e.target] = { ...d, isFailed: e.action === 'fail' };
        else next.devices[e.target] = { ...d, isMuted: e.action === 'mute' };
        break;
      }
      case 'lacp':
        next.ports[`${e.device}:${e.port}`] = portOverlay(e);
        break;
      case 'lag':
        next.lags[`${e.device}:${e.lag}`] = lagOverlay(e);
        break;
      case 'lacpdu':
        next.pduCount[e.link] = (next.pduCount[e.link] ?? 0) + 1;
        break;
    }
    added.push({ id: next.nextLogId++, event: e });
  }
  const log = state.log.concat(added);
  next.log = log.length > LOG_LIMIT ? log.slice(log.length - LOG_LIMIT) : log;
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
  return { ...state, clock, running, speed, links: { ...snap.links }, devices: { ...snap.devices }, ports, lags, log: keepLog ? state.log : [], pduCount: keepLog ? state.pduCount : {} };
}
