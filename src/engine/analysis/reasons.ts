/**
 * Why an element's failure cuts a host off, in words, when the topology can tell: the host's
 * only uplink or every bond member on one switch, a single gateway, every path crossing the
 * element, or a device left without a second uplink. The engine's runs decide WHAT is lost; this
 * only names a cause for it, so a wrong guess can never hide a loss.
 */
import type { ResolvedTopology } from '../../model';
import type { AnalysisElement } from './elements';
import type { MeasuredItem } from './observe';
import { routeReason } from './routeReasons';

/** The devices an item reaches: the owners of the gateway address, the upstream, or the flow's destination. */
export function targetDevices(t: ResolvedTopology, item: MeasuredItem): string[] {
  if (item.kind === 'upstream') return t.devices.filter((d) => d.type === 'upstream').map((d) => d.id);
  if (item.kind === 'flow') return [item.to];
  return gatewayOwners(t, item.to);
}

/** Devices that answer for a gateway address: its owner, its VRRP members, its anycast leaves. */
export function gatewayOwners(t: ResolvedTopology, ip: string): string[] {
  const owners = new Set<string>();
  for (const d of t.devices) if (d.ip?.address === ip || d.ports.some((p) => p.ip?.address === ip)) owners.add(d.id);
  for (const g of t.vrrp) if (g.vip === ip) for (const m of g.members) owners.add(m.device);
  for (const a of t.anycastGateways) if (a.ip === ip) for (const d of a.devices) owners.add(d);
  return [...owners].sort();
}

/** Is `to` reachable from `from` over links not in `down`, through devices not in `deadDevices`? Hosts and upstreams do not forward. */
export function isReachable(t: ResolvedTopology, from: string, to: ReadonlySet<string>, down: ReadonlySet<string>, deadDevices: ReadonlySet<string>): boolean {
  const type = new Map(t.devices.map((d) => [d.id, d.type]));
  const seen = new Set([from]);
  const queue = [from];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    if (to.has(node)) return true;
    const isEndpoint = type.get(node) === 'host' || type.get(node) === 'upstream';
    if (isEndpoint && node !== from) continue;
    for (const l of t.links) {
      if (down.has(l.id)) continue;
      const next = l.a.device === node ? l.b.device : l.b.device === node ? l.a.device : undefined;
      if (next === undefined || seen.has(next) || deadDevices.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return false;
}

const nameOf = (t: ResolvedTopology, id: string): string => t.devices.find((d) => d.id === id)?.name ?? id;
const hostLinks = (t: ResolvedTopology, host: string) => t.links.filter((l) => l.a.device === host || l.b.device === host);
const farEnd = (l: ResolvedTopology['links'][number], host: string): string => (l.a.device === host ? l.b.device : l.a.device);

/** The host's own attachment: every NIC (or every bond member) on the failed device or inside the failed element. */
function attachmentReason(t: ResolvedTopology, el: AnalysisElement, host: string): string | undefined {
  const links = hostLinks(t, host);
  const isDevice = el.kind === 'device';
  const hit = links.filter((l) => (isDevice ? farEnd(l, host) === el.id : el.links.includes(l.id)));
  if (links.length === 0 || hit.length < links.length) return undefined;
  const bond = t.bonds.find((b) => b.device === host);
  if (bond && isDevice) return `bond ${bond.id} of ${host} (mode ${bond.mode}) has ${bond.members.length === 2 ? 'both' : 'all'} members on ${el.id}: two NICs, one switch`;
  if (bond) return `bond ${bond.id} of ${host} (mode ${bond.mode}) loses every member at once`;
  if (links.length === 1) return `${host} has no second uplink: its only link${isDevice ? ` goes to ${el.id}` : ` is ${links[0]?.id ?? ''}`}`;
  return `every link of ${host} ${isDevice ? `ends on ${el.id}` : `is in ${el.label}`}`;
}

/** A single gateway: the host's gateway address is owned by the failed device alone (no VRRP, no anycast). */
function gatewayReason(t: ResolvedTopology, el: AnalysisElement, item: MeasuredItem): string | undefined {
  if (el.kind !== 'device' || item.kind === 'flow' && t.devices.find((d) => d.id === item.to)?.type === 'host') return undefined;
  const gateway = t.devices.find((d) => d.id === item.host)?.gateway;
  if (gateway === null || gateway === undefined) return undefined;
  const owners = gatewayOwners(t, gateway);
  if (owners.length !== 1 || owners[0] !== el.id) return undefined;
  return `single gateway ${nameOf(t, el.id)} (${gateway}) for ${item.host}: no VRRP group or anycast gateway shares the address`;
}

/** Every path crosses the element (a graph cut), or a device that still takes traffic lost its only way on. */
function pathReason(t: ResolvedTopology, el: AnalysisElement, item: MeasuredItem): string | undefined {
  const targets = new Set(targetDevices(t, item));
  const down = new Set(el.links);
  const dead = new Set(el.kind === 'device' ? [el.id] : []);
  const what = item.kind === 'flow' ? item.to : item.kind === 'gateway' ? `its gateway ${item.to}` : 'the upstream';
  if (!isReachable(t, item.host, targets, down, dead)) return `every path from ${item.host} to ${what} crosses ${el.label}`;
  if (el.kind === 'device') return undefined;
  // A device on the far side of the failed link that can no longer reach the target: if traffic
  // is still hashed or routed to it (active-active, a LAG), that share is dropped there.
  const ends = t.links.filter((l) => el.links.includes(l.id)).flatMap((l) => [l.a.device, l.b.device]);
  const stranded = [...new Set(ends)].filter((d) => d !== item.host && !targets.has(d) && isReachable(t, item.host, new Set([d]), down, dead) && !isReachable(t, d, targets, down, dead));
  const first = stranded[0];
  if (first !== undefined) return `${nameOf(t, first)} has no second uplink toward ${what}: traffic ${item.host} still sends through it is dropped there`;
  return undefined;
}

/** An MC-LAG peer-link in the failed element: the secondary suspends its MC-LAG ports, routes toward it stay. */
function peerLinkReason(t: ResolvedTopology, el: AnalysisElement): string | undefined {
  const domain = t.mclags.find((m) => el.links.includes(m.peerLink) || t.lags.some((l) => l.id === m.peerLink && el.id === `${l.device}/${l.id}`));
  if (!domain) return undefined;
  return `the peer-link of MC-LAG ${domain.id} failed: the secondary peer suspends its MC-LAG ports (vPC behaviour), but routes toward it stay, so traffic that still reaches it is dropped`;
}

/** A cause for an item's permanent loss when `el` fails, or undefined when the topology cannot tell. */
export function lossReason(t: ResolvedTopology, el: AnalysisElement, item: MeasuredItem): string | undefined {
  const receiver = item.kind === 'flow' && t.devices.find((d) => d.id === item.to)?.type === 'host' ? attachmentReason(t, el, item.to) : undefined;
  return gatewayReason(t, el, item) ?? attachmentReason(t, el, item.host) ?? receiver ?? pathReason(t, el, item) ?? routeReason(t, el, item) ?? peerLinkReason(t, el);
}
