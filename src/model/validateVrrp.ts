/**
 * Checks of the document's first-hop redundancy. VRRP groups (RFC 5798): each member runs on an
 * interface that exists and has an address, the virtual IP lies in that interface's subnet,
 * priority 255 belongs to the address owner only (and the owner has it), one VRID per interface,
 * tracked objects exist, an active-active group is an MC-LAG pair. Anycast gateways: L3 switches
 * whose SVI subnet holds the gateway address, which nobody else owns.
 */
import { inSubnet, splitCidr } from './ip';
import type { Cidr } from './ip';
import type { AnycastGateway, Device, Topology, VrrpGroup, VrrpMember } from './schema';
import type { AddIssue } from './validateL3';

/** RFC 5798 §5.2.4: the priority of the router that owns the virtual IP. */
export const VRRP_OWNER_PRIORITY = 255;

/** The interface a member runs on: the routed port's address, or the switch's SVI. */
function memberInterface(dev: Device, m: VrrpMember, path: string, add: AddIssue): Cidr | undefined {
  if (m.port !== undefined) {
    const port = dev.ports.find((p) => p.id === m.port);
    if (!port) return void add(`${path}.port`, 'ref.port.missing', `device "${dev.id}" has no port "${m.port}"`, { device: dev.id, port: m.port });
    if (port.ip === undefined) return void add(`${path}.port`, 'vrrp.port.noIp', `port "${dev.id}:${m.port}" needs an ip to run VRRP (a routed port)`, { device: dev.id, port: m.port });
    return splitCidr(port.ip);
  }
  if (dev.type !== 'switch' || dev.ip === undefined) return void add(`${path}.port`, 'vrrp.svi.missing', `"${dev.id}" has no SVI: give the switch an ip, or name a routed port`, { device: dev.id });
  return splitCidr(dev.ip);
}

function checkTracks(m: VrrpMember, path: string, doc: Topology, add: AddIssue): void {
  const links = new Set(doc.links.map((l) => l.id));
  (m.tracks ?? []).forEach((t, k) => {
    const sep = t.target.lastIndexOf(':');
    const dev = sep > 0 ? doc.devices.find((d) => d.id === t.target.slice(0, sep)) : undefined;
    const isPort = dev?.ports.some((p) => p.id === t.target.slice(sep + 1)) === true;
    if (!links.has(t.target) && !isPort) add(`${path}.tracks[${k}].target`, 'vrrp.track.target', `"${t.target}" is not a link or a device:port`, { target: t.target });
  });
}

function checkMember(g: VrrpGroup, m: VrrpMember, path: string, doc: Topology, add: AddIssue): string | undefined {
  const dev = doc.devices.find((d) => d.id === m.device);
  if (!dev) return void add(`${path}.device`, 'ref.device.missing', `no device "${m.device}"`, { device: m.device });
  if (dev.type !== 'switch' && dev.type !== 'router') return void add(`${path}.device`, 'vrrp.device', `VRRP runs on routers and L3 switches, and "${m.device}" is a ${dev.type}`, { device: m.device });
  checkTracks(m, path, doc, add);
  const iface = memberInterface(dev, m, path, add);
  if (!iface) return undefined;
  if (!inSubnet(g.vip, iface)) add(`${path}`, 'vrrp.vip.subnet', `virtual IP ${g.vip} is not in the subnet of "${m.device}" ${m.port ?? 'SVI'} (${iface.address}/${iface.prefix})`, { device: m.device, vip: g.vip });
  const isOwner = iface.address === g.vip;
  const priority = m.priority ?? 100;
  if (priority === VRRP_OWNER_PRIORITY && !isOwner) add(`${path}.priority`, 'vrrp.priority.owner', `priority 255 is for the address owner only: ${g.vip} is not an address of "${m.device}"`, { device: m.device });
  if (isOwner && priority !== VRRP_OWNER_PRIORITY) add(`${path}.priority`, 'vrrp.priority.ownerNot255', `"${m.device}" owns ${g.vip}, so its priority is 255 (RFC 5798 §5.2.4)`, { device: m.device });
  return `${m.device}:${m.port ?? 'svi'}`;
}

/** The device whose address `ip` is, among those not in `allowed`. */
function ownerOf(doc: Topology, ip: string, allowed: ReadonlySet<string>): string | undefined {
  for (const d of doc.devices) {
    const addrs = [d.ip, ...d.ports.map((p) => p.ip)].filter((x): x is string => x !== undefined).map((c) => splitCidr(c).address);
    if (addrs.includes(ip) && !allowed.has(d.id)) return d.id;
  }
  return undefined;
}

