/**
 * A link's line rate as the engine uses it: the link's own `speedMbps`, else the slower of its two
 * ports' speeds (auto-negotiation; a port defaults to 1000 Mb/s), and the load offered to it: what
 * it carried plus what its full transmit buffers dropped, each way (a `traffic` event's counters).
 * The one definition the N-1 analysis, the lessons' N-1 check and the canvas all measure by.
 */
import { DEFAULT_SPEED_MBPS } from './defaults';
import type { Link, Topology } from './schema';

/** The line rate of `link` in `doc`, Mb/s. */
export function linkLineRateMbps(doc: Pick<Topology, 'devices'>, link: Pick<Link, 'a' | 'b' | 'speedMbps'>): number {
  if (link.speedMbps !== undefined) return link.speedMbps;
  const speed = (end: Link['a']) => doc.devices.find((d) => d.id === end.device)?.ports.find((p) => p.id === end.port)?.speedMbps ?? DEFAULT_SPEED_MBPS;
  return Math.min(speed(link.a), speed(link.b));
}

/** A link's byte counters for one second, as a `traffic` event gives them (drops only when there were some). */
export interface LinkBytes {
  bytesAB: number;
  bytesBA: number;
  dropBytesAB?: number | undefined;
  dropBytesBA?: number | undefined;
}

/** Bytes offered each way: carried plus dropped by a full transmit buffer. */
export function offeredBytes(v: LinkBytes): { ab: number; ba: number } {
  return { ab: v.bytesAB + (v.dropBytesAB ?? 0), ba: v.bytesBA + (v.dropBytesBA ?? 0) };
}
