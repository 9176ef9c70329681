import { describe, expect, it } from 'vitest';
import { FAST_PERIODIC_TIME, LONG_TIMEOUT_TIME, SHORT_TIMEOUT_TIME, SLOW_PERIODIC_TIME } from '../../../../src/engine/lacp';
import { TestLab, pairLab } from '../../../helpers/testLab';

const ms = (us: number) => us / 1000;

/** Arrival time of the last LACPDU that sw2 sent to sw1 on `link` before `beforeMs`. */
function lastArrival(lab: TestLab, link: string, beforeMs: number): number {
  const pdus = lab.pdus({ device: 'sw2', link }).filter((e) => e.t < beforeMs);
  const last = pdus[pdus.length - 1];
  if (!last) throw new Error('no PDU');
  return last.arrive;
}

describe('when the partner goes silent with its links up (control plane muted)', () => {
  it('fast rate: EXPIRED exactly Short_Timeout_Time (3 × 1 s) after the last LACPDU arrived (802.1AX 5.4.12 current_while)', () => {
    const lab = new TestLab(pairLab(2, { rate: 'fast' }, { rate: 'fast' })).mute('sw2', 10_000).run(30_000);
    const last = lastArrival(lab, 'l1', 10_000);
    expect(lab.firstRx('sw1', 'eth1', 'EXPIRED', 10_000)).toBe(last + ms(SHORT_TIMEOUT_TIME));
    expect(lab.firstStatus('sw1', 'eth1', 'distributing', 10_000)).toBeUndefined();
    expect(lab.lagEvents('sw1').find((e) => !e.up && e.t > 10_000)?.t).toBe(last + ms(SHORT_TIMEOUT_TIME));
  });

  it('then DEFAULTED one Short_Timeout_Time later, and the member is out (EXPIRED dwell, 5.4.12)', () => {
    const lab = new TestLab(pairLab(2, {}, {})).mute('sw2', 10_000).run(30_000);
    const last = lastArrival(lab, 'l1', 10_000);
    expect(lab.firstRx('sw1', 'eth1', 'DEFAULTED', 10_000)).toBe(last + 2 * ms(SHORT_TIMEOUT_TIME));
    expect(lab.member('sw1', 'eth1').reason).toBe('noPartner');
  });

  it('slow rate: EXPIRED only Long_Timeout_Time (3 × 30 s = 90 s) after the last LACPDU (5.4.4)', () => {
    const lab = new TestLab(pairLab(2, { rate: 'slow' }, { rate: 'slow' })).mute('sw2', 10_000).run(200_000);
    const last = lastArrival(lab, 'l1', 10_000);
    expect(lab.firstRx('sw1', 'eth1', 'EXPIRED', 10_000)).toBe(last + ms(LONG_TIMEOUT_TIME));
  });

  it('the muted side keeps its last state (its ASIC still forwards): a black hole the partner must detect', () => {
    const lab = new TestLab(pairLab(2, {}, {})).mute('sw2', 10_000).run(30_000);
    expect(lab.member('sw2', 'eth1').status).toBe('distributing');
    expect(lab.member('sw1', 'eth1').status).not.toBe('distributing');
  });

  it('when the control plane comes back the LAG forms again', () => {
    const lab = new TestLab(pairLab(2, {}, {})).mute('sw2', 10_000);
    lab.sim.scheduleFault(20_000, 'unmute', 'sw2');
    lab.run(30_000);
    expect(lab.sim.lag('sw1', 'po1')?.up).toBe(true);
    expect(lab.sim.lag('sw2', 'po1')?.up).toBe(true);
  });
});

describe('when the two ends ask for different rates', () => {
  // 802.1AX 5.4.13: the sender picks its periodic rate from the partner's LACP_Timeout bit.
  const lab = new TestLab(pairLab(1, { rate: 'fast' }, { rate: 'slow' })).run(200_000);
  const gaps = (device: string) => {
    const t = lab.pdus({ device }).filter((e) => e.t > 100_000).map((e) => e.t);
    return t.slice(1).map((x, i) => Math.round((x - (t[i] as number)) * 1000) / 1000);
  };

  it('the slow end sends every Fast_Periodic_Time to the end that asked for fast', () => {
    expect(new Set(gaps('sw2'))).toEqual(new Set([ms(FAST_PERIODIC_TIME)]));
  });

  it('the fast end sends every Slow_Periodic_Time to the end that asked for slow', () => {
    expect(new Set(gaps('sw1'))).toEqual(new Set([ms(SLOW_PERIODIC_TIME)]));
  });
});
