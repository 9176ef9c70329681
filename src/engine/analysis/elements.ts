/**
 * What the SPoF finder fails, one at a time, and how long it waits: every device that forwards
 * (switches and routers), every link, and every LAG between two network devices (all its member
 * links at once), plus
 * the virtual times that let the lab's slowest mechanism converge before and after the fault.
 */
import type { ResolvedTopology } from '../../model';

/** The kinds of element the finder fails. */
export const ElementKind = {
  /** A switch or router: `fail` on the device. */
  device: 'device',
  /** One cable: `fail` on the link. */
  link: 'link',
  /** A LAG or a host bond: `fail` on every member link at once. */
  lag: 'lag',
} as const;
export type ElementKind = (typeof ElementKind)[keyof typeof ElementKind];

/** Which element: enough to name it in any language and to select it on the canvas. */
export interface ElementRef {
  kind: ElementKind;
  /** Stable id: the device, the link, or `device/lag` (the first side of a LAG in document order). */
  id: string;
}

/** One side of a LAG element: the device and the LAG's name on it. */
export interface LagSide {
  device: string;
  lag: string;
}

/** One element to fail alone. */
export interface AnalysisElement extends ElementRef {
  /** Readable English name (CLI): `SW1`, `link s1 (sw1:eth1–srv:eth0)`, `LAG po1 on sw1 = LAG po1 on sw2`. */
  label: string;
  /** A LAG's sides in document order, so a UI can name it in its own words (LAGs only). */
  sides?: LagSide[];
  /** Fault targets (device id or link ids) failed together. */
  targets: string[];
  /** Links taken down by the fault (a device's links, the link, the members' links). */
  links: string[];
}

/** Virtual times of one analysis run. */
export interface AnalysisTiming {
  /** When the fault strikes: the fault-free lab has converged by then. */
  faultAtMs: number;
  /** How long after the fault the run goes on: the slowest recovery the lab can have, plus margin. */
  settleMs: number;
}

/** Margin after the slowest timer, so a recovery that takes exactly the timer is seen. */
const MARGIN_MS = 5000;
/** Convergence floor: LACP (fast or slow) forms in about 3 s, VRRP elects within ~4 s, ARP and flows settle. */
const MIN_CONVERGE_MS = 15_000;
/** 802.1AX 5.4.12: slow rate times a silent partner out after 3 × 30 s. */
const LACP_SLOW_TIMEOUT_MS = 90_000;

/** Links of `device`'s ports named in `ports`. */
function memberLinks(t: ResolvedTopology, device: string, ports: readonly string[]): string[] {
  const hit = (end: { device: string; port: string }) => end.device === device && ports.includes(end.port);
  return t.links.filter((l) => hit(l.a) || hit(l.b)).map((l) => l.id);
}

function deviceElements(t: ResolvedTopology): AnalysisElement[] {
  // Hosts and upstreams are the endpoints of what is measured: failing one fails the target itself.
  return t.devices
    .filter((d) => d.type === 'switch' || d.type === 'router')
    .map((d) => ({
      kind: ElementKind.device,
      id: d.id,
      label: d.name === d.id ? d.id : `${d.name} (${d.id})`,
      targets: [d.id],
      links: t.links.filter((l) => l.a.device === d.id || l.b.device === d.id).map((l) => l.id),
    }));
}

/**
 * LAGs between two network devices (two or more member links to the same partner switch or
 * router), the two sides of one bundle as one element. A bundle spread over two switches
 * (MC-LAG) is independent cables, and a bundle to a host (its bond) is the host's attachment:
 * their links are failed one at a time as links.
 */
function lagElements(t: ResolvedTopology): AnalysisElement[] {
  const isNetwork = (id: string) => t.devices.some((d) => d.id === id && (d.type === 'switch' || d.type === 'router'));
  const byLinks = new Map<string, AnalysisElement>();
  for (const lag of t.lags) {
    if (lag.bond !== null || !isNetwork(lag.device)) continue;
    const links = memberLinks(t, lag.device, lag.members).sort();
    const partners = new Set(t.links.filter((l) => links.includes(l.id)).map((l) => (l.a.device === lag.device ? l.b.device : l.a.device)));
    const partner = [...partners][0];
    if (links.length < 2 || partners.size !== 1 || partner === undefined || !isNetwork(partner)) continue;
    const name = `LAG ${lag.name} on ${lag.device}`;
    const key = links.join(',');
    const seen = byLinks.get(key);
    const side = { device: lag.device, lag: lag.name };
    if (seen) {
      seen.label = `${seen.label} = ${name}`;
      seen.sides?.push(side);
    } else byLinks.set(key, { kind: ElementKind.lag, id: `${lag.device}/${lag.id}`, label: name, sides: [side], targets: links, links });
  }
  return [...byLinks.values()];
}

/** Every element to fail alone, in a stable order: devices, links, LAGs (document order within each). */
export function analysisElements(t: ResolvedTopology): AnalysisElement[] {
  const links = t.links.map((l) => ({ kind: ElementKind.link, id: l.id, label: `link ${l.id} (${l.a.device}:${l.a.port}–${l.b.device}:${l.b.port})`, targets: [l.id], links: [l.id] }));
  return [...deviceElements(t), ...links, ...lagElements(t)];
}

/**
 * Fault time and settle time for a lab. Before the fault: 15 s, legacy STP's 2 × Forward Delay to
 * forward from start, and every flow started 5 s earlier. After it: 15 s, or legacy STP's
 * Max Age + 2 × Forward Delay (50 s by default), or LACP slow's 90 s timeout when a LAG or bond runs slow.
 */
export function analysisTiming(t: ResolvedTopology): AnalysisTiming {
  const legacy = t.devices.filter((d) => d.type === 'switch' && d.stp.mode === 'stp').map((d) => d.stp);
  const stpStartMs = Math.max(0, ...legacy.map((s) => 2 * s.forwardDelayMs));
  const stpRecoverMs = Math.max(0, ...legacy.map((s) => s.maxAgeMs + 2 * s.forwardDelayMs));
  const lagStartMs = Math.max(0, ...t.lags.map((l) => l.startMs));
  const flowStartMs = Math.max(0, ...t.flows.map((f) => f.startMs));
  const isSlow = t.lags.some((l) => l.rate === 'slow' && l.mode !== 'on');
  const faultAtMs = Math.max(MIN_CONVERGE_MS, stpStartMs + MARGIN_MS, lagStartMs + MARGIN_MS, flowStartMs + MARGIN_MS);
  const settleMs = Math.max(MIN_CONVERGE_MS, stpRecoverMs + MARGIN_MS, isSlow ? LACP_SLOW_TIMEOUT_MS + MARGIN_MS : 0);
  return { faultAtMs, settleMs };
}
