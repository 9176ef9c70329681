/**
 * Validation of a topology document: the schema first (shape, ranges), then the references
 * between its parts (ports that exist, a port wired once, LAG members on their device...).
 * Every issue names the exact path, e.g. `links[3].b.port: device "sw9" has no port "eth12"`.
 */
import type { z } from 'zod';
import type { Topology } from './schema';
import { TopologySchema } from './schema';
import { checkL3, upstreamAddress } from './validateL3';
import { checkAnycast, checkVrrp } from './validateVrrp';

/** One problem in a document; `code` + `params` let the UI translate it, `message` is English. */
export interface ValidationIssue {
  path: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export type ValidationResult =
  | { ok: true; topology: Topology }
  | { ok: false; issues: ValidationIssue[] };

/** `['links', 3, 'b', 'port']` → `links[3].b.port`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(document)' : out;
}

/** Formats an issue as one line: `path: message`. */
export function formatIssue(issue: ValidationIssue): string {
  return `${issue.path}: ${issue.message}`;
}

function fromZod(issue: z.core.$ZodIssue): ValidationIssue {
  return { path: formatPath(issue.path), code: `schema.${issue.code}`, message: issue.message };
}

/** Validates anything (parsed JSON) as a topology document v1. */
export function validateTopology(input: unknown): ValidationResult {
  if (typeof input === 'object' && input !== null && 'version' in input && input.version !== 1) {
    const v = String(input.version);
    return {
      ok: false,
      issues: [{ path: 'version', code: 'version.unsupported', message: `version ${v} is not supported (this TopoLab reads version 1)`, params: { version: v } }],
    };
  }
  const parsed = TopologySchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(fromZod) };
  const issues = checkReferences(parsed.data);
  return issues.length === 0 ? { ok: true, topology: parsed.data } : { ok: false, issues };
}

/** Parses JSON text then validates it; a syntax error is reported as one issue. */
export function parseTopologyJson(text: string): ValidationResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, issues: [{ path: '(document)', code: 'json.syntax', message: `not valid JSON: ${detail}` }] };
  }
  return validateTopology(data);
}

class IssueList {
  readonly items: ValidationIssue[] = [];
  add(path: string, code: string, message: string, params?: Record<string, string | number>): void {
    this.items.push(params ? { path, code, message, params } : { path, code, message });
  }
}

function checkReferences(doc: Topology): ValidationIssue[] {
  const issues = new IssueList();
  const ports = checkDevices(doc, issues);
  checkLinks(doc, ports, issues);
  checkLags(doc, ports, issues);
  checkScenario(doc, ports, issues);
  checkFlows(doc, issues);
  checkBonds(doc, ports, issues);
  checkMcLags(doc, issues);
  const add = (path: string, code: string, message: string, params?: Record<string, string | number>) => issues.add(path, code, message, params);
  checkL3(doc, add);
  checkVrrp(doc, add);
  checkAnycast(doc, add);
  return issues.items;
}

/** device id → set of its port ids. */
type PortIndex = Map<string, Set<string>>;

function checkDevices(doc: Topology, issues: IssueList): PortIndex {
  const index: PortIndex = new Map();
  doc.devices.forEach((dev, i) => {
    if (index.has(dev.id)) {
      issues.add(`devices[${i}].id`, 'ref.device.duplicate', `device id "${dev.id}" is used twice`, { device: dev.id });
      return;
    }
    const set = new Set<string>();
    dev.ports.forEach((port, j) => {
      if (set.has(port.id)) issues.add(`devices[${i}].ports[${j}].id`, 'ref.port.duplicate', `device "${dev.id}" has port "${port.id}" twice`, { device: dev.id, port: port.id });
      set.add(port.id);
    });
    index.set(dev.id, set);
  });
  return index;
}

