/**
 * Transmit load balancing of balance-tlb / balance-alb with `tlb_dynamic_lb=1` (the default), as
 * drivers/net/bonding/bond_alb.c does it: 256 buckets indexed by a hash of the frame; the first
 * frame of an unassigned bucket binds it to the slave with the most spare capacity
 * (`tlb_get_least_loaded_slave`: largest speed·2^20 − 8·load). A slave's load is the sum of the
 * bytes-per-second history of the buckets it was given; every 10 s (`BOND_TLB_REBALANCE_INTERVAL`)
 * each bucket's history becomes 1 + its bytes / 10 and all buckets are handed out again.
 */
import { TLB_HASH_TABLE_SIZE, TLB_REBALANCE_INTERVAL_S } from './timers';

/** What the table needs to know about the slaves at the moment it picks one. */
export interface TlbSlaves {
  readonly count: number;
  /** `bond_slave_can_tx`: carrier, link up in the bond. */
  canTx(i: number): boolean;
  /** Operational speed in Mb/s. */
  speedMbps(i: number): number;
}

export class TlbTable {
  /** Slave index per bucket, -1 = unassigned (`tx_hashtbl[i].tx_slave`). */
  private readonly slaveOf = new Int16Array(TLB_HASH_TABLE_SIZE).fill(-1);
  private readonly txBytes = new Float64Array(TLB_HASH_TABLE_SIZE);
  private readonly loadHistory = new Float64Array(TLB_HASH_TABLE_SIZE);
  private readonly load: number[];
  /** Bytes sent through the current slave because no bucket applied (broadcast, ARP, non-IP). */
  unbalancedLoad = 0;

  constructor(count: number) {
    this.load = new Array<number>(count).fill(0);
  }

  /** `__tlb_choose_channel`: the bucket's slave, binding it to the least loaded one first. */
  choose(bucket: number, bytes: number, slaves: TlbSlaves): number | null {
    const b = bucket & (TLB_HASH_TABLE_SIZE - 1);
    let slave = this.slaveOf[b] ?? -1;
    if (slave < 0) {
      slave = this.leastLoaded(slaves);
      if (slave < 0) return null;
      this.slaveOf[b] = slave;
      this.load[slave] = (this.load[slave] ?? 0) + (this.loadHistory[b] ?? 0);
    }
    this.txBytes[b] = (this.txBytes[b] ?? 0) + bytes;
    return slave;
  }

  private leastLoaded(slaves: TlbSlaves): number {
    let best = -1;
    let maxGap = -Infinity;
    for (let i = 0; i < slaves.count; i++) {
      if (!slaves.canTx(i)) continue;
      const gap = slaves.speedMbps(i) * 2 ** 20 - (this.load[i] ?? 0) * 8;
      if (gap > maxGap) {
        maxGap = gap;
        best = i;
      }
    }
    return best;
  }

  /** `tlb_clear_slave`: unbinds the slave's buckets; with `saveLoad`, rolls their history first. */
  clearSlave(slave: number, saveLoad: boolean): void {
    for (let b = 0; b < TLB_HASH_TABLE_SIZE; b++) {
      if (this.slaveOf[b] !== slave) continue;
      if (saveLoad) {
        this.loadHistory[b] = 1 + Math.floor((this.txBytes[b] ?? 0) / TLB_REBALANCE_INTERVAL_S);
        this.txBytes[b] = 0;
      }
      this.slaveOf[b] = -1;
    }
    this.load[slave] = 0;
  }

  /** The periodic rebalance of `bond_alb_monitor`: every bucket is handed out again. */
  rebalance(current: number | null): void {
    for (let i = 0; i < this.load.length; i++) {
      this.clearSlave(i, true);
      if (i === current) {
        this.load[i] = Math.floor(this.unbalancedLoad / TLB_REBALANCE_INTERVAL_S);
        this.unbalancedLoad = 0;
      }
    }
  }

  /** The slave a bucket is bound to now, or null (for tests and inspection). */
  slaveOfBucket(bucket: number): number | null {
    const s = this.slaveOf[bucket & (TLB_HASH_TABLE_SIZE - 1)] ?? -1;
    return s < 0 ? null : s;
  }
}
