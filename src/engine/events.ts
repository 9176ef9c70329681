/**
 * The event stream (DESIGN.md §4): the one contract between the engine and its readers (the
 * worker and UI, the CLI, tests). One plain JSON object per event, `t` in virtual milliseconds,
 * in time order. Names, once published, are kept; new fields are optional.
 */

import type { VrrpEvent } from './vrrp/types';

export type { VrrpEvent, VrrpReasonName, VrrpStateName } from './vrrp/types';

/** A port on a device. */
export interface PortRef {
  device: string;
  port: string;
}

/** A link changed state (carrier on both ends). */
export interface LinkEvent {
  t: number;
  type: 'link';
  link: string;
  state: 'up' | 'down';
}

export type FaultTargetKind = 'device' | 'link' | 'port';
export type FaultAction = 'fail' | 'restore' | 'mute' | 'unmute';

/** A fault was injected or removed (by the scenario, the CLI or a click). */
export interface FaultEvent {
  t: number;
  type: 'fault';
  target: string;
  kind: FaultTargetKind;
  action: FaultAction;
}

/** Actor or partner information carried in an LACPDU (802.1AX 5.4.2.2), state decoded by name. */
export interface LacpduInfoView {
  systemPriority: number;
  system: string;
  key: number;
  portPriority: number;
  port: number;
  /** The state octet. */
  state: number;
  /** Names of the state bits that are set (lacpActivity … expired). */
  flags: string[];
}

/** An LACPDU left `from` at `t`; it arrives at `to` at `arrive` unless the link fails first. */
export interface LacpduEvent {
  t: number;
  type: 'lacpdu';
  link: string;
  from: PortRef;
  to: PortRef;
  arrive: number;
  /** Frame number on this link, from 1; the same number as in the link's pcap. */
  frame: number;
  actor: LacpduInfoView;
  partner: LacpduInfoView;
}

/** How a LAG member port stands, derived from its machines; what the canvas colours. */
export type LacpPortStatus =
  | 'down'
  | 'distributing'
  | 'collecting'
  | 'attached'
  | 'waiting'
  | 'standby'
  | 'detached'
  | 'suspended'
  | 'individual'
  | 'fallback'
  | 'static'
  | 'notStarted';

/** Why a member is not in the aggregate (absent when it is, or is on its way). */
export type LacpReason =
  | 'linkDown'
  | 'noPartner'
  | 'halfDuplex'
  | 'speedMismatch'
  | 'partnerMismatch'
  | 'partnerIndividual'
  | 'partnerExpired'
  | 'maxActive'
  | 'notStarted';

/** A LAG member's LACP state changed (802.1AX 5.4.12 receive, 5.4.15 mux, 5.4.14 selection). */
export interface LacpEvent {
  t: number;
  type: 'lacp';
  device: string;
  port: string;
  lag: string;
  rx: string;
  mux: string;
  selected: 'SELECTED' | 'UNSELECTED' | 'STANDBY';
  periodic: string;
  status: LacpPortStatus;
  reason?: LacpReason;
  /** Partner churn detected (802.1AX 5.4.17): no agreement for Churn_Detection_Time. */
  churn?: boolean;
  actor: { state: number; flags: string[]; key: number };
  partner: { system: string; key: number; port: number; state: number; flags: string[] };
}

/** A LAG's aggregate changed: whether it is up and which members distribute. */
export interface LagEvent {
  t: number;
  type: 'lag';
  device: string;
  lag: string;
  mode: 'active' | 'passive' | 'on';
  up: boolean;
  active: string[];
  standby: string[];
  /** Partner system id (priority,MAC) the aggregate is formed with, when known. */
  partner?: string;
}

/** A host's ARP cache changed (RFC 826 merge; a gratuitous ARP when `gratuitous`). */
export interface ArpEvent {
  t: number;
  type: 'arp';
  device: string;
  ip: string;
  mac: string;
  gratuitous: boolean;
}

