/**
 * A link's line rate as the engine uses it: the link's own `speedMbps`, else the slower of its two
 * ports' speeds (auto-negotiation; a port defaults to 1000 Mb/s). The canvas divides a link's
 * measured bits per second by it to show utilisation; the lessons' N-1 check sums it per LAG.
 */
import { DEFAULT_SPEED_MBPS } from './defaults';
import type { Link, Topology } from './schema';

/** The line rate of `link` in `doc`, Mb/s. */
export function linkLineRateMbps(doc: Pick<Topology, 'devices'>, link: Pick<Link, 'a' | 'b' | 'speedMbps'>): number {
  if (link.speedMbps !== undefined) return link.speedMbps;
  const speed = (end: Link['a']) => doc.devices.find((d) => d.id === end.device)?.ports.find((p) => p.id === end.port)?.speedMbps ?? DEFAULT_SPEED_MBPS;
  return Math.min(speed(link.a), speed(link.b));
}
