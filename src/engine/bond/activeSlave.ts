/**
 * Choosing the active slave (active-backup; the "current" receiving slave of tlb/alb), as
 * `bond_find_best_slave` and `bond_choose_primary_or_current` in bond_main.c do it with
 * `primary_reselect=always` (the default) and every slave at the default priority 0.
 */
import type { MiiSlave } from './miiMonitor';

/**
 * The slave that should be active now, or null.
 * 1. The primary, whenever its link is up (primary_reselect=always).
 * 2. Else the first slave whose link is up (keeping the current one when it is that slave).
 * 3. Else a slave still waiting out its updelay (BACK) but with carrier: the one closest to the
 *    end of its updelay. The bond then makes it active at once ("making interface the new active
 *    one N ms earlier"): with no slave up, updelay is not worth waiting for.
 */
export function findBestSlave(slaves: readonly MiiSlave[], carriers: readonly boolean[], primary: number | null, updelayPolls: number): number | null {
  if (primary !== null && slaves[primary]?.link === 'up') return primary;
  const firstUp = slaves.findIndex((s) => s.link === 'up');
  if (firstUp >= 0) return firstUp;
  let best: number | null = null;
  let minDelay = updelayPolls;
  slaves.forEach((s, i) => {
    if (s.link === 'back' && carriers[i] === true && s.delay < minDelay) {
      minDelay = s.delay;
      best = i;
    }
  });
  return best;
}

/**
 * Whether a poll's commits call for a new selection (`bond_miimon_commit`'s do_failover): a
 * slave came up while none was active or it is the primary, or the active slave went down.
 * Without a primary a returning slave does not take over (no flapping back).
 */
export function needsReselect(commit: { up: readonly number[]; down: readonly number[] }, active: number | null, primary: number | null): boolean {
  if (active !== null && commit.down.includes(active)) return true;
  return commit.up.some((i) => active === null || i === primary);
}
