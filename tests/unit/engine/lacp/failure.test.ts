import { describe, expect, it } from 'vitest';
import { AGGREGATE_WAIT_TIME, FAST_PERIODIC_TIME } from '../../../../src/engine/lacp';
import { TestLab, pairLab } from '../../../helpers/testLab';

const ms = (us: number) => us / 1000;

describe('when one member link of a 4-member LAG fails', () => {
  const lab = new TestLab(pairLab(4, {}, {})).fail('l3', 10_000).restore('l3', 20_000).run(30_000);

  it('the member leaves the aggregate at the instant of the failure on both ends (802.1AX 5.4.12 PORT_DISABLED)', () => {
    for (const device of ['sw1', 'sw2']) {
      const down = lab.lacp(device, 'eth3').find((e) => e.t >= 10_000);
      expect(down?.t).toBe(10_000);
      expect(down?.status).toBe('down');
      expect(lab.lagEvents(device).find((e) => e.t === 10_000)?.active).toEqual(['eth1', 'eth2', 'eth4']);
    }
  });

  it('the other members never stop distributing (no interruption)', () => {
    for (const device of ['sw1', 'sw2']) {
      for (const port of ['eth1', 'eth2', 'eth4']) {
        const after = lab.lacp(device, port).filter((e) => e.t > 5_000);
        expect(after.every((e) => e.status === 'distributing')).toBe(true);
      }
    }
  });

  it('the restored member rejoins after Aggregate_Wait_Time plus the handshake (5.4.15 WAITING)', () => {
    const t = lab.firstStatus('sw1', 'eth3', 'distributing', 20_000) as number;
    expect(t).toBeGreaterThanOrEqual(20_000 + ms(AGGREGATE_WAIT_TIME));
    expect(t).toBeLessThanOrEqual(20_000 + ms(AGGREGATE_WAIT_TIME + FAST_PERIODIC_TIME) + 1);
    expect(lab.sim.lag('sw2', 'po1')?.active).toEqual(['eth1', 'eth2', 'eth3', 'eth4']);
  });
});

describe('when a port (not the link) is failed', () => {
  it('the link goes down and both ends drop the member', () => {
    const lab = new TestLab(pairLab(2, {}, {})).fail('sw1:eth2', 5_000).run(6_000);
    expect(lab.events.find((e) => e.type === 'link' && e.link === 'l2' && e.state === 'down')?.t).toBe(5_000);
    expect(lab.member('sw2', 'eth2').status).toBe('down');
  });
});

describe('when a whole switch fails and comes back', () => {
  const lab = new TestLab(pairLab(2, {}, {})).fail('sw2', 10_000).restore('sw2', 20_000).run(30_000);

  it('every link of the switch goes down at once and the partner LAG goes down', () => {
    const downs = lab.events.filter((e) => e.type === 'link' && e.state === 'down');
    expect(downs.map((e) => e.t)).toEqual([10_000, 10_000]);
    expect(lab.lagEvents('sw1').find((e) => e.t === 10_000)?.up).toBe(false);
  });

  it('the failed switch reports its own members down', () => {
    expect(lab.lacp('sw2', 'eth1').find((e) => e.t === 10_000)?.status).toBe('down');
  });

  it('after the restore the LAG forms again from BEGIN', () => {
    expect(lab.firstStatus('sw1', 'eth1', 'distributing', 20_000)).toBeGreaterThanOrEqual(20_000 + ms(AGGREGATE_WAIT_TIME));
    expect(lab.sim.lag('sw1', 'po1')?.up).toBe(true);
  });
});

describe('when minLinks is set', () => {
  it('the LAG is down while fewer members distribute (port-channel min-links)', () => {
    const lab = new TestLab(pairLab(3, { minLinks: 3 }, {})).fail('l1', 10_000).run(12_000);
    expect(lab.lagEvents('sw1').find((e) => e.t === 10_000)?.up).toBe(false);
    expect(lab.sim.lag('sw2', 'po1')?.up).toBe(true);
  });
});
