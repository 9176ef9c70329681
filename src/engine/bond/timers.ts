/**
 * Linux bonding constants, in virtual microseconds or counts, with the kernel symbol that sets
 * each (torvalds/linux `include/net/bond_alb.h`, `drivers/net/bonding/bond_main.c`;
 * shared/reference/protocols.md §2.2). miimon, updelay, downdelay and num_grat_arp come from the
 * document (`ResolvedBond`).
 */

/** `ALB_TIMER_TICKS_PER_SEC` = 10: the tlb/alb monitor (`bond_alb_monitor`) runs every 100 ms. */
export const ALB_TICK_US = 100_000;
/** `BOND_TLB_REBALANCE_INTERVAL` = 10 s: load history is measured over, and buckets reassigned every, 10 s. */
export const TLB_REBALANCE_INTERVAL_S = 10;
/** `BOND_TLB_REBALANCE_TICKS`: the rebalance interval in alb monitor ticks. */
export const TLB_REBALANCE_TICKS = TLB_REBALANCE_INTERVAL_S * 10;
/** `lp_interval` default 1 s (`BOND_ALB_DEFAULT_LP_INTERVAL`): learning packets every 10 ticks. */
export const ALB_LP_TICKS = 10;
/** `TLB_HASH_TABLE_SIZE`: 256 transmit buckets, indexed by the low byte of the hash. */
export const TLB_HASH_TABLE_SIZE = 256;
/**
 * `peer_notif_delay` default 0, used as max(1, delay) polls: repeated gratuitous ARPs
 * (`num_grat_arp` > 1) go out one miimon poll apart (`bond_should_notify_peers`).
 */
export const PEER_NOTIF_DELAY_POLLS = 1;
/** `ETH_P_LOOPBACK` (0x9000): EtherType of tlb/alb learning packets (`alb_send_lp_vid`). */
export const ETHERTYPE_LOOPBACK = 0x9000;
