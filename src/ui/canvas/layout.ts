/**
 * Where things sit on a device card: its size and which port goes on which edge. The card is
 * laid out here, not measured from the DOM, so edges, bundles and React Flow's handle bounds all
 * agree (the node passes `handles` and `measured` to React Flow, as for server-side rendering).
 *
 * A connected port sits on the edge that faces its peer (top when the peer is above or level), so links
 * never run under a card; free ports fill the bottom, shared with the top on cards of > 6 ports.
 */
import type { NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';
import type { Device, Topology } from '../../model';
import { deviceL2Of, infoSize } from './deviceL2';

export const PORT_PITCH = 40;
export const HANDLE_SIZE = 12;
export const CARD_MIN_WIDTH = 176;
export const HEADER_HEIGHT = 56;
/** The strip of port names along a row of ports. */
export const STRIP_HEIGHT = 22;
/** One info row under the header (root bridge, MC-LAG role, a bond, a flow), and the room below them. */
export const INFO_ROW = 20;
export const INFO_PAD = 6;
/** How wide a card's info rows need it, so that e.g. `MC-LAG 10 · secondary · suspended` fits. */
export interface InfoSize {
  rows: number;
  minWidth: number;
}

const NO_INFO: InfoSize = { rows: 0, minWidth: CARD_MIN_WIDTH };
/** A peer this far below (px) faces the bottom edge; one above or about level faces the top. */
const BELOW_PX = 40;
const SPLIT_ABOVE = 6;

export type Side = 'top' | 'bottom';

export interface PortSlot {
  id: string;
  side: Side;
  /** Centre of the port, from the card's left edge. */
  x: number;
}

export interface DeviceLayout {
  width: number;
  height: number;
  /** Info rows between the header and the bottom ports (deviceL2.ts). */
  infoRows: number;
  top: PortSlot[];
  bottom: PortSlot[];
  /** Changes whenever anything above changes (a cheap equality check for caches). */
  key: string;
}

export interface XY {
  x: number;
  y: number;
}

const ORIGIN: XY = { x: 0, y: 0 };

export function positionOf(device: Pick<Device, 'position'>): XY {
  return device.position ?? ORIGIN;
}

/** A rough centre, before the layout is known (used to decide which edge faces a peer). */
function roughCenter(device: Device): XY {
  const p = positionOf(device);
  return { x: p.x + CARD_MIN_WIDTH / 2, y: p.y + HEADER_HEIGHT / 2 + STRIP_HEIGHT };
}

function row(ids: string[], width: number, side: Side): PortSlot[] {
  const start = (width - ids.length * PORT_PITCH) / 2 + PORT_PITCH / 2;
  return ids.map((id, i) => ({ id, side, x: start + i * PORT_PITCH }));
}

/**
 * Lays out one card. `peerOf(port)` is the rough centre of the device at the other end of the
 * port's link (undefined = a free port). Ports facing a peer above go on top, and so do ports to a
 * peer at about the same height (an MC-LAG peer-link, a core pair's interconnect): their link arcs
 * over the cards, clear of the links to devices below. In each row the
 * connected ports are ordered by their peer's x, so links leave towards their peers without
 * crossing; free ports follow in their own order. `rows` info rows sit under the header.
 */
export function layoutDevice(device: Device, self: XY, peerOf: (port: string) => XY | undefined, info: InfoSize = NO_INFO): DeviceLayout {
  const top: { id: string; x: number }[] = [];
  const bottom: { id: string; x: number }[] = [];
  const free: string[] = [];
  for (const port of device.ports) {
    const peer = peerOf(port.id);
    if (!peer) free.push(port.id);
    else (peer.y <= self.y + BELOW_PX ? top : bottom).push({ id: port.id, x: peer.x });
  }
  const byX = (a: { x: number }, b: { x: number }) => a.x - b.x;
  const topIds = top.sort(byX).map((p) => p.id);
  const bottomIds = bottom.sort(byX).map((p) => p.id);
  // Above 6 ports, free ports fill the top row up to half the ports (in reading order: the first
  // ones on top), the rest the bottom row.
  const topRoom = device.ports.length > SPLIT_ABOVE ? Math.max(0, Math.ceil(device.ports.length / 2) - topIds.length) : 0;
  free.forEach((id, i) => (i < topRoom ? topIds : bottomIds).push(id));
  const { rows } = info;
  const width = Math.max(CARD_MIN_WIDTH, info.minWidth, Math.max(topIds.length, bottomIds.length) * PORT_PITCH + 24);
  const infoHeight = rows > 0 ? rows * INFO_ROW + INFO_PAD : 0;
  const height = HEADER_HEIGHT + infoHeight + (topIds.length > 0 ? STRIP_HEIGHT : 0) + (bottomIds.length > 0 ? STRIP_HEIGHT : 0);
  return {
    width,
    height,
    infoRows: rows,
    top: row(topIds, width, 'top'),
    bottom: row(bottomIds, width, 'bottom'),
    key: `${width}x${height}|${rows}|${topIds.join(',')}|${bottomIds.join(',')}`,
  };
}

/** Lays out every card of the lab. */
export function layoutAll(doc: Topology): Map<string, DeviceLayout> {
  const byId = new Map(doc.devices.map((d) => [d.id, d]));
  const peerOf = new Map<string, string>();
  for (const link of doc.links) {
    peerOf.set(`${link.a.device}:${link.a.port}`, link.b.device);
    peerOf.set(`${link.b.device}:${link.b.port}`, link.a.device);
  }
  const l2 = deviceL2Of(doc);
  const out = new Map<string, DeviceLayout>();
  for (const device of doc.devices) {
    const peerCenter = (port: string) => {
      const peer = byId.get(peerOf.get(`${device.id}:${port}`) ?? '');
      return peer && peer.id !== device.id ? roughCenter(peer) : undefined;
    };
    out.set(device.id, layoutDevice(device, roughCenter(device), peerCenter, infoSize(l2(device))));
  }
  return out;
}

export function findSlot(layout: DeviceLayout, port: string): PortSlot | undefined {
  return layout.top.find((s) => s.id === port) ?? layout.bottom.find((s) => s.id === port);
}

/** Where a link meets a port (the outer edge of its handle), in canvas coordinates. */
export function portAnchor(layout: DeviceLayout, position: XY, port: string): { point: XY; side: Side } | undefined {
  const slot = findSlot(layout, port);
  if (!slot) return undefined;
  const y = slot.side === 'top' ? position.y - HANDLE_SIZE / 2 : position.y + layout.height + HANDLE_SIZE / 2;
  return { point: { x: position.x + slot.x, y }, side: slot.side };
}

/** The handles React Flow needs for a card (every port is both source and target: loose mode). */
export function layoutHandles(layout: DeviceLayout): NodeHandle[] {
  return [...layout.top, ...layout.bottom].map((slot) => ({
    id: slot.id,
    type: 'source',
    position: slot.side === 'top' ? Position.Top : Position.Bottom,
    x: slot.x - HANDLE_SIZE / 2,
    y: slot.side === 'top' ? -HANDLE_SIZE / 2 : layout.height - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  }));
}

/** How far (px) the arc of a link between cards at the same height rises above them (linkPath.ts: ≤ 0.75 × 110, plus a LAG label). */
const ARC_RISE = 100;

/**
 * True when a link joins two devices at about the same height and its arc, which rises above
 * their cards, reaches above the lab's topmost card: the view then needs room above the cards.
 */
export function hasLevelLink(doc: Topology): boolean {
  const y = new Map(doc.devices.map((d) => [d.id, d.position?.y ?? 0]));
  const top = Math.min(...y.values());
  return doc.links.some((l) => {
    const a = y.get(l.a.device) ?? 0;
    const b = y.get(l.b.device) ?? 0;
    return Math.abs(a - b) <= BELOW_PX && Math.min(a, b) - ARC_RISE < top;
  });
}
