/**
 * Defaults of the topology document: `resolveTopology` turns a valid document into one where
 * every optional value is filled in, so the engine never guesses. The numbers follow the
 * standards and the vendors named beside each (see shared/reference/protocols.md).
 */
import { networkOf, splitCidr } from './ip';
import type { ResolvedAnycastGateway, ResolvedProbes, ResolvedVrrpGroup } from './defaultsL3';
import { resolveAnycast, resolveProbes, resolveVrrp } from './defaultsL3';
import type { Bond, BondMode, Device, DeviceType, Lag, LagMode, Link, McLag, PortStp, Topology } from './schema';

/** 802.1AX 5.3.2: switches default to System Priority 32768; Linux bonding uses 65535. */
export const DEFAULT_SYSTEM_PRIORITY: Record<DeviceType, number> = {
  switch: 32768,
  router: 32768,
  upstream: 32768,
  host: 65535,
};
/** 802.1AX 5.3.4 Port Priority: Cisco 32768; Linux 255. */
export const DEFAULT_PORT_PRIORITY: Record<DeviceType, number> = {
  switch: 32768,
  router: 32768,
  upstream: 32768,
  host: 255,
};
export const DEFAULT_SPEED_MBPS = 1000;
export const DEFAULT_LINK_DELAY_MS = 0.005;
/** Linux `lacp_rate` and Cisco default to slow (30 s PDUs, 90 s timeout). */
export const DEFAULT_LACP_RATE = 'slow';
/** Cisco Catalyst: 8 active members, the rest hot-standby. */
export const DEFAULT_MAX_ACTIVE = 8;
/** Arista `port-channel lacp fallback timeout` default (AVD schema). */
export const DEFAULT_FALLBACK_TIMEOUT_MS = 90_000;
/** A flow's default rate: enough to watch its path, cheap enough for big labs. */
export const DEFAULT_FLOW_PPS = 10;
export const DEFAULT_FLOW_BYTES = 64;
/** 802.1D-2004 Table 17-2: bridge priority default. */
export const DEFAULT_BRIDGE_PRIORITY = 32768;
/** Linux bonding: miimon 100 ms. */
export const DEFAULT_MIIMON_MS = 100;

/** A bridge port's spanning-tree settings; `cost` null = from the speed. */
export interface ResolvedPortStp {
  cost: number | null;
  priority: number;
  edge: boolean;
}

export interface ResolvedDeviceStp {
  mode: 'off' | 'stp' | 'rstp';
  priority: number;
  helloMs: number;
  maxAgeMs: number;
  forwardDelayMs: number;
}

export interface ResolvedBond {
  id: string;
  device: string;
  members: string[];
  mode: BondMode;
  miimonMs: number;
  /** Rounded down to a multiple of miimon, as Linux does. */
  updelayMs: number;
  downdelayMs: number;
  primary: string | null;
  lacpRate: 'slow' | 'fast';
  xmitHashPolicy: 'layer2' | 'layer2+3' | 'layer3+4';
  numGratArp: number;
}

export interface ResolvedPort {
  id: string;
  /** 802.1AX Port Number: position on the device + 1 (never 0). */
  number: number;
  speedMbps: number;
  duplex: 'full' | 'half';
  mac: string;
  stp: ResolvedPortStp;
  /** A routed port's address and prefix (it is not a bridge port then), or null. */
  ip: { address: string; prefix: number } | null;
}

/** A static route: destination network (address masked to the prefix) and next hop. */
export interface ResolvedRoute {
  to: { address: string; prefix: number };
  via: string;
}

export interface ResolvedDevice {
  id: string;
  type: DeviceType;
  name: string;
  mac: string;
  ports: ResolvedPort[];
  systemPriority: number;
  portPriority: number;
  individualPolicy: 'suspend' | 'individual';
  /** IPv4 address and prefix, or null: a host's address, a switch's SVI, an upstream's loopback. */
  ip: { address: string; prefix: number } | null;
  /** A host's default gateway, or null. */
  gateway: string | null;
  /** Static routes, in document order. */
  routes: ResolvedRoute[];
  stp: ResolvedDeviceStp;
}

