/**
 * Layer-3 causes of a permanent loss: a static route that still points at a next hop the failure
 * cut off. Static routes (and VRRP without tracking) do not follow a failure beyond the next hop,
 * so a router keeps sending — and the next hop keeps dropping — what the host sends or receives.
 */
import type { ResolvedDevice, ResolvedTopology } from '../../model';
import { inSubnet } from '../../model';
import type { AnalysisElement } from './elements';
import type { MeasuredItem } from './observe';
import { gatewayOwners, isReachable } from './reasons';

const nameOf = (t: ResolvedTopology, id: string): string => t.devices.find((d) => d.id === id)?.name ?? id;

/** The address an item's traffic goes to beyond the gateway, and the devices that hold it. */
function forwardDestination(t: ResolvedTopology, item: MeasuredItem): { ip: string; devices: string[] } | undefined {
  const upstreams = t.devices.filter((d) => d.type === 'upstream');
  const target = item.kind === 'flow' ? upstreams.find((d) => d.id === item.to) : item.kind === 'upstream' ? upstreams[0] : undefined;
  const ip = target?.ip?.address ?? target?.ports.find((p) => p.ip)?.ip?.address;
  return target && ip !== undefined ? { ip, devices: [target.id] } : undefined;
}

/** Why route `via` on `router` toward `dest` is broken by the failure, or undefined. */
function brokenHop(t: ResolvedTopology, el: AnalysisElement, router: string, via: string, dest: ReadonlySet<string>): string | undefined {
  const down = new Set(el.links);
  const dead = new Set(el.kind === 'device' ? [el.id] : []);
  for (const hop of gatewayOwners(t, via)) {
    if (dead.has(hop)) return `${nameOf(t, hop)} is down`;
    const between = t.links.filter((l) => (l.a.device === router && l.b.device === hop) || (l.b.device === router && l.a.device === hop));
    if (between.length > 0 && between.every((l) => down.has(l.id))) return `its only link to ${nameOf(t, hop)} is down`;
    if (!dest.has(hop) && !isReachable(t, hop, dest, down, dead)) return `${nameOf(t, hop)} has no way on toward it any more`;
  }
  return undefined;
}

/** The first route (in document order) of `d` that covers `ip`, by longest prefix. */
function routeFor(d: ResolvedDevice, ip: string): ResolvedDevice['routes'][number] | undefined {
  const matching = d.routes.filter((r) => inSubnet(ip, r.to));
  return matching.sort((a, b) => b.to.prefix - a.to.prefix)[0];
}

/** A static route toward the upstream, or back to the host, whose next hop the failure cut off. */
export function routeReason(t: ResolvedTopology, el: AnalysisElement, item: MeasuredItem): string | undefined {
  const host = t.devices.find((d) => d.id === item.host);
  const forward = forwardDestination(t, item);
  if (!host?.ip || !forward) return undefined;
  const directions = [
    { ip: forward.ip, dest: new Set(forward.devices), what: 'toward the upstream' },
    { ip: host.ip.address, dest: new Set([host.id]), what: `back to ${host.id}` },
  ];
  for (const dir of directions) {
    for (const router of t.devices) {
      if (router.id === el.id || router.routes.length === 0) continue;
      const route = routeFor(router, dir.ip);
      if (!route) continue;
      const why = brokenHop(t, el, router.id, route.via, dir.dest);
      if (why !== undefined) return `${nameOf(t, router.id)} still routes ${dir.what} via ${route.via}, but ${why}: a static route does not follow a failure beyond its next hop`;
    }
  }
  return undefined;
}
