/**
 * A flow's path as devices. The engine reports the links the last delivered datagram crossed,
 * flooded copies included, so the path is the shortest way from sender to receiver over those
 * links (pure; breadth-first).
 */
import type { Topology } from '../../model';

/** Device ids from `from` to `to` over the given links, or null when they do not join the two. */
export function flowHops(doc: Topology, from: string, to: string, path: readonly string[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const id of path) {
    const link = doc.links.find((l) => l.id === id);
    if (!link) continue;
    next.set(link.a.device, [...(next.get(link.a.device) ?? []), link.b.device]);
    next.set(link.b.device, [...(next.get(link.b.device) ?? []), link.a.device]);
  }
  const cameFrom = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const here = queue[i] as string;
    if (here === to) break;
    for (const there of next.get(here) ?? []) {
      if (cameFrom.has(there)) continue;
      cameFrom.set(there, here);
      queue.push(there);
    }
  }
  if (!cameFrom.has(to)) return null;
  const hops = [to];
  while (hops[0] !== from) hops.unshift(cameFrom.get(hops[0] as string) as string);
  return hops;
}