export interface ResolvedLink {
  id: string;
  a: { device: string; port: string };
  b: { device: string; port: string };
  /** Configured line rate, or null for the lower of the two ports' speeds. */
  speedMbps: number | null;
  delayMs: number;
}

export interface ResolvedLag {
  id: string;
  device: string;
  name: string;
  members: string[];
  mode: LagMode;
  rate: 'fast' | 'slow';
  systemPriority: number;
  key: number;
  /** Port priority per member, filled for every member. */
  portPriorities: Record<string, number>;
  maxActive: number;
  minLinks: number;
  /** null = no fallback. */
  fallbackTimeoutMs: number | null;
  startMs: number;
  stp: ResolvedPortStp;
  /** Set when the LAG is a host's 802.3ad bond (the bond's id). */
  bond: string | null;
  /** Set for an MC-LAG port-channel: the pair's shared LACP identity and this peer's port-number offset. */
  mclag: { domain: string; systemMac: string; systemPriority: number; portOffset: number } | null;
}

export interface ResolvedMcLag {
  id: string;
  domainId: number;
  peers: [string, string];
  peerLink: string;
  keepalive: string | null;
  rolePriority: Record<string, number>;
  systemPriority: number;
  /** vPC system MAC 00:23:04:ee:be:<domain id>. */
  systemMac: string;
}

/** vPC: role priority and LACP system priority default 32667; the second peer's ports are numbered from 1025. */
export const DEFAULT_MCLAG_PRIORITY = 32667;
export const MCLAG_PORT_OFFSET = 1024;

/** Cisco vPC system MAC: 00:23:04:ee:be:<domain id in hex> (domain ids above 255 use the last two bytes). */
export function mclagSystemMac(domainId: number): string {
  const hex = (n: number) => (n & 0xff).toString(16).padStart(2, '0');
  return domainId > 255 ? `00:23:04:ee:${hex(0xbe + (domainId >> 8))}:${hex(domainId)}` : `00:23:04:ee:be:${hex(domainId)}`;
}

export interface ResolvedFlow {
  id: string;
  from: string;
  to: string;
  pps: number;
  sizeBytes: number;
  srcPort: number;
  dstPort: number;
  startMs: number;
}

export interface ResolvedTopology {
  seed: number;
  devices: ResolvedDevice[];
  links: ResolvedLink[];
  lags: ResolvedLag[];
  flows: ResolvedFlow[];
  /** Every bond, 802.3ad ones included (those also appear in `lags`, run by LACP). */
  bonds: ResolvedBond[];
  mclags: ResolvedMcLag[];
  vrrp: ResolvedVrrpGroup[];
  anycastGateways: ResolvedAnycastGateway[];
  probes: ResolvedProbes;
}

/** FNV-1a, 32 bits: a stable hash so a device keeps its MAC when others are added. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function hex2(n: number): string {
  return (n & 0xff).toString(16).padStart(2, '0');
}

/** A locally administered MAC (02:…) for a device, from its id; the last byte is left for ports. */
export function deriveDeviceMac(id: string, salt = 0): string {
  const h = fnv1a(salt === 0 ? id : `${id}#${salt}`);
  return ['02', hex2(h >>> 24), hex2(h >>> 16), hex2(h >>> 8), hex2(h), '00'].join(':');
}

function normaliseMac(mac: string): string {
  return mac.toLowerCase().replace(/-/g, ':');
}

/** Adds n to the last byte of a MAC (port MACs follow the device MAC, as on most switches). */
function portMac(deviceMac: string, n: number): string {
  const parts = deviceMac.split(':');
  const last = (parseInt(parts[5] ?? '0', 16) + n) & 0xff;
  parts[5] = hex2(last);
  return parts.join(':');
}

