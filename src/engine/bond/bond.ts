/**
 * A host's bond: the Linux bonding driver (Documentation/networking/bonding.rst;
 * drivers/net/bonding/bond_main.c) on the simulated NICs of one host. It is the host's
 * `BondService`: the host stack asks it which slave(s) a frame leaves on and whether a frame
 * received on a slave is delivered. See README.md for what each mode does and what is simplified.
 */
import type { BondMode, ResolvedBond } from '../../model';
import { gratuitousArpFrame } from '../codecs/arp';
import type { Network } from '../device/network';
import type { BondService } from '../device/services';
import type { ProtocolHandler, SimDevice, SimPort } from '../device/types';
import type { EventSink } from '../events';
import { pickMember } from '../l2/hash';
import type { ScheduledEvent } from '../scheduler';
import { msToUs } from '../scheduler';
import { findBestSlave, needsReselect } from './activeSlave';
import { AlbBalancer } from './alb';
import type { MiiCommit, MiiDelays } from './miiMonitor';
import { miiInspect } from './miiMonitor';
import type { BondView } from './reporter';
import { BondReporter } from './reporter';
import type { BondSlave } from './slave';
import { canTx } from './slave';
import { ALB_TICK_US, PEER_NOTIF_DELAY_POLLS } from './timers';

const NONE: readonly SimPort[] = Object.freeze([]);

/** Modes with one active ("current") slave that alone receives (`bond_uses_primary`). */
export function usesActiveSlave(mode: BondMode): boolean {
  return mode === 'active-backup' || mode === 'balance-tlb' || mode === 'balance-alb';
}

export class Bond implements BondService, ProtocolHandler {
  readonly slaves: BondSlave[];
  /** `curr_active_slave` (active-backup, tlb, alb), as an index into `slaves`. */
  active: number | null = null;
  /** Slaves that may transmit now (`usable_slaves`; 802.3ad: also distributing in the aggregator). */
  private usable: number[] = [];
  private usablePorts: SimPort[] = [];
  private readonly single: (readonly SimPort[])[];
  private readonly index = new Map<SimPort, number>();
  private readonly primary: number | null;
  private readonly delays: MiiDelays;
  private readonly periodUs: number;
  private rrCounter = 0;
  /** `send_peer_notif`: gratuitous ARPs still due after a failover. */
  private peerNotif = 0;
  /** The bond device's carrier (`bond_set_carrier`): some slave's link is up. */
  private isCarrierOk = false;
  private pollEvent: ScheduledEvent | null = null;
  private albEvent: ScheduledEvent | null = null;
  private alb: AlbBalancer | null = null;
  private readonly reporter: BondReporter;
  private isDestroyed = false;

  constructor(
    readonly config: ResolvedBond,
    readonly device: SimDevice,
    private readonly network: Network,
    emit: EventSink,
  ) {
    this.slaves = config.members.map((id) => {
      const port = network.port(device.id, id);
      return { port, link: 'down', delay: 0, mac: port.mac };
    });
    this.slaves.forEach((s, i) => this.index.set(s.port, i));
    this.single = this.slaves.map((s) => Object.freeze([s.port]));
    const p = config.primary === null ? -1 : config.members.indexOf(config.primary);
    this.primary = usesActiveSlave(config.mode) && p >= 0 ? p : null;
    this.periodUs = msToUs(config.miimonMs);
    const polls = (ms: number) => (config.miimonMs > 0 ? Math.floor(ms / config.miimonMs) : 0);
    this.delays = { downdelayPolls: polls(config.downdelayMs), updelayPolls: polls(config.updelayMs) };
    const who = { device: device.id, bond: config.id, mode: config.mode };
    this.reporter = new BondReporter(network.scheduler, emit, who, usesActiveSlave(config.mode), () => this.view());
    this.resetState();
    device.protocols.push(this);
    // One bond per host carries the host's address: the first in document order (README.md).
    device.services.bond ??= this;
    if (config.mode === '802.3ad') device.services.lag?.subscribe(() => this.changed());
  }

  /** Enslaves the slaves (every slave starts down) and runs the first MII poll now. */
  start(): void {
    if (this.isDestroyed || this.device.isFailed) return;
    if (this.periodUs > 0) this.poll();
    else this.enslaveUnmonitored();
    if (this.alb) this.albTick();
    this.changed();
  }

  /** Stops the bond for good (the host or the bond is being removed or rebuilt). */
  destroy(): void {
    this.isDestroyed = true;
    this.stopTimers();
    this.reporter.stop();
    const protocols = this.device.protocols;
    const at = protocols.indexOf(this);
    if (at >= 0) protocols.splice(at, 1);
    if (this.device.services.bond === this) delete this.device.services.bond;
  }

  // ---- BondService -------------------------------------------------------------------------

