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
export type PortAggregation = { role: 'aggregated'; lag: string } | { role: 'individual' } | { role: 'blocked' };

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

/** Services a device's protocols register for each other. */
export interface DeviceServices {
  lag?: LagService;
  bond?: BondService;
}
