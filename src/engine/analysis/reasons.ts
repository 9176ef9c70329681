/**
 * Why an element's failure cuts a host off, as a code with parameters (reasonText.ts words it), when the topology can tell: the host's
 * only uplink or every bond member on one switch, a single gateway, every path crossing the
 * element, or a device left without a second uplink. The engine's runs decide WHAT is lost; this
 * only names a cause for it, so a wrong guess can never hide a loss.
 */
import type { ResolvedTopology } from '../../model';
import type { AnalysisElement } from './elements';
import type { MeasuredItem } from './observe';
import type { LossWhy, WhyTarget } from './reasonText';
import { reasonText } from './reasonText';
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

const hostLinks = (t: ResolvedTopology, host: string) => t.links.filter((l) => l.a.device === host || l.b.device === host);
const farEnd = (l: ResolvedTopology['links'][number], host: string): string => (l.a.device === host ? l.b.device : l.a.device);

/** The host's own attachment: every NIC (or every bond member) on the failed device or inside the failed element. */
function attachmentReason(t: ResolvedTopology, el: AnalysisElement, host: string): LossWhy | undefined {
  const links = hostLinks(t, host);
  const isDevice = el.kind === 'device';
  const hit = links.filter((l) => (isDevice ? farEnd(l, host) === el.id : el.links.includes(l.id)));
  if (links.length === 0 || hit.length < links.length) return undefined;
  const bond = t.bonds.find((b) => b.device === host);
  if (bond && isDevice) return { code: 'bondOneSwitch', params: { bond: bond.id, host, mode: bond.mode, members: bond.members.length, device: el.id } };
  if (bond) return { code: 'bondAllMembers', params: { bond: bond.id, host, mode: bond.mode } };
  if (links.length === 1) return isDevice ? { code: 'noSecondUplink', params: { host, device: el.id } } : { code: 'onlyLink', params: { host, link: links[0]?.id ?? '' } };
  return isDevice ? { code: 'allLinksOnDevice', params: { host, device: el.id } } : { code: 'allLinksInElement', params: { host, elementKind: el.kind, element: el.id } };
}

/** A single gateway: the host's gateway address is owned by the failed device alone (no VRRP, no anycast). */
function gatewayReason(t: ResolvedTopology, el: AnalysisElement, item: MeasuredItem): LossWhy | undefined {
  if (el.kind !== 'device' || item.kind === 'flow' && t.devices.find((d) => d.id === item.to)?.type === 'host') return undefined;
  const gateway = t.devices.find((d) => d.id === item.host)?.gateway;
  if (gateway === null || gateway === undefined) return undefined;
  const owners = gatewayOwners(t, gateway);
  if (owners.length !== 1 || owners[0] !== el.id) return undefined;
  return { code: 'singleGateway', params: { device: el.id, gateway, host: item.host } };
}

/** Where an item goes, as a reason names it: a flow's destination device, the gateway address, or the upstream. */
function targetOf(item: MeasuredItem): { target: WhyTarget; to: string } {
  if (item.kind === 'flow') return { target: 'device', to: item.to };
  return item.kind === 'gateway' ? { target: 'gateway', to: item.to } : { target: 'upstream', to: '' };
}

/** Every path crosses the element (a graph cut), or a device that still takes traffic lost its only way on. */
function pathReason(t: ResolvedTopology, el: AnalysisElement, item: MeasuredItem): LossWhy | undefined {
  const targets = new Set(targetDevices(t, item));
  const down = new Set(el.links);
  const dead = new Set(el.kind === 'device' ? [el.id] : []);
  if (!isReachable(t, item.host, targets, down, dead)) return { code: 'everyPath', params: { host: item.host, ...targetOf(item), elementKind: el.kind, element: el.id } };
  if (el.kind === 'device') return undefined;
  // A device on the far side of the failed link that can no longer reach the target: if traffic
  // is still hashed or routed to it (active-active, a LAG), that share is dropped there.
  const ends = t.links.filter((l) => el.links.includes(l.id)).flatMap((l) => [l.a.device, l.b.device]);
  const stranded = [...new Set(ends)].filter((d) => d !== item.host && !targets.has(d) && isReachable(t, item.host, new Set([d]), down, dead) && !isReachable(t, d, targets, down, dead));
  const first = stranded[0];
  if (first !== undefined) return { code: 'strandedDevice', params: { device: first, host: item.host, ...targetOf(item) } };
  return undefined;
}

