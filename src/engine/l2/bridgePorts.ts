/**
 * Bridge ports of a switch: each LAG is ONE bridge port (its aggregator, 802.1AX 6.2), each
 * port outside a LAG (or forwarding individually) is one of its own. The MAC table and flooding
 * work on bridge ports; a LAG bridge port puts each frame on one distributing member by hash.
 */
import type { SimDevice, SimPort } from '../device/types';

/** `l:<lag>` for a LAG, `p:<port>` for a physical port. */
export type BridgePortId = string;

/** The bridge port a frame received on `port` belongs to, or null when the port carries no data. */
export function ingressPort(device: SimDevice, port: SimPort): BridgePortId | null {
  if (!port.isUp || port.isRouted || device.services.mclag?.keepalivePort === port.id) return null;
  const agg = device.services.lag?.portAggregation(port) ?? null;
  if (agg === null || agg.role === 'individual') return `p:${port.id}`;
  return agg.role === 'aggregated' ? agg.bridgePort : null;
}

/** The physical ports a bridge port may transmit on now (one LAG member is then chosen by hash). */
export function egressMembers(device: SimDevice, bp: BridgePortId): readonly SimPort[] {
  if (bp.startsWith('l:')) return device.services.lag?.distributing(bp.slice(2)) ?? [];
  const port = device.ports.get(bp.slice(2));
  if (!port?.isUp) return [];
  const agg = device.services.lag?.portAggregation(port) ?? null;
  return agg === null || agg.role === 'individual' ? [port] : [];
}

/** Every bridge port that can transmit now, in port order (each LAG once). */
export function activeBridgePorts(device: SimDevice): BridgePortId[] {
  const out: BridgePortId[] = [];
  const seen = new Set<string>();
  for (const port of device.ports.values()) {
    const bp = ingressPort(device, port);
    if (bp === null || seen.has(bp)) continue;
    seen.add(bp);
    if (egressMembers(device, bp).length > 0) out.push(bp);
  }
  return out;
}
