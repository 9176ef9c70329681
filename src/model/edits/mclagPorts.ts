/**
 * MC-LAG ports: a LAG with the same id on both peers of a domain, marked `mclag`, that the device
 * below sees as ONE LACP partner. Make one toward a device wired to both peers (its side bundled
 * too), or mark / unmark an existing LAG pair.
 */
import type { Bond, Lag, McLag, Topology } from '../schema';
import { bondOfPort, nextBondId } from './bonds';
import { nextLagId } from './lags';
import { farEnd, mclagOf, otherPeer } from './mclag';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, firstFreeId, refuse, without } from './result';

function lagOf(doc: Topology, device: string, port: string): Lag | undefined {
  return doc.lags?.find((l) => l.device === device && l.members.includes(port));
}

/** Ports of `device` wired to `to`, in port order. */
function portsToward(doc: Topology, device: string, to: ReadonlySet<string>): string[] {
  const dev = doc.devices.find((d) => d.id === device);
  return (dev?.ports ?? []).filter((p) => to.has(farEnd(doc, device, p.id)?.device ?? '')).map((p) => p.id);
}

/** Devices wired to both peers of a domain (not a peer itself): where an MC-LAG port can go. */
export function mclagDownstreams(doc: Topology, domain: McLag): string[] {
  const [a, b] = domain.peers;
  return doc.devices
    .filter((d) => !domain.peers.includes(d.id))
    .filter((d) => portsToward(doc, a, new Set([d.id])).length > 0 && portsToward(doc, b, new Set([d.id])).length > 0)
    .map((d) => d.id);
}

type Bundle = { kind: 'keep' } | { kind: 'bond'; bond: Bond } | { kind: 'newBond'; bond: Bond } | { kind: 'newLag'; lag: Lag };

/** How the device below gets one LAG over its links to both peers. */
function planDownstream(doc: Topology, downstream: string, ports: readonly string[]): Bundle | EditError {
  const owners = ports.map((port) => ({ port, owner: bondOfPort(doc, downstream, port) ?? lagOf(doc, downstream, port) }));
  const first = owners[0]?.owner;
  if (!owners.every((o) => o.owner === first)) {
    const busy = owners.find((o) => o.owner !== undefined);
    return { key: EditErrorKey.alreadyInLag, params: { port: `${downstream}:${busy?.port ?? ''}`, lag: busy?.owner?.id ?? '' } };
  }
  const bond = doc.bonds?.find((b) => b === first);
  if (bond) return bond.mode === '802.3ad' ? { kind: 'keep' } : { kind: 'bond', bond: { ...bond, mode: '802.3ad' } };
  if (first) return { kind: 'keep' };
  const device = doc.devices.find((d) => d.id === downstream);
  if (!device || device.type === 'host') return { kind: 'newBond', bond: { id: nextBondId(doc, downstream), device: downstream, members: [...ports], mode: '802.3ad', lacpRate: 'fast' } };
  return { kind: 'newLag', lag: { id: nextLagId(doc, device), device: downstream, members: [...ports], mode: 'active', rate: 'fast' } };
}

function applyBundle(doc: Topology, bundle: Bundle): Topology {
  switch (bundle.kind) {
    case 'keep':
      return doc;
    case 'bond': {
      const changed = bundle.bond;
      return { ...doc, bonds: (doc.bonds ?? []).map((b) => (b.device === changed.device && b.id === changed.id ? changed : b)) };
    }
    case 'newBond':
      return { ...doc, bonds: [...(doc.bonds ?? []), bundle.bond] };
    case 'newLag':
      return { ...doc, lags: [...(doc.lags ?? []), bundle.lag] };
  }
}

/** The first `poN` free on both peers. */
function pairLagId(doc: Topology, peers: readonly string[]): string {
  const used = new Set((doc.lags ?? []).filter((l) => peers.includes(l.device)).map((l) => l.id));
  return firstFreeId('po', used);
}

