/**
 * Edits of one router in a VRRP group (RFC 5798 §6.1 per-router parameters): priority (1–254;
 * 255 only for, and always for, the address owner), Preempt_Mode, the vendor preempt delay and
 * tracked objects that lower the priority while they are down (Cisco `track … decrement`). Also
 * adding a router to a group and taking one out.
 */
import type { Topology, VrrpGroup, VrrpMember } from '../schema';
import { contains, parseAddress } from './cidr';
import { interfaceLabel } from './interfaces';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, checkInt, refuse, without } from './result';
import { MAX_VRRP_MEMBERS, MEMBER_PRIORITY, OWNER_PRIORITY, VRRP_LIMITS, activeActiveError, isVrrpOwner, vrrpInterfaces } from './vrrp';

/** The most tracked objects per router (schema limit). */
export const MAX_VRRP_TRACKS = 16;

/** Settable member fields; null resets one to its default (priority 100, preempt on, no delay). */
export interface VrrpMemberPatch {
  priority?: number | null | undefined;
  preempt?: boolean | null | undefined;
  preemptDelayMs?: number | null | undefined;
}

type Found = { g: VrrpGroup; m: VrrpMember } | EditError;

function find(doc: Topology, groupId: string, device: string): Found {
  const g = doc.vrrp?.find((x) => x.id === groupId);
  if (!g) return { key: EditErrorKey.unknownVrrp, params: { group: groupId } };
  const m = g.members.find((x) => x.device === device);
  return m ? { g, m } : { key: EditErrorKey.vrrpNotMember, params: { device, group: groupId } };
}

function writeMember(doc: Topology, g: VrrpGroup, m: VrrpMember, next: VrrpMember): EditResult {
  const group = { ...g, members: g.members.map((x) => (x === m ? next : x)) };
  return accept({ ...doc, vrrp: (doc.vrrp ?? []).map((x) => (x === g ? group : x)) }, {});
}

/** Why `value` cannot be the member's priority: range, 255 for a non-owner, or not 255 for the owner. */
export function vrrpPriorityError(doc: Topology, groupId: string, device: string, value: number): EditError | undefined {
  const found = find(doc, groupId, device);
  if ('key' in found) return found;
  const bad = checkInt('priority', value, VRRP_LIMITS.priority.min, OWNER_PRIORITY);
  if (bad) return bad;
  const isOwner = isVrrpOwner(doc, found.g, found.m);
  if (isOwner && value !== OWNER_PRIORITY) return { key: EditErrorKey.vrrpOwnerFixed, params: { device, vip: found.g.vip } };
  if (!isOwner && value === OWNER_PRIORITY) return { key: EditErrorKey.vrrpPriorityOwner, params: { device, vip: found.g.vip } };
  return undefined;
}

function memberPatchError(doc: Topology, groupId: string, device: string, patch: VrrpMemberPatch): EditError | undefined {
  if ('priority' in patch) {
    const bad = vrrpPriorityError(doc, groupId, device, patch.priority ?? MEMBER_PRIORITY);
    if (bad) return bad;
  }
  if (patch.preemptDelayMs != null) return checkInt('preemptDelayMs', patch.preemptDelayMs, VRRP_LIMITS.preemptDelayMs.min, VRRP_LIMITS.preemptDelayMs.max);
  return undefined;
}

/** Changes a member's priority, Preempt_Mode or preempt delay (defaults stored as absent). */
export function updateVrrpMember(doc: Topology, groupId: string, device: string, patch: VrrpMemberPatch): EditResult {
  const found = find(doc, groupId, device);
  if ('key' in found) return { ok: false, error: found };
  const bad = memberPatchError(doc, groupId, device, patch);
  if (bad) return { ok: false, error: bad };
  let next: VrrpMember = { ...found.m };
  if ('priority' in patch) next = { ...next, priority: patch.priority ?? MEMBER_PRIORITY };
  if ('preempt' in patch) next = patch.preempt === false ? { ...next, preempt: false } : without(next, 'preempt');
  if ('preemptDelayMs' in patch) next = patch.preemptDelayMs == null || patch.preemptDelayMs === 0 ? without(next, 'preemptDelayMs') : { ...next, preemptDelayMs: patch.preemptDelayMs };
  return writeMember(doc, found.g, found.m, next);
}

/** What a router may track: its own wired ports, as `device:port`, routed ports (its uplinks, typically) first. */
export function trackCandidates(doc: Topology, device: string): string[] {
  const dev = doc.devices.find((d) => d.id === device);
  const wired = (port: string) => doc.links.some((l) => (l.a.device === device && l.a.port === port) || (l.b.device === device && l.b.port === port));
  const ports = (dev?.ports ?? []).filter((p) => wired(p.id));
  return [...ports.filter((p) => p.ip !== undefined), ...ports.filter((p) => p.ip === undefined)].map((p) => `${device}:${p.id}`);
}

function trackTargetError(doc: Topology, target: string): EditError | undefined {
  if (doc.links.some((l) => l.id === target)) return undefined;
  const sep = target.lastIndexOf(':');
  const dev = sep > 0 ? doc.devices.find((d) => d.id === target.slice(0, sep)) : undefined;
  return dev?.ports.some((p) => p.id === target.slice(sep + 1)) ? undefined : { key: EditErrorKey.trackTarget, params: { target } };
}

