/**
 * Edits of devices and their ports: add from the palette, move, rename, LACP settings, port speed
 * and duplex, one more port.
 */
import type { Device, DeviceType, Port, Topology } from '../schema';
import { DEVICE_TYPES, SPEEDS_MBPS } from '../schema';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, checkChoice, checkInt, checkText, deviceAndLinkIds, firstFreeId, refuse, without } from './result';

/** Device positions snap to this grid (px) when added from the palette. */
export const GRID_PX = 20;
/** The most ports a device may have (schema limit). */
export const MAX_PORTS = 256;
/** The longest device or LAG name (schema limit). */
export const MAX_NAME_LENGTH = 64;

interface DeviceKind {
  /** Id prefix: `sw` → sw1, sw2… */
  prefix: string;
  ports: number;
  /** Default name for the n-th device of this kind. */
  name(n: number): string;
}

/** What a new device of each type looks like. */
export const DEVICE_KINDS: Record<DeviceType, DeviceKind> = {
  switch: { prefix: 'sw', ports: 8, name: (n) => `SW${n}` },
  router: { prefix: 'r', ports: 4, name: (n) => `R${n}` },
  host: { prefix: 'srv', ports: 2, name: (n) => `Server ${n}` },
  upstream: { prefix: 'inet', ports: 2, name: (n) => (n === 1 ? 'Internet' : `Internet ${n}`) },
};

/** A canvas position in px. */
export interface Position {
  x: number;
  y: number;
}

/** A device's new position (during or after a drag). */
export interface DeviceMove {
  id: string;
  position: Position;
}

/** Settable device fields; `undefined` or `null` on a present key resets it to the default. */
export interface DevicePatch {
  name?: string | null | undefined;
  systemPriority?: number | null | undefined;
  individualPolicy?: 'suspend' | 'individual' | null | undefined;
}

/** Settable port fields; `speedMbps: null` resets to the default (1000). */
export interface PortPatch {
  speedMbps?: number | null | undefined;
  duplex?: 'full' | 'half' | null | undefined;
}

function snap(v: number): number {
  // `|| 0` turns -0 into 0, so snapped positions serialise and compare cleanly.
  return Math.round(v / GRID_PX) * GRID_PX || 0;
}

/** Snaps a position to the 20-px grid. */
export function snapToGrid(p: Position): Position {
  return { x: snap(p.x), y: snap(p.y) };
}

/** Adds a device of `type` at `position` (snapped), with the first free id and default ports. */
export function addDevice(doc: Topology, type: DeviceType, position: Position): EditResult<{ id: string }> {
  const bad = checkChoice('type', type, DEVICE_TYPES);
  if (bad) return { ok: false, error: bad };
  const kind = DEVICE_KINDS[type];
  const id = firstFreeId(kind.prefix, deviceAndLinkIds(doc));
  const n = Number(id.slice(kind.prefix.length));
  const device: Device = {
    id,
    type,
    name: kind.name(n),
    position: snapToGrid(position),
    ports: Array.from({ length: kind.ports }, (_, i) => ({ id: `eth${i + 1}` })),
  };
  return accept({ ...doc, devices: [...doc.devices, device] }, { id });
}

/** Moves devices; an unknown id refuses the whole move. Positions are kept as given. */
export function moveDevices(doc: Topology, moves: readonly DeviceMove[]): EditResult {
  const byId = new Map(moves.map((m) => [m.id, m.position]));
  const known = new Set(doc.devices.map((d) => d.id));
  for (const id of byId.keys()) if (!known.has(id)) return refuse(EditErrorKey.unknownDevice, { device: id });
  let changed = false;
  const devices = doc.devices.map((d) => {
    const p = byId.get(d.id);
    if (!p || (d.position?.x === p.x && d.position.y === p.y)) return d;
    changed = true;
    return { ...d, position: { x: p.x, y: p.y } };
  });
  return changed ? accept({ ...doc, devices }, {}) : { ok: true, doc };
}

