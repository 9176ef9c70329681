/**
 * One VRRPv3 virtual router on one interface: the protocol state machine of RFC 5798 §6.4
 * (Initialize / Backup / Master) with the parameters of §6.1, the timers of §6.2 on the engine
 * scheduler, receive validation (§7.1) and transmission (§7.2). It talks to the simulation only
 * through a {@link VrrpHost}; README.md lists what the simulation must call and when.
 *
 * Vendor additions, each off by default unless noted: preempt delay (keepalived semantics),
 * tracked objects that lower the priority (Cisco `track … decrement`), GARP repeat and a second
 * GARP burst (keepalived), interface down / up treated as a silent Shutdown / Startup.
 */
import { CodecError } from '../codecs/errors';
import { parseIpv4 } from '../codecs/ipv4addr';
import type { MacAddress } from '../codecs/mac';
import type { VrrpAdvertisement, VrrpFrame } from '../codecs/vrrp';
import { decodeVrrpFrame, VRRP_PRIORITY_OWNER, VRRP_PRIORITY_STOP, vrrpVirtualMac } from '../codecs/vrrp';
import type { Scheduler, VirtualUs } from '../scheduler';
import { Timer, usToMs } from '../scheduler';
import type { ResolvedVrrpConfig } from './config';
import { resolveVrrpConfig } from './config';
import { checkAdvertisement } from './receive';
import { csToUs, masterDownIntervalUs, MAX_BACKUP_PRIORITY, MIN_BACKUP_PRIORITY, skewTimeUs } from './timers';
import { advertisementFrame, gratuitousArpFrames } from './transmit';
import type { VrrpConfig, VrrpEvent, VrrpHost, VrrpReasonName, VrrpRxResult, VrrpStateName } from './types';
import { VrrpReason, VrrpRx, VrrpState } from './types';

/** Why the Master_Down_Timer is running: decides the reason reported when it fires. */
type DownCause = 'masterDown' | 'masterResigned' | 'preempt';

export class VirtualRouter {
  private cfg: ResolvedVrrpConfig;
  private current: VrrpStateName = VrrpState.initialize;
  /** Master_Adver_Interval (§6.1), centiseconds: learned in Backup. */
  private masterAdverIntervalCsValue: number;
  private master: string | undefined;
  private downCause: DownCause = 'masterDown';
  /** Preempt delay: when a lower-priority Master may be preempted (null = not seen yet). */
  private preemptAllowedAt: VirtualUs | null = null;
  private isAdminUp = false;
  private isLinkUp = true;
  private readonly downTracks = new Set<string>();
  /** Adver_Timer (§6.2). */
  private readonly adverTimer: Timer;
  /** Master_Down_Timer (§6.2). */
  private readonly masterDownTimer: Timer;
  /** Second GARP burst (keepalived `vrrp_garp_master_delay`). */
  private readonly garpTimer: Timer;
  private reported = '';
  /** The virtual router MAC, 00-00-5E-00-01-{VRID} (§7.3). */
  readonly virtualMac: MacAddress;

  constructor(
    private readonly scheduler: Scheduler,
    config: VrrpConfig,
    private readonly host: VrrpHost,
  ) {
    this.cfg = resolveVrrpConfig(config);
    this.masterAdverIntervalCsValue = this.cfg.advertIntervalCs;
    this.virtualMac = vrrpVirtualMac(this.cfg.vrid);
    this.adverTimer = new Timer(scheduler, () => this.adverTimerFired());
    this.masterDownTimer = new Timer(scheduler, () => this.masterDownTimerFired());
    this.garpTimer = new Timer(scheduler, () => {
      if (this.current === VrrpState.master) this.sendGratuitousArps();
    });
  }

  // ---- what the simulation reads ----------------------------------------------------------

  get state(): VrrpStateName {
    return this.current;
  }

  get config(): ResolvedVrrpConfig {
    return this.cfg;
  }

