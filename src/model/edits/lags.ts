/**
 * Edits of link aggregation groups: bundle links into a LAG on both ends, change its LACP
 * settings (802.1AX 5.3 / 5.4), dissolve it.
 */
import type { Device, Lag, Link, Topology } from '../schema';
import { LAG_MODES } from '../schema';
import type { EditError, EditResult, LagRef } from './result';
import { EditErrorKey, accept, checkChoice, checkInt, checkNumber, checkText, firstFreeId, refuse, without } from './result';

/** The most members a LAG may have (schema limit; 802.1AX allows more, vendors cap it). */
export const MAX_LAG_MEMBERS = 32;
/** The longest fallback timeout a student may set: one hour, in ms. */
export const MAX_FALLBACK_TIMEOUT_MS = 3_600_000;

type LagSettings = Omit<Lag, 'id' | 'device' | 'members'>;
/** Settable LAG fields; `undefined` or `null` on a present key resets it (removes `fallback`). */
export type LagPatch = { [K in keyof LagSettings]?: LagSettings[K] | null | undefined };

type SidePlan =
  | { kind: 'create'; device: string; id: string; members: string[] }
  | { kind: 'extend'; device: string; lag: Lag; add: string[] }
  | { kind: 'unchanged'; device: string; lag: Lag };

/** The next LAG id on a device: `po1, po2…`, or `bond0, bond1…` on hosts (Linux names). */
export function nextLagId(doc: Topology, device: Device): string {
  const used = new Set((doc.lags ?? []).filter((l) => l.device === device.id).map((l) => l.id));
  return device.type === 'host' ? firstFreeId('bond', used, 0) : firstFreeId('po', used, 1);
}

/** The LAG a port belongs to, if any. */
export function lagOfPort(doc: Topology, device: string, port: string): Lag | undefined {
  return doc.lags?.find((l) => l.device === device && l.members.includes(port));
}

