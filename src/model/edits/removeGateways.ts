/**
 * The first-hop part of a delete's cascade (`remove.ts`): deleted devices leave their VRRP groups
 * and anycast gateways (a group or gateway left empty goes too), tracked objects on deleted links
 * or on deleted devices' ports are dropped, and an active-active group that is no longer the
 * two peers of an MC-LAG domain becomes a plain group.
 */
import type { Topology, VrrpGroup, VrrpMember } from '../schema';
import { without } from './result';
import { activeActiveError } from './vrrp';

/** Is a track target gone: a deleted link, or a port of a deleted device? */
function isGone(target: string, devices: ReadonlySet<string>, links: ReadonlySet<string>): boolean {
  if (links.has(target)) return true;
  const sep = target.lastIndexOf(':');
  return sep > 0 && devices.has(target.slice(0, sep));
}

function pruneTracks(m: VrrpMember, devices: ReadonlySet<string>, links: ReadonlySet<string>): VrrpMember {
  if (!m.tracks?.some((t) => isGone(t.target, devices, links))) return m;
  const tracks = m.tracks.filter((t) => !isGone(t.target, devices, links));
  return tracks.length === 0 ? without(m, 'tracks') : { ...m, tracks };
}

function pruneGroup(next: Topology, g: VrrpGroup, devices: ReadonlySet<string>, links: ReadonlySet<string>): VrrpGroup | null {
  const members = g.members.filter((m) => !devices.has(m.device)).map((m) => pruneTracks(m, devices, links));
  if (members.length === 0) return null;
  const isSame = members.length === g.members.length && members.every((m, i) => m === g.members[i]);
  let group = isSame ? g : { ...g, members };
  if (group.activeActive === true && activeActiveError(next, group)) group = without(group, 'activeActive');
  return group;
}

/**
 * Writes `next.vrrp` and `next.anycastGateways` for a delete of `devices` and `links` (links
 * include those of the deleted devices); `next` already holds the other cascades (MC-LAG domains).
 * Unchanged arrays are kept by reference.
 */
export function cascadeGateways(doc: Topology, next: Topology, devices: ReadonlySet<string>, links: ReadonlySet<string>): void {
  if (doc.vrrp) {
    const groups = doc.vrrp.map((g) => pruneGroup(next, g, devices, links)).filter((g): g is VrrpGroup => g !== null);
    next.vrrp = groups.length === doc.vrrp.length && groups.every((g, i) => g === doc.vrrp?.[i]) ? doc.vrrp : groups;
  }
  if (doc.anycastGateways?.some((a) => a.devices.some((d) => devices.has(d)))) {
    next.anycastGateways = doc.anycastGateways.flatMap((a) => {
      const kept = a.devices.filter((d) => !devices.has(d));
      return kept.length === 0 ? [] : [kept.length === a.devices.length ? a : { ...a, devices: kept }];
    });
  }
}