/** The far end (device and whether it is alive) of `host:port`'s link, unless the failure took that link. */
function slaveEnd(t: ResolvedTopology, el: AnalysisElement, host: string, port: string): string | undefined {
  const link = t.links.find((l) => (l.a.device === host && l.a.port === port) || (l.b.device === host && l.b.port === port));
  if (!link || el.links.includes(link.id)) return undefined;
  const far = link.a.device === host ? link.b.device : link.a.device;
  return el.kind === 'device' && el.id === far ? undefined : far;
}

/**
 * An active-backup bond (at either end of the item) whose active slave — the primary, else the
 * first member — keeps carrier, so MII monitoring never fails it over, while the switch it
 * reaches lost its way to the other end and another slave's switch still has one.
 */
function activeBackupReason(t: ResolvedTopology, el: AnalysisElement, item: MeasuredItem): LossWhy | undefined {
  const down = new Set(el.links);
  const dead = new Set(el.kind === 'device' ? [el.id] : []);
  const ends = [{ host: item.host, targets: new Set(targetDevices(t, item)), ...targetOf(item) }];
  if (item.kind === 'flow' && t.devices.find((d) => d.id === item.to)?.type === 'host') ends.push({ host: item.to, targets: new Set([item.host]), target: 'device', to: item.host });
  for (const end of ends) {
    const bond = t.bonds.find((b) => b.device === end.host && b.mode === 'active-backup');
    const slave = bond?.primary ?? bond?.members[0];
    if (!bond || slave === undefined) continue;
    const device = slaveEnd(t, el, end.host, slave);
    if (device === undefined || isReachable(t, device, end.targets, down, dead)) continue;
    const other = bond.members.find((m) => {
      const far = m === slave ? undefined : slaveEnd(t, el, end.host, m);
      return far !== undefined && isReachable(t, far, end.targets, down, dead);
    });
    if (other !== undefined) return { code: 'activeBackupStranded', params: { bond: bond.id, host: end.host, slave, device, target: end.target, to: end.to, other } };
  }
  return undefined;
}

/** An MC-LAG peer-link in the failed element: the secondary suspends its MC-LAG ports, routes toward it stay. */
function peerLinkReason(t: ResolvedTopology, el: AnalysisElement): LossWhy | undefined {
  const domain = t.mclags.find((m) => el.links.includes(m.peerLink) || t.lags.some((l) => l.id === m.peerLink && el.id === `${l.device}/${l.id}`));
  if (!domain) return undefined;
  return { code: 'peerLink', params: { mclag: domain.id } };
}

/** A cause for an item's permanent loss when `el` fails, or undefined when the topology cannot tell. */
export function lossWhy(t: ResolvedTopology, el: AnalysisElement, item: MeasuredItem): LossWhy | undefined {
  const receiver = item.kind === 'flow' && t.devices.find((d) => d.id === item.to)?.type === 'host' ? attachmentReason(t, el, item.to) : undefined;
  return gatewayReason(t, el, item) ?? attachmentReason(t, el, item.host) ?? receiver ?? activeBackupReason(t, el, item) ?? pathReason(t, el, item) ?? routeReason(t, el, item) ?? peerLinkReason(t, el);
}

/** The cause as data (`why`) and in the CLI's English (`reason`), or undefined when the topology cannot tell. */
export function lossReason(t: ResolvedTopology, el: AnalysisElement, item: MeasuredItem): { why: LossWhy; reason: string } | undefined {
  const why = lossWhy(t, el, item);
  if (!why) return undefined;
  const deviceName = (id: string): string => t.devices.find((d) => d.id === id)?.name ?? id;
  return { why, reason: reasonText(why, { deviceName, elementLabel: el.label }) };
}