  /** The slave(s) a frame leaves on, by mode (bond_main.c `bond_start_xmit` and the per-mode xmit). */
  egress(frame: Uint8Array): readonly SimPort[] {
    switch (this.config.mode) {
      case 'active-backup':
        // `bond_xmit_activebackup`: the active slave, carrier or not, until the monitor notices.
        return this.active === null ? NONE : (this.single[this.active] ?? NONE);
      case 'balance-rr':
        return this.roundRobin();
      case 'broadcast':
        return this.usablePorts;
      case 'balance-xor':
      case '802.3ad': {
        // `bond_3ad_xor_xmit`: usable_slaves[hash % count].
        const n = this.usable.length;
        if (n === 0) return NONE;
        return this.single[this.usable[pickMember(frame, this.config.xmitHashPolicy, n)] ?? -1] ?? NONE;
      }
      case 'balance-tlb':
      case 'balance-alb': {
        const i = this.alb?.egress(frame) ?? null;
        return i === null ? NONE : (this.single[i] ?? NONE);
      }
    }
  }

  /** False for frames an inactive slave receives (`bond_should_deliver_exact_match`, all_slaves_active=0). */
  accepts(port: SimPort): boolean {
    const i = this.index.get(port);
    if (i === undefined) return true;
    if (usesActiveSlave(this.config.mode)) return i === this.active;
    if (this.config.mode !== '802.3ad') return true;
    // 802.3ad: a slave not collecting in the aggregator is inactive (`__disable_port`).
    const agg = this.device.services.lag?.portAggregation(port);
    return agg == null || agg.role === 'aggregated';
  }

  /** `bond_xmit_roundrobin_slave_get`: counter % slave count, then the first slave from there that can transmit. */
  private roundRobin(): readonly SimPort[] {
    const n = this.slaves.length;
    this.rrCounter = (this.rrCounter + 1) >>> 0;
    const id = this.rrCounter % n;
    for (let k = 0; k < n; k++) {
      const i = (id + k) % n;
      const s = this.slaves[i];
      if (s && canTx(s)) return this.single[i] ?? NONE;
    }
    return NONE;
  }

  // ---- MII monitor -------------------------------------------------------------------------

  /** `bond_mii_monitor`: one poll, then the next one miimon later (polls sit on multiples of miimon). */
  private poll(): void {
    const now = this.network.scheduler.now;
    this.pollEvent = this.network.scheduler.at((Math.floor(now / this.periodUs) + 1) * this.periodUs, () => this.poll());
    const shouldNotify = this.peerNotif > 0 && this.peerNotif % PEER_NOTIF_DELAY_POLLS === 0 && this.active !== null && this.isCarrierOk;
    const commit = miiInspect(this.slaves, this.carriers(), this.delays, this.ignoreUpdelay());
    if (this.peerNotif > 0) this.peerNotif--;
    if (commit.up.length > 0 || commit.down.length > 0) this.commit(commit);
    if (shouldNotify) this.notifyPeers();
    // Usable slaves also change with carrier and LACP, which report by themselves.
    if (commit.isChanged) this.changed();
  }

  private carriers(): boolean[] {
    return this.slaves.map((s) => s.port.isUp);
  }

  /**
   * `ignore_updelay` of `bond_miimon_inspect`: active-backup without an active slave; balance-xor,
   * 802.3ad, tlb and alb with no usable slave. balance-rr and broadcast keep no usable-slave array
   * in the kernel, so they always wait out updelay.
   */
  private ignoreUpdelay(): boolean {
    const mode = this.config.mode;
    if (mode === 'active-backup') return this.active === null;
    if (mode === 'balance-rr' || mode === 'broadcast') return false;
    this.refreshUsable();
    return this.usable.length === 0;
  }

  /** `bond_miimon_commit`: act on slaves declared up or down. */
  private commit(c: MiiCommit): void {
    for (const i of c.up) this.alb?.linkChanged(i, true);
    for (const i of c.down) this.alb?.linkChanged(i, false);
    if (usesActiveSlave(this.config.mode) && needsReselect(c, this.active, this.primary)) this.selectActive();
    this.isCarrierOk = this.slaves.some((s) => s.link === 'up');
  }

  /** With miimon 0 every slave is assumed up for good (`bond_enslave` without a monitor). */
  private enslaveUnmonitored(): void {
    for (const s of this.slaves) s.link = 'up';
    if (usesActiveSlave(this.config.mode)) this.selectActive();
    this.isCarrierOk = true;
    this.changed();
  }

  /** `bond_select_active_slave` + `bond_change_active_slave`. */
  private selectActive(): void {
    const best = findBestSlave(this.slaves, this.carriers(), this.primary, this.delays.updelayPolls);
    if (best === this.active) return;
    const old = this.active;
    const next = best === null ? undefined : this.slaves[best];
    if (best !== null && next?.link === 'back') {
      // No slave is up: take one still in its updelay now rather than wait.
      next.link = 'up';
      next.delay = 0;
      this.alb?.linkChanged(best, true);
    }
    this.active = best;
    this.alb?.activeChanged(old, best);
    if (this.config.mode === 'active-backup' && best !== null) this.startPeerNotify();
  }

