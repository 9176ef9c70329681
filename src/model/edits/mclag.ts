/**
 * Edits of MC-LAG domains (Cisco vPC, Arista MLAG): pair two switches over a peer-link LAG and a
 * keepalive link, change the domain's settings, dissolve it. MC-LAG ports are in `mclagPorts.ts`.
 */
import type { Device, Lag, Link, McLag, Topology } from '../schema';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, checkInt, firstFreeId, refuse, without } from './result';

export const MCLAG_LIMITS = {
  domainId: { min: 1, max: 1000 },
  rolePriority: { min: 1, max: 65535 },
  systemPriority: { min: 0, max: 65535 },
} as const;

/** How to make a pair: the keepalive link (undefined = the first free link between them, null = none) and the domain id. */
export interface MakeMcLagOptions {
  keepalive?: string | null | undefined;
  domainId?: number | undefined;
}

/** Settable domain fields; null resets (or, for the keepalive, removes) one. */
export interface McLagPatch {
  domainId?: number | undefined;
  keepalive?: string | null | undefined;
  systemPriority?: number | null | undefined;
  rolePriority?: Record<string, number> | null | undefined;
}

/** The MC-LAG domain a switch is a peer of, if any. */
export function mclagOf(doc: Topology, device: string): McLag | undefined {
  return doc.mclags?.find((m) => m.peers.includes(device));
}

/** The other peer of a domain. */
export function otherPeer(domain: McLag, device: string): string {
  return domain.peers[0] === device ? domain.peers[1] : domain.peers[0];
}

/** The far end of the link on a port, if the port is wired. */
export function farEnd(doc: Topology, device: string, port: string): { device: string; port: string } | undefined {
  const link = doc.links.find((l) => (l.a.device === device && l.a.port === port) || (l.b.device === device && l.b.port === port));
  if (!link) return undefined;
  return link.a.device === device && link.a.port === port ? link.b : link.a;
}

function lagOf(doc: Topology, device: string, port: string): Lag | undefined {
  return doc.lags?.find((l) => l.device === device && l.members.includes(port));
}

/** LAGs on `a` whose every member is wired into one LAG on `b`: the possible peer-links, with their far LAG. */
export function peerLinkCandidates(doc: Topology, a: string, b: string): { a: Lag; b: Lag }[] {
  const out: { a: Lag; b: Lag }[] = [];
  for (const lag of (doc.lags ?? []).filter((l) => l.device === a)) {
    const ends = lag.members.map((m) => farEnd(doc, a, m));
    const far = ends[0] && ends[0].device === b ? lagOf(doc, b, ends[0].port) : undefined;
    if (far && ends.every((e) => e?.device === b && far.members.includes(e.port))) out.push({ a: lag, b: far });
  }
  return out;
}

/** Links between `a` and `b` with both ports outside every LAG: what may carry the keepalive. */
export function keepaliveCandidates(doc: Topology, a: string, b: string): Link[] {
  return doc.links.filter((l) => {
    const joins = (l.a.device === a && l.b.device === b) || (l.a.device === b && l.b.device === a);
    return joins && !lagOf(doc, l.a.device, l.a.port) && !lagOf(doc, l.b.device, l.b.port);
  });
}

function checkPeer(doc: Topology, id: string): Device | EditError {
  const device = doc.devices.find((d) => d.id === id);
  if (!device) return { key: EditErrorKey.unknownDevice, params: { device: id } };
  if (device.type !== 'switch' && device.type !== 'router') return { key: EditErrorKey.mclagSwitchOnly, params: { device: id } };
  const domain = mclagOf(doc, id);
  return domain ? { key: EditErrorKey.mclagAlready, params: { device: id, domain: domain.id } } : device;
}

function checkDomainId(doc: Topology, domainId: number, self?: McLag): EditError | undefined {
  const bad = checkInt('domainId', domainId, MCLAG_LIMITS.domainId.min, MCLAG_LIMITS.domainId.max);
  if (bad) return bad;
  const other = doc.mclags?.find((m) => m !== self && m.domainId === domainId);
  return other ? { key: EditErrorKey.mclagDomainTaken, params: { domainId, domain: other.id } } : undefined;
}

function checkKeepalive(doc: Topology, peers: readonly [string, string], link: string): EditError | undefined {
  return keepaliveCandidates(doc, peers[0], peers[1]).some((l) => l.id === link) ? undefined : { key: EditErrorKey.mclagKeepalive, params: { link } };
}

/** The first domain id (from 1) no domain uses. */
export function freeDomainId(doc: Topology): number {
  const used = new Set((doc.mclags ?? []).map((m) => m.domainId));
  let n = 1;
  while (used.has(n)) n++;
  return n;
}