function checkDevicePatch(patch: DevicePatch): EditError | undefined {
  if (patch.name != null) {
    const bad = checkText('name', patch.name, MAX_NAME_LENGTH);
    if (bad) return bad;
  }
  if (patch.systemPriority != null) {
    const bad = checkInt('systemPriority', patch.systemPriority, 0, 65535);
    if (bad) return bad;
  }
  if (patch.individualPolicy != null) return checkChoice('individualPolicy', patch.individualPolicy, ['suspend', 'individual']);
  return undefined;
}

function patchLacp(lacp: Device['lacp'], patch: DevicePatch): Device['lacp'] {
  let next = { ...lacp };
  if ('systemPriority' in patch) next = patch.systemPriority == null ? without(next, 'systemPriority') : { ...next, systemPriority: patch.systemPriority };
  if ('individualPolicy' in patch) next = patch.individualPolicy == null ? without(next, 'individualPolicy') : { ...next, individualPolicy: patch.individualPolicy };
  return next;
}

/** Renames a device or sets its LACP system priority / individual policy. An empty name resets it. */
export function updateDevice(doc: Topology, id: string, patch: DevicePatch): EditResult {
  const device = doc.devices.find((d) => d.id === id);
  if (!device) return refuse(EditErrorKey.unknownDevice, { device: id });
  const bad = checkDevicePatch(patch);
  if (bad) return { ok: false, error: bad };
  let next: Device = { ...device };
  if ('name' in patch) next = patch.name == null || patch.name === '' ? without(next, 'name') : { ...next, name: patch.name };
  if ('systemPriority' in patch || 'individualPolicy' in patch) {
    const lacp = patchLacp(device.lacp, patch);
    next = lacp && Object.keys(lacp).length > 0 ? { ...next, lacp } : without(next, 'lacp');
  }
  return accept({ ...doc, devices: doc.devices.map((d) => (d === device ? next : d)) }, {});
}

/** Sets a port's speed (one of SPEEDS_MBPS) or duplex. */
export function updatePort(doc: Topology, deviceId: string, portId: string, patch: PortPatch): EditResult {
  const device = doc.devices.find((d) => d.id === deviceId);
  if (!device) return refuse(EditErrorKey.unknownDevice, { device: deviceId });
  const port = device.ports.find((p) => p.id === portId);
  if (!port) return refuse(EditErrorKey.unknownPort, { device: deviceId, port: portId });
  if (patch.speedMbps != null && !(SPEEDS_MBPS as readonly number[]).includes(patch.speedMbps)) {
    return refuse(EditErrorKey.speed, { field: 'speedMbps', value: String(patch.speedMbps) });
  }
  if (patch.duplex != null) {
    const bad = checkChoice('duplex', patch.duplex, ['full', 'half']);
    if (bad) return { ok: false, error: bad };
  }
  let next: Port = { ...port };
  if ('speedMbps' in patch) next = patch.speedMbps == null ? without(next, 'speedMbps') : { ...next, speedMbps: patch.speedMbps as (typeof SPEEDS_MBPS)[number] };
  if ('duplex' in patch) next = patch.duplex == null ? without(next, 'duplex') : { ...next, duplex: patch.duplex };
  const ports = device.ports.map((p) => (p === port ? next : p));
  return accept({ ...doc, devices: doc.devices.map((d) => (d === device ? { ...d, ports } : d)) }, {});
}

/** Adds the next `ethN` port (one past the highest number in use) to a device. */
export function addPort(doc: Topology, deviceId: string): EditResult<{ port: string }> {
  const device = doc.devices.find((d) => d.id === deviceId);
  if (!device) return refuse(EditErrorKey.unknownDevice, { device: deviceId });
  if (device.ports.length >= MAX_PORTS) return refuse(EditErrorKey.tooManyPorts, { device: deviceId, max: MAX_PORTS });
  const ids = new Set(device.ports.map((p) => p.id));
  const highest = Math.max(0, ...device.ports.map((p) => /^eth(\d+)$/.exec(p.id)?.[1]).map((n) => (n === undefined ? 0 : Number(n))));
  const port = firstFreeId('eth', ids, highest + 1);
  const next = { ...device, ports: [...device.ports, { id: port }] };
  return accept({ ...doc, devices: doc.devices.map((d) => (d === device ? next : d)) }, { port });
}
