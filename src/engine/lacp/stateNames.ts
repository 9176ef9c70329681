/**
 * Names of the set bits of every possible state octet, computed once: events carry them for
 * every LACPDU, so the hot path shares frozen arrays instead of building new ones.
 */
import type { LacpStateName } from '../codecs/lacpdu';
import { lacpStateNames } from '../codecs/lacpdu';

const TABLE: readonly (readonly LacpStateName[])[] = Array.from({ length: 256 }, (_, octet) => Object.freeze(lacpStateNames(octet)));

/** The names of the bits set in `octet` (a shared, frozen array). */
export function stateNames(octet: number): LacpStateName[] {
  return TABLE[octet & 0xff] as LacpStateName[];
}
