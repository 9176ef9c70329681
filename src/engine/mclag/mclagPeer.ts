/**
 * One switch of an MC-LAG pair (Cisco vPC / Arista MLAG behaviour, shared/reference/protocols.md
 * §3): it sends keepalives to its peer, watches the peer-link, elects primary / secondary, and
 * reacts to failures as vendors document — a secondary that loses the peer-link while the
 * keepalive says the primary lives suspends its MC-LAG member ports; a peer that hears nothing at
 * all takes over as primary and keeps forwarding (split brain if both do).
 */
import type { ResolvedLag, ResolvedMcLag } from '../../model';
import { encodeEthernet } from '../codecs/ethernet';
import type { Network } from '../device/network';
import type { McLagService } from '../device/services';
import type { ProtocolHandler, SimDevice, SimPort } from '../device/types';
import type { EventSink } from '../events';
import type { ScheduledEvent } from '../scheduler';
import { Timer, usToMs } from '../scheduler';
import { DELAY_RESTORE, ETHERTYPE_KEEPALIVE, HOLD_TIMEOUT, KEEPALIVE_INTERVAL, KEEPALIVE_TIMEOUT } from './timers';

/** A synced MAC is re-sent to the peer at most this often while it keeps arriving (1 s). */
export const SYNC_REFRESH_US = 1_000_000;

export type McLagState = 'ok' | 'peerLinkDown' | 'suspended' | 'peerDead' | 'dualActive';

/** What a peer needs of the domain and of its partner peer. */
export interface McLagPair {
  other(self: McLagPeer): McLagPeer;
  /** Both peers believe they are alone while both live: split brain (evaluated by the domain). */
  reevaluate(): void;
  readonly config: ResolvedMcLag;
}

export class McLagPeer implements ProtocolHandler, McLagService {
  readonly peerLinkPort: string;
  readonly keepalivePort: string | null;
  role: 'primary' | 'secondary' = 'secondary';
  state: McLagState = 'ok';
  private heardUs = -Infinity;
  private isSuspended = false;
  private isHolding = false;
  /** The peer-link has been up once: before that the pair is still forming and nothing is decided. */
  private hasFormed = false;
  private readonly hold: Timer;
  private readonly restore: Timer;
  private ticker: ScheduledEvent | null = null;
  private reported = '';
  private poweredOnUs = -Infinity;
  /** Installs a MAC in this peer's own bridge (set by the simulation). */
  install: ((mac: number, bp: string) => void) | null = null;
  /** MACs the other peer learned on MC-LAG ports: mac → that MC-LAG bridge port. */
  private readonly synced = new Map<number, string>();
  /** Ports this peer holds down (MC-LAG suspension, delay restore). */
  private readonly held = new Set<SimPort>();
  /** MACs this peer last sent to the other: mac → bridge port and when, to sync only news. */
  private readonly sent = new Map<number, { bp: string; us: number }>();
  /** This domain's MC-LAG bridge ports (`l:<lag>`) on this peer, for the LAG list they came from. */
  private mcLagPorts: { lags: readonly ResolvedLag[]; ports: Set<string> } | null = null;

  constructor(
    readonly device: SimDevice,
    private readonly pair: McLagPair,
    private readonly network: Network,
    private readonly emit: EventSink,
    private readonly lagsOf: (device: string) => readonly ResolvedLag[],
  ) {
    const cfg = pair.config;
    this.peerLinkPort = `l:${cfg.peerLink}`;
    const ka = cfg.keepalive === null ? undefined : network.links.get(cfg.keepalive);
    this.keepalivePort = ka ? (ka.a.device === device ? ka.a.id : ka.b.id) : null;
    this.hold = new Timer(network.scheduler, () => this.holdExpired());
    this.restore = new Timer(network.scheduler, () => {
      this.setSuspended(false);
      this.pair.reevaluate();
    });
    device.services.mclag = this;
  }

  /** The configured (elected) role: lower role priority, then lower system MAC (vPC). */
  electedPrimary(): boolean {
    const other = this.pair.other(this);
    const mine = this.pair.config.rolePriority[this.device.id] ?? 0;
    const theirs = this.pair.config.rolePriority[other.device.id] ?? 0;
    return mine < theirs || (mine === theirs && this.device.config.mac < other.device.config.mac);
  }

  /**
   * vPC roles are not preemptive: once the two peers hold different roles they keep them, so a
   * peer that returns after a failure comes back secondary and the survivor stays primary (and
   * keeps forwarding). Only when both claim the same role (start-up) does the election decide.
   */
  private operationalRole(): 'primary' | 'secondary' {
    const other = this.pair.other(this);
    if (other.device.isFailed) return 'primary';
    if (this.role !== other.role) return this.role;
    return this.electedPrimary() ? 'primary' : 'secondary';
  }

