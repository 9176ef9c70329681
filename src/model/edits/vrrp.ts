/**
 * Edits of VRRPv3 groups (RFC 5798): make one from routers / L3 switches sharing a subnet (a free
 * VRID, a suggested virtual IP, priorities 110 / 100 so the first is Master), change the group's
 * virtual IP, VRID, Advertisement_Interval, Accept_Mode and active-active flag, dissolve it.
 * Members and their tracked objects are in `vrrpMembers.ts`.
 */
import type { Device, Topology, VrrpGroup, VrrpMember } from '../schema';
import type { Ipv4Cidr } from './cidr';
import { contains, dotted, hostAddressError, maskOf, parseAddress, parseCidr, subnetOf } from './cidr';
import type { L3Interface } from './interfaces';
import { addressUseError, interfaceLabel, interfacesOf } from './interfaces';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, checkInt, firstFreeId, refuse, without } from './result';

/** Ranges of a group's and a member's numbers (RFC 5798 §5.2, §6.1; the schema's limits). */
export const VRRP_LIMITS = {
  vrid: { min: 1, max: 255 },
  priority: { min: 1, max: 254 },
  advertIntervalCs: { min: 1, max: 4095 },
  preemptDelayMs: { min: 0, max: 3_600_000 },
  decrement: { min: 1, max: 254 },
} as const;
/** RFC 5798 §5.2.4: the address owner's priority. */
export const OWNER_PRIORITY = 255;
/** A new group's first router: above the default 100, so it is the Master. */
export const FIRST_MEMBER_PRIORITY = 110;
export const MEMBER_PRIORITY = 100;
export const MAX_VRRP_MEMBERS = 8;

/** Settable group fields; null resets one to its default. */
export interface VrrpGroupPatch {
  vip?: string | undefined;
  vrid?: number | undefined;
  advertIntervalCs?: number | null | undefined;
  acceptMode?: boolean | null | undefined;
  activeActive?: boolean | null | undefined;
}

/** What to make a group on: a subnet the devices share (default: the one with hosts), a VIP, a VRID. */
export interface MakeVrrpOptions {
  subnet?: string | undefined;
  vip?: string | undefined;
  vrid?: number | undefined;
}

/** Interfaces VRRP may run on: a router's routed ports, a switch's SVI and routed ports. */
export function vrrpInterfaces(dev: Device): L3Interface[] {
  return dev.type === 'router' || dev.type === 'switch' ? interfacesOf(dev).filter((f) => f.port !== undefined || dev.type === 'switch') : [];
}

/** The interface a member runs on, if it has an address. */
export function memberInterface(doc: Topology, m: VrrpMember): L3Interface | undefined {
  const dev = doc.devices.find((d) => d.id === m.device);
  return dev ? vrrpInterfaces(dev).find((f) => f.port === m.port) : undefined;
}

/** True when the member's interface address is the group's virtual IP (RFC 5798 §5.2.4). */
export function isVrrpOwner(doc: Topology, g: VrrpGroup, m: VrrpMember): boolean {
  return memberInterface(doc, m)?.cidr.value === parseAddress(g.vip)?.value;
}

/** The groups a device is a member of. */
export function vrrpGroupsOf(doc: Topology, device: string): VrrpGroup[] {
  return (doc.vrrp ?? []).filter((g) => g.members.some((m) => m.device === device));
}

/** Another router or L3 switch sharing a subnet with a device: who it could make a group with. */
export interface VrrpPeer {
  device: string;
  subnet: string;
}

/** Routers / L3 switches sharing a subnet with `device`, each with the shared subnet (hosts' subnets first). */
export function vrrpPeerCandidates(doc: Topology, device: string): VrrpPeer[] {
  const self = doc.devices.find((d) => d.id === device);
  if (!self) return [];
  const mine = new Set(vrrpInterfaces(self).map((f) => subnetOf(f.cidr)));
  const out: VrrpPeer[] = [];
  for (const dev of doc.devices) {
    if (dev.id === device) continue;
    const shared = vrrpInterfaces(dev).map((f) => subnetOf(f.cidr)).filter((s) => mine.has(s));
    for (const subnet of sortBySubnetHosts(doc, [...new Set(shared)])) out.push({ device: dev.id, subnet });
  }
  return out;
}

function hostsIn(doc: Topology, subnet: string): Device[] {
  return doc.devices.filter((d) => d.type === 'host' && d.ip !== undefined && subnetOfText(d.ip) === subnet);
}