function resolveDevice(dev: Device, used: Set<string>): ResolvedDevice {
  let mac = dev.mac ? normaliseMac(dev.mac) : deriveDeviceMac(dev.id);
  for (let salt = 1; !dev.mac && used.has(mac); salt++) mac = deriveDeviceMac(dev.id, salt);
  used.add(mac);
  return {
    id: dev.id,
    type: dev.type,
    name: dev.name ?? dev.id,
    mac,
    ports: dev.ports.map((p, i) => ({
      id: p.id,
      number: i + 1,
      speedMbps: p.speedMbps ?? DEFAULT_SPEED_MBPS,
      duplex: p.duplex ?? 'full',
      mac: p.mac ? normaliseMac(p.mac) : portMac(mac, i + 1),
      stp: resolvePortStp(p.stp),
      ip: p.ip === undefined ? null : splitCidr(p.ip),
    })),
    systemPriority: dev.lacp?.systemPriority ?? DEFAULT_SYSTEM_PRIORITY[dev.type],
    portPriority: DEFAULT_PORT_PRIORITY[dev.type],
    individualPolicy: dev.lacp?.individualPolicy ?? 'suspend',
    ip: dev.ip === undefined ? null : splitCidr(dev.ip),
    gateway: dev.gateway ?? null,
    routes: (dev.routes ?? []).map((r) => {
      const to = splitCidr(r.to);
      return { to: { address: networkOf(to), prefix: to.prefix }, via: r.via };
    }),
    stp: {
      mode: dev.stp?.mode ?? 'off',
      priority: dev.stp?.priority ?? DEFAULT_BRIDGE_PRIORITY,
      helloMs: (dev.stp?.helloS ?? 2) * 1000,
      maxAgeMs: (dev.stp?.maxAgeS ?? 20) * 1000,
      forwardDelayMs: (dev.stp?.forwardDelayS ?? 15) * 1000,
    },
  };
}

function resolveLink(link: Link): ResolvedLink {
  return { id: link.id, a: { ...link.a }, b: { ...link.b }, speedMbps: link.speedMbps ?? null, delayMs: link.delayMs ?? DEFAULT_LINK_DELAY_MS };
}

function resolveLag(lag: Lag, device: ResolvedDevice, keyOnDevice: number): ResolvedLag {
  const portPriorities: Record<string, number> = {};
  for (const m of lag.members) portPriorities[m] = lag.portPriorities?.[m] ?? device.portPriority;
  return {
    id: lag.id,
    device: lag.device,
    name: lag.name ?? lag.id,
    members: [...lag.members],
    mode: lag.mode,
    rate: lag.rate ?? DEFAULT_LACP_RATE,
    systemPriority: lag.systemPriority ?? device.systemPriority,
    key: lag.key ?? keyOnDevice,
    portPriorities,
    maxActive: lag.maxActive ?? DEFAULT_MAX_ACTIVE,
    minLinks: lag.minLinks ?? 1,
    fallbackTimeoutMs: lag.fallback ? (lag.fallback.timeoutMs ?? DEFAULT_FALLBACK_TIMEOUT_MS) : null,
    startMs: lag.startMs ?? 0,
    stp: resolvePortStp(lag.stp),
    bond: null,
    mclag: null,
  };
}

function resolveMcLag(m: McLag): ResolvedMcLag {
  const rolePriority: Record<string, number> = {};
  for (const p of m.peers) rolePriority[p] = m.rolePriority?.[p] ?? DEFAULT_MCLAG_PRIORITY;
  return { id: m.id, domainId: m.domainId, peers: [m.peers[0], m.peers[1]], peerLink: m.peerLink, keepalive: m.keepalive ?? null, rolePriority, systemPriority: m.systemPriority ?? DEFAULT_MCLAG_PRIORITY, systemMac: mclagSystemMac(m.domainId) };
}

/** An MC-LAG port-channel speaks with the pair's identity; its key must match on both peers. */
function applyMcLag(lag: ResolvedLag, source: Lag, domains: ReadonlyMap<string, ResolvedMcLag>): void {
  const domain = source.mclag === undefined ? undefined : domains.get(source.mclag);
  if (!domain) return;
  const digits = /\d+/.exec(lag.id);
  lag.key = source.key ?? (digits ? Math.min(65535, Math.max(1, Number(digits[0]))) : 1);
  lag.systemPriority = source.systemPriority ?? domain.systemPriority;
  lag.mclag = { domain: domain.id, systemMac: domain.systemMac, systemPriority: lag.systemPriority, portOffset: domain.peers[1] === lag.device ? MCLAG_PORT_OFFSET : 0 };
}

