import { describe, expect, it } from 'vitest';
import { RCVD_INFO_HELLOS } from '../../../../src/engine/stp';
import { StpLab, link, macOf, sw, triangle } from './stpLab';

/**
 * The triangle of stpLab: root sw1; sw3:eth2 (on l23) is the blocked / Alternate port.
 * Direct failure for sw3 = l13 (its root port's link); indirect = l12 (sw2 loses its root port).
 */
function converged(mode: 'stp' | 'rstp'): { lab: StpLab; failAt: number } {
  const lab = new StpLab(triangle(mode));
  const { forwardDelayMs, maxAgeMs } = lab.timers();
  // Past convergence (2 × FD) and the topology change it raised (Max Age + FD).
  const failAt = 2 * forwardDelayMs + maxAgeMs + forwardDelayMs + 10_000;
  return { lab, failAt };
}

describe('when RSTP loses the root port and has an Alternate (802.1D-2004 17.29: reRooted, rbWhile = 0)', () => {
  it('the Alternate becomes the Root Port and forwards at once (~0 s)', () => {
    const { lab, failAt } = converged('rstp');
    lab.at(failAt, 'fail', 'l13').run(failAt + 10_000);
    const fwd = lab.first('sw3', 'eth2', (e) => e.role === 'root' && e.state === 'forwarding', failAt);
    expect(fwd?.t).toBe(failAt);
    expect(lab.sim.spanningTree('sw3')?.root()).toMatchObject({ rootCost: 40_000, isRoot: false });
  });

  it('a root port that gets worse news while its link stays up stops forwarding before the Alternate forwards (17.29: REROOT, rrWhile)', () => {
    // sw1 root; sw4 reaches it via sw2 (eth1, root port) or sw3 (eth2, Alternate). l12 fails: sw2's
    // news to sw4 gets worse but sw4:eth1 keeps its link, so it is a recent root port (rrWhile).
    const mode = 'rstp';
    const doc = {
      version: 1 as const,
      devices: [sw('sw1', mode, ['eth1', 'eth2']), sw('sw2', mode, ['eth1', 'eth2']), sw('sw3', mode, ['eth1', 'eth2']), sw('sw4', mode, ['eth1', 'eth2'])],
      links: [link('l12', 'sw1:eth1', 'sw2:eth1'), link('l13', 'sw1:eth2', 'sw3:eth1'), link('l24', 'sw2:eth2', 'sw4:eth1'), link('l34', 'sw3:eth2', 'sw4:eth2')],
    };
    const lab = new StpLab(doc);
    const failAt = 10_000;
    lab.run(failAt);
    expect(lab.ports('sw4')).toEqual({ eth1: 'root/forwarding', eth2: 'alternate/discarding' });
    lab.at(failAt, 'fail', 'l12').run(failAt + 10_000);
    const newRoot = lab.first('sw4', 'eth2', (e) => e.role === 'root' && e.state === 'forwarding', failAt);
    const oldRootPort = lab.stp('sw4', 'eth1').filter((e) => e.t <= (newRoot?.t ?? 0));
    expect(newRoot && newRoot.t - failAt).toBeLessThan(1);
    // Events of one instant come in the order the machines ran: eth1 discards first.
    expect(oldRootPort.at(-1)).toMatchObject({ role: 'designated', state: 'discarding' });
    // …and forwards again as designated only after sw2 agreed (proposal/agreement on l24).
    const back = lab.first('sw4', 'eth1', (e) => e.state === 'forwarding', failAt);
    const agreement = lab.bpdus({ device: 'sw2', port: 'eth2' }).find((b) => b.t >= failAt && b.flags.includes('agreement'));
    expect(agreement && back && agreement.arrive <= back.t).toBe(true);
  });
});

describe('when legacy STP loses the root port and has a blocked port (802.1D-1998 8.8.3 Disable Port)', () => {
  it('the blocked port becomes Root Port and goes Listening → Learning → Forwarding: 2 × Forward Delay (30 s)', () => {
    const { lab, failAt } = converged('stp');
    const { forwardDelayMs } = lab.timers();
    lab.at(failAt, 'fail', 'l13').run(failAt + 3 * forwardDelayMs);
    const path = lab.stp('sw3', 'eth2').filter((e) => e.t >= failAt);
    expect(path.map((e) => [e.t - failAt, e.role, e.state])).toEqual([
      [0, 'root', 'listening'],
      [forwardDelayMs, 'root', 'learning'],
      [2 * forwardDelayMs, 'root', 'forwarding'],
    ]);
  });
});