/** Makes a member track a link or `device:port`: while it is down the priority drops by `decrement` (default 10). */
export function addVrrpTrack(doc: Topology, groupId: string, device: string, target: string, decrement?: number): EditResult {
  const found = find(doc, groupId, device);
  if ('key' in found) return { ok: false, error: found };
  const tracks = found.m.tracks ?? [];
  const bad = trackTargetError(doc, target) ?? (decrement === undefined ? undefined : checkInt('decrement', decrement, VRRP_LIMITS.decrement.min, VRRP_LIMITS.decrement.max));
  if (bad) return { ok: false, error: bad };
  if (tracks.some((t) => t.target === target)) return refuse(EditErrorKey.trackDuplicate, { device, target });
  if (tracks.length >= MAX_VRRP_TRACKS) return refuse(EditErrorKey.tracksFull, { max: MAX_VRRP_TRACKS });
  const track = decrement === undefined ? { target } : { target, decrement };
  return writeMember(doc, found.g, found.m, { ...found.m, tracks: [...tracks, track] });
}

/** Changes a tracked object's decrement (null: the default 10). */
export function updateVrrpTrack(doc: Topology, groupId: string, device: string, index: number, decrement: number | null): EditResult {
  const found = find(doc, groupId, device);
  if ('key' in found) return { ok: false, error: found };
  const track = found.m.tracks?.[index];
  if (!track) return refuse(EditErrorKey.unknownTrack, { device, index: index + 1 });
  const bad = decrement === null ? undefined : checkInt('decrement', decrement, VRRP_LIMITS.decrement.min, VRRP_LIMITS.decrement.max);
  if (bad) return { ok: false, error: bad };
  const next = decrement === null ? without(track, 'decrement') : { ...track, decrement };
  return writeMember(doc, found.g, found.m, { ...found.m, tracks: (found.m.tracks ?? []).map((t) => (t === track ? next : t)) });
}

/** Stops tracking object number `index`. */
export function removeVrrpTrack(doc: Topology, groupId: string, device: string, index: number): EditResult {
  const found = find(doc, groupId, device);
  if ('key' in found) return { ok: false, error: found };
  const tracks = found.m.tracks ?? [];
  if (tracks[index] === undefined) return refuse(EditErrorKey.unknownTrack, { device, index: index + 1 });
  const kept = tracks.filter((_, i) => i !== index);
  return writeMember(doc, found.g, found.m, kept.length === 0 ? without(found.m, 'tracks') : { ...found.m, tracks: kept });
}

/** Routers and L3 switches not in the group with an interface whose subnet holds the virtual IP. */
export function vrrpMemberCandidates(doc: Topology, groupId: string): string[] {
  const g = doc.vrrp?.find((x) => x.id === groupId);
  const vip = g ? (parseAddress(g.vip)?.value ?? -1) : -1;
  if (!g) return [];
  return doc.devices.filter((d) => !g.members.some((m) => m.device === d.id) && vrrpInterfaces(d).some((f) => contains(f.cidr, vip))).map((d) => d.id);
}

/** Adds a router to a group on its interface in the VIP's subnet (or `port`): priority 100, or 255 as owner. */
export function addVrrpMember(doc: Topology, groupId: string, device: string, port?: string): EditResult {
  const g = doc.vrrp?.find((x) => x.id === groupId);
  if (!g) return refuse(EditErrorKey.unknownVrrp, { group: groupId });
  const dev = doc.devices.find((d) => d.id === device);
  if (!dev) return refuse(EditErrorKey.unknownDevice, { device });
  if (dev.type !== 'router' && dev.type !== 'switch') return refuse(EditErrorKey.vrrpDeviceOnly, { device });
  if (g.members.some((m) => m.device === device)) return refuse(EditErrorKey.vrrpAlreadyMember, { device, group: groupId });
  if (g.members.length >= MAX_VRRP_MEMBERS) return refuse(EditErrorKey.vrrpFull, { max: MAX_VRRP_MEMBERS });
  if (g.activeActive === true) return refuse(EditErrorKey.vrrpActiveActive, { group: groupId });
  const vip = parseAddress(g.vip)?.value ?? -1;
  const iface = vrrpInterfaces(dev).find((f) => (port === undefined || f.port === port) && contains(f.cidr, vip));
  if (!iface) return refuse(EditErrorKey.vrrpNoInterface, { device: interfaceLabel(device, port), vip: g.vip });
  const taken = (doc.vrrp ?? []).find((x) => x.vrid === g.vrid && x.members.some((m) => m.device === device && m.port === iface.port));
  if (taken) return refuse(EditErrorKey.vrrpVridTaken, { vrid: g.vrid, group: taken.id });
  const member: VrrpMember = { device, ...(iface.port === undefined ? {} : { port: iface.port }), priority: iface.cidr.value === vip ? OWNER_PRIORITY : MEMBER_PRIORITY };
  const group = { ...g, members: [...g.members, member] };
  return accept({ ...doc, vrrp: (doc.vrrp ?? []).map((x) => (x === g ? group : x)) }, {});
}

/**
 * Takes a router out of a group; the last one takes the group with it, and an active-active group
 * that is no longer an MC-LAG pair becomes a plain one. The address owner cannot leave while the
 * virtual IP is its address.
 */
export function removeVrrpMember(doc: Topology, groupId: string, device: string): EditResult {
  const found = find(doc, groupId, device);
  if ('key' in found) return { ok: false, error: found };
  const { g, m } = found;
  if (isVrrpOwner(doc, g, m) && g.members.length > 1) return refuse(EditErrorKey.vrrpOwnerLeaving, { device, vip: g.vip });
  const members = g.members.filter((x) => x !== m);
  if (members.length === 0) return accept({ ...doc, vrrp: (doc.vrrp ?? []).filter((x) => x !== g) }, {});
  let group: VrrpGroup = { ...g, members };
  if (group.activeActive === true && activeActiveError(doc, group)) group = without(group, 'activeActive');
  return accept({ ...doc, vrrp: (doc.vrrp ?? []).map((x) => (x === g ? group : x)) }, {});
}

