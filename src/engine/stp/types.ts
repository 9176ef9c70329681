/**
 * What the two spanning-tree engines (RSTP, 802.1D-2004 clause 17; legacy STP, 802.1D-1998
 * clause 8) share with the device-level handler: port settings in, BPDUs and flushes out, and a
 * view of each port for the data plane and the event stream.
 */
import type { Bpdu } from '../codecs/bpdu';
import type { StpForwardingState, StpRapidAgeing } from '../device/services';
import type { StpPortState, StpRole } from '../events';
import type { Scheduler } from '../scheduler';

/** How a bridge port forwards frames (802.1D-2004 clause 7 port states): what the relay needs to know. */
export type ForwardingState = StpForwardingState;

/** A bridge port's fixed settings (802.1D-2004 17.13 port parameters). */
export interface PortSettings {
  /** Bridge port id as the data plane names it: `p:<port>` or `l:<lag>`. */
  bp: string;
  /** Port Identifier, the 16-bit wire value: priority (steps of 16) << 8 | port number (9.2.7). */
  portId: number;
  /** Administrative edge port (AdminEdgePort, 17.13; "PortFast"). */
  adminEdge: boolean;
}

/** What the port's link offers now (MAC_Operational, speed, duplex). */
export interface PortLink {
  /** portEnabled (17.19): the bridge port can carry frames. */
  isEnabled: boolean;
  /** Port Path Cost to use (17.13), already chosen from the setting or the speed. */
  pathCost: number;
  /** operPointToPointMAC: full duplex. */
  isPointToPoint: boolean;
}

/** STP rapid ageing (802.1D-1998 Topology Change): age entries with `ageingMs` for the next `forMs`. */
export type RapidAgeing = StpRapidAgeing;

/** What an engine needs from its device. */
export interface EngineIo {
  readonly scheduler: Scheduler;
  /** Sends a BPDU on a bridge port (on one member for a LAG). */
  transmit(bp: string, bpdu: Bpdu): void;
  /**
   * Topology change (802.1D-2004 17.19.7 fdbFlush / 802.1D-1998 short ageing): remove the entries of `bp`
   * (every port when undefined) now, or age them rapidly.
   */
  flush(bp: string | undefined, rapid?: RapidAgeing): void;
  /** Called at the end of every run of the machines: the handler reports what changed. */
  settled(): void;
}

/** A port as the event stream and the data plane see it. */
export interface PortView {
  role: StpRole;
  state: StpPortState;
  forwarding: ForwardingState;
}

/** The bridge's root as it believes it now. */
export interface RootView {
  /** `priority,mac` of the Root Bridge Identifier. */
  rootBridge: string;
  rootCost: number;
  isRoot: boolean;
}

/** Bridge settings (802.1D-2004 17.13 / Table 17-1), times in ms. */
export interface BridgeSettings {
  priority: number;
  mac: string;
  helloMs: number;
  maxAgeMs: number;
  forwardDelayMs: number;
}

/** One spanning-tree protocol entity (a bridge): RSTP or legacy STP. */
export interface SpanningTreeEngine {
  /** Adds a bridge port, disabled (its machines start from BEGIN). */
  addPort(settings: PortSettings): void;
  /** Applies link changes to several ports, then runs the machines once. */
  applyLinks(changes: readonly (readonly [string, PortLink])[]): void;
  /** A BPDU arrived on an enabled bridge port. */
  receive(bp: string, bpdu: Bpdu): void;
  /** BEGIN: every machine to its initial state, then run. */
  begin(): void;
  /** Stops every timer; nothing runs until `begin()` (mute, power off). */
  freeze(): void;
  /** The port's role and state, or undefined for an unknown port. */
  view(bp: string): PortView | undefined;
  root(): RootView;
}

/**
 * Spanning tree on one peer of an MC-LAG pair (vPC peer-switch / Arista MLAG: the pair is one
 * bridge to its neighbours). Built by the simulation from the MC-LAG domain; see README.md.
 */
export interface StpMcLag {
  /** The pair's shared Bridge Identifier: the lower of the peers' priorities and the vPC system MAC. */
  readonly priority: number;
  readonly mac: string;
  /** The peer-link's bridge port (`l:<lag>`): inside the pair, never an STP port, always forwarding. */
  readonly peerLinkPort: string;
  /** Added to this peer's own port numbers (the second peer counts from 1025, as its LACP ports do). */
  readonly portOffset: number;
  /** True when LAG `lag` of this peer is an MC-LAG port (its peer has the same LAG in the domain). */
  isMcLagPort(lag: string): boolean;
  /** The number both peers give MC-LAG port `lag`: its lowest configured member on the first peer. */
  mcLagPortNumber(lag: string): number | undefined;
  /** The other peer's spanning tree while the pair is joined (peer-link up, both alive), else undefined. */
  partner(): SharedBpduReceiver | undefined;
}

/** The peer's side of BPDU sharing on MC-LAG ports (vPC: BPDUs of vPC ports cross the peer-link). */
export interface SharedBpduReceiver {
  /** A BPDU the other peer received on MC-LAG port `bp` (the same port on both peers). */
  receiveShared(bp: string, bpdu: Bpdu): void;
}