function checkEndpoint(path: string, ep: { device: string; port: string }, ports: PortIndex, issues: IssueList): boolean {
  const devPorts = ports.get(ep.device);
  if (!devPorts) {
    issues.add(`${path}.device`, 'ref.device.missing', `no device "${ep.device}"`, { device: ep.device });
    return false;
  }
  if (!devPorts.has(ep.port)) {
    issues.add(`${path}.port`, 'ref.port.missing', `device "${ep.device}" has no port "${ep.port}"`, { device: ep.device, port: ep.port });
    return false;
  }
  return true;
}

function checkLinks(doc: Topology, ports: PortIndex, issues: IssueList): void {
  const linkIds = new Set<string>();
  const wired = new Map<string, string>();
  doc.links.forEach((link, i) => {
    if (linkIds.has(link.id)) issues.add(`links[${i}].id`, 'ref.link.duplicate', `link id "${link.id}" is used twice`, { link: link.id });
    if (ports.has(link.id)) issues.add(`links[${i}].id`, 'ref.link.clash', `link id "${link.id}" is also a device id`, { link: link.id });
    linkIds.add(link.id);
    for (const side of ['a', 'b'] as const) {
      const ep = link[side];
      if (!checkEndpoint(`links[${i}].${side}`, ep, ports, issues)) continue;
      const key = `${ep.device}:${ep.port}`;
      const other = wired.get(key);
      if (other !== undefined) issues.add(`links[${i}].${side}.port`, 'ref.port.wired', `port "${key}" is already wired by link "${other}"`, { port: key, link: other });
      else wired.set(key, link.id);
    }
    if (link.a.device === link.b.device && link.a.port === link.b.port) issues.add(`links[${i}].b`, 'ref.link.self', `link "${link.id}" joins port "${link.a.device}:${link.a.port}" to itself`, { link: link.id });
  });
}

function checkLags(doc: Topology, ports: PortIndex, issues: IssueList): void {
  const lagIds = new Set<string>();
  const memberOf = new Map<string, string>();
  (doc.lags ?? []).forEach((lag, i) => {
    const path = `lags[${i}]`;
    const lagKey = `${lag.device}:${lag.id}`;
    if (lagIds.has(lagKey)) issues.add(`${path}.id`, 'ref.lag.duplicate', `device "${lag.device}" has LAG "${lag.id}" twice`, { device: lag.device, lag: lag.id });
    lagIds.add(lagKey);
    const devPorts = ports.get(lag.device);
    if (!devPorts) {
      issues.add(`${path}.device`, 'ref.device.missing', `no device "${lag.device}"`, { device: lag.device });
      return;
    }
    lag.members.forEach((member, j) => {
      if (!devPorts.has(member)) {
        issues.add(`${path}.members[${j}]`, 'ref.port.missing', `device "${lag.device}" has no port "${member}"`, { device: lag.device, port: member });
        return;
      }
      const key = `${lag.device}:${member}`;
      const other = memberOf.get(key);
      if (other !== undefined) issues.add(`${path}.members[${j}]`, 'ref.lag.member.twice', `port "${key}" is already a member of LAG "${other}"`, { port: key, lag: other });
      else memberOf.set(key, lag.id);
    });
    for (const port of Object.keys(lag.portPriorities ?? {})) {
      if (!lag.members.includes(port)) issues.add(`${path}.portPriorities.${port}`, 'ref.lag.priority.nonmember', `port "${port}" is not a member of LAG "${lag.id}"`, { port, lag: lag.id });
    }
    if (lag.minLinks !== undefined && lag.minLinks > lag.members.length) issues.add(`${path}.minLinks`, 'lag.minLinks.tooMany', `minLinks ${lag.minLinks} is more than the ${lag.members.length} members`, { minLinks: lag.minLinks });
  });
}

function checkScenario(doc: Topology, ports: PortIndex, issues: IssueList): void {
  const links = new Set(doc.links.map((l) => l.id));
  (doc.scenario ?? []).forEach((step, i) => {
    const error = targetError(step.target, step.action, ports, links);
    if (error) issues.add(`scenario[${i}].target`, error.code, error.message, { target: step.target });
  });
}

