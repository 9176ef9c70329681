/**
 * What the standards predict for an outage, when the engine can name its cause: a pure function
 * of the document, the fault and who was VRRP Master when it struck. The numbers are the formulas
 * of shared/reference/protocols.md §7 (each rule names its clause), so the failover report can put
 * the measured outage next to the expected one (DESIGN.md §7).
 *
 * Rules, first match wins:
 * - `vrrp.masterDownInterval`: the Master of the host's gateway group fails (device, or the link /
 *   port of its member interface): the best backup takes over Master_Down_Interval after the last
 *   advertisement, i.e. MDI − Advertisement_Interval … MDI after the fault (RFC 5798 §6.1, §6.4.2).
 *   Not in an active-active group, nor behind an anycast gateway: there the survivor already routes
 *   and only the host's member loss remains (the bond rules).
 * - `bond.carrier`: a host bond member loses carrier in a hash mode (802.3ad, xor, tlb, alb, rr,
 *   broadcast): Linux stops using it at once (transmit array rebuilt on the carrier change).
 * - `bond.miimon`: the same in active-backup: noticed at the next MII poll, dropped after downdelay.
 * - `lacp.timeout.fast` / `lacp.timeout.slow`: the host's 802.3ad partner goes silent (mute):
 *   current_while expires 3 × the partner's periodic time after its last LACPDU (802.1AX 5.4.12).
 * - `lag.memberLoss`: a member of a LAG between switches with other members left: ~0.
 * - `rstp.alternate` / `stp.listenLearn`: a link between spanning-tree switches: RSTP's Alternate
 *   port forwards at once; legacy STP needs 2 × Forward Delay (30 s), up to Max Age + 2 × Forward
 *   Delay (50 s) when the failure is not on the blocked port's bridge (802.1D-1998 §8).
 */
import type { ResolvedBond, ResolvedLink, ResolvedTopology } from '../../model';
import type { ExpectedOutage, FaultAction, FaultTargetKind } from '../events';
import { masterDownIntervalUs } from '../vrrp';

/** A fault as the prediction sees it. */
export interface FaultFact {
  target: string;
  kind: FaultTargetKind;
  action: FaultAction;
}

