/**
 * Layer-3 checks of a topology document: addresses (where they may sit, duplicates, overlaps),
 * hosts' gateways and static routes. Each issue names its exact path, like the rest of validate.ts.
 */
import type { Cidr } from './ip';
import { inSubnet, isNetworkOrBroadcast, splitCidr } from './ip';
import type { Device, Topology } from './schema';

/** Adds one located issue (validate.ts's IssueList). */
export type AddIssue = (path: string, code: string, message: string, params?: Record<string, string | number>) => void;

/** An IPv4 interface of a device as the document declares it. */
export interface DeclaredInterface {
  /** `svi` / `loopback` for the device's own `ip`, else the port id. */
  name: string;
  cidr: Cidr;
  path: string;
}

/** The interfaces of a device: its `ip` (host address, switch SVI, upstream loopback) and its routed ports. */
export function declaredInterfaces(dev: Device, i: number): DeclaredInterface[] {
  const out: DeclaredInterface[] = [];
  if (dev.ip !== undefined) out.push({ name: dev.type === 'upstream' ? 'loopback' : dev.type === 'host' ? 'host' : 'svi', cidr: splitCidr(dev.ip), path: `devices[${i}].ip` });
  dev.ports.forEach((p, j) => {
    if (p.ip !== undefined && dev.type !== 'host') out.push({ name: p.id, cidr: splitCidr(p.ip), path: `devices[${i}].ports[${j}].ip` });
  });
  return out;
}

/** Where an address may sit: hosts on the device, routers on ports, switches and upstreams on both. */
function checkPlacement(doc: Topology, add: AddIssue): void {
  const bundled = new Set<string>();
  for (const lag of doc.lags ?? []) for (const m of lag.members) bundled.add(`${lag.device}:${m}`);
  for (const bond of doc.bonds ?? []) for (const m of bond.members) bundled.add(`${bond.device}:${m}`);
  doc.devices.forEach((dev, i) => {
    if (dev.type === 'router' && dev.ip !== undefined) add(`devices[${i}].ip`, 'l3.ip.router', `a router's addresses go on its ports: give "${dev.id}" port addresses instead`, { device: dev.id });
    if (dev.gateway !== undefined && dev.type !== 'host') add(`devices[${i}].gateway`, 'l3.gateway.hostOnly', `only hosts have a default gateway; "${dev.id}" is a ${dev.type} (use routes)`, { device: dev.id });
    if (dev.routes !== undefined && dev.type === 'host') add(`devices[${i}].routes`, 'l3.routes.host', `a host sends off-subnet traffic to its gateway; routes belong to routers, switches and upstreams`, { device: dev.id });
    dev.ports.forEach((p, j) => {
      if (p.ip === undefined) return;
      if (dev.type === 'host') add(`devices[${i}].ports[${j}].ip`, 'l3.ip.hostPort', `a host's address is its device "ip", not a port's`, { device: dev.id, port: p.id });
      else if (bundled.has(`${dev.id}:${p.id}`)) add(`devices[${i}].ports[${j}].ip`, 'l3.ip.bundled', `port "${dev.id}:${p.id}" is a LAG or bond member and cannot be a routed port`, { device: dev.id, port: p.id });
    });
  });
}

/** No address twice anywhere; no two interfaces of one device in the same subnet; no network/broadcast address. */
function checkAddresses(doc: Topology, add: AddIssue): void {
  const owner = new Map<string, string>();
  doc.devices.forEach((dev, i) => {
    const ifaces = declaredInterfaces(dev, i);
    ifaces.forEach((iface, k) => {
      const { address } = iface.cidr;
      const where = iface.name === 'svi' || iface.name === 'loopback' || iface.name === 'host' ? dev.id : `${dev.id}:${iface.name}`;
      const other = owner.get(address);
      if (other !== undefined) add(iface.path, 'l3.ip.duplicate', `address ${address} is already used by "${other}"`, { ip: address, owner: other });
      else owner.set(address, where);
      if (isNetworkOrBroadcast(iface.cidr)) add(iface.path, 'l3.ip.reserved', `${address}/${iface.cidr.prefix} is the network or broadcast address of its subnet`, { ip: address });
      const clash = ifaces.slice(0, k).find((o) => inSubnet(address, o.cidr) || inSubnet(o.cidr.address, iface.cidr));
      if (clash && iface.name !== 'loopback' && clash.name !== 'loopback') add(iface.path, 'l3.ip.overlap', `"${dev.id}" already has an interface in this subnet (${clash.name})`, { device: dev.id, other: clash.name });
    });
  });
}

/** A host's gateway is an address of its own subnet, not its own address. */
function checkGateways(doc: Topology, add: AddIssue): void {
  doc.devices.forEach((dev, i) => {
    if (dev.gateway === undefined || dev.type !== 'host') return;
    const path = `devices[${i}].gateway`;
    if (dev.ip === undefined) return add(path, 'l3.gateway.noIp', `host "${dev.id}" needs an ip before a gateway`, { device: dev.id });
    const net = splitCidr(dev.ip);
    if (!inSubnet(dev.gateway, net)) add(path, 'l3.gateway.subnet', `gateway ${dev.gateway} is not in ${dev.id}'s subnet ${dev.ip}`, { device: dev.id, gateway: dev.gateway });
    else if (dev.gateway === net.address) add(path, 'l3.gateway.self', `gateway ${dev.gateway} is the host's own address`, { device: dev.id });
  });
}

/** Every route's next hop lies in a connected subnet of its device (RFC 1812 §5.2.4.3). */
function checkRoutes(doc: Topology, add: AddIssue): void {
  doc.devices.forEach((dev, i) => {
    const ifaces = declaredInterfaces(dev, i).filter((f) => f.name !== 'loopback');
    (dev.routes ?? []).forEach((r, j) => {
      if (!ifaces.some((f) => inSubnet(r.via, f.cidr))) add(`devices[${i}].routes[${j}].via`, 'l3.route.nextHop', `next hop ${r.via} is not in a subnet connected to "${dev.id}"`, { device: dev.id, via: r.via });
      else if (ifaces.some((f) => f.cidr.address === r.via)) add(`devices[${i}].routes[${j}].via`, 'l3.route.self', `next hop ${r.via} is "${dev.id}"'s own address`, { device: dev.id, via: r.via });
    });
  });
}

/** The address a flow to an upstream is sent to: the upstream's `ip`, else its first port address. */
export function upstreamAddress(dev: Device): string | undefined {
  const cidr = dev.ip ?? dev.ports.find((p) => p.ip !== undefined)?.ip;
  return cidr === undefined ? undefined : splitCidr(cidr).address;
}

/** Layer-3 checks: placement, addresses, gateways, routes. */
export function checkL3(doc: Topology, add: AddIssue): void {
  checkPlacement(doc, add);
  checkAddresses(doc, add);
  checkGateways(doc, add);
  checkRoutes(doc, add);
}