function subnetOfText(cidr: string): string | undefined {
  const parsed = parseCidr(cidr);
  return parsed ? subnetOf(parsed) : undefined;
}

/** Subnets with hosts first (that is where a gateway is needed), otherwise in the given order. */
function sortBySubnetHosts(doc: Topology, subnets: string[]): string[] {
  const has = (s: string) => (hostsIn(doc, s).length > 0 ? 0 : 1);
  return [...subnets].sort((a, b) => has(a) - has(b));
}

/** The lowest VRID not used on these interfaces nor by another group in the subnet (their virtual MACs would clash). */
export function freeVrid(doc: Topology, ifaces: readonly L3Interface[], net: Ipv4Cidr, self?: VrrpGroup): number | undefined {
  const used = new Set<number>();
  for (const g of doc.vrrp ?? []) {
    if (g === self) continue;
    const onIface = g.members.some((m) => ifaces.some((f) => f.device === m.device && f.port === m.port));
    if (onIface || contains(net, parseAddress(g.vip)?.value ?? -1)) used.add(g.vrid);
  }
  for (let v = VRRP_LIMITS.vrid.min; v <= VRRP_LIMITS.vrid.max; v++) if (!used.has(v)) return v;
  return undefined;
}

/** Is `value` free to be the group's virtual IP (or owned by one of `members`)? */
function isVipFree(doc: Topology, value: number, net: Ipv4Cidr, members: readonly string[]): boolean {
  if (hostAddressError(value, net)) return false;
  const use = addressUseError(doc, value);
  if (!use) return true;
  const owner = doc.devices.find((d) => members.includes(d.id) && vrrpInterfaces(d).some((f) => f.cidr.value === value));
  return use.key === EditErrorKey.ipTaken && owner !== undefined;
}

/**
 * A virtual IP for a new group on `net`: the gateway the subnet's hosts already use when it is free
 * (or a member's own address: that member becomes the owner), else the first free address.
 */
export function suggestVip(doc: Topology, net: Ipv4Cidr, members: readonly string[]): string | undefined {
  const counts = new Map<number, number>();
  for (const h of hostsIn(doc, subnetOf(net))) {
    const gw = h.gateway === undefined ? undefined : parseAddress(h.gateway);
    if (gw && contains(net, gw.value)) counts.set(gw.value, (counts.get(gw.value) ?? 0) + 1);
  }
  const used = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([v]) => v);
  const gateway = used.find((v) => isVipFree(doc, v, net, members));
  if (gateway !== undefined) return dotted(gateway);
  const first = (net.value & maskOf(net.prefix)) >>> 0;
  const size = Math.min(2 ** (32 - net.prefix), 65_536);
  for (let i = 0; i < size; i++) if (isVipFree(doc, first + i, net, [])) return dotted(first + i);
  return undefined;
}

function checkPeer(doc: Topology, id: string): Device | EditError {
  const dev = doc.devices.find((d) => d.id === id);
  if (!dev) return { key: EditErrorKey.unknownDevice, params: { device: id } };
  return dev.type === 'router' || dev.type === 'switch' ? dev : { key: EditErrorKey.vrrpDeviceOnly, params: { device: id } };
}

/** The interface of each device in a subnet they all share (`subnet`, or the best shared one). */
function pickInterfaces(devices: readonly Device[], subnet: string | undefined): { net: Ipv4Cidr; ifaces: L3Interface[] } | undefined {
  const first = devices[0];
  if (!first) return undefined;
  const shared = vrrpInterfaces(first)
    .map((f) => subnetOf(f.cidr))
    .filter((s) => devices.every((d) => vrrpInterfaces(d).some((f) => subnetOf(f.cidr) === s)));
  const chosen = subnet === undefined ? shared[0] : shared.find((s) => s === subnet);
  if (chosen === undefined) return undefined;
  const ifaces = devices.map((d) => vrrpInterfaces(d).find((f) => subnetOf(f.cidr) === chosen) as L3Interface);
  return { net: parseCidr(chosen) as Ipv4Cidr, ifaces };
}

/** Owner 255; the first other router 110 (the Master), the rest 100. */
function initialMembers(ifaces: readonly L3Interface[], vip: number): VrrpMember[] {
  let others = 0;
  return ifaces.map((f) => {
    const priority = f.cidr.value === vip ? OWNER_PRIORITY : others++ === 0 ? FIRST_MEMBER_PRIORITY : MEMBER_PRIORITY;
    return { device: f.device, ...(f.port === undefined ? {} : { port: f.port }), priority };
  });
}

