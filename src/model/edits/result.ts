/**
 * What every edit returns, the catalogue of refusal keys, and the small helpers the edits share
 * (first-free ids, range checks, the final validation that keeps every result a valid document).
 */
import type { Topology } from '../schema';
import { formatIssue, validateTopology } from '../validate';

/** Why an edit was refused: an i18n key (`errors.edit.*`) and its parameters. */
export interface EditError {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * The outcome of an edit: the new document (always valid) plus edit-specific data such as a new
 * id, or the reason for refusing. A refused edit never changes anything.
 */
export type EditResult<T extends object = object> = ({ ok: true; doc: Topology } & T) | { ok: false; error: EditError };

/** A LAG is named by its device and its id (ids are unique per device only). */
export interface LagRef {
  device: string;
  id: string;
}

/**
 * i18n keys of refused edits (translations in `src/ui/i18n/<lang>/errors.json` under `edit`, and
 * for the issue-4 edits in `inspector.json` under `refused`).
 */
export const EditErrorKey = {
  /** The result would not validate: {detail} is the first issue, `path: message`. */
  invalid: 'errors.edit.invalid',
  /** {device} does not exist. */
  unknownDevice: 'errors.edit.unknownDevice',
  /** {device} has no port {port}. */
  unknownPort: 'errors.edit.unknownPort',
  /** {link} does not exist. */
  unknownLink: 'errors.edit.unknownLink',
  /** {device} has no LAG {lag}. */
  unknownLag: 'errors.edit.unknownLag',
  /** A link from a port to itself: {port}. */
  samePort: 'errors.edit.samePort',
  /** A link between two ports of one device: {device}. */
  sameDevice: 'errors.edit.sameDevice',
  /** {port} (`device:port`) is already wired by {link}. */
  portWired: 'errors.edit.portWired',
  /** A LAG needs at least one link. */
  lagEmpty: 'errors.edit.lagEmpty',
  /** The links of a LAG must all join the same two devices {a} and {b}; {link} does not. */
  lagDevices: 'errors.edit.lagDevices',
  /** {port} (`device:port`) is already a member of LAG {lag}. */
  alreadyInLag: 'errors.edit.alreadyInLag',
  /** LAG {lag} would have more than {max} members. */
  lagFull: 'errors.edit.lagFull',
  /** {port} is not a member of LAG {lag} (port priorities). */
  notMember: 'errors.edit.notMember',
  /** {device} already has the most ports a device may have, {max}. */
  tooManyPorts: 'errors.edit.tooManyPorts',
  /** {field} must be between {min} and {max}. */
  range: 'errors.edit.range',
  /** {field} must be at least {min}. */
  min: 'errors.edit.min',
  /** {field} must be a whole number. */
  integer: 'errors.edit.integer',
  /** {field} is longer than {max} characters. */
  tooLong: 'errors.edit.tooLong',
  /** {value} is not a speed a port can run at ({field}). */
  speed: 'errors.edit.speed',
  /** {value} is not one of the choices of {field}. */
  choice: 'errors.edit.choice',

  // Refusals of the host, spanning-tree, bond, MC-LAG and flow edits (issue 4). Their
  // translations live in `inspector.json` under `refused`, next to the panels that make them.

  /** {field} must be a multiple of {step}. */
  step: 'inspector.refused.step',
  /** {value} is not an IPv4 address with a prefix such as 10.0.0.1/24. */
  ipFormat: 'inspector.refused.ipFormat',
  /** {ip} is not a host address (0.x, 127.x loopback, 224.x and up multicast / reserved). */
  ipReserved: 'inspector.refused.ipReserved',
  /** {ip} is the network address of {subnet}. */
  ipNetwork: 'inspector.refused.ipNetwork',
  /** {ip} is the broadcast address of {subnet}. */
  ipBroadcast: 'inspector.refused.ipBroadcast',
  /** {ip} is already the address of {device}. */
  ipTaken: 'inspector.refused.ipTaken',
  /** {device} cannot lose its address while flow {flow} uses it. */
  ipInUse: 'inspector.refused.ipInUse',
  /** Spanning tree runs on switches; {device} is not one. */
  stpBridgeOnly: 'inspector.refused.stpBridgeOnly',
  /** Max Age {maxAge} s is above 2 × (Forward Delay {forwardDelay} − 1) = {max} s (802.1D-2004 §17.14). */
  stpMaxAgeHigh: 'inspector.refused.stpMaxAgeHigh',
  /** Max Age {maxAge} s is below 2 × (Hello Time {hello} + 1) = {min} s (802.1D-2004 §17.14). */
  stpMaxAgeLow: 'inspector.refused.stpMaxAgeLow',
  /** {port} is a member of LAG {lag}: the LAG is the bridge port, so set spanning tree on it. */
  stpLagMember: 'inspector.refused.stpLagMember',
  /** {device} has no bond {bond}. */
  unknownBond: 'inspector.refused.unknownBond',
  /** Bonds belong to hosts; {device} is not one. */
  bondHostOnly: 'inspector.refused.bondHostOnly',
  /** A bond needs at least one port. */
  bondEmpty: 'inspector.refused.bondEmpty',
  /** There is no MC-LAG domain {domain}. */
  unknownMcLag: 'inspector.refused.unknownMcLag',
  /** An MC-LAG pair needs two different switches ({device} twice). */
  mclagSamePeer: 'inspector.refused.mclagSamePeer',
  /** MC-LAG peers are switches; {device} is not one. */
  mclagSwitchOnly: 'inspector.refused.mclagSwitchOnly',
  /** {device} is already a peer of MC-LAG domain {domain}. */
  mclagAlready: 'inspector.refused.mclagAlready',
  /** No LAG joins {a} and {b} to serve as the peer-link. */
  mclagNoPeerLink: 'inspector.refused.mclagNoPeerLink',
  /** The peer-link needs one id on both peers, and {device} already uses {lag} for another LAG. */
  mclagPeerLinkId: 'inspector.refused.mclagPeerLinkId',
  /** {link} cannot be the keepalive: it must be a link between the two peers outside every LAG. */
  mclagKeepalive: 'inspector.refused.mclagKeepalive',
  /** Domain id {domainId} is already used by domain {domain}. */
  mclagDomainTaken: 'inspector.refused.mclagDomainTaken',
  /** {device} is not a peer of any MC-LAG domain. */
  mclagNotPeer: 'inspector.refused.mclagNotPeer',
  /** {lag} is the peer-link of its domain and cannot also be an MC-LAG port. */
  mclagIsPeerLink: 'inspector.refused.mclagIsPeerLink',
  /** The other peer {device} has no LAG {lag} (nor free ports to the same devices to make one). */
  mclagNoTwin: 'inspector.refused.mclagNoTwin',
  /** Peer {device} has no free port wired to {downstream}. */
  mclagNoPorts: 'inspector.refused.mclagNoPorts',
  /** There is no flow {flow}. */
  unknownFlow: 'inspector.refused.unknownFlow',
  /** Flows run between hosts; {device} is not one. */
  flowHostOnly: 'inspector.refused.flowHostOnly',
  /** {device} needs an IP address to send or receive a flow. */
  flowNeedsIp: 'inspector.refused.flowNeedsIp',
  /** A flow from {device} to itself. */
  flowSelf: 'inspector.refused.flowSelf',

  // Refusals of the layer-3 and first-hop redundancy edits (issue 5), also in `inspector.json`.

  /** {value} is not an IPv4 address such as 10.0.0.1. */
  ipv4Format: 'inspector.refused.ipv4Format',
  /** A router's addresses go on its ports; {device} is a router. */
  ipRouterPorts: 'inspector.refused.ipRouterPorts',
  /** A host's address is its device address, not a port's ({device}). */
  ipPortHost: 'inspector.refused.ipPortHost',
  /** {port} is a member of LAG or bond {lag} and cannot be a routed port. */
  ipBundled: 'inspector.refused.ipBundled',
  /** {device} already has an interface ({other}) in this subnet. */
  ipOverlap: 'inspector.refused.ipOverlap',
  /** {ip} is the virtual IP of VRRP group {group}. */
  ipIsVip: 'inspector.refused.ipIsVip',
  /** {ip} is the address of anycast gateway {gateway}. */
  ipIsAnycast: 'inspector.refused.ipIsAnycast',
  /** {iface} runs VRRP group {group} (virtual IP {vip}) and needs an address in that subnet. */
  ipInUseVrrp: 'inspector.refused.ipInUseVrrp',
  /** {device} owns anycast gateway {gateway} ({ip}) and needs its SVI in that subnet. */
  ipInUseAnycast: 'inspector.refused.ipInUseAnycast',
  /** The route to {to} via {via} needs the subnet of {iface}. */
  ipInUseRoute: 'inspector.refused.ipInUseRoute',
  /** Only hosts have a default gateway; {device} is not one. */
  gatewayHostOnly: 'inspector.refused.gatewayHostOnly',
  /** {device} needs an address before a gateway. */
  gatewayNoIp: 'inspector.refused.gatewayNoIp',
  /** {gateway} is not in {device}'s subnet {subnet}. */
  gatewaySubnet: 'inspector.refused.gatewaySubnet',
  /** {gateway} is {device}'s own address. */
  gatewaySelf: 'inspector.refused.gatewaySelf',
  /** Hosts have a gateway, not routes ({device}). */
  routesHostOnly: 'inspector.refused.routesHostOnly',
  /** {value} is not a destination prefix such as 0.0.0.0/0. */
  routeFormat: 'inspector.refused.routeFormat',
  /** Next hop {via} is not in a subnet connected to {device}. */
  routeNextHop: 'inspector.refused.routeNextHop',
  /** Next hop {via} is {device}'s own address. */
  routeSelf: 'inspector.refused.routeSelf',
  /** {device} already has the route to {to} via {via}. */
  routeDuplicate: 'inspector.refused.routeDuplicate',
  /** {device} has no route number {index}. */
  unknownRoute: 'inspector.refused.unknownRoute',
  /** There is no VRRP group {group}. */
  unknownVrrp: 'inspector.refused.unknownVrrp',
  /** VRRP runs on routers and L3 switches; {device} is not one. */
  vrrpDeviceOnly: 'inspector.refused.vrrpDeviceOnly',
  /** A VRRP group needs at least two routers. */
  vrrpTooFew: 'inspector.refused.vrrpTooFew',
  /** At most {max} members. */
  vrrpFull: 'inspector.refused.vrrpFull',
  /** {devices} share no subnet. */
  vrrpNoSubnet: 'inspector.refused.vrrpNoSubnet',
  /** No free address in {subnet} for a virtual IP. */
  vrrpNoVip: 'inspector.refused.vrrpNoVip',
  /** Every VRID is used in {subnet}. */
  vrrpNoVrid: 'inspector.refused.vrrpNoVrid',
  /** Virtual IP {vip} is not in the subnet {subnet} of {device}. */
  vrrpVipSubnet: 'inspector.refused.vrrpVipSubnet',
  /** {vip} is the address of {device}, which is not in the group. */
  vrrpVipTaken: 'inspector.refused.vrrpVipTaken',
  /** {vip} is already the virtual IP of group {group}. */
  vrrpVipTwice: 'inspector.refused.vrrpVipTwice',
  /** VRID {vrid} is already used by group {group} on the same interface or LAN. */
  vrrpVridTaken: 'inspector.refused.vrrpVridTaken',
  /** Active-active needs exactly the two peers of one MC-LAG domain on their SVIs ({group}). */
  vrrpActiveActive: 'inspector.refused.vrrpActiveActive',
  /** Priority 255 is for the owner of {vip} only; {device} is not. */
  vrrpPriorityOwner: 'inspector.refused.vrrpPriorityOwner',
  /** {device} owns {vip}, so its priority stays 255. */
  vrrpOwnerFixed: 'inspector.refused.vrrpOwnerFixed',
  /** {device} owns {vip}; change the virtual IP before taking it out. */
  vrrpOwnerLeaving: 'inspector.refused.vrrpOwnerLeaving',
  /** {device} is not in group {group}. */
  vrrpNotMember: 'inspector.refused.vrrpNotMember',
  /** {device} is already in group {group}. */
  vrrpAlreadyMember: 'inspector.refused.vrrpAlreadyMember',
  /** {device} has no interface in the subnet of {vip}. */
  vrrpNoInterface: 'inspector.refused.vrrpNoInterface',
  /** {target} is not a link or a device:port. */
  trackTarget: 'inspector.refused.trackTarget',
  /** {device} already tracks {target}. */
  trackDuplicate: 'inspector.refused.trackDuplicate',
  /** At most {max} tracked objects. */
  tracksFull: 'inspector.refused.tracksFull',
  /** {device} has no tracked object number {index}. */
  unknownTrack: 'inspector.refused.unknownTrack',
  /** There is no anycast gateway {gateway}. */
  unknownAnycast: 'inspector.refused.unknownAnycast',
  /** An anycast gateway needs at least one L3 switch. */
  anycastEmpty: 'inspector.refused.anycastEmpty',
  /** {device} is not an L3 switch with an SVI. */
  anycastSviOnly: 'inspector.refused.anycastSviOnly',
  /** {ip} is not in the SVI subnet {subnet} of {device}. */
  anycastSubnet: 'inspector.refused.anycastSubnet',
  /** {value} is not a MAC address. */
  macFormat: 'inspector.refused.macFormat',
  /** {value} is a group (multicast) MAC address. */
  macMulticast: 'inspector.refused.macMulticast',
} as const;
export type EditErrorKey = (typeof EditErrorKey)[keyof typeof EditErrorKey];

/** A refused edit. */
export function refuse(key: EditErrorKey, params?: Record<string, string | number>): { ok: false; error: EditError } {
  return { ok: false, error: params ? { key, params } : { key } };
}

/**
 * Accepts an edited document only if it validates, so no edit can ever hand out an invalid lab.
 * The document itself is returned (not zod's parsed copy) to keep unchanged parts by reference.
 */
export function accept<T extends object>(doc: Topology, extra: T): EditResult<T> {
  const result = validateTopology(doc);
  if (!result.ok) {
    const first = result.issues[0];
    return refuse(EditErrorKey.invalid, { detail: first ? formatIssue(first) : '(document)' });
  }
  return { ok: true, doc, ...extra };
}

/** `prefix` + the first number from `start` that makes an id not in `used`. */
export function firstFreeId(prefix: string, used: ReadonlySet<string>, start = 1): string {
  for (let n = start; ; n++) {
    const id = `${prefix}${n}`;
    if (!used.has(id)) return id;
  }
}

/** Ids that share one namespace: devices and links (a link id may not be a device id). */
export function deviceAndLinkIds(doc: Topology): Set<string> {
  return new Set([...doc.devices.map((d) => d.id), ...doc.links.map((l) => l.id)]);
}

/** Checks a whole number in [min, max]; undefined when fine. */
export function checkInt(field: string, value: number, min: number, max: number): EditError | undefined {
  if (typeof value !== 'number' || Number.isNaN(value)) return { key: EditErrorKey.range, params: { field, min, max } };
  if (!Number.isInteger(value) && Number.isFinite(value)) return { key: EditErrorKey.integer, params: { field } };
  return checkNumber(field, value, min, max);
}

/** Checks a finite number in [min, max] (or just ≥ min when max is undefined). */
export function checkNumber(field: string, value: number, min: number, max?: number): EditError | undefined {
  const isNumber = typeof value === 'number' && Number.isFinite(value);
  if (max === undefined) return isNumber && value >= min ? undefined : { key: EditErrorKey.min, params: { field, min } };
  return isNumber && value >= min && value <= max ? undefined : { key: EditErrorKey.range, params: { field, min, max } };
}

/** Checks that a value is one of a list of choices. */
export function checkChoice(field: string, value: unknown, choices: readonly string[]): EditError | undefined {
  return typeof value === 'string' && choices.includes(value) ? undefined : { key: EditErrorKey.choice, params: { field, value: String(value) } };
}

/** Checks a text's length. */
export function checkText(field: string, value: unknown, max: number): EditError | undefined {
  if (typeof value !== 'string') return { key: EditErrorKey.choice, params: { field, value: String(value) } };
  return value.length <= max ? undefined : { key: EditErrorKey.tooLong, params: { field, max } };
}

/** Returns a copy of `obj` without `key` (exactOptionalPropertyTypes forbids `key: undefined`). */
export function without<T extends object, K extends keyof T>(obj: T, key: K): T {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}
