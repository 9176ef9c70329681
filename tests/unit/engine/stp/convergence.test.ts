import { describe, expect, it } from 'vitest';
import type { StpEvent } from '../../../../src/engine';
import type { Mode } from './stpLab';
import { StpLab, host, link, sw, triangle } from './stpLab';

/** States a port went through, in order, from `fromMs` (repeats of the same state dropped). */
function states(events: StpEvent[], fromMs = 0): { t: number; state: string }[] {
  const out: { t: number; state: string }[] = [];
  for (const e of events) if (e.t >= fromMs && out.at(-1)?.state !== e.state) out.push({ t: e.t, state: e.state });
  return out;
}

describe('when legacy STP brings a link up (802.1D-1998 8.4, 8.6.12, 8.7.5: Forward Delay in Listening and in Learning)', () => {
  it('a designated port goes Listening → Learning → Forwarding in 2 × Forward Delay (30 s)', () => {
    const lab = new StpLab(triangle('stp'));
    const { forwardDelayMs } = lab.timers();
    lab.run(3 * forwardDelayMs);
    const up = lab.events.find((e) => e.type === 'link' && e.link === 'l12')?.t ?? NaN;
    expect(states(lab.stp('sw1', 'eth1'))).toEqual([
      { t: up, state: 'listening' },
      { t: up + forwardDelayMs, state: 'learning' },
      { t: up + 2 * forwardDelayMs, state: 'forwarding' },
    ]);
  });

  it('a link restored in a running network takes 2 × Forward Delay again', () => {
    const lab = new StpLab(triangle('stp'));
    const { forwardDelayMs } = lab.timers();
    const failAt = 3 * forwardDelayMs;
    const restoreAt = failAt + 5_000;
    lab.at(failAt, 'fail', 'l12').at(restoreAt, 'restore', 'l12').run(restoreAt + 3 * forwardDelayMs);
    const path = states(lab.stp('sw1', 'eth1'), restoreAt);
    expect(path.map((s) => s.state)).toEqual(['listening', 'learning', 'forwarding']);
    expect(path[2]?.t).toBe(restoreAt + 2 * forwardDelayMs);
  });
});

describe('when RSTP brings links up (802.1D-2004 17.29: proposal / agreement with sync on point-to-point links)', () => {
  it('the whole triangle converges in well under a second: a few BPDU transit times, no timer', () => {
    const lab = new StpLab(triangle('rstp'));
    const { forwardDelayMs } = lab.timers();
    lab.run(3 * forwardDelayMs);
    const lastChange = Math.max(...lab.stp().map((e) => e.t));
    expect(lastChange).toBeLessThan(1_000);
    // Measured: 0.018 ms — three hops of BPDU transit (serialisation + 5 µs propagation each).
    expect(lastChange).toBeLessThan(1);
    expect(lab.port('sw3', 'eth2')).toMatchObject({ role: 'alternate', forwarding: 'discarding' });
  });

  it('a restored link forwards again within a millisecond, without waiting Forward Delay', () => {
    const lab = new StpLab(triangle('rstp'));
    const restoreAt = 10_000;
    lab.at(5_000, 'fail', 'l12').at(restoreAt, 'restore', 'l12').run(restoreAt + 60_000);
    const fwd = lab.first('sw1', 'eth1', (e) => e.state === 'forwarding', restoreAt);
    expect(fwd?.t).toBeDefined();
    expect((fwd?.t ?? Infinity) - restoreAt).toBeLessThan(1);
    expect(lab.port('sw2', 'eth1').role).toBe('root');
  });

  it('the downstream bridge syncs: its designated ports discard until their own agreement (17.29 ROOT_PROPOSED / ROOT_AGREED)', () => {
    const lab = new StpLab(triangle('rstp'));
    lab.run(100);
    // sw2 first thinks itself root, then learns of sw1: its designated port towards sw3 is discarding
    // when sw2:eth1 forwards as root port, and forwards only once sw3 agreed.
    const rootFwd = lab.first('sw2', 'eth1', (e) => e.role === 'root' && e.state === 'forwarding');
    const eth2 = lab.stp('sw2', 'eth2').filter((e) => e.t <= (rootFwd?.t ?? 0));
    expect(eth2.at(-1)?.state).toBe('discarding');
    const agreed = lab.bpdus({ device: 'sw3', port: 'eth2' }).find((b) => b.flags.includes('agreement'));
    expect(agreed).toBeDefined();
  });

  it('on a half-duplex (shared) link there is no agreement: Discarding → Learning → Forwarding, Forward Delay each', () => {
    const doc = {
      version: 1 as const,
      devices: [sw('sw1', 'rstp', [{ id: 'eth1', duplex: 'half' as const }]), sw('sw2', 'rstp', [{ id: 'eth1', duplex: 'half' as const }])],
      links: [link('l', 'sw1:eth1', 'sw2:eth1')],
    };
    const lab = new StpLab(doc);
    const { forwardDelayMs } = lab.timers();
    lab.run(3 * forwardDelayMs);
    expect(states(lab.stp('sw1', 'eth1'))).toEqual([
      { t: 0, state: 'discarding' },
      { t: forwardDelayMs, state: 'learning' },
      { t: 2 * forwardDelayMs, state: 'forwarding' },
    ]);
  });
});