/** 802.1D-2004 §17.13: port priority 128, cost from the speed unless set, not an edge port. */
function resolvePortStp(stp: PortStp | undefined): ResolvedPortStp {
  return { cost: stp?.cost ?? null, priority: stp?.priority ?? 128, edge: stp?.edge ?? false };
}

/** Linux bonding defaults (bonding.rst): miimon 100, delays rounded down to a multiple of miimon. */
function resolveBond(bond: Bond): ResolvedBond {
  const miimonMs = bond.miimon ?? DEFAULT_MIIMON_MS;
  const round = (ms: number) => (miimonMs === 0 ? 0 : Math.floor(ms / miimonMs) * miimonMs);
  return {
    id: bond.id,
    device: bond.device,
    members: [...bond.members],
    mode: bond.mode,
    miimonMs,
    updelayMs: round(bond.updelay ?? 0),
    downdelayMs: round(bond.downdelay ?? 0),
    primary: bond.primary ?? null,
    lacpRate: bond.lacpRate ?? 'slow',
    xmitHashPolicy: bond.xmitHashPolicy ?? 'layer2',
    numGratArp: bond.numGratArp ?? 1,
  };
}

/** An 802.3ad bond is an LACP LAG on the host (Linux: active, system priority 65535, port priority 255). */
function bondLag(bond: ResolvedBond, device: ResolvedDevice): ResolvedLag {
  const portPriorities: Record<string, number> = {};
  for (const m of bond.members) portPriorities[m] = device.portPriority;
  return {
    id: bond.id,
    device: bond.device,
    name: bond.id,
    members: [...bond.members],
    mode: 'active',
    rate: bond.lacpRate,
    systemPriority: device.systemPriority,
    key: 1,
    portPriorities,
    maxActive: DEFAULT_MAX_ACTIVE,
    minLinks: 1,
    fallbackTimeoutMs: null,
    startMs: 0,
    stp: resolvePortStp(undefined),
    bond: bond.id,
    mclag: null,
  };
}

/** Fills every default of a valid document (run `validateTopology` first). */
export function resolveTopology(doc: Topology): ResolvedTopology {
  const used = new Set<string>(doc.devices.flatMap((d) => (d.mac ? [normaliseMac(d.mac)] : [])));
  const devices = doc.devices.map((d) => resolveDevice(d, used));
  const byId = new Map(devices.map((d) => [d.id, d]));
  const lagCount = new Map<string, number>();
  const lags: ResolvedLag[] = [];
  const mclags = (doc.mclags ?? []).map(resolveMcLag);
  const domains = new Map(mclags.map((m) => [m.id, m]));
  for (const lag of doc.lags ?? []) {
    const device = byId.get(lag.device);
    if (!device) throw new Error(`resolveTopology: unknown device "${lag.device}" (validate first)`);
    const n = (lagCount.get(lag.device) ?? 0) + 1;
    lagCount.set(lag.device, n);
    const resolved = resolveLag(lag, device, n);
    applyMcLag(resolved, lag, domains);
    lags.push(resolved);
  }
  const flows = (doc.flows ?? []).map((f, i) => ({
    id: f.id,
    from: f.from,
    to: f.to,
    pps: f.pps ?? DEFAULT_FLOW_PPS,
    sizeBytes: f.sizeBytes ?? DEFAULT_FLOW_BYTES,
    // Distinct source ports per flow, so hashing policies that read ports can spread them.
    srcPort: f.srcPort ?? 49152 + i,
    dstPort: f.dstPort ?? 5001,
    startMs: f.startMs ?? 0,
  }));
  const bonds = (doc.bonds ?? []).map(resolveBond);
  for (const bond of bonds) {
    const device = byId.get(bond.device);
    if (bond.mode === '802.3ad' && device) lags.push(bondLag(bond, device));
  }
  const vrrp = (doc.vrrp ?? []).map(resolveVrrp);
  return { seed: doc.seed ?? 1, devices, links: doc.links.map(resolveLink), lags, flows, bonds, mclags, vrrp, anycastGateways: (doc.anycastGateways ?? []).map(resolveAnycast), probes: resolveProbes(doc) };
}