export interface PredictionInput {
  topology: ResolvedTopology;
  fault: FaultFact;
  /** The host whose outage is predicted. */
  host: string;
  /** VRRP group id → the device that was Master when the fault struck. */
  masters: ReadonlyMap<string, string>;
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

/** The links a fault takes down: a device's links, a link, or a port's link. */
function faultLinks(t: ResolvedTopology, f: FaultFact): ResolvedLink[] {
  if (f.kind === 'link') return t.links.filter((l) => l.id === f.target);
  if (f.kind === 'device') return t.links.filter((l) => l.a.device === f.target || l.b.device === f.target);
  const sep = f.target.lastIndexOf(':');
  const [device, port] = [f.target.slice(0, sep), f.target.slice(sep + 1)];
  return t.links.filter((l) => (l.a.device === device && l.a.port === port) || (l.b.device === device && l.b.port === port));
}

/** Does the fault take down `device` or its member interface `iface` (a routed port, or the SVI)? */
function hitsMember(t: ResolvedTopology, f: FaultFact, device: string, iface: string): boolean {
  if (f.kind === 'device') return f.target === device;
  if (iface === 'svi') return false;
  return faultLinks(t, f).some((l) => (l.a.device === device && l.a.port === iface) || (l.b.device === device && l.b.port === iface));
}

function vrrpRule(input: PredictionInput): ExpectedOutage | undefined {
  const { topology: t, fault, host, masters } = input;
  if (fault.action !== 'fail') return undefined;
  const gateway = t.devices.find((d) => d.id === host)?.gateway;
  const group = t.vrrp.find((g) => g.vip === gateway);
  const master = group?.members.find((m) => m.device === masters.get(group.id));
  // Active-active: the surviving peer already routes for the virtual MAC; only member loss remains (next rules).
  if (!group || group.activeActive || !master || !hitsMember(t, fault, master.device, master.iface)) return undefined;
  const backups = group.members.filter((m) => m !== master && !hitsMember(t, fault, m.device, m.iface));
  const best = Math.max(...backups.map((m) => m.priority));
  if (!Number.isFinite(best)) return undefined;
  const mdiMs = masterDownIntervalUs(best, group.advertIntervalCs) / 1000;
  const advMs = group.advertIntervalCs * 10;
  const detail = `Master_Down_Interval of the best backup (priority ${best}) = 3 × ${seconds(advMs)} + (256 − ${best}) × ${seconds(advMs)} / 256 = ${seconds(mdiMs)} after the last advertisement, so ${seconds(mdiMs - advMs)}–${seconds(mdiMs)} after the fault (RFC 5798 §6.1)`;
  return { ms: mdiMs, minMs: mdiMs - advMs, rule: 'vrrp.masterDownInterval', detail, values: { priority: best, adv: seconds(advMs), mdi: seconds(mdiMs), min: seconds(mdiMs - advMs) } };
}

/** The host's bond whose member a fault hits (through the member's link), and how. */
function hostBondHit(t: ResolvedTopology, f: FaultFact, host: string): { bond: ResolvedBond; isCarrier: boolean } | undefined {
  for (const bond of t.bonds.filter((b) => b.device === host)) {
    const memberLinks = t.links.filter((l) => bond.members.some((m) => (l.a.device === host && l.a.port === m) || (l.b.device === host && l.b.port === m)));
    const far = (l: ResolvedLink) => (l.a.device === host ? l.b.device : l.a.device);
    if (f.action === 'mute' && f.kind === 'device' && memberLinks.some((l) => far(l) === f.target)) return { bond, isCarrier: false };
    if (f.action === 'fail' && faultLinks(t, f).some((l) => memberLinks.includes(l))) return { bond, isCarrier: true };
  }
  return undefined;
}

function bondRule(input: PredictionInput): ExpectedOutage | undefined {
  const hit = hostBondHit(input.topology, input.fault, input.host);
  if (!hit) return undefined;
  const { bond } = hit;
  if (!hit.isCarrier) {
    if (bond.mode !== '802.3ad') return undefined;
    const isFast = bond.lacpRate === 'fast';
    const detail = isFast ? 'LACP fast rate: the partner is dropped 3 × 1 s after its last LACPDU, 2–3 s after it went silent (802.1AX 5.4.12)' : 'LACP slow rate: the partner is dropped 3 × 30 s after its last LACPDU, 60–90 s after it went silent (802.1AX 5.4.12)';
    return isFast ? { ms: 3000, minMs: 2000, rule: 'lacp.timeout.fast', detail, values: {} } : { ms: 90_000, minMs: 60_000, rule: 'lacp.timeout.slow', detail, values: {} };
  }
  if (bond.mode === 'active-backup') {
    const ms = bond.miimonMs + bond.downdelayMs;
    return { ms, minMs: bond.downdelayMs, rule: 'bond.miimon', detail: `active-backup: the carrier loss is seen at the next MII poll (every ${bond.miimonMs} ms), the slave dropped downdelay ${bond.downdelayMs} ms later; then a gratuitous ARP`, values: { miimon: bond.miimonMs, downdelay: bond.downdelayMs } };
  }
  return { ms: 0, rule: 'bond.carrier', detail: `${bond.mode}: Linux rebuilds the transmit array when a slave loses carrier, so the bond stops using it at once`, values: { mode: bond.mode } };
}

function switchRule(input: PredictionInput): ExpectedOutage | undefined {
  const { topology: t, fault } = input;
  if (fault.action !== 'fail' || fault.kind === 'device') return undefined;
  const link = faultLinks(t, fault)[0];
  if (!link) return undefined;
  const inLag = (end: ResolvedLink['a']) => t.lags.find((l) => l.device === end.device && l.members.includes(end.port) && l.members.length > 1);
  if (inLag(link.a) && inLag(link.b)) return { ms: 0, rule: 'lag.memberLoss', detail: 'a LAG member lost carrier: the aggregate keeps forwarding on the others (802.1AX 5.4.12)', values: {} };
  const stpOf = (id: string) => t.devices.find((d) => d.id === id && d.type === 'switch')?.stp;
  const [a, b] = [stpOf(link.a.device), stpOf(link.b.device)];
  if (!a || !b || a.mode === 'off' || b.mode === 'off') return undefined;
  if (a.mode === 'rstp' && b.mode === 'rstp') return { ms: 0, rule: 'rstp.alternate', detail: 'RSTP: an Alternate port becomes Root and forwards at once (802.1D-2004 17.29)', values: {} };
  const fd = Math.max(a.forwardDelayMs, b.forwardDelayMs);
  const maxAge = Math.max(a.maxAgeMs, b.maxAgeMs);
  return { ms: maxAge + 2 * fd, minMs: 2 * fd, rule: 'stp.listenLearn', detail: `STP: a blocked port listens then learns, 2 × Forward Delay = ${seconds(2 * fd)}; ${seconds(maxAge + 2 * fd)} when it must first age the old root's information (Max Age) (802.1D-1998 §8)`, values: { twoFd: seconds(2 * fd), total: seconds(maxAge + 2 * fd) } };
}

/** The standard's prediction for a host's outage after `fault`, or undefined when no rule applies. */
export function predictOutage(input: PredictionInput): ExpectedOutage | undefined {
  return vrrpRule(input) ?? bondRule(input) ?? switchRule(input);
}
