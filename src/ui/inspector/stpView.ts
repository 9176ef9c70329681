/** What the spanning-tree panels read: a switch's bridge ports and its live bridge summary (pure). */
import type { StpPortState, StpRole } from '../../engine/events';
import type { Device, PortStp, Topology } from '../../model';
import type { LiveMaps } from '../../store/overlayStore';
import { lagOfPort, linkOfPort } from './lookup';

/** One bridge port's live spanning tree, as the overlay holds it. */
export type StpPortView = LiveMaps['stp'][string];

/** A bridge port: a physical port outside every LAG, or a LAG (one bridge port for all its members). */
export interface BridgePort {
  id: string;
  isLag: boolean;
  isWired: boolean;
  stp: PortStp | undefined;
}

/** A switch's bridge ports: its ports outside LAGs, in order, then its LAGs. */
export function bridgePorts(doc: Topology, device: Device): BridgePort[] {
  const ports = device.ports
    .filter((p) => !lagOfPort(doc, device.id, p.id))
    .map((p) => ({ id: p.id, isLag: false, isWired: linkOfPort(doc, device.id, p.id) !== undefined, stp: p.stp }));
  const lags = (doc.lags ?? [])
    .filter((l) => l.device === device.id)
    .map((l) => ({ id: l.id, isLag: true, isWired: l.members.some((m) => linkOfPort(doc, device.id, m)), stp: l.stp }));
  return [...ports, ...lags];
}

/** What a bridge believes: the root it follows and its cost to it (the same on every port). */
export interface BridgeSummary {
  isRoot: boolean;
  rootPriority: number;
  rootMac: string;
  rootCost: number;
}

/** Parses `32768,02:00:…` (the events' Root Bridge Identifier). */
export function parseBridgeId(id: string): { priority: number; mac: string } {
  const [priority, mac] = id.split(',');
  return { priority: Number(priority), mac: mac ?? '' };
}

/** The summary from any of the bridge's live ports, or null before the lab reports one. */
export function bridgeSummary(stp: Readonly<Record<string, StpPortView>>, device: string): BridgeSummary | null {
  const prefix = `${device}:`;
  const key = Object.keys(stp).find((k) => k.startsWith(prefix));
  const view = key === undefined ? undefined : stp[key];
  if (!view) return null;
  const root = parseBridgeId(view.rootBridge);
  return { isRoot: view.isRoot, rootPriority: root.priority, rootMac: root.mac, rootCost: view.rootCost };
}

/** True for a port that drops data frames because of spanning tree (the rows shown red). */
export function isBlocking(view: Pick<StpPortView, 'role' | 'state'>): boolean {
  return view.state === 'discarding' || view.state === 'blocking' || view.role === 'alternate' || view.role === 'backup';
}

/** Badge class of a port state: forwarding green, learning / listening blue, blocked red, disabled grey. */
export function stateClass(state: StpPortState): string {
  if (state === 'forwarding') return 'status-distributing';
  if (state === 'learning' || state === 'listening') return 'status-collecting';
  if (state === 'disabled') return 'status-detached';
  return 'status-down';
}

/** Badge class of a port role. */
export function roleClass(role: StpRole): string {
  if (role === 'root') return 'status-collecting';
  if (role === 'designated') return 'status-distributing';
  if (role === 'disabled') return 'status-detached';
  return 'status-standby';
}
