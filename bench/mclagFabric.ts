/**
 * A big MC-LAG lab for the benchmark: a loop-free leaf / spine fabric where every redundant path
 * is an MC-LAG, so spanning tree stays off.
 *
 * - `leafPairs` MC-LAG pairs of leaves (domain ids 1…leafPairs): each pair has a peer-link LAG
 *   `po100` of 2 links and a keepalive link.
 * - 4 spines in 2 MC-LAG pairs (domains 101 and 102), each with the same peer-link and keepalive.
 *   The first half of the leaf pairs attach to spine pair A (spine1, spine2), the rest to B
 *   (spine3, spine4).
 * - Leaf pair ↔ spine pair is a double-sided MC-LAG: each leaf has one uplink to each spine of
 *   its pair; the leaf pair's uplink LAG `po1` is one MC-LAG (4 links), and the spine pair's
 *   downlink LAG `po<pair>` to that leaf pair is one MC-LAG (the same 4 links).
 * - Spine pair A ↔ spine pair B: a double-sided MC-LAG `po50` of 4 links (each spine to both
 *   spines of the other pair).
 * - Each leaf pair serves `serversPerPair` servers, each with an 802.3ad (mode 4) bond of two
 *   NICs, one to each leaf; the leaves' side is MC-LAG `po1<k>`.
 * - Every server sends one UDP flow (10 pps, or 10–100 pps with `traffic: 'heavy'`) to a server on another leaf pair: odd-numbered
 *   servers to the pair half the fabric away (through both spine pairs and `po50`), even-numbered
 *   ones to the next pair (mostly through one spine pair).
 *
 * All LACP runs at the fast rate. Servers share one subnet, 10.0.0.0/16.
 */
import type { Topology } from '../src/model';

export interface FabricOptions {
  /** MC-LAG pairs of leaves; even, split between the two spine pairs. Default 32 (64 leaves). */
  leafPairs?: number;
  /** Servers per leaf pair (1–9). Default 4. */
  serversPerPair?: number;
  /** When the flows start (ms); each flow is staggered by up to 500 ms more. Default 2500. */
  flowStartMs?: number;
  /**
   * `default`: every flow at the document's default rate, 10 datagrams/s (a lab as a student
   * builds it); `heavy`: 10–100 datagrams/s per flow (about 5.5× the frames). Default `default`.
   */
  traffic?: 'default' | 'heavy';
}

/** What the generator built, for the benchmark's report and checks. */
export interface Fabric {
  doc: Topology;
  leaves: number;
  spines: number;
  servers: number;
  /** Flows whose path crosses `po50` between the spine pairs. */
  crossSpineFlows: number;
  /** Device-level LAGs: every `lags` entry plus every 802.3ad bond (each runs one aggregator). */
  lagCount: number;
  memberLinks: number;
}

type Devices = Topology['devices'];
type Links = Topology['links'];
type Lags = NonNullable<Topology['lags']>;
type Flows = NonNullable<Topology['flows']>;

const ports = (...ids: string[]) => ids.map((id) => ({ id }));
const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);

class Builder {
  readonly devices: Devices = [];
  readonly links: Links = [];
  readonly lags: Lags = [];
  readonly mclags: NonNullable<Topology['mclags']> = [];
  readonly bonds: NonNullable<Topology['bonds']> = [];
  readonly flows: Flows = [];

  link(id: string, a: string, ap: string, b: string, bp: string): void {
    this.links.push({ id, a: { device: a, port: ap }, b: { device: b, port: bp } });
  }

  /** Two peers with a 2-link peer-link `po100` (ports pl1, pl2) and a keepalive link (ports ka). */
  pair(id: string, domainId: number, a: string, b: string): void {
    this.link(`${id}-pl1`, a, 'pl1', b, 'pl1');
    this.link(`${id}-pl2`, a, 'pl2', b, 'pl2');
    this.link(`${id}-ka`, a, 'ka', b, 'ka');
    for (const device of [a, b]) this.lags.push({ id: 'po100', device, members: ['pl1', 'pl2'], mode: 'active', rate: 'fast', key: 100 });
    this.mclags.push({ id, domainId, peers: [a, b], peerLink: 'po100', keepalive: `${id}-ka` });
  }

  /** The same MC-LAG port on both peers of a domain. */
  mclagPort(domain: string, peers: [string, string], lag: string, key: number, members: string[]): void {
    for (const device of peers) this.lags.push({ id: lag, device, members, mode: 'active', rate: 'fast', key, mclag: domain });
  }
}