/**
 * The group `makeVrrpGroup` would make, or why it cannot: two or more routers / L3 switches on a
 * subnet they share, the lowest free VRID, the virtual IP `suggestVip` picks, preemption on (the
 * default). The inspector shows it before the student commits.
 */
export function planVrrpGroup(doc: Topology, deviceIds: readonly string[], options: MakeVrrpOptions = {}): VrrpGroup | EditError {
  const unique = [...new Set(deviceIds)];
  if (unique.length < 2) return { key: EditErrorKey.vrrpTooFew };
  if (unique.length > MAX_VRRP_MEMBERS) return { key: EditErrorKey.vrrpFull, params: { max: MAX_VRRP_MEMBERS } };
  const devices: Device[] = [];
  for (const id of unique) {
    const dev = checkPeer(doc, id);
    if ('key' in dev) return dev;
    devices.push(dev);
  }
  const picked = pickInterfaces(devices, options.subnet);
  if (!picked) return { key: EditErrorKey.vrrpNoSubnet, params: { devices: unique.join(', ') } };
  const vip = options.vip ?? suggestVip(doc, picked.net, unique);
  if (vip === undefined) return { key: EditErrorKey.vrrpNoVip, params: { subnet: subnetOf(picked.net) } };
  const vrid = options.vrid ?? freeVrid(doc, picked.ifaces, picked.net);
  if (vrid === undefined) return { key: EditErrorKey.vrrpNoVrid, params: { subnet: subnetOf(picked.net) } };
  const draft: VrrpGroup = { id: '', vrid, vip, members: initialMembers(picked.ifaces, parseAddress(vip)?.value ?? -1) };
  const bad = vipError(doc, draft, vip) ?? vridError(doc, draft, vrid);
  if (bad) return bad;
  const id = firstFreeId('vrrp', new Set((doc.vrrp ?? []).map((g) => g.id)), vrid);
  return { ...draft, id, vip: parseAddress(vip)?.address ?? vip };
}

/**
 * Makes a VRRP group (see `planVrrpGroup`). Refused: fewer than two devices, not routers or
 * switches, no shared subnet, an unusable VIP or VRID.
 */
export function makeVrrpGroup(doc: Topology, deviceIds: readonly string[], options: MakeVrrpOptions = {}): EditResult<{ id: string }> {
  const group = planVrrpGroup(doc, deviceIds, options);
  if ('key' in group) return { ok: false, error: group };
  return accept({ ...doc, vrrp: [...(doc.vrrp ?? []), group] }, { id: group.id });
}

/** Why `text` cannot be the group's virtual IP: format, outside a member's subnet, taken. */
export function vipError(doc: Topology, g: VrrpGroup, text: string): EditError | undefined {
  const vip = parseAddress(text);
  if (!vip) return { key: EditErrorKey.ipv4Format, params: { value: text.trim() } };
  for (const m of g.members) {
    const iface = memberInterface(doc, m);
    if (!iface) continue;
    if (!contains(iface.cidr, vip.value)) return { key: EditErrorKey.vrrpVipSubnet, params: { vip: vip.address, device: interfaceLabel(m.device, m.port), subnet: subnetOf(iface.cidr) } };
    const bad = hostAddressError(vip.value, iface.cidr);
    if (bad) return bad;
  }
  const other = (doc.vrrp ?? []).find((x) => x.id !== g.id && parseAddress(x.vip)?.value === vip.value);
  if (other) return { key: EditErrorKey.vrrpVipTwice, params: { vip: vip.address, group: other.id } };
  const use = addressUseError(doc, vip.value);
  const isMemberAddress = g.members.some((m) => memberInterface(doc, m)?.cidr.value === vip.value);
  if (use && use.key === EditErrorKey.ipTaken && !isMemberAddress) return { key: EditErrorKey.vrrpVipTaken, params: { vip: vip.address, device: String(use.params?.device) } };
  return use && use.key !== EditErrorKey.ipTaken && use.key !== EditErrorKey.ipIsVip ? use : undefined;
}

