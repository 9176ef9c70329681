/**
 * Which spanning-tree ports a switch has now, from the data plane's bridge ports (l2/bridgePorts):
 * each LAG is ONE STP port (802.1AX 6.2: spanning tree runs above the Aggregator), each port outside
 * a LAG — or forwarding individually — one of its own. Ports that link aggregation blocks
 * (suspended, waiting, hot-standby) are not STP ports.
 */
import type { ResolvedLag, ResolvedPortStp } from '../../model';
import { pathCostLong, pathCostShort } from '../codecs/bpdu';
import type { SimDevice, SimPort } from '../device/types';
import { operSpeedMbps } from '../device/types';
import { egressMembers, ingressPort } from '../l2/bridgePorts';
import type { PortLink, PortSettings } from './types';

/** Looks up a LAG of the device by id (the document's LAG list changes with live edits). */
export type LagLookup = (lag: string) => ResolvedLag | undefined;

/** A bridge port seen now. */
export interface ScannedPort {
  bp: string;
  /** The physical ports it transmits on now (one for a port, the distributing members for a LAG). */
  members: readonly SimPort[];
}

/** The bridge ports whose frames the relay would take now, in port order (each LAG once). */
export function scanBridgePorts(device: SimDevice): ScannedPort[] {
  const out: ScannedPort[] = [];
  const seen = new Set<string>();
  for (const port of device.ports.values()) {
    const bp = ingressPort(device, port);
    if (bp === null || seen.has(bp)) continue;
    seen.add(bp);
    out.push({ bp, members: egressMembers(device, bp) });
  }
  return out;
}

/** The UI's name of a bridge port: the LAG id or the port id. */
export function portName(bp: string): string {
  return bp.slice(2);
}

/** The port's or LAG's `stp` settings from the document. */
function stpSettings(device: SimDevice, bp: string, lags: LagLookup): ResolvedPortStp | undefined {
  if (bp.startsWith('l:')) return lags(portName(bp))?.stp;
  return device.config.ports.find((p) => p.id === portName(bp))?.stp;
}

/**
 * How a switch numbers its ports in Port Identifiers. An MC-LAG peer is half of one bridge: the
 * second peer's own ports are offset (unique within the pair) and an MC-LAG port has the same
 * number on both peers.
 */
export interface PortNumbering {
  offset: number;
  /** The shared number of MC-LAG port `lag`, or undefined for any other LAG. */
  lagNumber(lag: string): number | undefined;
}

const PLAIN_NUMBERING: PortNumbering = { offset: 0, lagNumber: () => undefined };

/**
 * Port Identifier (9.2.7): priority << 8 | port number. A LAG takes its lowest member's port number
 * (configured members, so the id does not change as members come and go).
 */
export function portSettings(device: SimDevice, bp: string, lags: LagLookup, members: readonly SimPort[], numbering: PortNumbering = PLAIN_NUMBERING): PortSettings {
  const stp = stpSettings(device, bp, lags);
  let number: number;
  if (bp.startsWith('l:')) {
    const shared = numbering.lagNumber(portName(bp));
    const configured = lags(portName(bp))?.members.map((m) => device.ports.get(m)?.number ?? 0x0fff) ?? members.map((m) => m.number);
    number = shared ?? Math.min(Math.min(...configured) + numbering.offset, 0x0fff);
  } else {
    number = (device.ports.get(portName(bp))?.number ?? 0) + numbering.offset;
  }
  const priority = stp?.priority ?? 128;
  return { bp, portId: (priority << 8) | (number & 0x0fff), adminEdge: stp?.edge ?? false };
}

/**
 * What the port's link offers now. Path cost: the configured one, else from the speed — 802.1D-2004
 * Table 17-3 (long) for RSTP, 802.1D-1998 Table 8-5 (short) for STP. A LAG's speed is the sum of its
 * distributing members' speeds, as vendors compute it (2 × 1G → 2 Gb/s → 10 000).
 */
export function portLink(device: SimDevice, bp: string, lags: LagLookup, members: readonly SimPort[], mode: 'stp' | 'rstp', lastCost: number): PortLink {
  const stp = stpSettings(device, bp, lags);
  const speed = members.reduce((sum, m) => sum + operSpeedMbps(m), 0);
  const fromSpeed = speed > 0 ? (mode === 'rstp' ? pathCostLong(speed) : pathCostShort(speed)) : lastCost;
  return {
    isEnabled: members.length > 0,
    pathCost: stp?.cost ?? fromSpeed,
    isPointToPoint: members.every((m) => m.duplex === 'full'),
  };
}

/** The member a BPDU of `bp` goes out on: the port, or the LAG's lowest-numbered distributing member. */
export function transmitMember(device: SimDevice, bp: string): SimPort | null {
  let best: SimPort | null = null;
  for (const m of egressMembers(device, bp)) if (!best || m.number < best.number) best = m;
  return best;
}
