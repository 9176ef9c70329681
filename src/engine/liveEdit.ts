/**
 * Live edits: what must change in a running network to go from one resolved topology to the
 * next. Untouched parts keep running with their state; changed parts are rebuilt as a real
 * device would be (a re-cabled link goes down and up, a reconfigured LAG restarts from BEGIN).
 */
import type { ResolvedDevice, ResolvedLag, ResolvedLink, ResolvedTopology } from '../model';

export interface UpdatePlan {
  devicesRemoved: string[];
  devicesAdded: ResolvedDevice[];
  linksRemoved: string[];
  linksAdded: ResolvedLink[];
  lagsRemoved: { device: string; id: string }[];
  lagsAdded: ResolvedLag[];
}

/** What the engine sees of a device (its name and position do not matter to it). */
function deviceKey(d: ResolvedDevice): string {
  return JSON.stringify([d.type, d.mac, d.ports, d.systemPriority, d.portPriority, d.individualPolicy, d.ip, d.stp]);
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

function lagId(l: { device: string; id: string }): string {
  return `${l.device}:${l.id}`;
}

/** Operational speed of every port: its link's speed when wired (lower end by default), else its own. */
function portSpeeds(t: ResolvedTopology): Map<string, number> {
  const speeds = new Map<string, number>();
  for (const d of t.devices) for (const p of d.ports) speeds.set(`${d.id}:${p.id}`, p.speedMbps);
  for (const l of t.links) {
    const a = `${l.a.device}:${l.a.port}`;
    const b = `${l.b.device}:${l.b.port}`;
    const speed = l.speedMbps ?? Math.min(speeds.get(a) ?? 0, speeds.get(b) ?? 0);
    speeds.set(a, speed);
    speeds.set(b, speed);
  }
  return speeds;
}

/** Compares two topologies and lists the removals and additions that turn one into the other. */
export function planUpdate(prev: ResolvedTopology, next: ResolvedTopology): UpdatePlan {
  const prevDevices = byId(prev.devices);
  const nextDevices = byId(next.devices);
  const rebuilt = new Set<string>();
  for (const [id, d] of prevDevices) {
    const n = nextDevices.get(id);
    if (!n || deviceKey(n) !== deviceKey(d)) rebuilt.add(id);
  }
  const devicesAdded = next.devices.filter((d) => !prevDevices.has(d.id) || rebuilt.has(d.id));

  const prevLinks = byId(prev.links);
  const nextLinks = byId(next.links);
  const touches = (l: ResolvedLink) => rebuilt.has(l.a.device) || rebuilt.has(l.b.device);
  const linkChanged = (l: ResolvedLink) => {
    const n = nextLinks.get(l.id);
    return !n || touches(l) || JSON.stringify(n) !== JSON.stringify(l);
  };
  const linksRemoved = prev.links.filter(linkChanged).map((l) => l.id);
  const removedLinks = new Set(linksRemoved);
  const linksAdded = next.links.filter((l) => !prevLinks.has(l.id) || removedLinks.has(l.id));

  // A LAG restarts when its settings change, its device is rebuilt, or a member's speed (and
  // so perhaps its key) changes; a member merely unplugged or plugged in just loses or gains carrier.
  const prevSpeed = portSpeeds(prev);
  const nextSpeed = portSpeeds(next);
  const nextLags = new Map(next.lags.map((l) => [lagId(l), l]));
  const lagChanged = (l: ResolvedLag) => {
    const n = nextLags.get(lagId(l));
    const speedChanged = l.members.some((m) => prevSpeed.get(`${l.device}:${m}`) !== nextSpeed.get(`${l.device}:${m}`));
    return !n || rebuilt.has(l.device) || JSON.stringify(n) !== JSON.stringify(l) || speedChanged;
  };
  const lagsRemoved = prev.lags.filter(lagChanged).map((l) => ({ device: l.device, id: l.id }));
  const removedLags = new Set(lagsRemoved.map(lagId));
  const prevLags = new Set(prev.lags.map(lagId));
  const lagsAdded = next.lags.filter((l) => !prevLags.has(lagId(l)) || removedLags.has(lagId(l)));

  return { devicesRemoved: [...rebuilt], devicesAdded, linksRemoved, linksAdded, lagsRemoved, lagsAdded };
}