function sortByPortOrder(device: Device, ports: readonly string[]): string[] {
  const order = new Map(device.ports.map((p, i) => [p.id, i]));
  return [...ports].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

function planSide(doc: Topology, device: Device, ports: readonly string[]): SidePlan | EditError {
  const owners: Lag[] = [];
  const free: string[] = [];
  for (const port of ports) {
    const lag = lagOfPort(doc, device.id, port);
    if (!lag) free.push(port);
    else if (!owners.includes(lag)) owners.push(lag);
  }
  const [owner, second] = owners;
  if (second) {
    const port = ports.find((p) => second.members.includes(p)) ?? '';
    return { key: EditErrorKey.alreadyInLag, params: { port: `${device.id}:${port}`, lag: second.id } };
  }
  if (!owner) return { kind: 'create', device: device.id, id: nextLagId(doc, device), members: sortByPortOrder(device, free) };
  if (free.length === 0) return { kind: 'unchanged', device: device.id, lag: owner };
  if (owner.members.length + free.length > MAX_LAG_MEMBERS) return { key: EditErrorKey.lagFull, params: { lag: owner.id, max: MAX_LAG_MEMBERS } };
  return { kind: 'extend', device: device.id, lag: owner, add: sortByPortOrder(device, free) };
}

function findLinks(doc: Topology, linkIds: readonly string[]): Link[] | EditError {
  const ids = [...new Set(linkIds)];
  if (ids.length === 0) return { key: EditErrorKey.lagEmpty };
  const links: Link[] = [];
  for (const id of ids) {
    const link = doc.links.find((l) => l.id === id);
    if (!link) return { key: EditErrorKey.unknownLink, params: { link: id } };
    links.push(link);
  }
  return links;
}

function applyPlans(doc: Topology, plans: readonly SidePlan[]): Topology {
  let lags = [...(doc.lags ?? [])];
  for (const plan of plans) {
    if (plan.kind === 'create') lags.push({ id: plan.id, device: plan.device, members: plan.members, mode: 'active', rate: 'fast' });
    if (plan.kind === 'extend') {
      const extended = plan.lag;
      lags = lags.map((l) => (l === extended ? { ...l, members: [...l.members, ...plan.add] } : l));
    }
  }
  return { ...doc, lags };
}

/**
 * Bundles links into a LAG on both of their devices (mode active, rate fast), with ids `po1…`
 * (`bond0…` on hosts). All links must join the same two devices and no port may already be in a
 * LAG — except that on a device where some of the ports are in one LAG and the rest in none,
 * that LAG is extended. Returns the LAG on each end.
 */
export function makeLag(doc: Topology, linkIds: readonly string[]): EditResult<{ lags: LagRef[] }> {
  const links = findLinks(doc, linkIds);
  if (!Array.isArray(links)) return { ok: false, error: links };
  const first = links[0] as Link;
  const ends = [first.a.device, first.b.device] as const;
  for (const l of links) {
    const joins = (l.a.device === ends[0] && l.b.device === ends[1]) || (l.a.device === ends[1] && l.b.device === ends[0]);
    if (!joins || ends[0] === ends[1]) return refuse(EditErrorKey.lagDevices, { a: ends[0], b: ends[1], link: l.id });
  }
  const plans: SidePlan[] = [];
  for (const end of ends) {
    const device = doc.devices.find((d) => d.id === end);
    if (!device) return refuse(EditErrorKey.unknownDevice, { device: end });
    const plan = planSide(doc, device, links.map((l) => (l.a.device === end ? l.a.port : l.b.port)));
    if ('key' in plan) return { ok: false, error: plan };
    plans.push(plan);
  }
  if (plans.every((p) => p.kind === 'unchanged')) {
    const p = plans[0] as Extract<SidePlan, { kind: 'unchanged' }>;
    return refuse(EditErrorKey.alreadyInLag, { port: `${p.device}:${p.lag.members[0] ?? ''}`, lag: p.lag.id });
  }
  const refs = plans.map((p) => ({ device: p.device, id: p.kind === 'create' ? p.id : p.lag.id }));
  return accept(applyPlans(doc, plans), { lags: refs });
}

function checkPortPriorities(lag: Lag, value: Record<string, number>): EditError | undefined {
  for (const [port, priority] of Object.entries(value)) {
    if (!lag.members.includes(port)) return { key: EditErrorKey.notMember, params: { port, lag: lag.id } };
    const bad = checkInt(`portPriorities.${port}`, priority, 0, 65535);
    if (bad) return bad;
  }
  return undefined;
}

/** Checks one present, non-null field of a LAG patch. */
function checkLagField(lag: Lag, key: keyof LagSettings, value: unknown): EditError | undefined {
  switch (key) {
    case 'name':
      return checkText('name', value, 64);
    case 'mode':
      return checkChoice('mode', value, LAG_MODES);
    case 'rate':
      return checkChoice('rate', value, ['fast', 'slow']);
    case 'systemPriority':
      return checkInt('systemPriority', value as number, 0, 65535);
    case 'key':
      return checkInt('key', value as number, 1, 65535);
    case 'maxActive':
      return checkInt('maxActive', value as number, 1, MAX_LAG_MEMBERS);
    case 'minLinks':
      return checkInt('minLinks', value as number, 1, lag.members.length);
    case 'startMs':
      return checkNumber('startMs', value as number, 0);
    case 'portPriorities':
      return checkPortPriorities(lag, value as Record<string, number>);
    case 'fallback': {
      const timeoutMs = (value as { timeoutMs?: number }).timeoutMs;
      return timeoutMs === undefined ? undefined : checkInt('fallback.timeoutMs', timeoutMs, 1, MAX_FALLBACK_TIMEOUT_MS);
    }
  }
}

/** Fields that cannot be reset: a LAG always has a mode. */
const REQUIRED: ReadonlySet<keyof LagSettings> = new Set(['mode']);

/** Changes a LAG's settings; out-of-range values are refused with the field and its range. */
export function updateLag(doc: Topology, device: string, id: string, patch: LagPatch): EditResult {
  const lag = doc.lags?.find((l) => l.device === device && l.id === id);
  if (!lag) return refuse(EditErrorKey.unknownLag, { device, lag: id });
  let next: Lag = { ...lag };
  for (const key of Object.keys(patch) as (keyof LagSettings)[]) {
    const value = patch[key];
    if (value == null && REQUIRED.has(key)) return refuse(EditErrorKey.choice, { field: key, value: String(value) });
    const bad = value == null ? undefined : checkLagField(lag, key, value);
    if (bad) return { ok: false, error: bad };
    const isEmpty = value == null || (key === 'portPriorities' && Object.keys(value).length === 0) || (key === 'name' && value === '');
    next = isEmpty ? without(next, key) : { ...next, [key]: value };
  }
  return accept({ ...doc, lags: (doc.lags ?? []).map((l) => (l === lag ? next : l)) }, {});
}

/** Removes one LAG from its device; its links and the partner's LAG stay. */
export function dissolveLag(doc: Topology, device: string, id: string): EditResult {
  const lag = doc.lags?.find((l) => l.device === device && l.id === id);
  if (!lag) return refuse(EditErrorKey.unknownLag, { device, lag: id });
  return accept({ ...doc, lags: (doc.lags ?? []).filter((l) => l !== lag) }, {});
}
