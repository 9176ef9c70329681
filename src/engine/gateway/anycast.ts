/**
 * Distributed anycast gateways (RFC 9135 §4 "anycast IRB"; Arista VARP, Cisco fabric forwarding
 * anycast-gateway; protocols.md §5.7): every listed L3 switch owns the same gateway IP and MAC on
 * its SVI — it answers ARP for the IP with the shared MAC, takes frames sent to that MAC and routes
 * them locally, and answers packets to the IP. There is no election, no advertisement and no
 * failover event: a host's ARP entry stays valid whichever switch it reaches.
 */
import type { ResolvedAnycastGateway } from '../../model';
import type { IpStack } from '../l3';
import { macKey } from '../l3';

/** Registers every anycast gateway on its switches' SVIs; returns how many were installed. */
export function installAnycastGateways(gateways: readonly ResolvedAnycastGateway[], stacks: ReadonlyMap<string, IpStack>): number {
  let n = 0;
  for (const g of gateways) {
    for (const id of g.devices) {
      const stack = stacks.get(id);
      const svi = stack?.interface('svi');
      if (!stack || !svi) continue;
      const always = () => stack.isUp(svi);
      stack.addVirtual({ iface: svi, ip: g.ip, mac: g.mac, macKey: macKey(g.mac), answersArp: always, takesFrames: always, acceptsPackets: always });
      n++;
    }
  }
  return n;
}
