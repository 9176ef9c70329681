/**
 * What spanning tree on an MC-LAG peer needs of its pair (the vPC peer-switch / Arista MLAG
 * model, src/engine/stp/README.md "MC-LAG pairs"): one shared Bridge Identifier, the peer-link
 * inside the pair, MC-LAG ports numbered alike on both peers, and the other peer to share BPDUs
 * with while the pair is joined.
 */
import type { ResolvedTopology } from '../../model';
import { MCLAG_PORT_OFFSET } from '../../model';
import type { Network } from '../device/network';
import type { SharedBpduReceiver, StpMcLag } from '../stp';

/** The pair's view for `device`, or undefined when it is no MC-LAG peer. */
export function mcLagStp(current: () => ResolvedTopology, network: Network, device: string, partner: () => SharedBpduReceiver | undefined): StpMcLag | undefined {
  const topology = current();
  const domain = topology.mclags.find((m) => m.peers.includes(device));
  if (!domain) return undefined;
  const [first, second] = domain.peers;
  const priorities = domain.peers.map((id) => topology.devices.find((d) => d.id === id)?.stp.priority ?? Infinity);
  // LAGs are read from the document as it is now (a live edit may add or change MC-LAG ports).
  const isMcLag = (owner: string, lag: string) => current().lags.some((l) => l.device === owner && l.id === lag && l.mclag?.domain === domain.id);
  return {
    priority: Math.min(...priorities),
    mac: domain.systemMac,
    peerLinkPort: `l:${domain.peerLink}`,
    portOffset: device === second ? MCLAG_PORT_OFFSET : 0,
    isMcLagPort: (lag) => isMcLag(device, lag),
    mcLagPortNumber(lag) {
      if (!isMcLag(device, lag)) return undefined;
      const members = current().lags.find((l) => l.device === first && l.id === lag)?.members ?? [];
      const ports = network.devices.get(first)?.ports;
      const numbers = members.map((m) => ports?.get(m)?.number ?? Infinity);
      const lowest = Math.min(...numbers);
      return Number.isFinite(lowest) ? lowest : undefined;
    },
    partner,
  };
}
