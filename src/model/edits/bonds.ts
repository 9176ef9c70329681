/**
 * Edits of host bonds (Linux bonding, Documentation/networking/bonding.rst): make one from a
 * host's ports, change its mode and options, dissolve it.
 */
import type { Bond, BondMode, Device, Topology } from '../schema';
import { BOND_MODES } from '../schema';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, checkChoice, checkInt, firstFreeId, refuse, without } from './result';

/** The most slaves a bond may have (schema limit). */
export const MAX_BOND_MEMBERS = 16;
export const XMIT_HASH_POLICIES = ['layer2', 'layer2+3', 'layer3+4'] as const;
/** Schema ranges of the numeric options (ms, or a count for numGratArp). */
export const BOND_LIMITS = {
  miimon: { min: 0, max: 10_000 },
  updelay: { min: 0, max: 60_000 },
  downdelay: { min: 0, max: 60_000 },
  numGratArp: { min: 0, max: 255 },
} as const;

type BondSettings = Omit<Bond, 'id' | 'device' | 'members'>;
/** Settable bond fields; null resets one to its default (the mode cannot be reset). */
export type BondPatch = { [K in keyof BondSettings]?: BondSettings[K] | null | undefined };

/** The bond a port is a slave of, if any. */
export function bondOfPort(doc: Topology, device: string, port: string): Bond | undefined {
  return doc.bonds?.find((b) => b.device === device && b.members.includes(port));
}

/** The next free `bondN` on a host (bonds and LAGs share the name space, as Linux interfaces do). */
export function nextBondId(doc: Topology, device: string): string {
  const used = new Set([...(doc.bonds ?? []), ...(doc.lags ?? [])].filter((x) => x.device === device).map((x) => x.id));
  return firstFreeId('bond', used, 0);
}

function peerLagMode(doc: Topology, device: string, port: string): Bond['mode'] | undefined {
  const link = doc.links.find((l) => (l.a.device === device && l.a.port === port) || (l.b.device === device && l.b.port === port));
  if (!link) return undefined;
  const peer = link.a.device === device && link.a.port === port ? link.b : link.a;
  const lag = doc.lags?.find((l) => l.device === peer.device && l.members.includes(peer.port));
  if (!lag) return undefined;
  return lag.mode === 'on' ? 'balance-xor' : '802.3ad';
}

/**
 * The mode a student most likely means. When every slave is wired to a switch LAG, the switch
 * decides: an LACP LAG needs 802.3ad, a static one (`on`) balance-xor. Otherwise active-backup:
 * it works with any switch, even two different ones, with no switch configuration (Windows'
 * "Switch Independent" default) — Linux's own default, balance-rr, needs a static LAG on the
 * switch and would flap MAC tables without one.
 */
export function suggestBondMode(doc: Topology, device: string, ports: readonly string[]): BondMode {
  const modes = ports.map((p) => peerLagMode(doc, device, p));
  const first = modes[0];
  return first !== undefined && modes.every((m) => m === first) ? first : 'active-backup';
}

function checkMembers(doc: Topology, device: Device, ports: readonly string[]): EditError | undefined {
  if (ports.length === 0) return { key: EditErrorKey.bondEmpty };
  if (ports.length > MAX_BOND_MEMBERS) return { key: EditErrorKey.lagFull, params: { lag: nextBondId(doc, device.id), max: MAX_BOND_MEMBERS } };
  for (const port of ports) {
    if (!device.ports.some((p) => p.id === port)) return { key: EditErrorKey.unknownPort, params: { device: device.id, port } };
    const owner = bondOfPort(doc, device.id, port) ?? doc.lags?.find((l) => l.device === device.id && l.members.includes(port));
    if (owner) return { key: EditErrorKey.alreadyInLag, params: { port: `${device.id}:${port}`, lag: owner.id } };
  }
  return undefined;
}

/**
 * Bonds ports of a host into `bond0`, `bond1`… (in port order). Without a mode it takes
 * `suggestBondMode`. Ports already in a bond or a LAG are refused.
 */
export function makeBond(doc: Topology, deviceId: string, ports: readonly string[], mode?: BondMode): EditResult<{ id: string }> {
  const device = doc.devices.find((d) => d.id === deviceId);
  if (!device) return refuse(EditErrorKey.unknownDevice, { device: deviceId });
  if (device.type !== 'host') return refuse(EditErrorKey.bondHostOnly, { device: deviceId });
  const unique = [...new Set(ports)];
  const bad = checkMembers(doc, device, unique) ?? (mode === undefined ? undefined : checkChoice('mode', mode, BOND_MODES));
  if (bad) return { ok: false, error: bad };
  const order = new Map(device.ports.map((p, i) => [p.id, i]));
  const members = unique.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const id = nextBondId(doc, deviceId);
  const bond: Bond = { id, device: deviceId, members, mode: mode ?? suggestBondMode(doc, deviceId, members) };
  return accept({ ...doc, bonds: [...(doc.bonds ?? []), bond] }, { id });
}

function checkBondField(bond: Bond, key: keyof BondSettings, value: unknown): EditError | undefined {
  switch (key) {
    case 'mode':
      return checkChoice('mode', value, BOND_MODES);
    case 'lacpRate':
      return checkChoice('lacpRate', value, ['slow', 'fast']);
    case 'xmitHashPolicy':
      return checkChoice('xmitHashPolicy', value, XMIT_HASH_POLICIES);
    case 'primary':
      return bond.members.includes(value as string) ? undefined : { key: EditErrorKey.notMember, params: { port: String(value), lag: bond.id } };
    default: {
      const limits = BOND_LIMITS[key];
      return checkInt(key, value as number, limits.min, limits.max);
    }
  }
}

/**
 * Changes a bond's mode or options. Delays that are not a multiple of miimon are kept: Linux
 * rounds them down (the resolved document and the inspector show the value it uses).
 */
export function updateBond(doc: Topology, deviceId: string, id: string, patch: BondPatch): EditResult {
  const bond = doc.bonds?.find((b) => b.device === deviceId && b.id === id);
  if (!bond) return refuse(EditErrorKey.unknownBond, { device: deviceId, bond: id });
  let next: Bond = { ...bond };
  for (const key of Object.keys(patch) as (keyof BondSettings)[]) {
    const value = patch[key];
    if (value == null && key === 'mode') return refuse(EditErrorKey.choice, { field: key, value: String(value) });
    const bad = value == null ? undefined : checkBondField(bond, key, value);
    if (bad) return { ok: false, error: bad };
    next = value == null ? without(next, key) : { ...next, [key]: value };
  }
  return accept({ ...doc, bonds: (doc.bonds ?? []).map((b) => (b === bond ? next : b)) }, {});
}

/** Removes a bond; its ports become plain NICs again. */
export function dissolveBond(doc: Topology, deviceId: string, id: string): EditResult {
  const bond = doc.bonds?.find((b) => b.device === deviceId && b.id === id);
  if (!bond) return refuse(EditErrorKey.unknownBond, { device: deviceId, bond: id });
  return accept({ ...doc, bonds: (doc.bonds ?? []).filter((b) => b !== bond) }, {});
}