  /** Priority in use: 255 for the owner, else the configured one minus the decrements of tracked objects that are down, clamped to 1–254. */
  get priority(): number {
    if (this.cfg.priority === VRRP_PRIORITY_OWNER) return VRRP_PRIORITY_OWNER;
    let p = this.cfg.priority;
    for (const t of this.cfg.tracks) if (this.downTracks.has(t.object)) p -= t.decrement;
    return Math.min(MAX_BACKUP_PRIORITY, Math.max(MIN_BACKUP_PRIORITY, p));
  }

  /** Primary IP of the Master as this router knows it (itself when Master), or undefined. */
  get masterIp(): string | undefined {
    return this.master;
  }

  /** Master_Adver_Interval in centiseconds (§6.1). */
  get masterAdverIntervalCs(): number {
    return this.masterAdverIntervalCsValue;
  }

  /** Skew_Time now, µs (§6.1). */
  get skewTimeUs(): VirtualUs {
    return skewTimeUs(this.priority, this.masterAdverIntervalCsValue);
  }

  /** Master_Down_Interval now, µs (§6.1). */
  get masterDownIntervalUs(): VirtualUs {
    return masterDownIntervalUs(this.priority, this.masterAdverIntervalCsValue);
  }

  /** When the Master_Down_Timer fires (absolute µs), or -1 when it is stopped. */
  get masterDownAt(): VirtualUs {
    return this.masterDownTimer.expiresAt;
  }

  /** Answer an ARP request for `ip` with {@link virtualMac}? Only the Master, only for the VIPs (§6.4.3; §6.4.2 for Backup). */
  answersArpFor(ip: string): boolean {
    return this.current === VrrpState.master && this.cfg.virtualIps.includes(ip);
  }

  /** Receive and forward a frame sent to `mac`? Only the Master, for the virtual MAC (§6.4.3; Backup discards, §6.4.2). */
  forwards(mac: MacAddress): boolean {
    return this.current === VrrpState.master && mac === this.virtualMac;
  }

  /** Accept a packet addressed to `ip` (ping the VIP)? Master only, and only the owner or with Accept_Mode (§6.4.3). */
  acceptsFor(ip: string): boolean {
    const canAccept = this.cfg.priority === VRRP_PRIORITY_OWNER || this.cfg.acceptMode;
    return canAccept && this.answersArpFor(ip);
  }

  // ---- what the simulation calls ----------------------------------------------------------

  /** Administrative enable: the Startup event (§6.4.1) once the interface is up too. */
  startup(): void {
    this.isAdminUp = true;
    if (this.isLinkUp && this.current === VrrpState.initialize) this.startupEvent();
  }

  /** Administrative disable: the Shutdown event; a Master first sends priority 0 (§6.4.2, §6.4.3). */
  shutdown(): void {
    this.isAdminUp = false;
    if (this.current !== VrrpState.initialize) this.toInitialize(VrrpReason.shutdown, true);
  }

  /** The interface (or the whole device) went down: Initialize at once, nothing sent (vendor behaviour). */
  interfaceDown(): void {
    this.isLinkUp = false;
    if (this.current !== VrrpState.initialize) this.toInitialize(VrrpReason.interfaceDown, false);
  }

  /** The interface came back: Startup again if administratively enabled. */
  interfaceUp(): void {
    this.isLinkUp = true;
    if (this.isAdminUp && this.current === VrrpState.initialize) this.startupEvent();
  }

  /** A tracked object went down: the priority drops by its decrement (advertised from the next advertisement). */
  trackDown(object: string): void {
    if (!this.cfg.tracks.some((t) => t.object === object)) return;
    this.downTracks.add(object);
    this.report(VrrpReason.priorityChanged);
  }

  /** A tracked object came back: its decrement is restored. */
  trackUp(object: string): void {
    if (!this.downTracks.delete(object)) return;
    this.report(VrrpReason.priorityChanged);
  }