export function mclagFabric(options: FabricOptions = {}): Fabric {
  const leafPairs = options.leafPairs ?? 32;
  const perPair = options.serversPerPair ?? 4;
  const flowStartMs = options.flowStartMs ?? 2500;
  if (!Number.isInteger(leafPairs) || leafPairs < 2 || leafPairs % 2 !== 0) throw new Error('leafPairs must be even and ≥ 2');
  if (!Number.isInteger(perPair) || perPair < 1 || perPair > 9) throw new Error(`serversPerPair must be an integer 1–9, not ${perPair}`);
  const half = leafPairs / 2;
  const b = new Builder();
  const leaf = (n: number) => `leaf${n}`;
  const spine = (n: number) => `spine${n}`;
  const server = (p: number, k: number) => `srv${p}-${k}`;
  const leafDomain = (p: number) => `mlag${p}`;
  const spinePairs = [
    { id: 'spineA', domainId: 101, peers: [spine(1), spine(2)] as [string, string], other: [spine(3), spine(4)] },
    { id: 'spineB', domainId: 102, peers: [spine(3), spine(4)] as [string, string], other: [spine(1), spine(2)] },
  ];
  const serverPorts = range(perPair).map((k) => `s${k}`);

  // Spines: d1…d(2·half) face the leaves of their half, x1/x2 the other spine pair.
  for (const sp of spinePairs) {
    for (const id of sp.peers) b.devices.push({ id, type: 'switch', ports: ports(...range(2 * half).map((j) => `d${j}`), 'pl1', 'pl2', 'ka', 'x1', 'x2') });
    b.pair(sp.id, sp.domainId, sp.peers[0], sp.peers[1]);
    b.mclagPort(sp.id, sp.peers, 'po50', 50, ['x1', 'x2']);
  }
  // Spine pair A ↔ B: spine(1|2).x(1|2) → spine(3|4).x(1|2), every spine to both of the other pair.
  for (const [i, a] of spinePairs[0]?.peers.entries() ?? []) {
    for (const [j, c] of spinePairs[1]?.peers.entries() ?? []) b.link(`x${i + 1}${j + 1}`, a, `x${j + 1}`, c, `x${i + 1}`);
  }

  for (const p of range(leafPairs)) {
    const sp = spinePairs[p <= half ? 0 : 1];
    if (!sp) throw new Error('unreachable');
    const local = p <= half ? p : p - half;
    const pairLeaves: [string, string] = [leaf(2 * p - 1), leaf(2 * p)];
    for (const id of pairLeaves) b.devices.push({ id, type: 'switch', ports: ports('up1', 'up2', 'pl1', 'pl2', 'ka', ...serverPorts) });
    b.pair(leafDomain(p), p, pairLeaves[0], pairLeaves[1]);
    // Leaf uplinks: leaf(2p-1+i).up(1+s) → spine s of the pair, port d(2·local-1+i).
    pairLeaves.forEach((l, i) => {
      sp.peers.forEach((s, si) => b.link(`${l}-up${si + 1}`, l, `up${si + 1}`, s, `d${2 * local - 1 + i}`));
    });
    b.mclagPort(leafDomain(p), pairLeaves, 'po1', 1, ['up1', 'up2']);
    b.mclagPort(sp.id, sp.peers, `po${p}`, p, [`d${2 * local - 1}`, `d${2 * local}`]);
    // Servers: one NIC to each leaf of the pair; a mode-4 bond on the server, MC-LAG po1<k> on the leaves.
    for (const k of range(perPair)) {
      const id = server(p, k);
      b.devices.push({ id, type: 'host', ports: ports('eth1', 'eth2'), ip: `10.0.${p}.${k}/16` });
      pairLeaves.forEach((l, i) => b.link(`${id}-${i + 1}`, id, `eth${i + 1}`, l, `s${k}`));
      b.bonds.push({ id: 'bond0', device: id, members: ['eth1', 'eth2'], mode: '802.3ad', lacpRate: 'fast', xmitHashPolicy: 'layer3+4' });
      b.mclagPort(leafDomain(p), pairLeaves, `po1${k}`, 10 + k, [`s${k}`]);
    }
  }

  // Flows: odd k → the pair half the fabric away (crosses po50); even k → the next pair.
  let crossSpineFlows = 0;
  for (const p of range(leafPairs)) {
    for (const k of range(perPair)) {
      const offset = k % 2 === 1 ? half : 1;
      const q = ((p - 1 + offset) % leafPairs) + 1;
      if (p <= half !== q <= half) crossSpineFlows++;
      const n = (p - 1) * perPair + (k - 1);
      const pps = options.traffic === 'heavy' ? { pps: 10 + ((n * 37) % 91) } : {};
      b.flows.push({ id: `f${p}-${k}`, from: server(p, k), to: server(q, k), ...pps, startMs: flowStartMs + ((n * 97) % 500) });
    }
  }

  const doc: Topology = { version: 1, seed: 1, devices: b.devices, links: b.links, lags: b.lags, mclags: b.mclags, bonds: b.bonds, flows: b.flows };
  const keepalives = new Set(b.mclags.map((m) => m.keepalive));
  return {
    doc,
    leaves: 2 * leafPairs,
    spines: 4,
    servers: leafPairs * perPair,
    crossSpineFlows,
    lagCount: b.lags.length + b.bonds.length,
    memberLinks: b.links.filter((l) => !keepalives.has(l.id)).length,
  };
}
