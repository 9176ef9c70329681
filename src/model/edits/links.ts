/** Edits of links: wire two ports, set a link's speed or delay. */
import type { Endpoint, Link, Topology } from '../schema';
import { SPEEDS_MBPS } from '../schema';
import type { EditResult } from './result';
import { EditErrorKey, accept, checkNumber, deviceAndLinkIds, firstFreeId, refuse, without } from './result';

/** The longest one-way delay a link may have (schema limit), in ms. */
export const MAX_DELAY_MS = 10_000;

/** Settable link fields: `speedMbps: null` = auto (the slower port's speed). */
export interface LinkPatch {
  speedMbps?: number | null | undefined;
  delayMs?: number | null | undefined;
}

/** `device:port`, the form students see in messages and fault targets. */
export function portKey(ep: Endpoint): string {
  return `${ep.device}:${ep.port}`;
}

function checkEndpoint(doc: Topology, ep: Endpoint): EditResult | undefined {
  const device = doc.devices.find((d) => d.id === ep.device);
  if (!device) return refuse(EditErrorKey.unknownDevice, { device: ep.device });
  if (!device.ports.some((p) => p.id === ep.port)) return refuse(EditErrorKey.unknownPort, { device: ep.device, port: ep.port });
  return undefined;
}

/** The link that wires a port, if any. */
export function linkAt(doc: Topology, ep: Endpoint): Link | undefined {
  return doc.links.find((l) => (l.a.device === ep.device && l.a.port === ep.port) || (l.b.device === ep.device && l.b.port === ep.port));
}

/** Wires port `a` to port `b` with a new link `l1, l2…` (first free id). */
export function connectPorts(doc: Topology, a: Endpoint, b: Endpoint): EditResult<{ id: string }> {
  const bad = checkEndpoint(doc, a) ?? checkEndpoint(doc, b);
  if (bad && !bad.ok) return bad;
  if (a.device === b.device && a.port === b.port) return refuse(EditErrorKey.samePort, { port: portKey(a) });
  if (a.device === b.device) return refuse(EditErrorKey.sameDevice, { device: a.device });
  for (const ep of [a, b]) {
    const wired = linkAt(doc, ep);
    if (wired) return refuse(EditErrorKey.portWired, { port: portKey(ep), link: wired.id });
  }
  const id = firstFreeId('l', deviceAndLinkIds(doc));
  const link: Link = { id, a: { device: a.device, port: a.port }, b: { device: b.device, port: b.port } };
  return accept({ ...doc, links: [...doc.links, link] }, { id });
}

/** Sets a link's speed (one of SPEEDS_MBPS, or null for auto) or one-way delay (0 to 10 s). */
export function updateLink(doc: Topology, id: string, patch: LinkPatch): EditResult {
  const link = doc.links.find((l) => l.id === id);
  if (!link) return refuse(EditErrorKey.unknownLink, { link: id });
  if (patch.speedMbps != null && !(SPEEDS_MBPS as readonly number[]).includes(patch.speedMbps)) {
    return refuse(EditErrorKey.speed, { field: 'speedMbps', value: String(patch.speedMbps) });
  }
  if (patch.delayMs != null) {
    const bad = checkNumber('delayMs', patch.delayMs, 0, MAX_DELAY_MS);
    if (bad) return { ok: false, error: bad };
  }
  let next: Link = { ...link };
  if ('speedMbps' in patch) next = patch.speedMbps == null ? without(next, 'speedMbps') : { ...next, speedMbps: patch.speedMbps as (typeof SPEEDS_MBPS)[number] };
  if ('delayMs' in patch) next = patch.delayMs == null ? without(next, 'delayMs') : { ...next, delayMs: patch.delayMs };
  return accept({ ...doc, links: doc.links.map((l) => (l === link ? next : l)) }, {});
}