  /**
   * New settings while running (live edit). The VRID cannot change (make a new instance); the
   * rest applies from the next advertisement or timer start. Tracks no longer listed count as up.
   */
  update(config: VrrpConfig): void {
    const next = resolveVrrpConfig(config);
    if (next.vrid !== this.cfg.vrid) throw new RangeError('VRRP: the VRID of an instance cannot change');
    this.cfg = next;
    for (const o of [...this.downTracks]) if (!next.tracks.some((t) => t.object === o)) this.downTracks.delete(o);
    if (this.current === VrrpState.master) this.master = next.primaryIp;
    this.report(VrrpReason.configChanged);
  }

  /** Decodes and handles a received frame (dst 01-00-5E-00-00-12, IP protocol 112). */
  receive(frame: Uint8Array): VrrpRxResult {
    if (this.current === VrrpState.initialize) return VrrpRx.notRunning;
    let decoded: VrrpFrame;
    try {
      decoded = decodeVrrpFrame(frame);
    } catch (e) {
      if (e instanceof CodecError) return VrrpRx.malformed;
      throw e;
    }
    return this.receiveAdvertisement(decoded);
  }

  /** Handles an already decoded frame (the simulation may decode once and dispatch by VRID). */
  receiveAdvertisement(frame: VrrpFrame): VrrpRxResult {
    if (this.current === VrrpState.initialize) return VrrpRx.notRunning;
    const verdict = checkAdvertisement(frame, this.cfg);
    if (verdict !== VrrpRx.processed && verdict !== VrrpRx.misconfigured) return verdict;
    if (frame.vrrp.version !== 3) return VrrpRx.otherVersion;
    if (this.current === VrrpState.backup) this.backupReceived(frame.vrrp, frame.ip.src);
    else this.masterReceived(frame.vrrp, frame.ip.src);
    return verdict;
  }

  /** Stops every timer; the instance does nothing more and emits nothing. */
  destroy(): void {
    this.adverTimer.stop();
    this.masterDownTimer.stop();
    this.garpTimer.stop();
    this.current = VrrpState.initialize;
  }

  // ---- §6.4.1 Initialize ------------------------------------------------------------------

  private startupEvent(): void {
    if (this.cfg.priority === VRRP_PRIORITY_OWNER) {
      this.becomeMaster(VrrpReason.owner);
      return;
    }
    this.masterAdverIntervalCsValue = this.cfg.advertIntervalCs;
    this.downCause = 'masterDown';
    this.masterDownTimer.start(this.masterDownIntervalUs);
    this.enter(VrrpState.backup, VrrpReason.startup);
  }

  // ---- §6.4.2 Backup ----------------------------------------------------------------------

  private backupReceived(adv: VrrpAdvertisement, src: string): void {
    if (adv.priority === VRRP_PRIORITY_STOP) {
      this.downCause = 'masterResigned';
      this.masterDownTimer.start(this.skewTimeUs);
      return;
    }
    const isLower = adv.priority < this.priority;
    if (!isLower) this.preemptAllowedAt = null;
    if (!this.cfg.preempt || !isLower || this.preemptDelayHolds()) {
      this.followMaster(adv, src);
      this.report(VrrpReason.newMaster);
      return;
    }
    // Preempt_Mode and a lower priority: discard; the timer runs out and we take over.
    this.downCause = 'preempt';
  }

  /** Vendor preempt delay (keepalived): lower-priority adverts count as a live Master until the delay has passed since the first one. */
  private preemptDelayHolds(): boolean {
    if (this.cfg.preemptDelayUs === 0) return false;
    const now = this.scheduler.now;
    this.preemptAllowedAt ??= now + this.cfg.preemptDelayUs;
    return now < this.preemptAllowedAt;
  }

  /** §6.4.2 / §6.4.3: learn Master_Adver_Interval, recompute, restart the Master_Down_Timer. */
  private followMaster(adv: VrrpAdvertisement, src: string): void {
    this.masterAdverIntervalCsValue = adv.maxAdverIntCs;
    this.master = src;
    this.downCause = 'masterDown';
    this.masterDownTimer.start(this.masterDownIntervalUs);
  }

