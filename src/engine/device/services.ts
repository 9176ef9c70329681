/**
 * What one protocol on a device offers the others (style.md §5: cross-protocol needs go through
 * narrow interfaces here, never through another protocol's internals).
 */
import type { SimPort } from './types';

/**
 * How a physical port takes part in forwarding, as link aggregation decides (802.1AX 6.2: a
 * frame is collected and distributed by the Aggregator, not by the member port).
 * - `aggregated`: part of LAG `lag`; frames it receives belong to the LAG's bridge port.
 * - `individual`: forwards as a port of its own (fallback, suspend-individual off, LACP not started).
 * - `blocked`: carries no data (suspended, waiting, hot-standby, down…).
 */
/** How a LAG member forwards; `bridgePort` is the LAG's bridge port id (`l:<lag>`). Answers are shared objects: never mutate. */
export type PortAggregation = { role: 'aggregated'; lag: string; bridgePort: string } | { role: 'individual' } | { role: 'blocked' };

export interface LagService {
  /** null when the port is in no LAG. */
  portAggregation(port: SimPort): PortAggregation | null;
  /** The members a LAG may transmit on now (distributing, or static members with carrier). */
  distributing(lag: string): readonly SimPort[];
  /** Calls `listener` (at the end of the instant) whenever a member's status changed. */
  subscribe(listener: () => void): void;
}

/** A host's bond (Linux bonding): which slave(s) a frame leaves on, which slaves may receive. */
export interface BondService {
  /** The ports a frame is sent on now: one slave, every slave (broadcast mode) or none. */
  egress(frame: Uint8Array): readonly SimPort[];
  /** False when a frame received on `port` is dropped (an inactive active-backup slave, all_slaves_active=0). */
  accepts(port: SimPort): boolean;
}

/** MC-LAG on a peer switch: what the data plane needs for loop-free active-active forwarding. */
export interface McLagService {
  /** The bridge port of the peer-link (`l:<lag>`). */
  readonly peerLinkPort: string;
  /** True when `bp` is an MC-LAG port whose member on the OTHER peer is up (so that peer delivers). */
  peerServes(bp: string): boolean;
  /** MAC sync: this peer learned `mac` on MC-LAG port `bp`; the other peer installs it too. */
  learned(mac: number, bp: string): void;
  /** Where to learn `mac` seen on `ingress`: a synced MC-LAG host stays on its MC-LAG port. */
  learnedPort(mac: number, ingress: string): string;
  /** The keepalive port is not a bridge port (vPC's keepalive runs in a management VRF). */
  readonly keepalivePort: string | null;
}

/** How spanning tree lets a bridge port forward (802.1D-2004 port states). */
export type StpForwardingState = 'discarding' | 'learning' | 'forwarding';

/** STP rapid ageing (802.1D-1998 Topology Change): entries not seen for `ageingMs` go, for the next `forMs`. */
export interface StpRapidAgeing {
  ageingMs: number;
  forMs: number;
}

/** Spanning tree on a switch (STP or RSTP): what the relay needs of it. */
export interface StpService {
  /**
   * The state of a bridge port (`p:<port>` / `l:<lag>`): a discarding port neither learns nor
   * forwards, a learning port learns only. A bridge port that is not an enabled STP port
   * discards; where spanning tree does not run, there is no service and every port forwards.
   */
  portState(bp: string): StpForwardingState;
  /**
   * Topology-change flushes: `bp` undefined = every port. Without `rapid` the entries are removed
   * now (RSTP, 802.1D-2004 17.19.7); with it they age after `rapid.ageingMs` for `rapid.forMs`
   * (legacy STP's short ageing; `forMs` 0 ends it).
   */
  subscribeFlush(listener: (bp?: string, rapid?: StpRapidAgeing) => void): void;
}

/**
 * The IP stack of an L3 switch, as its bridge sees it (the SVI, "interface vlan"): frames for the
 * switch itself leave the relay here.
 */
export interface L3Service {
  /** Frames to this destination MAC (48-bit key) are the switch's own: its SVI MAC, an active virtual MAC. */
  isLocalMac(mac: number): boolean;
  /** A frame for the switch arrived on a bridge port: unicast to a local MAC, or a copy of a group-addressed frame. */
  receive(frame: Uint8Array): void;
}

/** Services a device's protocols register for each other. */
export interface DeviceServices {
  l3?: L3Service;
  lag?: LagService;
  bond?: BondService;
  mclag?: McLagService;
  stp?: StpService;
}
