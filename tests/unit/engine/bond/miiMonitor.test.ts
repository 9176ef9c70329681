import { describe, expect, it } from 'vitest';
import type { MiiSlave } from '../../../../src/engine/bond/miiMonitor';
import { miiInspect } from '../../../../src/engine/bond/miiMonitor';
import { findBestSlave, needsReselect } from '../../../../src/engine/bond/activeSlave';

const slave = (link: MiiSlave['link'], delay = 0): MiiSlave => ({ link, delay });

/** Polls one slave `n` times with a fixed carrier; returns the poll (1-based) that committed `want`, or 0. */
function pollsUntil(s: MiiSlave, carrier: boolean, want: 'up' | 'down', d: { downdelayPolls: number; updelayPolls: number }, ignore = false, n = 20): number {
  for (let k = 1; k <= n; k++) {
    const c = miiInspect([s], [carrier], d, ignore);
    if (c[want].length > 0) return k;
  }
  return 0;
}

describe('when the MII monitor polls a slave (bond_miimon_inspect)', () => {
  it.each([0, 1, 2, 5])('declares a slave down on the poll that notices the carrier loss plus downdelay = %i polls', (downdelayPolls) => {
    const s = slave('up');
    expect(pollsUntil(s, false, 'down', { downdelayPolls, updelayPolls: 0 })).toBe(1 + downdelayPolls);
    expect(s.link).toBe('down');
  });

  it.each([0, 1, 3])('declares a slave up on the poll that notices the carrier plus updelay = %i polls', (updelayPolls) => {
    const s = slave('down');
    expect(pollsUntil(s, true, 'up', { downdelayPolls: 0, updelayPolls })).toBe(1 + updelayPolls);
  });

  it('shows the transient states: FAIL while downdelay runs, BACK while updelay runs', () => {
    const s = slave('up');
    miiInspect([s], [false], { downdelayPolls: 2, updelayPolls: 2 }, false);
    expect(s.link).toBe('fail');
    const t = slave('down');
    miiInspect([t], [true], { downdelayPolls: 2, updelayPolls: 2 }, false);
    expect(t.link).toBe('back');
  });

  it('a carrier that returns during downdelay puts the slave straight back up, with nothing to commit', () => {
    const s = slave('up');
    const d = { downdelayPolls: 3, updelayPolls: 3 };
    miiInspect([s], [false], d, false);
    const c = miiInspect([s], [true], d, false);
    expect(s.link).toBe('up');
    expect(c).toMatchObject({ up: [], down: [] });
  });

  it('a carrier lost again during updelay puts the slave back down', () => {
    const s = slave('down');
    const d = { downdelayPolls: 0, updelayPolls: 3 };
    miiInspect([s], [true], d, false);
    miiInspect([s], [false], d, false);
    expect(s.link).toBe('down');
  });

  it('ignores updelay when the bond has no usable slave, but only for the first slave brought up (bonding.rst §13.1)', () => {
    const slaves = [slave('down'), slave('down')];
    const c = miiInspect(slaves, [true, true], { downdelayPolls: 0, updelayPolls: 2 }, true);
    expect(c.up).toEqual([0]);
    expect(slaves.map((s) => s.link)).toEqual(['up', 'back']);
  });
});

describe('when the active slave is chosen (bond_find_best_slave, primary_reselect=always)', () => {
  it('prefers the primary whenever its link is up', () => {
    expect(findBestSlave([slave('up'), slave('up')], [true, true], 1, 0)).toBe(1);
  });

  it('else takes the first slave whose link is up', () => {
    expect(findBestSlave([slave('down'), slave('up'), slave('up')], [false, true, true], 0, 0)).toBe(1);
  });

  it('with no slave up, takes a slave still in updelay that has carrier, the one nearest the end', () => {
    expect(findBestSlave([slave('back', 2), slave('back', 1), slave('back', 0)], [true, true, false], null, 3)).toBe(1);
    expect(findBestSlave([slave('down'), slave('fail')], [false, false], null, 3)).toBeNull();
  });

  it('reselects when the active slave goes down, when the primary comes up, or when none is active — not for any slave coming back', () => {
    expect(needsReselect({ up: [], down: [0] }, 0, null)).toBe(true);
    expect(needsReselect({ up: [0], down: [] }, 1, 0)).toBe(true);
    expect(needsReselect({ up: [1], down: [] }, null, null)).toBe(true);
    expect(needsReselect({ up: [0], down: [] }, 1, null)).toBe(false);
    expect(needsReselect({ up: [], down: [1] }, 0, null)).toBe(false);
  });
});