  private masterDownTimerFired(): void {
    if (this.current === VrrpState.backup) this.becomeMaster(this.downCause);
  }

  /** Startup as owner (§6.4.1) or Master_Down_Timer fired (§6.4.2): advertise, GARP, Adver_Timer. */
  private becomeMaster(reason: VrrpReasonName): void {
    this.masterDownTimer.stop();
    this.preemptAllowedAt = null;
    this.master = this.cfg.primaryIp;
    this.host.send(advertisementFrame(this.cfg, this.priority));
    this.sendGratuitousArps();
    this.adverTimer.start(csToUs(this.cfg.advertIntervalCs));
    if (this.cfg.garpRefreshDelayUs > 0) this.garpTimer.start(this.cfg.garpRefreshDelayUs);
    this.enter(VrrpState.master, reason);
  }

  // ---- §6.4.3 Master ----------------------------------------------------------------------

  private adverTimerFired(): void {
    if (this.current !== VrrpState.master) return;
    this.host.send(advertisementFrame(this.cfg, this.priority));
    this.adverTimer.start(csToUs(this.cfg.advertIntervalCs));
  }

  private masterReceived(adv: VrrpAdvertisement, src: string): void {
    if (adv.priority === VRRP_PRIORITY_STOP) {
      // Another router resigned: assert ourselves at once (§6.4.3).
      this.host.send(advertisementFrame(this.cfg, this.priority));
      this.adverTimer.start(csToUs(this.cfg.advertIntervalCs));
      return;
    }
    const mine = this.priority;
    // "greater" on addresses is an unsigned comparison in network byte order (§6.4.3).
    const isHigherIp = adv.priority === mine && parseIpv4(src) > parseIpv4(this.cfg.primaryIp);
    if (adv.priority < mine || (adv.priority === mine && !isHigherIp)) return; // §6.4.3: discard
    this.adverTimer.stop();
    this.garpTimer.stop();
    this.followMaster(adv, src);
    this.enter(VrrpState.backup, isHigherIp ? VrrpReason.higherIp : VrrpReason.higherPriority);
  }

  private sendGratuitousArps(): void {
    for (const frame of gratuitousArpFrames(this.cfg, this.virtualMac, this.cfg.garpRepeat)) this.host.send(frame);
  }

  // ---- Shutdown (§6.4.2, §6.4.3) and bookkeeping --------------------------------------------

  private toInitialize(reason: VrrpReasonName, isGraceful: boolean): void {
    if (this.current === VrrpState.master && isGraceful) this.host.send(advertisementFrame(this.cfg, VRRP_PRIORITY_STOP));
    this.adverTimer.stop();
    this.garpTimer.stop();
    this.masterDownTimer.stop();
    this.master = undefined;
    this.preemptAllowedAt = null;
    this.enter(VrrpState.initialize, reason);
  }

  private enter(state: VrrpStateName, reason: VrrpReasonName): void {
    const previous = this.current;
    this.current = state;
    if (previous !== state) {
      if (state === VrrpState.master) this.host.becameMaster?.();
      else if (state === VrrpState.backup) this.host.becameBackup?.();
      else this.host.becameInitialize?.();
    }
    this.report(reason);
  }

  /** Emits a `vrrp` event when the state, the priority or the known Master changed. */
  private report(reason: VrrpReasonName): void {
    const priority = this.priority;
    const key = `${this.current} ${priority} ${this.master ?? ''}`;
    if (key === this.reported) return;
    this.reported = key;
    const e: VrrpEvent = { t: usToMs(this.scheduler.now), type: 'vrrp', device: this.cfg.device, vrid: this.cfg.vrid, state: this.current, priority, reason };
    if (this.cfg.group !== undefined) e.group = this.cfg.group;
    if (this.cfg.port !== undefined) e.port = this.cfg.port;
    if (this.master !== undefined) e.masterIp = this.master;
    this.host.emit(e);
  }
}
