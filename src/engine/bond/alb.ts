/**
 * balance-tlb (mode 5) and balance-alb (mode 6), after drivers/net/bonding/bond_alb.c:
 * - transmit: unicast IPv4 goes through the {@link TlbTable} buckets (tlb: hash by
 *   xmit_hash_policy; alb: XOR of the destination IP's bytes, `_simple_hash`); everything else
 *   (broadcast, ARP, multicast) leaves on the current slave. A frame sent on another slave carries
 *   that slave's own MAC as source (`bond_do_alb_xmit`), so switches learn the bond MAC only on
 *   the current slave — which is the only one that receives.
 * - failover: the new current slave takes the bond MAC (swapping MACs with the old one,
 *   `alb_swap_mac_addr`) and sends learning packets (`alb_fasten_mac_swap`) so switches move it.
 * - every 100 ms monitor tick: learning packets from each slave once a second, and the 10 s
 *   rebalance.
 * Not modelled: alb's receive load balancing (rlb: rewriting ARP replies so that different peers
 * learn different slave MACs). Without it alb receives like tlb, on the current slave only.
 */
import { writeMac } from '../codecs/mac';
import { frameHash } from '../l2/hash';
import type { HashPolicy } from '../l2/hash';
import { operSpeedMbps } from '../device/types';
import type { BondSlave } from './slave';
import { canTx } from './slave';
import { TlbTable } from './tlb';
import { ALB_LP_TICKS, ETHERTYPE_LOOPBACK, TLB_REBALANCE_TICKS } from './timers';

/** What the balancer needs from its bond. */
export interface AlbHost {
  readonly mode: 'balance-tlb' | 'balance-alb';
  readonly policy: HashPolicy;
  readonly bondMac: string;
  readonly slaves: readonly BondSlave[];
  /** The current ("active") slave: it holds the bond MAC and receives. */
  activeSlave(): number | null;
  /** Puts a frame on a slave's port. */
  send(slave: number, frame: Uint8Array): void;
}

/** `struct learning_pkt`: 60 bytes, destination = source = `mac`, EtherType 0x9000, zero payload. */
export function learningPacket(mac: string): Uint8Array {
  const frame = new Uint8Array(60);
  writeMac(frame, 0, mac);
  writeMac(frame, 6, mac);
  frame[12] = ETHERTYPE_LOOPBACK >>> 8;
  frame[13] = ETHERTYPE_LOOPBACK & 0xff;
  return frame;
}

const isIpv4 = (f: Uint8Array) => f[12] === 0x08 && f[13] === 0x00 && f.length >= 34;

/**
 * The bucket of a frame, or null when it is not balanced. tlb (`bond_tlb_xmit`): unicast IPv4,
 * hash by policy. alb (`bond_alb_xmit`): IPv4 not to a broadcast MAC or 255.255.255.255 and not
 * IGMP, bucket = XOR of the destination address bytes. (The simulated hosts speak only IPv4.)
 */
export function tlbBucket(frame: Uint8Array, mode: AlbHost['mode'], policy: HashPolicy): number | null {
  if (!isIpv4(frame)) return null;
  if (mode === 'balance-tlb') return ((frame[0] ?? 0) & 1) === 1 ? null : frameHash(frame, policy) & 0xff;
  const dst = frame.subarray(30, 34);
  const isBroadcastMac = frame.subarray(0, 6).every((b) => b === 0xff);
  if (isBroadcastMac || dst.every((b) => b === 0xff) || frame[23] === 2) return null;
  return (dst[0] ?? 0) ^ (dst[1] ?? 0) ^ (dst[2] ?? 0) ^ (dst[3] ?? 0);
}

export class AlbBalancer {
  readonly table: TlbTable;
  /** "Order a rebalance ASAP" when slaves are added (`bond_alb_init_slave`). */
  private rebalanceCounter = TLB_REBALANCE_TICKS;
  private lpCounter = 0;

  constructor(private readonly bond: AlbHost) {
    this.table = new TlbTable(bond.slaves.length);
  }

  private readonly view = {
    count: 0,
    canTx: (i: number) => {
      const s = this.bond.slaves[i];
      return s !== undefined && canTx(s);
    },
    speedMbps: (i: number) => {
      const s = this.bond.slaves[i];
      return s ? operSpeedMbps(s.port) : 0;
    },
  };

  /**
   * The slave a frame leaves on, or null (dropped). Rewrites the source MAC in place when it is
   * not the current slave, as the driver does to the skb before the frame is on any wire.
   */
  egress(frame: Uint8Array): number | null {
    const { bond } = this;
    const bucket = tlbBucket(frame, bond.mode, bond.policy);
    this.view.count = bond.slaves.length;
    let tx = bucket === null ? null : this.table.choose(bucket, frame.length, this.view);
    if (tx === null) {
      tx = bond.activeSlave();
      this.table.unbalancedLoad += frame.length;
    }
    const slave = tx === null ? undefined : bond.slaves[tx];
    if (tx === null || !slave) return null;
    if (!canTx(slave)) {
      // A bucket on a slave that lost carrier: unbind it so the next frame picks another slave.
      this.table.clearSlave(tx, false);
      return null;
    }
    if (tx !== bond.activeSlave()) writeMac(frame, 6, slave.mac);
    return tx;
  }

  /** `bond_alb_monitor`, every 100 ms. */
  tick(): void {
    this.rebalanceCounter++;
    this.lpCounter++;
    if (this.lpCounter >= ALB_LP_TICKS) {
      this.bond.slaves.forEach((s, i) => this.bond.send(i, learningPacket(s.mac)));
      this.lpCounter = 0;
    }
    if (this.rebalanceCounter >= TLB_REBALANCE_TICKS) {
      this.table.rebalance(this.bond.activeSlave());
      this.rebalanceCounter = 0;
    }
  }

  /** `bond_alb_handle_link_change`. */
  linkChanged(slave: number, isUp: boolean): void {
    if (isUp) this.rebalanceCounter = TLB_REBALANCE_TICKS;
    else this.table.clearSlave(slave, false);
  }

  /**
   * `bond_alb_handle_active_change`, called after the bond set its new current slave: the new
   * one takes the bond MAC (from the old current slave, or whichever slave still holds it) and
   * switches learn it from learning packets.
   */
  activeChanged(old: number | null, next: number | null): void {
    const { slaves, bondMac } = this.bond;
    if (next === null) return;
    const holder = old ?? slaves.findIndex((s) => s.mac === bondMac);
    if (holder >= 0) this.table.clearSlave(holder, true);
    this.table.clearSlave(next, true);
    const a = slaves[holder];
    const b = slaves[next];
    if (!b) return;
    if (!a || holder === next) {
      b.mac = bondMac;
      this.bond.send(next, learningPacket(bondMac));
      return;
    }
    [a.mac, b.mac] = [b.mac, a.mac];
    for (const i of [holder, next]) {
      const s = slaves[i];
      if (s && canTx(s)) this.bond.send(i, learningPacket(s.mac));
    }
  }
}