  start(): void {
    this.device.services.lag?.subscribe(() => this.pair.reevaluate());
    const tick = () => {
      this.sendKeepalive();
      this.pair.reevaluate();
      this.ticker = this.network.scheduler.after(KEEPALIVE_INTERVAL, tick);
    };
    this.ticker = this.network.scheduler.at(this.network.scheduler.now, tick);
  }

  destroy(): void {
    this.ticker?.cancel();
    this.hold.stop();
    this.restore.stop();
  }

  private keepalivePortObj(): SimPort | undefined {
    return this.keepalivePort === null ? undefined : this.device.ports.get(this.keepalivePort);
  }

  private sendKeepalive(): void {
    const port = this.keepalivePortObj();
    if (!port?.isUp || this.device.isFailed || this.device.isMuted) return;
    const payload = new Uint8Array(8);
    payload[0] = this.pair.config.domainId >> 8;
    payload[1] = this.pair.config.domainId & 0xff;
    payload[2] = this.role === 'primary' ? 1 : 2;
    const dst = this.pair.other(this).device.config.mac;
    this.network.send(port, encodeEthernet({ src: port.mac, dst, etherType: ETHERTYPE_KEEPALIVE }, payload));
  }

  /** The peer-link carries data (its LAG has a distributing member). */
  peerLinkUp(): boolean {
    return (this.device.services.lag?.distributing(this.pair.config.peerLink).length ?? 0) > 0;
  }

  /** Keepalives arrive: the keepalive link is up and one came within the timeout. */
  keepaliveUp(): boolean {
    const port = this.keepalivePortObj();
    return port?.isUp === true && this.network.scheduler.now - this.heardUs <= KEEPALIVE_TIMEOUT;
  }

  /** Re-reads the peer-link and keepalive and applies the vendor rules (called by the domain). */
  evaluate(): void {
    if (this.device.isFailed) return;
    this.resync();
    if (this.peerLinkUp()) {
      this.hasFormed = true;
      this.hold.stop();
      this.isHolding = false;
      this.role = this.operationalRole();
      // Delay restore: the MC-LAG ports stay suspended (and say so) until it has passed.
      this.state = this.isSuspended ? 'suspended' : 'ok';
      if (this.isSuspended && !this.restore.isRunning) this.restore.start(DELAY_RESTORE);
      return;
    }
    if (!this.hasFormed) {
      this.role = this.electedPrimary() ? 'primary' : 'secondary';
      return;
    }
    if (!this.isHolding && this.state === 'ok') {
      this.isHolding = true;
      this.hold.start(HOLD_TIMEOUT);
    }
    if (!this.hold.isRunning && !this.restoring()) this.decide();
  }

  /** Just powered back on and not yet sure whether the peer lives: stay suspended. */
  private restoring(): boolean {
    return this.isSuspended && this.network.scheduler.now - this.poweredOnUs < KEEPALIVE_TIMEOUT;
  }

  private holdExpired(): void {
    this.isHolding = false;
    this.decide();
    this.pair.reevaluate();
  }

  /** Peer-link down past the hold-timeout: suspend (secondary, primary alive) or take over. */
  private decide(): void {
    if (this.peerLinkUp()) return;
    this.restore.stop();
    if (this.keepaliveUp()) {
      this.role = this.operationalRole();
      this.state = this.role === 'secondary' ? 'suspended' : 'peerLinkDown';
      this.setSuspended(this.role === 'secondary');
    } else {
      this.role = 'primary';
      this.state = 'peerDead';
      this.setSuspended(false);
    }
  }

  /**
   * vPC: the secondary's MC-LAG member ports go down (downstream sees carrier loss). With
   * `withOthers` (a peer back from a failure) every other port but the peer-link's and the
   * keepalive's stays down too, until delay restore: Arista MLAG `reload-delay non-mlag`, so a
   * routed uplink does not attract traffic the peer cannot deliver yet. Un-suspending releases
   * every port held.
   */
  private setSuspended(isSuspended: boolean, withOthers = false): void {
    this.isSuspended = isSuspended;
    if (!isSuspended) {
      for (const port of this.held) this.network.setSuspended(port, false);
      this.held.clear();
      return;
    }
    const domain = this.pair.config.id;
    const lags = this.lagsOf(this.device.id);
    const peerLink = new Set(lags.find((l) => l.id === this.pair.config.peerLink)?.members ?? []);
    const mcLag = new Set(lags.filter((l) => l.mclag?.domain === domain).flatMap((l) => l.members));
    for (const port of this.device.ports.values()) {
      const isOther = !mcLag.has(port.id) && !peerLink.has(port.id) && port.id !== this.keepalivePort;
      if (!mcLag.has(port.id) && !(withOthers && isOther)) continue;
      this.held.add(port);
      this.network.setSuspended(port, true);
    }
  }

