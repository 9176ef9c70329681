/**
 * The lessons' goal checks: pure functions of the document and the live overlay maps. Each returns
 * whether the goal is met and an i18n detail key (`lessons.detail.*`) naming what is still missing.
 */
import type { Topology } from '../model';
import type { GoalResult, LessonLive } from './types';

const met: GoalResult = { met: true, detail: 'met' };
const miss = (detail: string, values?: GoalResult['values']): GoalResult => (values ? { met: false, detail, values } : { met: false, detail });

/** `device:lag` keys of the document's LAGs, optionally filtered. */
function lagKeys(doc: Topology, keep: (device: string) => boolean = () => true): string[] {
  return (doc.lags ?? []).filter((l) => keep(l.device)).map((l) => `${l.device}:${l.id}`);
}

/** True when the live LAG is up with at least `n` distributing members. */
function lagUp(live: LessonLive, key: string, n = 2): boolean {
  const lag = live.lags[key];
  return !!lag && lag.up && lag.active.length >= n;
}

/** (1) SPoF basics: a VRRP group of two routers, and every host's gateway is a group's VIP. */
export function checkSpofBasics(doc: Topology): GoalResult {
  const vips = new Set((doc.vrrp ?? []).filter((g) => g.members.length >= 2).map((g) => g.vip));
  if (vips.size === 0) return miss('noVrrpPair');
  const hosts = doc.devices.filter((d) => d.type === 'host' && d.ip !== undefined);
  const off = hosts.find((h) => h.gateway === undefined || !vips.has(h.gateway));
  if (off) return miss('gatewayNotVip', { host: off.name ?? off.id });
  return met;
}

/** (2) LACP modes: every LAG of the lab is up with two active members. */
export function checkLacpModes(doc: Topology, live: LessonLive): GoalResult {
  const keys = lagKeys(doc);
  if (keys.length === 0) return miss('noLag');
  const down = keys.find((k) => !lagUp(live, k));
  return down ? miss('lagDown', { lag: down }) : met;
}

/** Ids of links with an end that is a member of some LAG. */
function memberLinks(doc: Topology): string[] {
  const members = new Set((doc.lags ?? []).flatMap((l) => l.members.map((m) => `${l.device}:${m}`)));
  return doc.links.filter((l) => members.has(`${l.a.device}:${l.a.port}`) || members.has(`${l.b.device}:${l.b.port}`)).map((l) => l.id);
}

/** (3) LACP member failure: a member link is down, every LAG stays up and every flow is delivered. */
export function checkMemberFailure(doc: Topology, live: LessonLive): GoalResult {
  if (!memberLinks(doc).some((id) => live.links[id] === 'down')) return miss('noMemberDown');
  const down = lagKeys(doc).find((k) => !lagUp(live, k, 1));
  if (down) return miss('lagDown', { lag: down });
  const lost = Object.entries(live.flows).find(([, f]) => f.state !== 'ok');
  return lost ? miss('flowLost', { flow: lost[0] }) : met;
}

const BLOCKED = new Set(['discarding', 'blocking']);

/** (4) STP vs MC-LAG: an MC-LAG domain, no blocked port, and the access LAG up on two members. */
export function checkStpVsMclag(doc: Topology, live: LessonLive): GoalResult {
  const peers = new Set((doc.mclags ?? []).flatMap((m) => m.peers));
  if (peers.size === 0) return miss('noMclag');
  const blocked = Object.entries(live.stp).find(([, p]) => BLOCKED.has(p.state));
  if (blocked) return miss('portBlocked', { port: blocked[0] });
  const keys = lagKeys(doc, (device) => !peers.has(device));
  if (keys.length === 0) return miss('noLag');
  return keys.some((k) => lagUp(live, k)) ? met : miss('lagDown', { lag: keys[0] ?? '' });
}

/** (5) Bond mode 1 vs 4: every bond is 802.3ad with two active slaves. */
export function checkBondMode4(doc: Topology, live: LessonLive): GoalResult {
  const bonds = doc.bonds ?? [];
  if (bonds.length === 0) return miss('noBond');
  const notLacp = bonds.find((b) => b.mode !== '802.3ad');
  if (notLacp) return miss('bondMode', { bond: `${notLacp.device}:${notLacp.id}`, mode: notLacp.mode });
  const short = bonds.find((b) => (live.bonds[`${b.device}:${b.id}`]?.active.length ?? 0) < 2);
  return short ? miss('bondActive', { bond: `${short.device}:${short.id}` }) : met;
}

