/**
 * IPv4 interfaces of a device (RFC 1812): its own `ip` (a host's address, a switch's SVI, an
 * upstream's loopback) and its routed ports (`ports[].ip`). One edit sets or clears either; it
 * refuses an address that is malformed, reserved, taken, overlapping another interface of the
 * device, or that would strand what runs on the interface (a VRRP group, an anycast gateway, a
 * static route's next hop, a flow to the upstream).
 */
import type { Device, Port, Topology } from '../schema';
import type { Ipv4Cidr } from './cidr';
import { contains, hostAddressError, parseAddress, parseCidr, subnetOf } from './cidr';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, refuse, without } from './result';

/** One IPv4 interface: `port` undefined is the device's own `ip`. */
export interface L3Interface {
  device: string;
  port: string | undefined;
  cidr: Ipv4Cidr;
}

/** How an interface is named in messages: `core1` (its own ip) or `core1:eth9`. */
export function interfaceLabel(device: string, port: string | undefined): string {
  return port === undefined ? device : `${device}:${port}`;
}

/** A device's interfaces: its own ip first, then its routed ports (a host's ports have none). */
export function interfacesOf(dev: Device): L3Interface[] {
  const out: L3Interface[] = [];
  const own = dev.ip === undefined ? undefined : parseCidr(dev.ip);
  if (own) out.push({ device: dev.id, port: undefined, cidr: own });
  if (dev.type === 'host') return out;
  for (const p of dev.ports) {
    const cidr = p.ip === undefined ? undefined : parseCidr(p.ip);
    if (cidr) out.push({ device: dev.id, port: p.id, cidr });
  }
  return out;
}

/** The interfaces a device routes through: an upstream's own ip is a loopback, in no subnet. */
export function connectedInterfaces(dev: Device): L3Interface[] {
  return interfacesOf(dev).filter((f) => !(dev.type === 'upstream' && f.port === undefined));
}

/** Why an address is not free: another interface has it, or it is a VRRP or anycast gateway address. */
export function addressUseError(doc: Topology, value: number, self?: { device: string; port: string | undefined }): EditError | undefined {
  for (const dev of doc.devices) {
    const hit = interfacesOf(dev).find((f) => f.cidr.value === value && !(f.device === self?.device && f.port === self.port));
    if (hit) return { key: EditErrorKey.ipTaken, params: { ip: hit.cidr.address, device: interfaceLabel(hit.device, hit.port) } };
  }
  const group = doc.vrrp?.find((g) => parseAddress(g.vip)?.value === value);
  if (group) return { key: EditErrorKey.ipIsVip, params: { ip: group.vip, group: group.id } };
  const anycast = doc.anycastGateways?.find((a) => parseAddress(a.ip)?.value === value);
  return anycast ? { key: EditErrorKey.ipIsAnycast, params: { ip: anycast.ip, gateway: anycast.id } } : undefined;
}

/** Where an address may sit: hosts on the device, routers on ports, never on a LAG or bond member. */
function placementError(doc: Topology, dev: Device, port: string | undefined): EditError | undefined {
  if (port === undefined) return dev.type === 'router' ? { key: EditErrorKey.ipRouterPorts, params: { device: dev.id } } : undefined;
  if (dev.type === 'host') return { key: EditErrorKey.ipPortHost, params: { device: dev.id } };
  if (!dev.ports.some((p) => p.id === port)) return { key: EditErrorKey.unknownPort, params: { device: dev.id, port } };
  const bundle = [...(doc.lags ?? []), ...(doc.bonds ?? [])].find((b) => b.device === dev.id && b.members.includes(port));
  return bundle ? { key: EditErrorKey.ipBundled, params: { port: interfaceLabel(dev.id, port), lag: bundle.id } } : undefined;
}

/** Two interfaces of one device in one subnet confuse routing (an upstream's loopback is exempt). */
function overlapError(dev: Device, port: string | undefined, cidr: Ipv4Cidr): EditError | undefined {
  if (dev.type === 'upstream' && port === undefined) return undefined;
  const clash = connectedInterfaces(dev).find((f) => f.port !== port && (contains(f.cidr, cidr.value) || contains(cidr, f.cidr.value)));
  return clash ? { key: EditErrorKey.ipOverlap, params: { device: dev.id, other: clash.port ?? 'SVI' } } : undefined;
}

/** The device with one interface's address replaced (or removed). */
function withAddress(dev: Device, port: string | undefined, cidr: Ipv4Cidr | undefined): Device {
  const text = cidr ? `${cidr.address}/${cidr.prefix}` : undefined;
  if (port === undefined) return text === undefined ? without(dev, 'ip') : { ...dev, ip: text };
  const ports = dev.ports.map((p): Port => (p.id !== port ? p : text === undefined ? without(p, 'ip') : { ...p, ip: text }));
  return { ...dev, ports };
}