  onFrame(port: SimPort, _frame: Uint8Array, etherType: number): boolean {
    if (port.id !== this.keepalivePort) return false;
    if (etherType === ETHERTYPE_KEEPALIVE && !this.device.isMuted) this.heardUs = this.network.scheduler.now;
    return true;
  }

  onCarrier(port: SimPort): void {
    if (port.id === this.keepalivePort) this.pair.reevaluate();
  }

  onPower(isOn: boolean): void {
    if (isOn) {
      // Back from a failure: the survivor is the operational primary now (non-preemptive roles).
      this.role = 'secondary';
      this.heardUs = -Infinity;
      this.poweredOnUs = this.network.scheduler.now;
      this.state = 'ok';
      this.isHolding = false;
      // A returning peer keeps its MC-LAG ports down until the peer-link is back and delay
      // restore has passed (vPC delay restore, MLAG reload-delay).
      if (this.hasFormed) {
        this.state = 'suspended';
        this.setSuspended(true, true);
      }
    } else {
      this.hold.stop();
      this.restore.stop();
      this.synced.clear();
      this.sent.clear();
    }
    this.pair.reevaluate();
  }

  onMute(): void {}

  /** McLagService: the other peer's member of MC-LAG port `bp` is up, so it delivers there. */
  peerServes(bp: string): boolean {
    if (!bp.startsWith('l:')) return false;
    const lagId = bp.slice(2);
    const other = this.pair.other(this);
    const lag = this.lagsOf(this.device.id).find((l) => l.id === lagId);
    if (lag?.mclag?.domain !== this.pair.config.id || other.device.isFailed) return false;
    return (other.device.services.lag?.distributing(lagId).length ?? 0) > 0;
  }

  private isMcLagPort(bp: string): boolean {
    const lags = this.lagsOf(this.device.id);
    if (this.mcLagPorts?.lags !== lags) {
      const domain = this.pair.config.id;
      this.mcLagPorts = { lags, ports: new Set(lags.filter((l) => l.mclag?.domain === domain).map((l) => `l:${l.id}`)) };
    }
    return this.mcLagPorts.ports.has(bp);
  }

  /**
   * McLagService: MAC sync to the other peer (vPC CFS / MLAG sync; instantaneous here). Like the
   * vendors' sync it carries news — a new MAC, a move — and refreshes a known one at most once
   * per SYNC_REFRESH_US, far inside the 300 s ageing, instead of on every frame.
   */
  learned(mac: number, bp: string): void {
    const other = this.pair.other(this);
    if (!this.isMcLagPort(bp) || !this.peerLinkUp() || other.device.isFailed) return;
    const now = this.network.scheduler.now;
    const last = this.sent.get(mac);
    if (last?.bp === bp && now - last.us < SYNC_REFRESH_US && other.synced.get(mac) === bp) return;
    this.sent.set(mac, { bp, us: now });
    other.acceptSync(mac, bp);
  }

  /** The other peer learned `mac` on MC-LAG port `bp`: point it at our member of `bp`, else the peer-link. */
  acceptSync(mac: number, bp: string): void {
    this.synced.set(mac, bp);
    this.install?.(mac, this.localOrPeerLink(bp));
  }

  private localOrPeerLink(bp: string): string {
    return (this.device.services.lag?.distributing(bp.slice(2)).length ?? 0) > 0 ? bp : this.peerLinkPort;
  }

  /** MC-LAG ports came up or went down: re-point the synced MACs (vendors re-program on port state changes). */
  resync(): void {
    if (this.device.isFailed) return;
    for (const [mac, bp] of this.synced) this.install?.(mac, this.localOrPeerLink(bp));
  }

  /** McLagService: a synced MC-LAG host seen over the peer-link stays on its MC-LAG port. */
  learnedPort(mac: number, ingress: string): string {
    const bp = this.synced.get(mac);
    return bp !== undefined && ingress === this.peerLinkPort ? this.localOrPeerLink(bp) : ingress;
  }

  /** Emits an `mclag` event if anything shown changed. */
  report(dualActive: boolean): void {
    const state: McLagState = dualActive ? 'dualActive' : this.state;
    const alive = !this.device.isFailed;
    const peerLink = alive && this.peerLinkUp() ? 'up' : 'down';
    const keepalive = alive && this.keepaliveUp() ? 'up' : 'down';
    const key = `${this.role} ${state} ${peerLink} ${keepalive} ${this.device.isFailed}`;
    if (key === this.reported) return;
    this.reported = key;
    this.emit({ t: usToMs(this.network.scheduler.now), type: 'mclag', domain: this.pair.config.id, device: this.device.id, role: this.device.isFailed ? 'down' : this.role, peerLink, keepalive, state });
  }
}
