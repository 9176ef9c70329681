/**
 * The one palette of the canvas: how a link, a port and a LAG look for each LACP status. The link
 * colour is the worse of its two ends (802.1AX has no "link status", only per-port machines), with
 * a marker at an end that sees it differently.
 */
import type { LacpPortStatus } from '../../engine/events';
import type { LagOverlay } from '../../store/overlayReducer';
import type { BondSlaveState, McLagTone, StpTone } from './l2View';

/**
 * What a link can show: a member status, `up` (carrier, no LAG), `blocked` (an end is a
 * spanning-tree port that discards: the link carries no data) or `down`.
 */
export type LinkStatus = LacpPortStatus | 'up' | 'blocked';

/** Groups of statuses that share one look (and one legend row). */
export type LegendKey = 'distributing' | 'converging' | 'standby' | 'suspended' | 'individual' | 'static' | 'detached' | 'up' | 'blocked' | 'down';

export interface LinkStyle {
  legend: LegendKey;
  stroke: string;
  /** Stroke width in canvas px. */
  width: number;
  /** SVG stroke-dasharray; absent = solid. */
  dash?: string;
  /** Marching dashes: the members are converging. */
  isAnimated: boolean;
  linecap: 'butt' | 'round';
}

export const COLORS = {
  red: '#e5484d',
  slate: '#64748b',
  slateLight: '#94a3b8',
  green: '#18a058',
  blue: '#3b82f6',
  amber: '#f59e0b',
  orange: '#ea580c',
  purple: '#8b5cf6',
  teal: '#0d9488',
  /** A link a spanning tree blocks: grey, so the eye reads "no data here", next to its red ⊘ end. */
  blockedGrey: '#a7b1bf',
  gold: '#d99a06',
  sky: '#0284c7',
} as const;

const LOOKS: Record<LegendKey, LinkStyle> = {
  distributing: { legend: 'distributing', stroke: COLORS.green, width: 4.5, isAnimated: false, linecap: 'round' },
  converging: { legend: 'converging', stroke: COLORS.blue, width: 3, dash: '8 6', isAnimated: true, linecap: 'butt' },
  standby: { legend: 'standby', stroke: COLORS.amber, width: 3, dash: '9 6', isAnimated: false, linecap: 'butt' },
  suspended: { legend: 'suspended', stroke: COLORS.orange, width: 3.5, dash: '0.1 7', isAnimated: false, linecap: 'round' },
  individual: { legend: 'individual', stroke: COLORS.purple, width: 3, isAnimated: false, linecap: 'round' },
  static: { legend: 'static', stroke: COLORS.teal, width: 3.5, isAnimated: false, linecap: 'round' },
  detached: { legend: 'detached', stroke: COLORS.slateLight, width: 2.5, dash: '3 5', isAnimated: false, linecap: 'butt' },
  up: { legend: 'up', stroke: COLORS.slate, width: 2, isAnimated: false, linecap: 'round' },
  blocked: { legend: 'blocked', stroke: COLORS.blockedGrey, width: 3, dash: '11 6', isAnimated: false, linecap: 'butt' },
  down: { legend: 'down', stroke: COLORS.red, width: 2, dash: '7 5', isAnimated: false, linecap: 'butt' },
};

/** Every status and its look. */
export const LINK_STYLES: Record<LinkStatus, LinkStyle> = {
  down: LOOKS.down,
  up: LOOKS.up,
  blocked: LOOKS.blocked,
  distributing: LOOKS.distributing,
  collecting: LOOKS.converging,
  attached: LOOKS.converging,
  waiting: LOOKS.converging,
  standby: LOOKS.standby,
  suspended: LOOKS.suspended,
  individual: LOOKS.individual,
  fallback: LOOKS.individual,
  static: LOOKS.static,
  detached: LOOKS.detached,
  // Before its start time a member is a plain port (DESIGN: PXE boot), so it looks like one.
  notStarted: LOOKS.up,
};

/** Legend rows, best first, each with the statuses it stands for. */
export const LEGEND: readonly { key: LegendKey; statuses: readonly LinkStatus[] }[] = [
  { key: 'distributing', statuses: ['distributing'] },
  { key: 'converging', statuses: ['waiting', 'attached', 'collecting'] },
  { key: 'standby', statuses: ['standby'] },
  { key: 'suspended', statuses: ['suspended'] },
  { key: 'individual', statuses: ['individual', 'fallback'] },
  { key: 'static', statuses: ['static'] },
  { key: 'detached', statuses: ['detached'] },
  { key: 'up', statuses: ['up', 'notStarted'] },
  { key: 'blocked', statuses: ['blocked'] },
  { key: 'down', statuses: ['down'] },
];

/** Legend rows that only mean something in a lab with LAGs. */
export const LACP_LEGEND_KEYS: ReadonlySet<LegendKey> = new Set(['distributing', 'converging', 'standby', 'suspended', 'individual', 'static', 'detached']);

/** How bad a status is; the link shows its worse end. */
export const SEVERITY: Record<LinkStatus, number> = {
  up: 0,
  distributing: 10,
  static: 15,
  notStarted: 20,
  collecting: 40,
  attached: 45,
  waiting: 50,
  standby: 60,
  fallback: 65,
  individual: 70,
  detached: 80,
  suspended: 90,
  blocked: 95,
  down: 100,
};