/**
 * (6) VRRP failover: a host measured an outage after a VRRP router failed, and it fell within the
 * prediction, widened by one probe interval each way ([minMs − interval, ms + interval]).
 */
export function checkVrrpFailover(doc: Topology, live: LessonLive): GoalResult {
  const routers = new Set((doc.vrrp ?? []).flatMap((g) => g.members.map((m) => m.device)));
  if (routers.size === 0) return miss('noVrrpPair');
  const measured = Object.values(live.outages).filter((o) => o.fault?.action === 'fail' && routers.has(o.fault.target) && o.expected);
  if (measured.length === 0) return miss('noOutage');
  const inRange = measured.some((o) => {
    const e = o.expected;
    if (!e) return false;
    return o.durationMs >= (e.minMs ?? e.ms) - o.intervalMs && o.durationMs <= e.ms + o.intervalMs;
  });
  return inRange ? met : miss('outageOff');
}

/** (7) LACP fallback: every switch LAG facing a host has fallback configured. */
export function checkPxeFallback(doc: Topology): GoalResult {
  const hosts = new Set(doc.devices.filter((d) => d.type === 'host').map((d) => d.id));
  const peerOf = (device: string, port: string): string | undefined => {
    const link = doc.links.find((l) => (l.a.device === device && l.a.port === port) || (l.b.device === device && l.b.port === port));
    if (!link) return undefined;
    return link.a.device === device && link.a.port === port ? link.b.device : link.a.device;
  };
  const facing = (doc.lags ?? []).filter((l) => !hosts.has(l.device) && l.members.some((m) => hosts.has(peerOf(l.device, m) ?? '')));
  if (facing.length === 0) return miss('noLag');
  const missing = facing.find((l) => !l.fallback);
  return missing ? miss('noFallback', { lag: `${missing.device}:${missing.id}` }) : met;
}

/** The device and port at the far end of `device:port`'s link, if it is linked. */
function farEnd(doc: Topology, device: string, port: string): { device: string; port: string } | undefined {
  const link = doc.links.find((l) => (l.a.device === device && l.a.port === port) || (l.b.device === device && l.b.port === port));
  if (!link) return undefined;
  return link.a.device === device && link.a.port === port ? link.b : link.a;
}

/**
 * (8) LACP to one switch vs MC-LAG: every bond's slaves reach two different switches that are the
 * peers of one MC-LAG domain, and the bond runs with two active slaves.
 */
export function checkBondMclag(doc: Topology, live: LessonLive): GoalResult {
  const bonds = doc.bonds ?? [];
  if (bonds.length === 0) return miss('noBond');
  const switches = new Set(doc.devices.filter((d) => d.type === 'switch').map((d) => d.id));
  for (const b of bonds) {
    const key = `${b.device}:${b.id}`;
    const reached = new Set(b.members.map((m) => farEnd(doc, b.device, m)?.device).filter((d): d is string => d !== undefined && switches.has(d)));
    if (reached.size < 2) return miss('bondOneSwitch', { bond: key });
    const domain = (doc.mclags ?? []).find((m) => [...reached].every((d) => m.peers.includes(d)));
    if (!domain) return miss('bondNotMclag', { bond: key });
    if ((live.bonds[key]?.active.length ?? 0) < 2) return miss('bondActive', { bond: key });
  }
  return met;
}

/** Strips a prefix length: `10.0.0.1/24` → `10.0.0.1`. */
const bareIp = (ip: string): string => ip.split('/')[0] ?? ip;

/**
 * (9) All-active gateways: an active-active VRRP group on the two peers of one MC-LAG domain, or an
 * anycast gateway, and every host's gateway is that virtual IP or anycast address.
 */
export function checkAllActiveGateway(doc: Topology): GoalResult {
  const pairs = (doc.mclags ?? []).map((m) => new Set(m.peers));
  const onPair = (devices: string[]): boolean => devices.length === 2 && pairs.some((p) => p.size === 2 && devices.every((d) => p.has(d)));
  const activeActive = (doc.vrrp ?? []).filter((g) => g.activeActive === true && onPair(g.members.map((m) => m.device))).map((g) => g.vip);
  const anycast = (doc.anycastGateways ?? []).map((a) => a.ip);
  const ips = new Set([...activeActive, ...anycast].map(bareIp));
  if (ips.size === 0) return miss('noAllActive');
  const hosts = doc.devices.filter((d) => d.type === 'host' && d.ip !== undefined);
  const off = hosts.find((h) => h.gateway === undefined || !ips.has(bareIp(h.gateway)));
  return off ? miss('gatewayNotAllActive', { host: off.name ?? off.id }) : met;
}
