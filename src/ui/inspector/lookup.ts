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