/** The peer-link must have one id on both peers: renames the far LAG (or else the near one) when free. */
function alignPeerLink(doc: Topology, pair: { a: Lag; b: Lag }): { lags: Lag[]; id: string } | EditError {
  const lags = doc.lags ?? [];
  if (pair.a.id === pair.b.id) return { lags, id: pair.a.id };
  const isFree = (device: string, id: string) => !lags.some((l) => l.device === device && l.id === id) && !doc.bonds?.some((x) => x.device === device && x.id === id);
  if (isFree(pair.b.device, pair.a.id)) return { lags: lags.map((l) => (l === pair.b ? { ...l, id: pair.a.id } : l)), id: pair.a.id };
  if (isFree(pair.a.device, pair.b.id)) return { lags: lags.map((l) => (l === pair.a ? { ...l, id: pair.b.id } : l)), id: pair.b.id };
  return { key: EditErrorKey.mclagPeerLinkId, params: { device: pair.b.device, lag: pair.a.id } };
}

/**
 * Makes switches `a` and `b` an MC-LAG pair. The peer-link is the first LAG joining them (given
 * one id on both ends, renaming one side's LAG if needed); the keepalive a separate link between
 * them outside every LAG. Refused: not two switches, one already paired, no LAG between them, a
 * keepalive that is not such a link, a domain id in use.
 */
export function makeMcLag(doc: Topology, a: string, b: string, options: MakeMcLagOptions = {}): EditResult<{ id: string }> {
  if (a === b) return refuse(EditErrorKey.mclagSamePeer, { device: a });
  for (const id of [a, b]) {
    const peer = checkPeer(doc, id);
    if ('key' in peer) return { ok: false, error: peer };
  }
  const pair = peerLinkCandidates(doc, a, b)[0];
  if (!pair) return refuse(EditErrorKey.mclagNoPeerLink, { a, b });
  const domainId = options.domainId ?? freeDomainId(doc);
  const badId = checkDomainId(doc, domainId);
  if (badId) return { ok: false, error: badId };
  const keepalive = options.keepalive === undefined ? keepaliveCandidates(doc, a, b)[0]?.id : options.keepalive;
  const badKa = keepalive == null ? undefined : checkKeepalive(doc, [a, b], keepalive);
  if (badKa) return { ok: false, error: badKa };
  const aligned = alignPeerLink(doc, pair);
  if ('key' in aligned) return { ok: false, error: aligned };
  const id = firstFreeId('mlag', new Set((doc.mclags ?? []).map((m) => m.id)), domainId);
  const domain: McLag = { id, domainId, peers: [a, b], peerLink: aligned.id, ...(keepalive == null ? {} : { keepalive }) };
  return accept({ ...doc, lags: aligned.lags, mclags: [...(doc.mclags ?? []), domain] }, { id });
}

function checkRolePriority(domain: McLag, value: Record<string, number>): EditError | undefined {
  for (const [device, priority] of Object.entries(value)) {
    if (!domain.peers.includes(device)) return { key: EditErrorKey.mclagNotPeer, params: { device } };
    const bad = checkInt('rolePriority', priority, MCLAG_LIMITS.rolePriority.min, MCLAG_LIMITS.rolePriority.max);
    if (bad) return bad;
  }
  return undefined;
}

function checkMcLagPatch(doc: Topology, domain: McLag, patch: McLagPatch): EditError | undefined {
  if (patch.domainId !== undefined) {
    const bad = checkDomainId(doc, patch.domainId, domain);
    if (bad) return bad;
  }
  if (patch.keepalive != null && patch.keepalive !== domain.keepalive) {
    const bad = checkKeepalive(doc, domain.peers, patch.keepalive);
    if (bad) return bad;
  }
  if (patch.systemPriority != null) {
    const bad = checkInt('systemPriority', patch.systemPriority, MCLAG_LIMITS.systemPriority.min, MCLAG_LIMITS.systemPriority.max);
    if (bad) return bad;
  }
  return patch.rolePriority == null ? undefined : checkRolePriority(domain, patch.rolePriority);
}

/** Changes a domain's id, keepalive link, shared LACP system priority or role priorities. */
export function updateMcLag(doc: Topology, id: string, patch: McLagPatch): EditResult {
  const domain = doc.mclags?.find((m) => m.id === id);
  if (!domain) return refuse(EditErrorKey.unknownMcLag, { domain: id });
  const bad = checkMcLagPatch(doc, domain, patch);
  if (bad) return { ok: false, error: bad };
  let next: McLag = { ...domain };
  if (patch.domainId !== undefined) next.domainId = patch.domainId;
  for (const key of ['keepalive', 'systemPriority', 'rolePriority'] as const) {
    if (!(key in patch)) continue;
    const value = patch[key];
    const isEmpty = value == null || (key === 'rolePriority' && Object.keys(value).length === 0);
    next = isEmpty ? without(next, key) : { ...next, [key]: value };
  }
  return accept({ ...doc, mclags: (doc.mclags ?? []).map((m) => (m === domain ? next : m)) }, {});
}

/** Ends a domain: its MC-LAG ports become plain LAGs on each switch; the peer-link LAG stays. */
export function dissolveMcLag(doc: Topology, id: string): EditResult {
  const domain = doc.mclags?.find((m) => m.id === id);
  if (!domain) return refuse(EditErrorKey.unknownMcLag, { domain: id });
  const lags = doc.lags?.map((l) => (l.mclag === id ? without(l, 'mclag') : l));
  return accept({ ...doc, mclags: (doc.mclags ?? []).filter((m) => m !== domain), ...(lags ? { lags } : {}) }, {});
}
