/**
 * The latest layer-2 and gateway state of a running lab, folded from the event stream: each switch
 * port's spanning-tree role and state, each bond's slaves, each MC-LAG peer's view, each flow's
 * path, each link's traffic, each VRRP router's role, each host's reachability and last outage. The runner keeps one to answer snapshots; the overlay store folds the same
 * way (pure functions, no engine objects), so a snapshot and the live stream always agree.
 */
import type { BondEvent, FlowEvent, McLagEvent, OutageEvent, ProbeEvent, SimEvent, StpEvent, TrafficEvent, VrrpEvent } from '../engine/events';

/** A bridge port's spanning tree (keyed `device:port`; the port is a LAG id for a LAG). */
export type StpPortView = Omit<StpEvent, 't' | 'type' | 'device' | 'port'>;
/** A host bond (keyed `device:bond`). */
export type BondView = Omit<BondEvent, 't' | 'type' | 'device' | 'bond'>;
/** An MC-LAG peer's view of its domain (keyed by the peer's device id). */
export type McLagView = Omit<McLagEvent, 't' | 'type' | 'device'>;
/** A flow's last delivered path (keyed by flow id). */
export type FlowView = Omit<FlowEvent, 't' | 'type' | 'flow'>;
/** Data frames a link carried in the second before `t` (keyed by link id). */
export type TrafficView = Omit<TrafficEvent, 'type' | 'link'>;
/** A VRRP router's state in its group (keyed `device:vrid`, or `device:port:vrid` on a routed port). */
export type VrrpView = Omit<VrrpEvent, 'type' | 'device' | 'port'> & { port?: string };
/** A host's reachability of its gateway or the upstream (keyed `host:target`), since `t`. */
export type ProbeView = Omit<ProbeEvent, 'type' | 'host' | 'target'>;
/** The last outage a host measured towards a target (keyed `host:target`). */
export type OutageView = Omit<OutageEvent, 'type' | 'host' | 'target'>;

export interface L2State {
  stp: Record<string, StpPortView>;
  bonds: Record<string, BondView>;
  mclags: Record<string, McLagView>;
  flows: Record<string, FlowView>;
  traffic: Record<string, TrafficView>;
  vrrp: Record<string, VrrpView>;
  probes: Record<string, ProbeView>;
  outages: Record<string, OutageView>;
}

export type L2MapName = keyof L2State;

export const L2_MAPS: readonly L2MapName[] = ['stp', 'bonds', 'mclags', 'flows', 'traffic', 'vrrp', 'probes', 'outages'];

export function emptyL2State(): L2State {
  return { stp: {}, bonds: {}, mclags: {}, flows: {}, traffic: {}, vrrp: {}, probes: {}, outages: {} };
}

/** The key of a VRRP router's entry: `device:vrid`, or `device:port:vrid` on a routed port. */
export function vrrpKey(device: string, vrid: number, port?: string): string {
  return port === undefined ? `${device}:${vrid}` : `${device}:${port}:${vrid}`;
}

/** Which map an event writes and the entry it writes, or null for other events. */
export function l2Entry(e: SimEvent): { map: L2MapName; key: string; value: L2State[L2MapName][string] } | null {
  switch (e.type) {
    case 'stp': {
      const { t: _t, type: _type, device, port, ...view } = e;
      return { map: 'stp', key: `${device}:${port}`, value: view };
    }
    case 'bond': {
      const { t: _t, type: _type, device, bond, ...view } = e;
      return { map: 'bonds', key: `${device}:${bond}`, value: view };
    }
    case 'mclag': {
      const { t: _t, type: _type, device, ...view } = e;
      return { map: 'mclags', key: device, value: view };
    }
    case 'flow': {
      const { t: _t, type: _type, flow, ...view } = e;
      return { map: 'flows', key: flow, value: view };
    }
    case 'traffic': {
      const { type: _type, link, ...view } = e;
      return { map: 'traffic', key: link, value: view };
    }
    case 'vrrp': {
      const { type: _type, device, ...view } = e;
      return { map: 'vrrp', key: vrrpKey(device, e.vrid, e.port), value: view };
    }
    case 'probe': {
      const { type: _type, host, target, ...view } = e;
      return { map: 'probes', key: `${host}:${target}`, value: view };
    }
    case 'outage': {
      const { type: _type, host, target, ...view } = e;
      return { map: 'outages', key: `${host}:${target}`, value: view };
    }
    default:
      return null;
  }
}

/** True when a traffic entry says the link carried nothing (the meter's "fell silent" event). */
export function isSilent(v: TrafficView): boolean {
  return v.framesAB + v.framesBA === 0;
}

/**
 * Writes one event into `maps` in place (the runner's copy; the store hands in copies). A link
 * that fell silent loses its traffic entry rather than keep one of zeros.
 */
export function applyL2(maps: L2State, e: SimEvent): void {
  const entry = l2Entry(e);
  if (!entry) return;
  const map = maps[entry.map] as Record<string, unknown>;
  if (entry.map === 'traffic' && isSilent(entry.value as TrafficView)) delete map[entry.key];
  else map[entry.key] = entry.value;
}
