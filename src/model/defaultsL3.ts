/**
 * Defaults of the document's first-hop redundancy and reachability: VRRP groups (RFC 5798 §6.1
 * defaults) and probes. Used by `resolveTopology` (defaults.ts).
 */
import type { AnycastGateway, ProbeTarget, Topology, VrrpGroup } from './schema';

/** One router of a VRRP group, every default filled in. */
export interface ResolvedVrrpMember {
  device: string;
  /** The routed port, or `svi`. */
  iface: string;
  priority: number;
  preempt: boolean;
  preemptDelayMs: number;
  tracks: { target: string; decrement: number }[];
}

export interface ResolvedVrrpGroup {
  id: string;
  vrid: number;
  vip: string;
  advertIntervalCs: number;
  acceptMode: boolean;
  /** Both MC-LAG peers route for the virtual MAC and answer ARP for the VIP. */
  activeActive: boolean;
  members: ResolvedVrrpMember[];
}

/** RFC 5798 §6.1 defaults: priority 100, Advertisement_Interval 100 cs; Cisco HSRP's track decrement 10. */
export const DEFAULT_VRRP_PRIORITY = 100;
export const DEFAULT_VRRP_ADVERT_INTERVAL_CS = 100;
export const DEFAULT_TRACK_DECREMENT = 10;

/** Fills every default of a VRRP group. */
export function resolveVrrp(g: VrrpGroup): ResolvedVrrpGroup {
  return {
    id: g.id,
    vrid: g.vrid,
    vip: g.vip,
    advertIntervalCs: g.advertIntervalCs ?? DEFAULT_VRRP_ADVERT_INTERVAL_CS,
    acceptMode: g.acceptMode ?? false,
    activeActive: g.activeActive ?? false,
    members: g.members.map((m) => ({
      device: m.device,
      iface: m.port ?? 'svi',
      priority: m.priority ?? DEFAULT_VRRP_PRIORITY,
      preempt: m.preempt ?? true,
      preemptDelayMs: m.preemptDelayMs ?? 0,
      tracks: (m.tracks ?? []).map((t) => ({ target: t.target, decrement: t.decrement ?? DEFAULT_TRACK_DECREMENT })),
    })),
  };
}


/** Probe every 100 ms (the default): an outage is measured to within that. */
export const DEFAULT_PROBE_INTERVAL_MS = 100;

export interface ResolvedProbes {
  intervalMs: number;
  /** What every host with a gateway probes; `upstream` only when the lab has an upstream with an address. */
  targets: ProbeTarget[];
}

/** Probes on by default: both targets, every 100 ms. */
export function resolveProbes(doc: Topology): ResolvedProbes {
  const hasUpstream = doc.devices.some((d) => d.type === 'upstream' && (d.ip !== undefined || d.ports.some((p) => p.ip !== undefined)));
  const wanted = doc.probes?.targets ?? ['gateway', 'upstream'];
  return {
    intervalMs: doc.probes?.intervalMs ?? DEFAULT_PROBE_INTERVAL_MS,
    targets: [...new Set(wanted)].filter((t) => t === 'gateway' || hasUpstream),
  };
}

/** Arista's documented virtual-router MAC, the anycast gateway's default. */
export const DEFAULT_ANYCAST_MAC = '00:1c:73:00:00:99';

export interface ResolvedAnycastGateway {
  id: string;
  ip: string;
  mac: string;
  devices: string[];
}

/** Fills the anycast gateway's MAC (lower case, colons). */
export function resolveAnycast(a: AnycastGateway): ResolvedAnycastGateway {
  return { id: a.id, ip: a.ip, mac: (a.mac ?? DEFAULT_ANYCAST_MAC).toLowerCase().replace(/-/g, ':'), devices: [...a.devices] };
}
