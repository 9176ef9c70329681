import { describe, expect, it } from 'vitest';
import { MacTable } from '../../../../src/engine/l2/macTable';
import { StpLab, triangle } from './stpLab';

/**
 * Triangle with a host on each switch's edge port `h`. Root sw1; sw3:eth2 blocked. A frame from h3
 * makes sw2 learn h3 on its root port (via sw1) — the entry a failure of l13 leaves stale.
 */
function lab(mode: 'stp' | 'rstp'): { lab: StpLab; failAt: number; learnAt: number } {
  const l = new StpLab(triangle(mode, { hosts: true }));
  const { forwardDelayMs, maxAgeMs } = l.timers();
  const learnAt = 2 * forwardDelayMs + maxAgeMs + forwardDelayMs + 5_000;
  l.run(learnAt);
  l.sendFrom('h3');
  l.sendFrom('h2');
  return { lab: l, failAt: learnAt + 5_000, learnAt };
}

describe('when RSTP signals a topology change (802.1D-2004 17.31 Topology Change machine, 17.19.7 fdbFlush)', () => {
  it('the new root port raises TC and the other bridges flush their non-edge ports at once', () => {
    const { lab: l, failAt } = lab('rstp');
    expect(l.learned('sw2', 'h3')).toBe('p:eth1');
    l.run(failAt);
    l.at(failAt, 'fail', 'l13').run(failAt + 1);
    // sw3:eth2 forwards as root port: a TC, carried in RST BPDUs (TC flag) for tcWhile = Hello + 1 s.
    const tc = l.bpdus({ device: 'sw3', port: 'eth2' }).find((b) => b.t >= failAt && b.flags.includes('topologyChange'));
    expect(tc?.t).toBe(failAt);
    // sw2 flushed its root port's entries (h3 was learned there) within the same millisecond…
    expect(l.learned('sw2', 'h3')).toBeUndefined();
    // …but not its edge port's: h2 is still known on `h`.
    expect(l.learned('sw2', 'h2')).toBe('p:h');
  });

  it('TC flags stop after tcWhile = Hello Time + 1 s (17.21.7 newTcWhile)', () => {
    const { lab: l, failAt } = lab('rstp');
    const { helloMs } = l.timers();
    l.at(failAt, 'fail', 'l13').run(failAt + 10_000);
    const withTc = l.bpdus({ device: 'sw3', port: 'eth2' }).filter((b) => b.t >= failAt && b.flags.includes('topologyChange'));
    expect(withTc.length).toBeGreaterThan(0);
    for (const b of withTc) expect(b.t - failAt).toBeLessThan(helloMs + 1_000);
  });
});

describe('when legacy STP signals a topology change (802.1D-1998 8.6.14 TCN, 8.6.15 TCA, short ageing)', () => {
  it('a TCN goes up towards the root, is acknowledged, and the root sets TC for Max Age + Forward Delay', () => {
    const { lab: l, failAt } = lab('stp');
    const { forwardDelayMs, maxAgeMs } = l.timers();
    l.at(failAt, 'fail', 'l13').run(failAt + 3 * forwardDelayMs + maxAgeMs + forwardDelayMs + 10_000);
    const fwdAt = failAt + 2 * forwardDelayMs; // sw3:eth2 reaches Forwarding: the topology change
    const tcn = l.bpdus({ device: 'sw3', port: 'eth2' }).find((b) => b.kind === 'tcn');
    expect(tcn?.t).toBe(fwdAt);
    const tca = l.bpdus({ device: 'sw2', port: 'eth2' }).find((b) => b.t >= fwdAt && b.flags.includes('topologyChangeAck'));
    expect(tca).toBeDefined();
    // sw2 relays the notification on its own root port; the root answers with TC in its BPDUs.
    const rootTc = l.bpdus({ device: 'sw1', port: 'eth1' }).filter((b) => b.t >= fwdAt && b.flags.includes('topologyChange'));
    const first = rootTc[0]?.t ?? NaN;
    const lastTc = rootTc.at(-1)?.t ?? NaN;
    expect(first - fwdAt).toBeLessThan(1);
    expect(lastTc - first).toBeLessThanOrEqual(maxAgeMs + forwardDelayMs);
    expect(lastTc - first).toBeGreaterThan(maxAgeMs + forwardDelayMs - l.timers().helloMs - 1);
  });

  it('while TC is set, filtering entries age after Forward Delay instead of 300 s', () => {
    const { lab: l, failAt, learnAt } = lab('stp');
    const { forwardDelayMs } = l.timers();
    l.at(failAt, 'fail', 'l13').run(failAt + 2 * forwardDelayMs - 1);
    // Until the topology change (30 s later) sw2 keeps the stale entry: normal ageing is 300 s.
    expect(l.learned('sw2', 'h3')).toBe('p:eth1');
    l.run(failAt + 2 * forwardDelayMs + 1);
    // TC arrives: the entry, older than Forward Delay (learned at learnAt), is aged at once.
    expect(failAt + 2 * forwardDelayMs - learnAt).toBeGreaterThan(forwardDelayMs);
    expect(l.learned('sw2', 'h3')).toBeUndefined();
    // A fresh entry survives Forward Delay less a moment, not more, while TC lasts.
    l.sendFrom('h3');
    const seen = l.sim.nowMs;
    expect(l.learned('sw2', 'h3')).toBe('p:eth2');
    l.run(seen + forwardDelayMs - 10);
    expect(l.learned('sw2', 'h3')).toBe('p:eth2');
    l.run(seen + forwardDelayMs + 10);
    expect(l.learned('sw2', 'h3')).toBeUndefined();
  });

  it('after the TC period, entries age normally again', () => {
    const { lab: l, failAt } = lab('stp');
    const { forwardDelayMs, maxAgeMs } = l.timers();
    const after = failAt + 2 * forwardDelayMs + maxAgeMs + forwardDelayMs + 10_000;
    l.at(failAt, 'fail', 'l13').run(after);
    l.sendFrom('h3');
    l.run(after + 3 * forwardDelayMs);
    expect(l.learned('sw2', 'h3')).toBe('p:eth2');
  });
});

describe('when the filtering database ages rapidly (802.1D-1998 Topology Change)', () => {
  it('an entry not seen for the short ageing time during the window is gone; refreshed ones stay', () => {
    const t = new MacTable();
    t.learn(1, 'p:a', 0);
    t.learn(2, 'p:b', 0);
    t.rapidAgeing(undefined, 15_000_000, 20_000_000, 35_000_000);
    t.learn(2, 'p:b', 21_000_000);
    expect(t.lookup(1, 20_000_001)).toBeUndefined();
    expect(t.lookup(2, 30_000_000)).toBe('p:b');
    expect(t.lookup(2, 36_000_001)).toBeUndefined();
  });

  it('ending the window (forMs 0) restores the normal ageing time', () => {
    const t = new MacTable();
    t.rapidAgeing(undefined, 15_000_000, 0, 35_000_000);
    t.rapidAgeing(undefined, 15_000_000, 1_000_000, 0);
    t.learn(1, 'p:a', 2_000_000);
    expect(t.lookup(1, 100_000_000)).toBe('p:a');
  });
});