/**
 * Makes an MC-LAG port toward `downstream`: a LAG `poN` (same id on both peers, active, fast) of
 * each peer's ports wired to it, and one bundle on the device below — a new 802.3ad bond on a
 * host (an existing bond is switched to 802.3ad), a new LAG on a switch. Refused: a peer with no
 * port wired to it, or ports already in another LAG or bond.
 */
export function makeMcLagPort(doc: Topology, domainId: string, downstream: string): EditResult<{ id: string }> {
  const domain = doc.mclags?.find((m) => m.id === domainId);
  if (!domain) return refuse(EditErrorKey.unknownMcLag, { domain: domainId });
  if (!doc.devices.some((d) => d.id === downstream)) return refuse(EditErrorKey.unknownDevice, { device: downstream });
  const id = pairLagId(doc, domain.peers);
  const lags: Lag[] = [];
  for (const peer of domain.peers) {
    const ports = domain.peers.includes(downstream) ? [] : portsToward(doc, peer, new Set([downstream]));
    if (ports.length === 0) return refuse(EditErrorKey.mclagNoPorts, { device: peer, downstream });
    const busy = ports.find((p) => lagOf(doc, peer, p));
    if (busy) return refuse(EditErrorKey.alreadyInLag, { port: `${peer}:${busy}`, lag: lagOf(doc, peer, busy)?.id ?? '' });
    lags.push({ id, device: peer, members: ports, mode: 'active', rate: 'fast', mclag: domain.id });
  }
  const below = portsToward(doc, downstream, new Set(domain.peers));
  const bundle = planDownstream(doc, downstream, below);
  if ('key' in bundle) return { ok: false, error: bundle };
  const next = applyBundle({ ...doc, lags: [...(doc.lags ?? []), ...lags] }, bundle);
  return accept(next, { id });
}

/** Gives the other peer a twin of `lag` from its free ports wired to the same devices, if it has any. */
function makeTwin(doc: Topology, lag: Lag, other: string): Lag | undefined {
  const below = new Set(lag.members.map((m) => farEnd(doc, lag.device, m)?.device).filter((d): d is string => d !== undefined));
  below.delete(other);
  const ports = portsToward(doc, other, below).filter((p) => !lagOf(doc, other, p));
  if (ports.length === 0) return undefined;
  const twin: Lag = { id: lag.id, device: other, members: ports, mode: lag.mode };
  return lag.rate === undefined ? twin : { ...twin, rate: lag.rate };
}

/**
 * Marks a LAG of a domain's peer as an MC-LAG port (or back as a plain LAG), together with the
 * LAG of the same id on the other peer. Without one, that LAG is made from the other peer's free
 * ports to the same devices. Refused: not a peer, the peer-link, no twin possible.
 */
export function setMcLagMember(doc: Topology, device: string, lagId: string, isMember: boolean): EditResult {
  const domain = mclagOf(doc, device);
  if (!domain) return refuse(EditErrorKey.mclagNotPeer, { device });
  const lag = doc.lags?.find((l) => l.device === device && l.id === lagId);
  if (!lag) return refuse(EditErrorKey.unknownLag, { device, lag: lagId });
  if (lagId === domain.peerLink) return refuse(EditErrorKey.mclagIsPeerLink, { lag: lagId });
  const other = otherPeer(domain, device);
  const lags = doc.lags ?? [];
  const isPair = (l: Lag) => l.id === lagId && (l.device === device || l.device === other);
  if (!isMember) return accept({ ...doc, lags: lags.map((l) => (isPair(l) && l.mclag === domain.id ? without(l, 'mclag') : l)) }, {});
  const hasTwin = lags.some((l) => l.device === other && l.id === lagId);
  const twin = hasTwin ? undefined : makeTwin(doc, lag, other);
  if (!hasTwin && !twin) return refuse(EditErrorKey.mclagNoTwin, { lag: lagId, device: other });
  const marked = [...lags, ...(twin ? [twin] : [])].map((l) => (isPair(l) ? { ...l, mclag: domain.id } : l));
  return accept({ ...doc, lags: marked }, {});
}
