/**
 * Static routes of a router, L3 switch or upstream (RFC 1812 §5.2.4): packets to `to` go to the
 * neighbour `via`, which must sit in one of the device's connected subnets. Connected subnets
 * need no route; the longest prefix wins.
 */
import type { Route, Topology } from '../schema';
import { contains, parseAddress, parseCidr, subnetOf } from './cidr';
import { connectedInterfaces } from './interfaces';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, refuse, without } from './result';

/** The most routes a device may have (schema limit). */
export const MAX_ROUTES = 256;

/** A route as the student types it: `to` a prefix (or `default`), `via` an address. */
export interface RouteInput {
  to: string;
  via: string;
}

/** `10.1.2.3/16` → `10.1.0.0/16`; `default` → `0.0.0.0/0`; undefined when it is not a prefix. */
export function normalisePrefix(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'default') return '0.0.0.0/0';
  const cidr = parseCidr(trimmed);
  return cidr ? subnetOf(cidr) : undefined;
}

/**
 * Why `input` cannot be route number `index` of `deviceId` (a new route when `index` is
 * undefined), or undefined when it can. The inspector checks as the student types.
 */
export function routeError(doc: Topology, deviceId: string, input: RouteInput, index?: number): EditError | undefined {
  const dev = doc.devices.find((d) => d.id === deviceId);
  if (!dev) return { key: EditErrorKey.unknownDevice, params: { device: deviceId } };
  if (dev.type === 'host') return { key: EditErrorKey.routesHostOnly, params: { device: deviceId } };
  const to = normalisePrefix(input.to);
  if (to === undefined) return { key: EditErrorKey.routeFormat, params: { value: input.to.trim() } };
  const via = parseAddress(input.via);
  if (!via) return { key: EditErrorKey.ipv4Format, params: { value: input.via.trim() } };
  const ifaces = connectedInterfaces(dev);
  if (ifaces.some((f) => f.cidr.value === via.value)) return { key: EditErrorKey.routeSelf, params: { via: via.address, device: deviceId } };
  if (!ifaces.some((f) => contains(f.cidr, via.value))) return { key: EditErrorKey.routeNextHop, params: { via: via.address, device: deviceId } };
  const twin = (dev.routes ?? []).findIndex((r, i) => i !== index && r.to === to && r.via === via.address);
  if (twin >= 0) return { key: EditErrorKey.routeDuplicate, params: { device: deviceId, to, via: via.address } };
  if (index === undefined && (dev.routes ?? []).length >= MAX_ROUTES) return { key: EditErrorKey.range, params: { field: 'routes', min: 0, max: MAX_ROUTES } };
  return undefined;
}

function writeRoutes(doc: Topology, deviceId: string, routes: Route[]): EditResult {
  const devices = doc.devices.map((d) => (d.id !== deviceId ? d : routes.length === 0 ? without(d, 'routes') : { ...d, routes }));
  return accept({ ...doc, devices }, {});
}

function parsed(input: RouteInput): Route {
  return { to: normalisePrefix(input.to) ?? input.to, via: parseAddress(input.via)?.address ?? input.via };
}

/** Adds a static route (prefix normalised to its network, e.g. `10.1.2.3/16` → `10.1.0.0/16`). */
export function addRoute(doc: Topology, deviceId: string, input: RouteInput): EditResult {
  const bad = routeError(doc, deviceId, input);
  if (bad) return { ok: false, error: bad };
  const dev = doc.devices.find((d) => d.id === deviceId);
  return writeRoutes(doc, deviceId, [...(dev?.routes ?? []), parsed(input)]);
}

/** Replaces route number `index` of a device. */
export function updateRoute(doc: Topology, deviceId: string, index: number, input: RouteInput): EditResult {
  const routes = doc.devices.find((d) => d.id === deviceId)?.routes ?? [];
  if (routes[index] === undefined) return refuse(EditErrorKey.unknownRoute, { device: deviceId, index: index + 1 });
  const bad = routeError(doc, deviceId, input, index);
  if (bad) return { ok: false, error: bad };
  const next = parsed(input);
  if (routes[index].to === next.to && routes[index].via === next.via) return { ok: true, doc };
  return writeRoutes(doc, deviceId, routes.map((r, i) => (i === index ? next : r)));
}

/** Removes route number `index` of a device. */
export function removeRoute(doc: Topology, deviceId: string, index: number): EditResult {
  const dev = doc.devices.find((d) => d.id === deviceId);
  if (!dev) return refuse(EditErrorKey.unknownDevice, { device: deviceId });
  const routes = dev.routes ?? [];
  if (routes[index] === undefined) return refuse(EditErrorKey.unknownRoute, { device: deviceId, index: index + 1 });
  return writeRoutes(doc, deviceId, routes.filter((_, i) => i !== index));
}