function checkBonds(doc: Topology, ports: PortIndex, issues: IssueList): void {
  const inLag = new Map<string, string>();
  for (const lag of doc.lags ?? []) for (const m of lag.members) inLag.set(`${lag.device}:${m}`, lag.id);
  const lagIds = new Set((doc.lags ?? []).map((l) => `${l.device}:${l.id}`));
  const devices = new Map(doc.devices.map((d) => [d.id, d]));
  const seen = new Set<string>();
  (doc.bonds ?? []).forEach((bond, i) => {
    const path = `bonds[${i}]`;
    const key = `${bond.device}:${bond.id}`;
    if (seen.has(key) || lagIds.has(key)) issues.add(`${path}.id`, 'ref.bond.duplicate', `device "${bond.device}" already has a bond or LAG "${bond.id}"`, { device: bond.device, bond: bond.id });
    seen.add(key);
    const dev = devices.get(bond.device);
    if (!dev) return issues.add(`${path}.device`, 'ref.device.missing', `no device "${bond.device}"`, { device: bond.device });
    if (dev.type !== 'host') issues.add(`${path}.device`, 'ref.bond.host', `bonds belong to hosts, and "${bond.device}" is a ${dev.type}`, { device: bond.device });
    bond.members.forEach((m, j) => {
      const portKey = `${bond.device}:${m}`;
      if (!ports.get(bond.device)?.has(m)) issues.add(`${path}.members[${j}]`, 'ref.port.missing', `device "${bond.device}" has no port "${m}"`, { device: bond.device, port: m });
      else if (inLag.has(portKey)) issues.add(`${path}.members[${j}]`, 'ref.lag.member.twice', `port "${portKey}" is already a member of "${inLag.get(portKey) ?? ''}"`, { port: portKey, lag: inLag.get(portKey) ?? '' });
      else inLag.set(portKey, bond.id);
    });
    if (bond.primary !== undefined && !bond.members.includes(bond.primary)) issues.add(`${path}.primary`, 'ref.bond.primary', `primary "${bond.primary}" is not a member of bond "${bond.id}"`, { bond: bond.id, port: bond.primary });
  });
}

function checkMcLags(doc: Topology, issues: IssueList): void {
  const devices = new Map(doc.devices.map((d) => [d.id, d]));
  const lagsOf = (device: string) => (doc.lags ?? []).filter((l) => l.device === device);
  const domains = new Map<string, [string, string]>();
  const inDomain = new Map<string, string>();
  (doc.mclags ?? []).forEach((m, i) => {
    const path = `mclags[${i}]`;
    if (domains.has(m.id)) issues.add(`${path}.id`, 'ref.mclag.duplicate', `MC-LAG domain "${m.id}" is defined twice`, { domain: m.id });
    domains.set(m.id, m.peers);
    if (m.peers[0] === m.peers[1]) issues.add(`${path}.peers`, 'ref.mclag.peers', `an MC-LAG domain needs two different peers`, { domain: m.id });
    m.peers.forEach((peer, j) => {
      const dev = devices.get(peer);
      if (!dev) return issues.add(`${path}.peers[${j}]`, 'ref.device.missing', `no device "${peer}"`, { device: peer });
      if (dev.type !== 'switch' && dev.type !== 'router') issues.add(`${path}.peers[${j}]`, 'ref.mclag.switch', `MC-LAG peers are switches, and "${peer}" is a ${dev.type}`, { device: peer });
      const other = inDomain.get(peer);
      if (other !== undefined) issues.add(`${path}.peers[${j}]`, 'ref.mclag.twice', `"${peer}" is already a peer of MC-LAG domain "${other}"`, { device: peer, domain: other });
      inDomain.set(peer, m.id);
      if (!lagsOf(peer).some((l) => l.id === m.peerLink)) issues.add(`${path}.peerLink`, 'ref.mclag.peerLink', `peer "${peer}" has no LAG "${m.peerLink}" for the peer-link`, { device: peer, lag: m.peerLink });
    });
    const ka = m.keepalive === undefined ? undefined : doc.links.find((l) => l.id === m.keepalive);
    if (m.keepalive !== undefined && (!ka || new Set([ka.a.device, ka.b.device, ...m.peers]).size !== 2)) issues.add(`${path}.keepalive`, 'ref.mclag.keepalive', `keepalive "${m.keepalive}" must be a link between the two peers`, { link: m.keepalive });
  });
  (doc.lags ?? []).forEach((lag, i) => {
    if (lag.mclag === undefined) return;
    const peers = domains.get(lag.mclag);
    if (!peers) return issues.add(`lags[${i}].mclag`, 'ref.mclag.missing', `no MC-LAG domain "${lag.mclag}"`, { domain: lag.mclag });
    if (!peers.includes(lag.device)) return issues.add(`lags[${i}].device`, 'ref.mclag.notPeer', `"${lag.device}" is not a peer of MC-LAG domain "${lag.mclag}"`, { device: lag.device, domain: lag.mclag });
    const other = peers[0] === lag.device ? peers[1] : peers[0];
    if (!lagsOf(other).some((l) => l.id === lag.id && l.mclag === lag.mclag)) issues.add(`lags[${i}].mclag`, 'ref.mclag.pair', `MC-LAG port "${lag.id}" must also exist on peer "${other}" with mclag "${lag.mclag}"`, { lag: lag.id, device: other });
  });
}