  /**
   * fail_over_mac=none: every slave already has the bond MAC, so peers need not change anything;
   * the gratuitous ARPs (num_grat_arp, one per poll) only make switches learn the MAC on the new
   * slave's port. The first goes out at once when the bond had carrier, else at the next poll.
   */
  private startPeerNotify(): void {
    this.peerNotif = this.config.numGratArp * PEER_NOTIF_DELAY_POLLS;
    if (this.peerNotif > 0 && this.isCarrierOk) {
      this.peerNotif--;
      this.notifyPeers();
    }
  }

  /** NETDEV_NOTIFY_PEERS: a gratuitous ARP (RFC 5227 announcement) for the host's address, from the active slave. */
  private notifyPeers(): void {
    const ip = this.device.config.ip;
    if (ip && this.active !== null) this.sendOn(this.active, gratuitousArpFrame(this.device.config.mac, ip.address));
  }

  // ---- tlb / alb ---------------------------------------------------------------------------

  private albTick(): void {
    this.albEvent = this.network.scheduler.after(ALB_TICK_US, () => this.albTick());
    this.alb?.tick();
  }

  private sendOn(slave: number, frame: Uint8Array): void {
    const s = this.slaves[slave];
    if (s && !this.device.isFailed) this.network.send(s.port, frame);
  }

  // ---- state, reports ----------------------------------------------------------------------

  private resetState(): void {
    for (const s of this.slaves) {
      s.link = 'down';
      s.delay = 0;
      s.mac = s.port.mac;
    }
    this.active = null;
    this.rrCounter = 0;
    this.peerNotif = 0;
    this.isCarrierOk = false;
    const mode = this.config.mode;
    if (mode === 'balance-tlb' || mode === 'balance-alb') {
      this.alb = new AlbBalancer({
        mode,
        policy: this.config.xmitHashPolicy,
        bondMac: this.device.config.mac,
        slaves: this.slaves,
        activeSlave: () => this.active,
        send: (i, f) => this.sendOn(i, f),
      });
    }
    this.refreshUsable();
  }

  private refreshUsable(): void {
    const lag = this.config.mode === '802.3ad' ? this.device.services.lag : undefined;
    const distributing = lag ? new Set(lag.distributing(this.config.id)) : null;
    this.usable = [];
    this.slaves.forEach((s, i) => {
      if (canTx(s) && (distributing === null || distributing.has(s.port))) this.usable.push(i);
    });
    this.usablePorts = this.usable.map((i) => this.slaves[i]?.port as SimPort);
  }

  /** Something may have changed: recompute the usable slaves and report at the end of the instant. */
  private changed(): void {
    if (this.isDestroyed) return;
    this.refreshUsable();
    this.reporter.schedule();
  }

  private view(): BondView {
    const id = (i: number) => this.slaves[i]?.port.id ?? '';
    const inUse = this.config.mode === 'active-backup' ? (this.active === null ? [] : [this.active]) : this.usable;
    const mii: BondView['mii'] = {};
    for (const s of this.slaves) mii[s.port.id] = s.link;
    return {
      active: inUse.map(id),
      activeSlave: this.active === null ? undefined : id(this.active),
      down: this.slaves.filter((s) => s.link === 'down' || s.link === 'back').map((s) => s.port.id),
      mii,
    };
  }

  private stopTimers(): void {
    this.pollEvent?.cancel();
    this.albEvent?.cancel();
    this.pollEvent = null;
    this.albEvent = null;
  }

  // ---- ProtocolHandler ---------------------------------------------------------------------

  onFrame(): boolean {
    return false;
  }

  /** NETDEV_CHANGE: hash and broadcast modes stop using a slave without carrier at once. */
  onCarrier(port: SimPort): void {
    if (this.index.has(port)) this.changed();
  }

  /** Power off: the bond is gone with the host; power on: it starts over, polling from the next poll time. */
  onPower(isOn: boolean): void {
    if (this.isDestroyed) return;
    this.stopTimers();
    this.resetState();
    if (isOn) this.resume();
    this.changed();
  }

  private resume(): void {
    const now = this.network.scheduler.now;
    if (this.periodUs > 0) this.pollEvent = this.network.scheduler.at((Math.floor(now / this.periodUs) + 1) * this.periodUs, () => this.poll());
    else this.enslaveUnmonitored();
    if (this.alb) this.albEvent = this.network.scheduler.at((Math.floor(now / ALB_TICK_US) + 1) * ALB_TICK_US, () => this.albTick());
  }

  /** The bond is kernel code: a hung control plane (mute) does not stop it. */
  onMute(): void {}
}