/** A flow's delivered path or state changed: the links its last datagram crossed, in order. */
export interface FlowEvent {
  t: number;
  type: 'flow';
  flow: string;
  from: string;
  to: string;
  state: 'ok' | 'lost';
  /** Links the last delivered datagram crossed, in order (flooded copies included). */
  path: string[];
}

/** Data frames each link carried in the last second, per direction (control frames excluded). */
export interface TrafficEvent {
  t: number;
  type: 'traffic';
  link: string;
  /** From the link's `a` end to its `b` end. */
  framesAB: number;
  framesBA: number;
  bytesAB: number;
  bytesBA: number;
  /**
   * Data frames (and their bytes) a full transmit queue dropped that second, each way; present
   * only when some were. Offered load = carried (frames/bytes) + dropped.
   */
  dropsAB?: number;
  dropsBA?: number;
  dropBytesAB?: number;
  dropBytesBA?: number;
}

/** An MC-LAG peer's view changed: its role, the peer-link and keepalive, and what it does about it. */
export interface McLagEvent {
  t: number;
  type: 'mclag';
  domain: string;
  device: string;
  role: 'primary' | 'secondary' | 'down';
  peerLink: 'up' | 'down';
  keepalive: 'up' | 'down';
  /**
   * ok; peerLinkDown (primary keeps forwarding); suspended (secondary shut its MC-LAG ports);
   * peerDead (alone, forwarding); dualActive (both peers alone while both live: split brain).
   */
  state: 'ok' | 'peerLinkDown' | 'suspended' | 'peerDead' | 'dualActive';
}

/** A bond slave's link state as the MII monitor sees it (Linux `BOND_LINK_UP/FAIL/DOWN/BACK`). */
export type BondSlaveLink = 'up' | 'fail' | 'down' | 'back';

/** A host's bond (Linux bonding, bonding.rst) changed which slaves it uses or which it sees down. */
export interface BondEvent {
  t: number;
  type: 'bond';
  device: string;
  bond: string;
  mode: 'balance-rr' | 'active-backup' | 'balance-xor' | 'broadcast' | '802.3ad' | 'balance-tlb' | 'balance-alb';
  /** Slaves the bond transmits on now (active-backup: the active slave, even before its failure is noticed). */
  active: string[];
  /** active-backup, balance-tlb, balance-alb: the active ("current") slave, the only one that receives. */
  activeSlave?: string;
  /** Slaves the MII monitor declared down, or that still wait out updelay (`back`). */
  down: string[];
  /** Every slave's MII state: `fail` = carrier loss noticed, downdelay running; `back` = updelay running. */
  mii?: Record<string, BondSlaveLink>;
}

/** A spanning-tree port role (802.1D-2004 17.7); legacy STP ports are given the same names. */
export type StpRole = 'root' | 'designated' | 'alternate' | 'backup' | 'disabled';

/**
 * A port state: RSTP's discarding / learning / forwarding (802.1D-2004 17.30), or legacy STP's
 * disabled / blocking / listening / learning / forwarding (802.1D-1998 8.4).
 */
export type StpPortState = 'discarding' | 'disabled' | 'blocking' | 'listening' | 'learning' | 'forwarding';

/** A bridge port's spanning-tree role or state changed, or the root it believes in. */
export interface StpEvent {
  t: number;
  type: 'stp';
  device: string;
  /** The bridge port: a LAG's id (one STP port for the whole LAG) or a port's id. */
  port: string;
  role: StpRole;
  state: StpPortState;
  /** The Root Bridge Identifier this bridge believes in: `priority,mac`. */
  rootBridge: string;
  /** Its root path cost (0 on the root). */
  rootCost: number;
  isRoot: boolean;
}

