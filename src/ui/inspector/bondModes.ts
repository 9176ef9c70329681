/**
 * What the inspector shows of each Linux bonding mode (bonding.rst): its number, its Windows NIC
 * teaming counterpart (shared/reference/protocols.md §2.5) and the options the mode reads.
 */
import type { BondMode } from '../../model';

/** Bond options the inspector can show. */
export type BondOption = 'primary' | 'lacpRate' | 'xmitHashPolicy' | 'numGratArp';

export interface BondModeInfo {
  /** Linux `mode=` number. */
  number: number;
  /** Options this mode uses besides miimon / updelay / downdelay (which every mode uses). */
  options: readonly BondOption[];
}

export const BOND_MODE_INFO: Record<BondMode, BondModeInfo> = {
  'balance-rr': { number: 0, options: [] },
  'active-backup': { number: 1, options: ['primary', 'numGratArp'] },
  'balance-xor': { number: 2, options: ['xmitHashPolicy'] },
  broadcast: { number: 3, options: [] },
  '802.3ad': { number: 4, options: ['lacpRate', 'xmitHashPolicy'] },
  'balance-tlb': { number: 5, options: ['primary', 'xmitHashPolicy'] },
  'balance-alb': { number: 6, options: ['primary'] },
};

/** True when `mode` reads `option`. */
export function usesOption(mode: BondMode, option: BondOption): boolean {
  return BOND_MODE_INFO[mode].options.includes(option);
}

/** What Linux really waits: a delay rounded down to a multiple of miimon (0 when miimon is 0). */
export function effectiveDelay(delayMs: number, miimonMs: number): number {
  return miimonMs === 0 ? 0 : Math.floor(delayMs / miimonMs) * miimonMs;
}
