/**
 * The live overlay: what the running lab looks like now (link, port, LAG and device states, the
 * event log, the clock). Only `bridge.ts` writes it. LACPDUs in flight change every frame, so
 * they live outside React state: the canvas reads them with `getFlights()` in its own rAF loop
 * (zustand "transient updates").
 */
import { create } from 'zustand';
import type { BpduEvent, LacpduEvent, SimEvent, VrrpAdvertEvent } from '../engine/events';
import type { OverlayData } from './overlayReducer';
import { emptyOverlay } from './overlayReducer';

/** How long (virtual ms) a LACPDU dot takes to cross a link on the canvas. */
export const FLIGHT_VIRTUAL_MS = 400;

export interface OverlayState extends OverlayData {
  /** performance.now() when `clock` was last set, to interpolate the clock between batches. */
  clockWall: number;
  /** A worker crash or an error to show (i18n key + detail). */
  problem: { key: string; detail?: string } | null;
}

export const useOverlayStore = create<OverlayState>()(() => ({ ...emptyOverlay(), clockWall: 0, problem: null }));

/** The overlay's latest-state maps alone. */
export type LiveMaps = Pick<OverlayData, (typeof LIVE_MAPS)[number]>;

const LIVE_MAPS = ['links', 'devices', 'ports', 'lags', 'stp', 'bonds', 'mclags', 'flows', 'traffic', 'vrrp', 'probes', 'outages'] as const;

const pickMaps = (s: LiveMaps): LiveMaps => ({
  links: s.links,
  devices: s.devices,
  ports: s.ports,
  lags: s.lags,
  stp: s.stp,
  bonds: s.bonds,
  mclags: s.mclags,
  flows: s.flows,
  traffic: s.traffic,
  vrrp: s.vrrp,
  probes: s.probes,
  outages: s.outages,
});

/**
 * The overlay's link, device, port and LAG maps, as a store of their own that changes only when
 * one of them does. The overlay changes every frame while LACPDUs fly (their counts, the log, the
 * clock) but its maps only when something changes state (foldEvents copies a map only when it
 * writes it), so the canvas's hundreds of links, ports and labels, which subscribe here, run no
 * selector at all in a frame of LACPDUs. Kept in step with the overlay; read-only.
 */
export const useLiveMaps = create<LiveMaps>()(() => pickMaps(useOverlayStore.getState()));

useOverlayStore.subscribe((s) => {
  const m = useLiveMaps.getState();
  if (LIVE_MAPS.some((k) => m[k] !== s[k])) useLiveMaps.setState(pickMaps(s), true);
});

/** The virtual clock now, interpolated from the last batch while running. */
export function clockNow(state: Pick<OverlayState, 'clock' | 'clockWall' | 'running' | 'speed'>, wallNow: number): number {
  if (!state.running) return state.clock;
  // Never run more than a quarter second ahead of the worker's last word.
  const ahead = Math.min(250, Math.max(0, wallNow - state.clockWall)) * state.speed;
  return state.clock + ahead;
}

/** A control frame drawn as a dot crossing its link: an LACPDU, a BPDU or a VRRP advertisement. */
export type Flight = LacpduEvent | BpduEvent | VrrpAdvertEvent;

let flights: Flight[] = [];

/** LACPDUs and BPDUs whose dot is still on the canvas (sent less than FLIGHT_VIRTUAL_MS ago). */
export function getFlights(): readonly Flight[] {
  return flights;
}

/**
 * @internal bridge only: adds the LACPDUs among `events` and drops the dots that have landed.
 * Runs every frame, so it compacts the one array in place instead of allocating new ones.
 */
export function updateFlights(events: readonly SimEvent[], clock: number): void {
  let n = 0;
  for (const f of flights) if (f.t + FLIGHT_VIRTUAL_MS > clock) flights[n++] = f;
  for (const e of events) if ((e.type === 'lacpdu' || e.type === 'bpdu' || e.type === 'vrrpAdvert') && e.t + FLIGHT_VIRTUAL_MS > clock) flights[n++] = e;
  flights.length = n;
}

/** @internal bridge only. */
export function clearFlights(): void {
  flights = [];
}

export const selectClock = (s: OverlayState) => s.clock;
export const selectLinkState = (id: string) => (s: OverlayState) => s.links[id];
export const selectPort = (device: string, port: string) => (s: OverlayState) => s.ports[`${device}:${port}`];
export const selectLag = (device: string, lag: string) => (s: OverlayState) => s.lags[`${device}:${lag}`];
export const selectDevice = (id: string) => (s: OverlayState) => s.devices[id];
