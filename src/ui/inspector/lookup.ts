/** Small document queries the inspector panels share (pure). */
import type { Device, Lag, Link, Topology } from '../../model';

export function findDevice(doc: Topology, id: string): Device | undefined {
  return doc.devices.find((d) => d.id === id);
}

export function deviceName(doc: Topology, id: string): string {
  return findDevice(doc, id)?.name ?? id;
}

export function findLink(doc: Topology, id: string): Link | undefined {
  return doc.links.find((l) => l.id === id);
}

export function findLag(doc: Topology, device: string, id: string): Lag | undefined {
  return doc.lags?.find((l) => l.device === device && l.id === id);
}

/** The LAG a port belongs to, if any. */
export function lagOfPort(doc: Topology, device: string, port: string): Lag | undefined {
  return doc.lags?.find((l) => l.device === device && l.members.includes(port));
}

/** The link plugged into a port, if any. */
export function linkOfPort(doc: Topology, device: string, port: string): Link | undefined {
  return doc.links.find((l) => (l.a.device === device && l.a.port === port) || (l.b.device === device && l.b.port === port));
}

/** The LAGs at either end of a link (0, 1 or 2). */
export function lagsOfLink(doc: Topology, link: Link): Lag[] {
  return [link.a, link.b].flatMap((end) => {
    const lag = lagOfPort(doc, end.device, end.port);
    return lag ? [lag] : [];
  });
}

/** `SW1 eth1` for an endpoint, with the device's display name. */
export function endpointLabel(doc: Topology, end: { device: string; port: string }): string {
  return `${deviceName(doc, end.device)} ${end.port}`;
}

/** True when a port is already a LAG member or a bond slave. */
export function isPortBundled(doc: Topology, device: string, port: string): boolean {
  return lagOfPort(doc, device, port) !== undefined || (doc.bonds ?? []).some((b) => b.device === device && b.members.includes(port));
}

/** The spanning-tree bridge port a physical port belongs to: its LAG's id, or the port itself. */
export function bridgePortOf(doc: Topology, device: string, port: string): string {
  return lagOfPort(doc, device, port)?.id ?? port;
}

/** The other end of the link on a port, if wired. */
export function peerOfPort(doc: Topology, device: string, port: string): { device: string; port: string } | undefined {
  const link = linkOfPort(doc, device, port);
  if (!link) return undefined;
  return link.a.device === device && link.a.port === port ? link.b : link.a;
}