describe.each<Mode>(['rstp', 'stp'])('when %s has an edge port (802.1D-2004 17.25 operEdge; PortFast on legacy STP)', (mode) => {
  it('the edge port forwards the instant its link comes up, and causes no topology change', () => {
    const lab = new StpLab(triangle(mode, { hosts: true }));
    const { forwardDelayMs, maxAgeMs } = lab.timers();
    // After convergence (2 × FD) and after the topology change it caused (Max Age + FD, 802.1D-1998 8.6.14).
    const t0 = 2 * forwardDelayMs + maxAgeMs + forwardDelayMs + 5_000;
    lab.run(t0);
    expect(states(lab.stp('sw2', 'h'))[0]).toEqual({ t: 0, state: 'forwarding' });
    // Host port a2 flaps after convergence: it forwards again at once, and no BPDU carries TC for it.
    lab.at(t0, 'fail', 'a2').at(t0 + 1_000, 'restore', 'a2').run(t0 + 10_000);
    expect(lab.first('sw2', 'h', (e) => e.state === 'forwarding', t0 + 1_000)?.t).toBe(t0 + 1_000);
    const tcAfter = lab.bpdus().filter((b) => b.t >= t0 && (b.flags.includes('topologyChange') || b.kind === 'tcn'));
    expect(tcAfter).toEqual([]);
  });

  it('an edge port that hears a BPDU stops being an edge port and takes part in the tree (no loop)', () => {
    const doc = {
      version: 1 as const,
      devices: [sw('sw1', mode, ['eth1', 'eth2'], { priority: 4096 }), sw('sw2', mode, [{ id: 'eth1', stp: { edge: true } }, 'eth2'])],
      links: [link('a', 'sw1:eth1', 'sw2:eth1'), link('b', 'sw1:eth2', 'sw2:eth2')],
    };
    const lab = new StpLab(doc);
    const { forwardDelayMs } = lab.timers();
    lab.run(3 * forwardDelayMs);
    expect(states(lab.stp('sw2', 'eth1'))[0]).toEqual({ t: 0, state: 'forwarding' });
    // sw2 keeps ONE forwarding port towards the root: the (former) edge port is now its root port.
    const fwd = Object.values(lab.ports('sw2')).filter((s) => s.endsWith('/forwarding'));
    expect(fwd).toHaveLength(1);
    expect(lab.port('sw2', 'eth1').role).toBe('root');
  });
});

describe('when a host sits on a non-edge RSTP port', () => {
  it('no agreement ever comes: the port forwards after 2 × Forward Delay (why hosts get edge ports)', () => {
    const doc = { version: 1 as const, devices: [sw('sw1', 'rstp', ['eth1']), host('h1', 1)], links: [link('a', 'h1:eth1', 'sw1:eth1')] };
    const lab = new StpLab(doc);
    const { forwardDelayMs } = lab.timers();
    lab.run(3 * forwardDelayMs);
    expect(lab.first('sw1', 'eth1', (e) => e.state === 'forwarding')?.t).toBe(2 * forwardDelayMs);
  });
});