/** The worse of two statuses (ties keep the first). */
export function worseStatus(a: LinkStatus, b: LinkStatus): LinkStatus {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

export interface LinkView {
  status: LinkStatus;
  style: LinkStyle;
  /** The end's own status when it looks different from the link; null when it agrees. */
  markerA: LacpPortStatus | null;
  markerB: LacpPortStatus | null;
  /** Which end's spanning-tree port blocks the link: '' (none), 'a', 'b' or 'ab'. */
  blocked: '' | 'a' | 'b' | 'ab';
  /** The link carries a broadcast storm (l2View.ts isStorm). */
  isStorm: boolean;
}

function marker(end: LacpPortStatus | null, shown: LinkStatus): LacpPortStatus | null {
  if (end === null) return null;
  return LINK_STYLES[end].legend === LINK_STYLES[shown].legend ? null : end;
}

/**
 * What a link shows, from its carrier state, its ends' member statuses (null = the port is not a
 * LAG member), whether a spanning tree blocks either end and whether it storms. A blocked link is drawn blocked
 * whatever LACP says of its members (no data crosses it); the ⊘ at the blocked end says which.
 * An unknown carrier counts as up until the lab says otherwise.
 */
export function linkView(state: 'up' | 'down' | undefined, a: LacpPortStatus | null, b: LacpPortStatus | null, blockedA = false, blockedB = false, isStorm = false): LinkView {
  if (state === 'down') return { status: 'down', style: LINK_STYLES.down, markerA: null, markerB: null, blocked: '', isStorm: false };
  if (blockedA || blockedB) {
    const blocked = blockedA && blockedB ? 'ab' : blockedA ? 'a' : 'b';
    return { status: 'blocked', style: LINK_STYLES.blocked, markerA: null, markerB: null, blocked, isStorm };
  }
  const status = worseStatus(a ?? 'up', b ?? 'up');
  return { status, style: LINK_STYLES[status], markerA: marker(a, status), markerB: marker(b, status), blocked: '', isStorm };
}

const views = new Map<string, LinkView>();

/** `linkView`, one shared object per combination (selectors may return it without a shallow compare). */
export function linkViewOf(state: 'up' | 'down' | undefined, a: LacpPortStatus | null, b: LacpPortStatus | null, blockedA = false, blockedB = false, isStorm = false): LinkView {
  const key = `${state}|${a}|${b}|${blockedA}|${blockedB}|${isStorm}`;
  let view = views.get(key);
  if (!view) {
    view = linkView(state, a, b, blockedA, blockedB, isStorm);
    views.set(key, view);
  }
  return view;
}

/** The fill of a port square: its member status, or neutral for a plain port. */
export function portColor(status: LacpPortStatus | null, isConnected: boolean): string {
  if (status !== null) return LINK_STYLES[status].stroke;
  return isConnected ? COLORS.slate : '#ffffff';
}

/** A LAG's tone: up (all active), partial (some standby), down, or unknown (no word yet). */
export type LagTone = 'up' | 'partial' | 'down' | 'unknown';

export function lagTone(lag: Pick<LagOverlay, 'up' | 'standby'> | undefined): LagTone {
  if (!lag) return 'unknown';
  if (!lag.up) return 'down';
  return lag.standby.length > 0 ? 'partial' : 'up';
}

export const LAG_TONE_COLORS: Record<LagTone, string> = {
  up: COLORS.green,
  partial: COLORS.amber,
  down: COLORS.red,
  unknown: COLORS.slateLight,
};

/** The worse of two LAG tones (a bundle's ring shows both ends at once). */
export function worseTone(a: LagTone, b: LagTone): LagTone {
  const rank: Record<LagTone, number> = { unknown: 0, up: 1, partial: 2, down: 3 };
  return rank[b] > rank[a] ? b : a;
}

/** BPDUs are violet; one carrying a topology change is orange (it makes bridges flush MACs). */
export function bpduColor(flags: readonly string[]): string {
  return flags.includes('topologyChange') ? COLORS.orange : COLORS.purple;
}

/** A LACPDU dot's colour from its actor's state bits (802.1AX 5.4.2.2 Actor_State). */
/** VRRP advertisements are teal; a priority-0 one (the master resigning, RFC 5798 §6.4.3) is red. */
export function vrrpColor(priority: number): string {
  return priority === 0 ? COLORS.red : COLORS.teal;
}

export function pduColor(actorFlags: readonly string[]): string {
  if (actorFlags.includes('distributing')) return COLORS.green;
  if (actorFlags.includes('synchronization')) return COLORS.blue;
  return COLORS.slateLight;
}

/** A spanning-tree port's colour by its state: forwarding green, on its way amber, blocking red. */
export const STP_TONE_COLORS: Record<StpTone, string> = {
  forwarding: COLORS.green,
  learning: COLORS.amber,
  blocking: COLORS.red,
  off: COLORS.slateLight,
};

/** A bond slave's colour: transmitting green, spare amber, failing orange, down red. */
export const BOND_SLAVE_COLORS: Record<BondSlaveState, string> = {
  active: COLORS.green,
  backup: COLORS.amber,
  failing: COLORS.orange,
  down: COLORS.red,
};

/** An MC-LAG badge's colour: ok green, degraded amber, suspended orange, split brain red. */
export const MCLAG_TONE_COLORS: Record<McLagTone, string> = {
  ok: COLORS.green,
  warn: COLORS.amber,
  suspended: COLORS.orange,
  split: COLORS.red,
  down: COLORS.slateLight,
};

/** Frames moving along a link (dots flowing the way they go). */
export const TRAFFIC_COLOR = COLORS.sky;
/** A broadcast storm's glow. */
export const STORM_COLOR = COLORS.red;
