/** A bond's slave: its port, its MII link state, and the MAC it currently sends with. */
import type { SimPort } from '../device/types';
import type { MiiSlave } from './miiMonitor';

export interface BondSlave extends MiiSlave {
  readonly port: SimPort;
  /**
   * The slave's current MAC. Every mode but tlb/alb sends with the bond (host) MAC and leaves this
   * alone; tlb/alb keep a unique MAC per slave and move the bond MAC to the current slave.
   */
  mac: string;
}

/**
 * `bond_slave_can_tx` for every mode but 802.3ad (which also needs the LACP aggregator): the
 * slave has carrier (`netif_carrier_ok`, read at transmit time) and its link is up in the bond.
 */
export function canTx(s: BondSlave): boolean {
  return s.port.isUp && s.link === 'up';
}