/** A BPDU left `from` at `t`; it arrives at `to` at `arrive` unless the link fails first. */
export interface BpduEvent {
  t: number;
  type: 'bpdu';
  link: string;
  from: PortRef;
  to: PortRef;
  arrive: number;
  /** Frame number on this link, from 1; the same number as in the link's pcap. */
  frame: number;
  /** Configuration BPDU, RST BPDU or Topology Change Notification (802.1D-2004 9.3). */
  kind: 'config' | 'rst' | 'tcn';
  /** Names of the flags that are set: topologyChange, proposal, learning, forwarding, agreement, topologyChangeAck. */
  flags: string[];
  /** RST BPDUs: the sender's port role (9.2.9). */
  role?: 'unknown' | 'alternateOrBackup' | 'root' | 'designated';
  /** Root Bridge Identifier `priority,mac` (absent in a TCN). */
  root?: string;
  /** Root Path Cost. */
  cost?: number;
  /** Sender's Bridge Identifier `priority,mac`. */
  bridge?: string;
  /** Sender's Port Identifier, the 16-bit value (priority << 8 | port number). */
  port?: number;
  /** Message Age, seconds. */
  messageAge?: number;
}

/**
 * A VRRP advertisement crossed a link (RFC 5798 §5): one event per link it is put on — the
 * sender's own link and every link a bridge floods it to — so the canvas can animate it like
 * LACPDUs and BPDUs. It arrives at `to` at `arrive` unless the link fails first.
 */
export interface VrrpAdvertEvent {
  t: number;
  type: 'vrrpAdvert';
  link: string;
  from: PortRef;
  to: PortRef;
  arrive: number;
  /** Frame number on this link, from 1; the same number as in the link's pcap. */
  frame: number;
  /** The VRRP group (document id) and the router that sent the advertisement. */
  group: string;
  device: string;
  vrid: number;
  /** The advertised priority: 0 when the master resigns (RFC 5798 §5.2.4). */
  priority: number;
  /** Max Adver Int, centiseconds. */
  advertIntervalCs: number;
}

/** What a host probes: its gateway (ARP, like `arping`) or the upstream (ICMP echo, like `ping`). */
export type ProbeTargetKind = 'gateway' | 'upstream';

/** A host's reachability of a target changed: answered again, or a probe went unanswered. */
export interface ProbeEvent {
  t: number;
  type: 'probe';
  host: string;
  target: ProbeTargetKind;
  /** The probed address: the gateway, or the upstream's. */
  ip: string;
  state: 'ok' | 'lost';
  /** For `lost`: when the first unanswered probe was sent (it counts as lost one interval later). */
  sinceMs?: number;
}

/** What the standard predicts for an outage whose cause the engine can name (probe/predict.ts). */
export interface ExpectedOutage {
  /** The predicted outage, ms: the worst case when the standard gives a range. */
  ms: number;
  /** The best case, when the standard gives a range (e.g. Master_Down_Interval − Advertisement_Interval). */
  minMs?: number;
  /** The rule, as a stable key: `vrrp.masterDownInterval`, `lacp.timeout.fast`, `bond.miimon`… */
  rule: string;
  /** The formula with its numbers, in English (the CLI prints it). */
  detail: string;
  /** The numbers in `detail` (seconds already formatted, e.g. `3.609 s`), so a UI can word the formula in its own language. */
  values?: Record<string, string | number>;
}

/**
 * A host's outage of a target ended: measured from the first lost probe sent to the first answered
 * probe sent (so within one probe interval of the truth), next to the standard's prediction.
 */
export interface OutageEvent {
  t: number;
  type: 'outage';
  host: string;
  target: ProbeTargetKind;
  ip: string;
  startMs: number;
  endMs: number;
  durationMs: number;
  lostProbes: number;
  intervalMs: number;
  /** The fault the outage followed (the last one applied between the last answered and the first lost probe). */
  fault?: { target: string; action: FaultAction; atMs: number };
  expected?: ExpectedOutage;
}

export type SimEvent = LinkEvent | FaultEvent | LacpduEvent | LacpEvent | LagEvent | ArpEvent | FlowEvent | TrafficEvent | McLagEvent | BondEvent | StpEvent | BpduEvent | VrrpEvent | VrrpAdvertEvent | ProbeEvent | OutageEvent;
export type SimEventType = SimEvent['type'];

/** Receives events as the engine produces them. */
export type EventSink = (event: SimEvent) => void;