/** Why `vrid` cannot be the group's: range, or already used on a member's interface or in the subnet. */
export function vridError(doc: Topology, g: VrrpGroup, vrid: number): EditError | undefined {
  const bad = checkInt('vrid', vrid, VRRP_LIMITS.vrid.min, VRRP_LIMITS.vrid.max);
  if (bad) return bad;
  const vip = parseAddress(g.vip)?.value ?? -1;
  const ifaces = g.members.map((m) => memberInterface(doc, m)).filter((f): f is L3Interface => f !== undefined);
  for (const other of doc.vrrp ?? []) {
    if (other.id === g.id || other.vrid !== vrid) continue;
    const shared = other.members.find((m) => ifaces.some((f) => f.device === m.device && f.port === m.port));
    const sameLan = ifaces.some((f) => contains(f.cidr, parseAddress(other.vip)?.value ?? -1) && contains(f.cidr, vip));
    if (shared || sameLan) return { key: EditErrorKey.vrrpVridTaken, params: { vrid, group: other.id } };
  }
  return undefined;
}

/** Active-active needs the two peers of one MC-LAG domain, each on its SVI. */
export function activeActiveError(doc: Topology, g: VrrpGroup): EditError | undefined {
  const devices = g.members.map((m) => m.device).sort().join();
  const isPair = (doc.mclags ?? []).some((m) => [...m.peers].sort().join() === devices);
  return isPair && g.members.every((m) => m.port === undefined) ? undefined : { key: EditErrorKey.vrrpActiveActive, params: { group: g.id } };
}

/** The owner's priority follows the virtual IP: 255 for the member whose address it is, else 100. */
function ownerPriorities(doc: Topology, g: VrrpGroup): VrrpMember[] {
  return g.members.map((m) => {
    const isOwner = isVrrpOwner(doc, g, m);
    if (isOwner && m.priority !== OWNER_PRIORITY) return { ...m, priority: OWNER_PRIORITY };
    if (!isOwner && m.priority === OWNER_PRIORITY) return { ...m, priority: MEMBER_PRIORITY };
    return m;
  });
}

function patchError(doc: Topology, g: VrrpGroup, patch: VrrpGroupPatch): EditError | undefined {
  if (patch.vip !== undefined) {
    const bad = vipError(doc, g, patch.vip);
    if (bad) return bad;
  }
  if (patch.vrid !== undefined) {
    const bad = vridError(doc, g, patch.vrid);
    if (bad) return bad;
  }
  if (patch.advertIntervalCs != null) {
    const bad = checkInt('advertIntervalCs', patch.advertIntervalCs, VRRP_LIMITS.advertIntervalCs.min, VRRP_LIMITS.advertIntervalCs.max);
    if (bad) return bad;
  }
  return patch.activeActive === true ? activeActiveError(doc, g) : undefined;
}

/**
 * Changes a group's virtual IP (the owner's priority follows it: 255 for the member whose address
 * it becomes), VRID, Advertisement_Interval, Accept_Mode or active-active flag. Defaults (false,
 * 100 cs) are stored as absent.
 */
export function updateVrrpGroup(doc: Topology, id: string, patch: VrrpGroupPatch): EditResult {
  const g = doc.vrrp?.find((x) => x.id === id);
  if (!g) return refuse(EditErrorKey.unknownVrrp, { group: id });
  const bad = patchError(doc, g, patch);
  if (bad) return { ok: false, error: bad };
  let next: VrrpGroup = { ...g };
  if (patch.vip !== undefined) {
    next.vip = parseAddress(patch.vip)?.address ?? patch.vip;
    next.members = ownerPriorities(doc, next);
  }
  if (patch.vrid !== undefined) next.vrid = patch.vrid;
  if ('advertIntervalCs' in patch) next = patch.advertIntervalCs == null ? without(next, 'advertIntervalCs') : { ...next, advertIntervalCs: patch.advertIntervalCs };
  for (const key of ['acceptMode', 'activeActive'] as const) {
    if (key in patch) next = patch[key] === true ? { ...next, [key]: true } : without(next, key);
  }
  return accept({ ...doc, vrrp: (doc.vrrp ?? []).map((x) => (x === g ? next : x)) }, {});
}

/** Removes a group: its routers stop speaking VRRP for it. */
export function dissolveVrrpGroup(doc: Topology, id: string): EditResult {
  const g = doc.vrrp?.find((x) => x.id === id);
  if (!g) return refuse(EditErrorKey.unknownVrrp, { group: id });
  const vrrp = (doc.vrrp ?? []).filter((x) => x !== g);
  return accept(vrrp.length === 0 ? without(doc, 'vrrp') : { ...doc, vrrp }, {});
}