function checkFlows(doc: Topology, issues: IssueList): void {
  const devices = new Map(doc.devices.map((d) => [d.id, d]));
  const ids = new Set<string>();
  (doc.flows ?? []).forEach((flow, i) => {
    if (ids.has(flow.id)) issues.add(`flows[${i}].id`, 'ref.flow.duplicate', `flow id "${flow.id}" is used twice`, { flow: flow.id });
    ids.add(flow.id);
    for (const end of ['from', 'to'] as const) {
      const dev = devices.get(flow[end]);
      if (!dev) issues.add(`flows[${i}].${end}`, 'ref.device.missing', `no device "${flow[end]}"`, { device: flow[end] });
      else if (end === 'to' && dev.type === 'upstream') {
        if (upstreamAddress(dev) === undefined) issues.add(`flows[${i}].to`, 'ref.flow.upstreamIp', `upstream "${dev.id}" needs an address (its ip or a port's) to receive a flow`, { device: dev.id });
      } else if (dev.type !== 'host' || dev.ip === undefined) {
        const what = end === 'to' ? 'a host with an ip address, or an upstream,' : 'a host with an ip address';
        issues.add(`flows[${i}].${end}`, 'ref.flow.endpoint', `device "${dev.id}" must be ${what} to ${end === 'to' ? 'receive' : 'send'} a flow`, { device: dev.id });
      }
    }
    if (flow.from === flow.to) issues.add(`flows[${i}].to`, 'ref.flow.self', `flow "${flow.id}" goes from "${flow.from}" to itself`, { flow: flow.id });
  });
}

/**
 * Checks a fault target: a device id, a link id or `device:port`. Mute / unmute (a control plane
 * that stops speaking while its links stay up) apply to devices only. Returns undefined when valid.
 */
export function targetError(
  target: string,
  action: string,
  ports: PortIndex,
  links: ReadonlySet<string>,
): { code: string; message: string } | undefined {
  const isMute = action === 'mute' || action === 'unmute';
  if (ports.has(target)) return undefined;
  if (links.has(target)) return isMute ? { code: 'target.mute.device', message: `"${action}" applies to a device, and "${target}" is a link` } : undefined;
  const sep = target.lastIndexOf(':');
  if (sep > 0) {
    const devPorts = ports.get(target.slice(0, sep));
    if (devPorts?.has(target.slice(sep + 1))) return isMute ? { code: 'target.mute.device', message: `"${action}" applies to a device, and "${target}" is a port` } : undefined;
  }
  return { code: 'target.unknown', message: `"${target}" is not a device, a link or a device:port` };
}

/** Builds the port index used by `targetError` for a valid document. */
export function portIndex(doc: Topology): PortIndex {
  return new Map(doc.devices.map((d) => [d.id, new Set(d.ports.map((p) => p.id))]));
}