/** Another device's address used as a virtual IP (the owner's own address is allowed). */
function checkVipOwner(g: VrrpGroup, path: string, doc: Topology, add: AddIssue): void {
  const owner = ownerOf(doc, g.vip, new Set(g.members.map((m) => m.device)));
  if (owner !== undefined) add(`${path}.vip`, 'vrrp.vip.taken', `virtual IP ${g.vip} is the address of "${owner}", which is not in the group`, { vip: g.vip, device: owner });
}

/** Active-active needs the two peers of one MC-LAG domain, on their SVIs. */
function checkActiveActive(g: VrrpGroup, path: string, doc: Topology, add: AddIssue): void {
  if (g.activeActive !== true) return;
  const devices = g.members.map((m) => m.device).sort();
  const pair = (doc.mclags ?? []).find((m) => [...m.peers].sort().join() === devices.join());
  if (!pair || g.members.some((m) => m.port !== undefined)) add(`${path}.activeActive`, 'vrrp.activeActive.pair', `active-active VRRP needs exactly the two peers of one MC-LAG domain, on their SVIs`, { group: g.id });
}

/** VRRP group checks. */
export function checkVrrp(doc: Topology, add: AddIssue): void {
  const ids = new Set<string>();
  const vridOn = new Map<string, string>();
  (doc.vrrp ?? []).forEach((g, i) => {
    const path = `vrrp[${i}]`;
    if (ids.has(g.id)) add(`${path}.id`, 'ref.vrrp.duplicate', `VRRP group "${g.id}" is defined twice`, { group: g.id });
    ids.add(g.id);
    checkVipOwner(g, path, doc, add);
    checkActiveActive(g, path, doc, add);
    const seen = new Set<string>();
    g.members.forEach((m, j) => {
      const mPath = `${path}.members[${j}]`;
      if (seen.has(m.device)) return add(`${mPath}.device`, 'vrrp.member.twice', `"${m.device}" is in group "${g.id}" twice`, { device: m.device, group: g.id });
      seen.add(m.device);
      const iface = checkMember(g, m, mPath, doc, add);
      if (iface === undefined) return;
      const key = `${iface} ${g.vrid}`;
      const other = vridOn.get(key);
      if (other !== undefined) add(`${path}.vrid`, 'vrrp.vrid.twice', `VRID ${g.vrid} already runs on ${iface} (group "${other}")`, { vrid: g.vrid, group: other });
      else vridOn.set(key, g.id);
    });
  });
}

/** Anycast gateways: L3 switches with an SVI in the gateway's subnet; an address nobody else has. */
export function checkAnycast(doc: Topology, add: AddIssue): void {
  const ids = new Set<string>();
  const vips = new Set((doc.vrrp ?? []).map((g) => g.vip));
  (doc.anycastGateways ?? []).forEach((a: AnycastGateway, i) => {
    const path = `anycastGateways[${i}]`;
    if (ids.has(a.id)) add(`${path}.id`, 'ref.anycast.duplicate', `anycast gateway "${a.id}" is defined twice`, { gateway: a.id });
    ids.add(a.id);
    const owner = ownerOf(doc, a.ip, new Set());
    if (owner !== undefined) add(`${path}.ip`, 'anycast.ip.taken', `gateway address ${a.ip} is the address of "${owner}"`, { ip: a.ip, device: owner });
    if (vips.has(a.ip)) add(`${path}.ip`, 'anycast.ip.vrrp', `gateway address ${a.ip} is also a VRRP virtual IP`, { ip: a.ip });
    a.devices.forEach((id, j) => {
      const dev = doc.devices.find((d) => d.id === id);
      if (!dev) return add(`${path}.devices[${j}]`, 'ref.device.missing', `no device "${id}"`, { device: id });
      if (dev.type !== 'switch' || dev.ip === undefined) return add(`${path}.devices[${j}]`, 'anycast.svi', `"${id}" must be a switch with an ip (an SVI) to own an anycast gateway`, { device: id });
      if (!inSubnet(a.ip, splitCidr(dev.ip))) add(`${path}.devices[${j}]`, 'anycast.subnet', `gateway address ${a.ip} is not in the subnet of "${id}" (${dev.ip})`, { device: id, ip: a.ip });
      if (a.devices.indexOf(id) !== j) add(`${path}.devices[${j}]`, 'anycast.twice', `"${id}" is listed twice`, { device: id });
    });
  });
}
