/**
 * Why a loss is permanent, as data: a code and its parameters (device, link and LAG ids,
 * addresses, modes), so a UI can say it in its own language and name devices its own way, and
 * the one English wording the CLI prints, derived from the same data so the two never drift.
 * Parameters hold ids, never display names: `device`, `host`, `router` and `hop` are device ids.
 */
import type { ElementKind } from './elements';

/** Where the lost traffic was going: the host's gateway address, the upstream, or a flow's destination device. */
export type WhyTarget = 'gateway' | 'upstream' | 'device';

/** Which way a broken static route points: toward the upstream, or back to the host. */
export type WhyToward = 'upstream' | 'host';

/** Why a static route's next hop no longer forwards: it is down, its only link to it is down, or it has no way on. */
export type WhyHop = 'down' | 'linkDown' | 'noWayOn';

/**
 * A cause of a permanent loss, one member per sentence shape. `target` + `to`: `to` is the
 * gateway address (`gateway`), the destination device id (`device`), or empty (`upstream`).
 * `elementKind` + `element`: the failed element, as in `AnalysisElement`.
 */
export type LossWhy =
  /** The host's bond has every member on the failed switch. */
  | { code: 'bondOneSwitch'; params: { bond: string; host: string; mode: string; members: number; device: string } }
  /** The failed link or LAG holds every member of the host's bond. */
  | { code: 'bondAllMembers'; params: { bond: string; host: string; mode: string } }
  /** The host's only link goes to the failed device. */
  | { code: 'noSecondUplink'; params: { host: string; device: string } }
  /** The host's only link is the failed link. */
  | { code: 'onlyLink'; params: { host: string; link: string } }
  /** The host has several links (no bond), all on the failed device. */
  | { code: 'allLinksOnDevice'; params: { host: string; device: string } }
  /** The host has several links (no bond), all in the failed element. */
  | { code: 'allLinksInElement'; params: { host: string; elementKind: ElementKind; element: string } }
  /** The failed device alone owns the host's gateway address (no VRRP, no anycast). */
  | { code: 'singleGateway'; params: { device: string; gateway: string; host: string } }
  /** Every path from the host to its target crosses the failed element (a graph cut). */
  | { code: 'everyPath'; params: { host: string; target: WhyTarget; to: string; elementKind: ElementKind; element: string } }
  /**
   * An active-backup bond keeps its active slave: that slave's link stays up (MII monitoring sees
   * carrier), but the switch it reaches can no longer reach the target, while another slave's could.
   */
  | { code: 'activeBackupStranded'; params: { bond: string; host: string; slave: string; device: string; target: WhyTarget; to: string; other: string } }
  /** A device beyond the failed link still takes the host's traffic but cannot pass it on. */
  | { code: 'strandedDevice'; params: { device: string; host: string; target: WhyTarget; to: string } }
  /** A router's static route still points at a next hop the failure cut off. */
  | { code: 'staticRoute'; params: { router: string; toward: WhyToward; host: string; via: string; hop: string; hopState: WhyHop } }
  /** The failed element holds an MC-LAG peer-link. */
  | { code: 'peerLink'; params: { mclag: string } };

export type LossWhyCode = LossWhy['code'];

/** How the English text names things: a device's name from its id, and the failed element's label. */
export interface ReasonNaming {
  deviceName(id: string): string;
  elementLabel: string;
}

type Params<C extends LossWhyCode> = Extract<LossWhy, { code: C }>['params'];
type Templates = { [C in LossWhyCode]: (p: Params<C>, n: ReasonNaming) => string };

const TARGET = (target: WhyTarget, to: string): string => (target === 'device' ? to : target === 'gateway' ? `its gateway ${to}` : 'the upstream');

const HOP: Record<WhyHop, (hop: string) => string> = {
  down: (hop) => `${hop} is down`,
  linkDown: (hop) => `its only link to ${hop} is down`,
  noWayOn: (hop) => `${hop} has no way on toward it any more`,
};

/** The English sentences (the CLI's words). */
const ENGLISH: Templates = {
  bondOneSwitch: (p) => `bond ${p.bond} of ${p.host} (mode ${p.mode}) has ${p.members === 2 ? 'both' : 'all'} members on ${p.device}: two NICs, one switch`,
  bondAllMembers: (p) => `bond ${p.bond} of ${p.host} (mode ${p.mode}) loses every member at once`,
  noSecondUplink: (p) => `${p.host} has no second uplink: its only link goes to ${p.device}`,
  onlyLink: (p) => `${p.host} has no second uplink: its only link is ${p.link}`,
  allLinksOnDevice: (p) => `every link of ${p.host} ends on ${p.device}`,
  allLinksInElement: (p, n) => `every link of ${p.host} is in ${n.elementLabel}`,
  singleGateway: (p, n) => `single gateway ${n.deviceName(p.device)} (${p.gateway}) for ${p.host}: no VRRP group or anycast gateway shares the address`,
  everyPath: (p, n) => `every path from ${p.host} to ${TARGET(p.target, p.to)} crosses ${n.elementLabel}`,
  activeBackupStranded: (p, n) =>
    `bond ${p.bond} of ${p.host} (active-backup) stays on ${p.slave} to ${n.deviceName(p.device)}: that link is up, so MII monitoring sees nothing wrong, but ${n.deviceName(p.device)} can no longer reach ${TARGET(p.target, p.to)}, while ${p.other} still could (ARP monitoring, arp_ip_target, would fail over)`,
  strandedDevice: (p, n) => `${n.deviceName(p.device)} has no second uplink toward ${TARGET(p.target, p.to)}: traffic ${p.host} still sends through it is dropped there`,
  staticRoute: (p, n) =>
    `${n.deviceName(p.router)} still routes ${p.toward === 'upstream' ? 'toward the upstream' : `back to ${p.host}`} via ${p.via}, but ${HOP[p.hopState](n.deviceName(p.hop))}: a static route does not follow a failure beyond its next hop`,
  peerLink: (p) => `the peer-link of MC-LAG ${p.mclag} failed: the secondary peer suspends its MC-LAG ports (vPC behaviour), but routes toward it stay, so traffic that still reaches it is dropped`,
};

/** The English sentence for a cause (what `Loss.reason` holds). */
export function reasonText(why: LossWhy, naming: ReasonNaming): string {
  const template = ENGLISH[why.code] as (p: LossWhy['params'], n: ReasonNaming) => string;
  return template(why.params, naming);
}
