/**
 * Layer-3 causes of a permanent loss: a static route that still points at a next hop the failure
 * cut off. Static routes (and VRRP without tracking) do not follow a failure beyond the next hop,
 * so a router keeps sending — and the next hop keeps dropping — what the host sends or receives.
 */
import type { ResolvedDevice, ResolvedTopology } from '../../model';
import { inSubnet } from '../../model';
import type { AnalysisElement } from './elements';
import type { MeasuredItem } from './observe';
import type { LossWhy, WhyHop, WhyToward } from './reasonText';
import { gatewayOwners, isReachable } from './reasons';

/** The address an item's traffic goes to beyond the gateway, and the devices that hold it. */
function forwardDestination(t: ResolvedTopology, item: MeasuredItem): { ip: string; devices: string[] } | undefined {
  const upstreams = t.devices.filter((d) => d.type === 'upstream');
  const target = item.kind === 'flow' ? upstreams.find((d) => d.id === item.to) : item.kind === 'upstream' ? upstreams[0] : undefined;
  const ip = target?.ip?.address ?? target?.ports.find((p) => p.ip)?.ip?.address;
  return target && ip !== undefined ? { ip, devices: [target.id] } : undefined;
}

/** Which next hop of route `via` on `router` toward `dest` the failure broke, and how, or undefined. */
function brokenHop(t: ResolvedTopology, el: AnalysisElement, router: string, via: string, dest: ReadonlySet<string>): { hop: string; hopState: WhyHop } | undefined {
  const down = new Set(el.links);
  const dead = new Set(el.kind === 'device' ? [el.id] : []);
  for (const hop of gatewayOwners(t, via)) {
    if (dead.has(hop)) return { hop, hopState: 'down' };
    const between = t.links.filter((l) => (l.a.device === router && l.b.device === hop) || (l.b.device === router && l.a.device === hop));
    if (between.length > 0 && between.every((l) => down.has(l.id))) return { hop, hopState: 'linkDown' };
    if (!dest.has(hop) && !isReachable(t, hop, dest, down, dead)) return { hop, hopState: 'noWayOn' };
  }
  return undefined;
}

/** The first route (in document order) of `d` that covers `ip`, by longest prefix. */
function routeFor(d: ResolvedDevice, ip: string): ResolvedDevice['routes'][number] | undefined {
  const matching = d.routes.filter((r) => inSubnet(ip, r.to));
  return matching.sort((a, b) => b.to.prefix - a.to.prefix)[0];
}

/** A static route toward the upstream, or back to the host, whose next hop the failure cut off. */
export function routeReason(t: ResolvedTopology, el: AnalysisElement, item: MeasuredItem): LossWhy | undefined {
  const host = t.devices.find((d) => d.id === item.host);
  const forward = forwardDestination(t, item);
  if (!host?.ip || !forward) return undefined;
  const directions: { ip: string; dest: Set<string>; toward: WhyToward }[] = [
    { ip: forward.ip, dest: new Set(forward.devices), toward: 'upstream' },
    { ip: host.ip.address, dest: new Set([host.id]), toward: 'host' },
  ];
  for (const dir of directions) {
    for (const router of t.devices) {
      if (router.id === el.id || router.routes.length === 0) continue;
      const route = routeFor(router, dir.ip);
      if (!route) continue;
      const broken = brokenHop(t, el, router.id, route.via, dir.dest);
      if (broken) return { code: 'staticRoute', params: { router: router.id, toward: dir.toward, host: host.id, via: route.via, ...broken } };
    }
  }
  return undefined;
}
