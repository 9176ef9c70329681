/**
 * The forwarding decision of a router (RFC 1812 §5.2.4): the longest matching prefix among the
 * connected subnets of the interfaces that are up and the static routes whose next hop is reachable
 * on such an interface. Among equally long prefixes the connected subnet wins, then the first route
 * in document order ("first usable route wins"), so a second route to the same prefix is a backup
 * that takes over when the first one's interface goes down.
 */
import type { ResolvedRoute } from '../../model';
import { sameSubnet } from '../codecs/ipv4addr';
import type { IpInterface } from './interfaces';

/** Where a packet goes next: out of `iface`, to the neighbour `nextHop` (the destination itself when connected). */
export interface RouteChoice {
  iface: IpInterface;
  nextHop: string;
  /** The matched prefix length (longest prefix match). */
  prefix: number;
  /** A connected subnet, or the static route that matched. */
  via: 'connected' | ResolvedRoute;
}

/** The connected interface that is up and whose subnet holds `ip` (loopbacks are not links). */
export function connectedInterface(ip: string, interfaces: readonly IpInterface[], isUp: (iface: IpInterface) => boolean): IpInterface | undefined {
  for (const iface of interfaces) if (iface.kind !== 'loopback' && sameSubnet(ip, iface.address, iface.prefix) && isUp(iface)) return iface;
  return undefined;
}

/** The route to `dst`, or null when there is none (the packet is discarded, RFC 1812 §5.2.7.1). */
export function lookupRoute(dst: string, interfaces: readonly IpInterface[], routes: readonly ResolvedRoute[], isUp: (iface: IpInterface) => boolean): RouteChoice | null {
  let best: RouteChoice | null = null;
  for (const iface of interfaces) {
    if (iface.kind === 'loopback' || !sameSubnet(dst, iface.address, iface.prefix) || !isUp(iface)) continue;
    if (!best || iface.prefix > best.prefix) best = { iface, nextHop: dst, prefix: iface.prefix, via: 'connected' };
  }
  for (const route of routes) {
    if (best && route.to.prefix <= best.prefix) continue;
    if (!sameSubnet(dst, route.to.address, route.to.prefix)) continue;
    const iface = connectedInterface(route.via, interfaces, isUp);
    if (iface) best = { iface, nextHop: route.via, prefix: route.to.prefix, via: route };
  }
  return best;
}