describe('when legacy STP has an indirect failure (802.1D-1998 8.7.1, 8.7.4: Message Age timer)', () => {
  it('the blocked port waits for the old information to reach Max Age, then 2 × Forward Delay (≈ 50 s)', () => {
    const { lab, failAt } = converged('stp');
    const { forwardDelayMs, maxAgeMs, helloMs } = lab.timers();
    lab.at(failAt, 'fail', 'l12').run(failAt + maxAgeMs + 3 * forwardDelayMs);
    // sw2 lost its root port and claims to be root; sw3 ignores that worse news from its designated
    // bridge until the last good BPDU sw2 relayed has aged: arrival + (Max Age − its Message Age).
    const lastGood = lab.bpdus({ device: 'sw2', port: 'eth2' }).filter((b) => b.t < failAt).at(-1);
    if (!lastGood?.messageAge) throw new Error('no relayed BPDU');
    const agedAt = lastGood.arrive + maxAgeMs - lastGood.messageAge * 1000;
    const fwd = lab.first('sw3', 'eth2', (e) => e.state === 'forwarding', failAt);
    expect(lab.first('sw3', 'eth2', (e) => e.state === 'listening', failAt)?.t).toBe(agedAt);
    expect(fwd?.t).toBe(agedAt + 2 * forwardDelayMs);
    // Message Age 1 s, last BPDU within one Hello before the failure: between 47 and 49 s here.
    const outage = (fwd?.t ?? NaN) - failAt;
    expect(outage).toBeGreaterThan(maxAgeMs - 1_000 - helloMs + 2 * forwardDelayMs);
    expect(outage).toBeLessThanOrEqual(maxAgeMs + 2 * forwardDelayMs);
  });
});

describe('when RSTP has an indirect failure (802.1D-2004 17.21.8: news from the same designated port is superior)', () => {
  it('the Alternate takes over in well under a second, without waiting for ageing', () => {
    const { lab, failAt } = converged('rstp');
    lab.at(failAt, 'fail', 'l12').run(failAt + 10_000);
    const fwd = lab.first('sw3', 'eth2', (e) => e.state === 'forwarding', failAt);
    expect((fwd?.t ?? Infinity) - failAt).toBeLessThan(1);
    expect(lab.port('sw2', 'eth2').role).toBe('root');
  });
});

describe('when an RSTP neighbour falls silent, links up (802.1D-2004 17.21.23 updtRcvdInfoWhile)', () => {
  it('its information ages out after 3 × Hello Time (6 s) from the last BPDU, then the tree re-forms', () => {
    const { lab, failAt } = converged('rstp');
    const { helloMs } = lab.timers();
    lab.at(failAt, 'mute', 'sw1').run(failAt + 30_000);
    const last = lab.bpdus({ device: 'sw1', port: 'eth1' }).filter((b) => b.t < failAt).at(-1);
    const agedAt = (last?.arrive ?? NaN) + RCVD_INFO_HELLOS * helloMs;
    const firstChange = lab.stp('sw2').find((e) => e.t > failAt);
    expect(firstChange?.t).toBe(agedAt);
    expect(agedAt - failAt).toBeGreaterThan(RCVD_INFO_HELLOS * helloMs - helloMs);
    expect(agedAt - failAt).toBeLessThanOrEqual(RCVD_INFO_HELLOS * helloMs);
    // sw1 is silent: sw2 (lowest remaining id) is the new root for sw2 and sw3.
    expect(lab.sim.spanningTree('sw3')?.root().rootBridge).toBe(lab.sim.spanningTree('sw2')?.root().rootBridge);
    expect(lab.sim.spanningTree('sw2')?.root().isRoot).toBe(true);
  });

  it('legacy STP keeps the information for Max Age instead (802.1D-1998 8.7.4)', () => {
    const { lab, failAt } = converged('stp');
    const { maxAgeMs } = lab.timers();
    lab.at(failAt, 'mute', 'sw1').run(failAt + 60_000);
    const last = lab.bpdus({ device: 'sw1', port: 'eth1' }).filter((b) => b.t < failAt).at(-1);
    const agedAt = (last?.arrive ?? NaN) + maxAgeMs - (last?.messageAge ?? 0) * 1000;
    expect(lab.stp('sw2').find((e) => e.t > failAt)?.t).toBe(agedAt);
  });
});

describe('when a switch powers off and on again', () => {
  it.each(['rstp', 'stp'] as const)('%s: its ports are reported disabled, the others re-root, and it takes the root back from BEGIN', (mode) => {
    const { lab, failAt } = converged(mode);
    const { forwardDelayMs, maxAgeMs } = lab.timers();
    const backAt = failAt + 10_000;
    lab.at(failAt, 'fail', 'sw1').at(backAt, 'restore', 'sw1').run(backAt + 2 * forwardDelayMs + maxAgeMs + 5_000);
    expect(lab.stp('sw1').filter((e) => e.t === failAt).map((e) => e.role)).toEqual(['disabled', 'disabled']);
    expect(lab.stp('sw2').some((e) => e.t >= failAt && e.t < backAt && e.isRoot)).toBe(true);
    for (const d of ['sw1', 'sw2', 'sw3']) expect(lab.sim.spanningTree(d)?.root().rootBridge).toBe(`32768,${macOf('sw1')}`);
    const blocked = mode === 'rstp' ? 'discarding' : 'blocking';
    expect(lab.ports('sw3')).toEqual({ eth1: 'root/forwarding', eth2: `alternate/${blocked}` });
  });
});
