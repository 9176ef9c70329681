/**
 * VRRPv3 (RFC 5798) instance types: configuration, the host port an instance talks through, its
 * state-change event and receive verdicts. See README.md for how the simulation wires them.
 */
import type { Ipv4Address } from '../codecs/ipv4addr';

/** The three states of RFC 5798 §6.4 (RFC 9568 renames Master to Active). */
export const VrrpState = {
  /** §6.4.1: waiting for a Startup event (disabled, interface down, shut down). */
  initialize: 'initialize',
  /** §6.4.2: monitoring the Master, Master_Down_Timer running. */
  backup: 'backup',
  /** §6.4.3: forwarding for the virtual router, Adver_Timer running. */
  master: 'master',
} as const;
/** One of {@link VrrpState}. */
export type VrrpStateName = (typeof VrrpState)[keyof typeof VrrpState];

/** Why a `vrrp` event was emitted. */
export const VrrpReason = {
  /** Initialize → Backup at Startup, priority < 255 (§6.4.1). */
  startup: 'startup',
  /** Initialize → Master at Startup: the address owner, priority 255 (§6.4.1). */
  owner: 'owner',
  /** Backup → Master: no ADVERTISEMENT for Master_Down_Interval (§6.4.2). */
  masterDown: 'masterDown',
  /** Backup → Master Skew_Time after the Master resigned with priority 0 (§6.4.2). */
  masterResigned: 'masterResigned',
  /** Backup → Master after discarding a lower-priority Master's adverts, Preempt_Mode on (§6.4.2). */
  preempt: 'preempt',
  /** Master → Backup: an ADVERTISEMENT with a higher priority (§6.4.3). */
  higherPriority: 'higherPriority',
  /** Master → Backup: same priority, higher primary IP address (§6.4.3). */
  higherIp: 'higherIp',
  /** → Initialize by an administrative Shutdown; a Master sends priority 0 first (§6.4.2, §6.4.3). */
  shutdown: 'shutdown',
  /** → Initialize because the interface went down (vendor behaviour; nothing can be sent). */
  interfaceDown: 'interfaceDown',
  /** A tracked object went down or up and the priority changed; the state did not. */
  priorityChanged: 'priorityChanged',
  /** A live edit changed the priority or the primary address; the state did not. */
  configChanged: 'configChanged',
  /** A Backup accepted an ADVERTISEMENT from a Master it did not know yet (§6.4.2). */
  newMaster: 'newMaster',
} as const;
/** One of {@link VrrpReason}. */
export type VrrpReasonName = (typeof VrrpReason)[keyof typeof VrrpReason];

/**
 * A VRRP instance changed state, priority or known Master: the `vrrp` event of the stream
 * (`t` in virtual milliseconds, like every event).
 */
export interface VrrpEvent {
  t: number;
  type: 'vrrp';
  /** The group's id in the topology document, when the configuration names it. */
  group?: string;
  device: string;
  /** The interface, when the configuration names it. */
  port?: string;
  vrid: number;
  state: VrrpStateName;
  /** Priority in use (after tracking). */
  priority: number;
  /** Primary IPv4 address of the Master: this router when Master, the last accepted sender in Backup. */
  masterIp?: Ipv4Address;
  reason: VrrpReasonName;
}

/**
 * A tracked object (vendor, e.g. Cisco `vrrp N track <obj> decrement <d>`): while it is down the
 * priority drops by `decrement`.
 */
export interface VrrpTrack {
  /** Whatever the simulation names it by (an interface, a link, a route). */
  object: string;
  decrement: number;
}

/** One virtual router on one interface (RFC 5798 §6.1 parameters). */
export interface VrrpConfig {
  /** The group's id in the topology document, for events. */
  group?: string;
  /** Device id, for events. */
  device: string;
  /** Interface id, for events. */
  port?: string;
  /** VRID, 1–255 (§5.2.3). */
  vrid: number;
  /** 1–254, or 255 for the address owner (§6.1 Priority). Default 100. */
  priority?: number;
  /** Primary IPv4 address of the interface: the advertisement source (§5.1.1.1, §6.1). */
  primaryIp: Ipv4Address;
  /** IPvX_Address(es) of the virtual router, 1–255 of them (§6.1). */
  virtualIps: readonly Ipv4Address[];
  /** Advertisement_Interval in centiseconds, 1–4095 (§6.1). Default 100 (1 s). */
  advertIntervalCs?: number;
  /** Preempt_Mode (§6.1). Default true. */
  preempt?: boolean;
  /**
   * Vendor preempt delay in ms (keepalived `preempt_delay`, Cisco `preempt delay minimum`): a Backup
   * keeps accepting a lower-priority Master for this long after it first hears it. Default 0.
   */
  preemptDelayMs?: number;
  /** Accept_Mode (§6.1): a non-owner Master accepts packets addressed to the VIPs. Default false. */
  acceptMode?: boolean;
  /** Tracked objects; all start up. */
  tracks?: readonly VrrpTrack[];
  /** Gratuitous ARPs per VIP on becoming Master: 1 per the RFC (§6.4.1), keepalived sends 5. Default 1. */
  garpRepeat?: number;
  /** Delay in ms of a second GARP burst while still Master (keepalived `vrrp_garp_master_delay`); 0 = none. Default 0. */
  garpRefreshDelayMs?: number;
}

/** What an instance needs from the simulation. All calls are synchronous, at the scheduler's now. */
export interface VrrpHost {
  /** Puts an Ethernet frame on the interface: advertisements and gratuitous ARPs (already padded). */
  send(frame: Uint8Array): void;
  /** State, priority or Master changed. */
  emit(event: VrrpEvent): void;
  /**
   * Entered Master: from now on answer ARP for the VIPs with the virtual MAC, receive and forward
   * frames sent to the virtual MAC (§6.4.3; see `answersArpFor` / `forwards` / `acceptsFor`).
   */
  becameMaster?(): void;
  /** Entered Backup: stop all of that (§6.4.2). */
  becameBackup?(): void;
  /** Entered Initialize (shutdown, interface down). */
  becameInitialize?(): void;
}

/** What became of a received frame (RFC 5798 §7.1); all but `processed` and `misconfigured` were discarded. */
export const VrrpRx = {
  /** Passed §7.1 and went through the state machine (which may still ignore it by rule). */
  processed: 'processed',
  /** The instance is in Initialize. */
  notRunning: 'notRunning',
  /** A CodecError: TTL, version, type, length, checksum, interval or count (§7.1). */
  malformed: 'malformed',
  /** VRRPv2 or IPv6: not this instance's protocol (§7.1 version check; §1 families are separate). */
  otherVersion: 'otherVersion',
  /** VRID not configured on this interface (§7.1). */
  otherVrid: 'otherVrid',
  /** Our own advertisement looped back (source IP is our primary IP). */
  own: 'own',
  /** Processed like `processed`, but its address list differs from ours (§7.1 MAY check: log, do not drop). */
  misconfigured: 'misconfigured',
} as const;
/** One of {@link VrrpRx}. */
export type VrrpRxResult = (typeof VrrpRx)[keyof typeof VrrpRx];