/** What stops working if the interface gets `cidr` (or loses its address): refused, not cascaded. */
function dependentsError(doc: Topology, dev: Device, port: string | undefined, cidr: Ipv4Cidr | undefined): EditError | undefined {
  const iface = interfaceLabel(dev.id, port);
  for (const g of doc.vrrp ?? []) {
    const m = g.members.find((x) => x.device === dev.id && x.port === port);
    const vip = parseAddress(g.vip)?.value ?? -1;
    if (m && (!cidr || !contains(cidr, vip) || (m.priority === 255 && cidr.value !== vip))) return { key: EditErrorKey.ipInUseVrrp, params: { iface, group: g.id, vip: g.vip } };
  }
  const anycast = port === undefined ? doc.anycastGateways?.find((a) => a.devices.includes(dev.id) && (!cidr || !contains(cidr, parseAddress(a.ip)?.value ?? -1))) : undefined;
  if (anycast) return { key: EditErrorKey.ipInUseAnycast, params: { device: dev.id, gateway: anycast.id, ip: anycast.ip } };
  const next = connectedInterfaces(withAddress(dev, port, cidr));
  for (const r of dev.routes ?? []) {
    const via = parseAddress(r.via)?.value ?? -1;
    if (!next.some((f) => contains(f.cidr, via) && f.cidr.value !== via)) return { key: EditErrorKey.ipInUseRoute, params: { iface, to: r.to, via: r.via } };
  }
  const isSilenced = interfacesOf(withAddress(dev, port, cidr)).length === 0;
  const flow = doc.flows?.find((f) => f.to === dev.id || f.from === dev.id);
  if (flow && (dev.type === 'upstream' ? isSilenced : dev.type === 'host' && !cidr)) return { key: EditErrorKey.ipInUse, params: { device: dev.id, flow: flow.id } };
  return undefined;
}

/**
 * Why `text` cannot be the address of the interface (`port` undefined: the device's own ip), or
 * undefined when it can. Blank text means clearing it. The inspector calls this as the student
 * types, so the refusal shows in place before anything is committed.
 */
export function interfaceIpError(doc: Topology, deviceId: string, port: string | undefined, text: string): EditError | undefined {
  const dev = doc.devices.find((d) => d.id === deviceId);
  if (!dev) return { key: EditErrorKey.unknownDevice, params: { device: deviceId } };
  if (text.trim() === '') return dependentsError(doc, dev, port, undefined);
  const placement = placementError(doc, dev, port);
  if (placement) return placement;
  const cidr = parseCidr(text);
  if (!cidr) return { key: EditErrorKey.ipFormat, params: { value: text.trim() } };
  return hostAddressError(cidr.value, cidr) ?? addressUseError(doc, cidr.value, { device: deviceId, port }) ?? overlapError(dev, port, cidr) ?? dependentsError(doc, dev, port, cidr);
}

/**
 * Sets (`10.0.0.2/24`, normalised) or clears (null or blank) one interface's address. A host that
 * moves to a subnet without its gateway, or loses its address, loses its gateway too (returned as
 * `droppedGateway`): a gateway must be in the host's subnet.
 */
export function setInterfaceIp(doc: Topology, deviceId: string, port: string | undefined, ip: string | null): EditResult<{ droppedGateway?: string }> {
  const dev = doc.devices.find((d) => d.id === deviceId);
  if (!dev) return refuse(EditErrorKey.unknownDevice, { device: deviceId });
  if (port !== undefined && !dev.ports.some((p) => p.id === port)) return refuse(EditErrorKey.unknownPort, { device: deviceId, port });
  const text = ip ?? '';
  const cidr = text.trim() === '' ? undefined : parseCidr(text);
  const current = port === undefined ? dev.ip : dev.ports.find((p) => p.id === port)?.ip;
  const isSame = text.trim() === '' ? current === undefined : cidr !== undefined && current === `${cidr.address}/${cidr.prefix}`;
  if (isSame) return { ok: true, doc };
  const bad = interfaceIpError(doc, deviceId, port, text);
  if (bad) return { ok: false, error: bad };
  let next = withAddress(dev, port, cidr);
  const gateway = next.gateway === undefined ? undefined : parseAddress(next.gateway);
  const isGatewayKept = gateway !== undefined && cidr !== undefined && contains(cidr, gateway.value) && cidr.value !== gateway.value && !hostAddressError(gateway.value, cidr);
  if (dev.type === 'host' && port === undefined && next.gateway !== undefined && !isGatewayKept) {
    const droppedGateway = next.gateway;
    next = without(next, 'gateway');
    return accept({ ...doc, devices: doc.devices.map((d) => (d === dev ? next : d)) }, { droppedGateway });
  }
  return accept({ ...doc, devices: doc.devices.map((d) => (d === dev ? next : d)) }, {});
}

/** Sets or clears a routed port's address (routers, switches: the port leaves the bridge; upstreams). */
export function setPortIp(doc: Topology, deviceId: string, port: string, ip: string | null): EditResult<{ droppedGateway?: string }> {
  return setInterfaceIp(doc, deviceId, port, ip);
}

/** The subnet (`10.0.0.0/24`) an interface's cidr text lies in, or undefined. */
export function subnetOfText(cidr: string | undefined): string | undefined {
  const parsed = cidr === undefined ? undefined : parseCidr(cidr);
  return parsed ? subnetOf(parsed) : undefined;
}
