import { describe, expect, it } from 'vitest';
import { AGGREGATE_WAIT_TIME, FAST_PERIODIC_TIME, SHORT_TIMEOUT_TIME } from '../../../../src/engine/lacp';
import { LacpStateBit as B } from '../../../../src/engine/codecs';
import { TestLab, pairLab } from '../../../helpers/testLab';

const ms = (us: number) => us / 1000;

describe('when both ends are LACP active', () => {
  const lab = new TestLab(pairLab(2, {}, {})).run(10_000);

  it('sends an LACPDU at link up on every member (NTT from Mux DETACHED, 802.1AX 5.4.15)', () => {
    for (const device of ['sw1', 'sw2']) {
      for (const port of ['eth1', 'eth2']) expect(lab.pdus({ device, port })[0]?.t).toBe(0);
    }
  });

  it('the first LACPDU says active, fast, aggregatable, defaulted, expired: 0xc7 (802.1AX 5.4.2.2)', () => {
    const first = lab.pdus({ device: 'sw1', port: 'eth1' })[0];
    expect(first?.actor.state).toBe(B.lacpActivity | B.lacpTimeout | B.aggregation | B.defaulted | B.expired);
    expect(first?.partner.system).toBe('00:00:00:00:00:00');
  });

  it('waits Aggregate_Wait_Time in WAITING before ATTACHED (802.1AX 5.4.15, 5.4.4: 2 s)', () => {
    const heard = lab.firstRx('sw1', 'eth1', 'CURRENT') as number;
    expect(lab.lacp('sw1', 'eth1').find((e) => e.mux === 'WAITING')?.t).toBe(heard);
    expect(lab.lacp('sw1', 'eth1').find((e) => e.mux === 'ATTACHED')?.t).toBe(heard + ms(AGGREGATE_WAIT_TIME));
  });

  it('goes ATTACHED → COLLECTING → DISTRIBUTING with actor state 0x0f → 0x1f → 0x3f (independent control, 5.4.15)', () => {
    const seq = lab.lacp('sw1', 'eth2').map((e) => e.mux).filter((m, i, all) => m !== all[i - 1]);
    expect(seq).toEqual(['DETACHED', 'WAITING', 'ATTACHED', 'COLLECTING', 'DISTRIBUTING']);
    const states = ['ATTACHED', 'COLLECTING', 'DISTRIBUTING'].map((m) => lab.lacp('sw1', 'eth2').find((e) => e.mux === m)?.actor.state);
    expect(states).toEqual([0x0f, 0x1f, 0x3f]);
  });

  it('distributes within Aggregate_Wait_Time + one Fast_Periodic_Time of the first LACPDU (3 PDUs/s limit, 5.4.16)', () => {
    for (const device of ['sw1', 'sw2']) {
      const t = lab.firstStatus(device, 'eth1', 'distributing') as number;
      expect(t).toBeGreaterThanOrEqual(ms(AGGREGATE_WAIT_TIME));
      expect(t).toBeLessThanOrEqual(ms(AGGREGATE_WAIT_TIME + FAST_PERIODIC_TIME) + 1);
    }
  });

  it('reports one aggregate per side with both members and the partner system id', () => {
    const up = lab.lagEvents('sw1').find((e) => e.up);
    expect(up?.active).toEqual(['eth1', 'eth2']);
    expect(up?.partner).toBe(`32768,${lab.sim.topology.devices[1]?.mac} key 1`);
    expect(lab.sim.lag('sw2', 'po1')?.up).toBe(true);
  });

  it('steady state sends one LACPDU per Fast_Periodic_Time per member (5.4.13 FAST_PERIODIC)', () => {
    const late = lab.pdus({ device: 'sw1', port: 'eth1' }).filter((e) => e.t > 5000).map((e) => e.t);
    const gaps = late.slice(1).map((t, i) => Math.round((t - (late[i] as number)) * 1000) / 1000);
    expect(gaps.length).toBeGreaterThan(2);
    for (const g of gaps) expect(g).toBe(ms(FAST_PERIODIC_TIME));
  });
});

describe('when one end is active and the other passive', () => {
  const lab = new TestLab(pairLab(2, { mode: 'active' }, { mode: 'passive' })).run(10_000);

  it('the passive end sends nothing until it has heard an active partner (802.1AX 5.4.13 NO_PERIODIC)', () => {
    const firstHeard = lab.firstRx('sw2', 'eth1', 'CURRENT') as number;
    const firstSent = lab.pdus({ device: 'sw2', port: 'eth1' })[0]?.t as number;
    expect(firstHeard).toBeGreaterThan(0);
    expect(firstSent).toBe(firstHeard);
  });

  it('still forms: both ends distribute and the passive actor state lacks LACP_Activity (0x3e)', () => {
    expect(lab.sim.lag('sw1', 'po1')?.active).toEqual(['eth1', 'eth2']);
    expect(lab.sim.lag('sw2', 'po1')?.active).toEqual(['eth1', 'eth2']);
    expect(lab.member('sw2', 'eth1').actorState).toBe(0x3e);
  });
});

describe('when both ends are passive', () => {
  const lab = new TestLab(pairLab(2, { mode: 'passive' }, { mode: 'passive' })).run(120_000);

  it('passive–passive never aggregates: no LACPDU is ever sent (802.1AX 6.4.1 LACP_Activity, 5.4.13)', () => {
    expect(lab.pdus()).toHaveLength(0);
    expect(lab.sim.lag('sw1', 'po1')?.up).toBe(false);
    expect(lab.sim.lag('sw2', 'po1')?.up).toBe(false);
  });

  it('members go EXPIRED → DEFAULTED after Short_Timeout_Time and are suspended for want of a partner', () => {
    expect(lab.firstRx('sw1', 'eth1', 'DEFAULTED')).toBe(ms(SHORT_TIMEOUT_TIME));
    expect(lab.member('sw1', 'eth1').status).toBe('suspended');
    expect(lab.member('sw1', 'eth1').reason).toBe('noPartner');
  });

  it('flags churn after Churn_Detection_Time out of sync (802.1AX 5.4.17: 60 s)', () => {
    const churn = lab.lacp('sw1', 'eth1').find((e) => e.churn);
    expect(churn?.t).toBe(60_000);
  });
});

describe('when a static (mode on) LAG faces LACP active', () => {
  const lab = new TestLab(pairLab(2, { mode: 'on' }, { mode: 'active' })).run(10_000);

  it('the static side sends no LACPDU and bundles every member with carrier (802.1AX 5.4.12 LACP_DISABLED)', () => {
    expect(lab.pdus({ device: 'sw1' })).toHaveLength(0);
    expect(lab.sim.lag('sw1', 'po1')?.up).toBe(true);
    expect(lab.member('sw1', 'eth1').status).toBe('static');
  });

  it('the LACP side hears nothing: EXPIRED, then DEFAULTED after Short_Timeout_Time, members suspended', () => {
    expect(lab.firstRx('sw2', 'eth1', 'EXPIRED')).toBe(0);
    expect(lab.firstRx('sw2', 'eth1', 'DEFAULTED')).toBe(ms(SHORT_TIMEOUT_TIME));
    expect(lab.sim.lag('sw2', 'po1')?.up).toBe(false);
    expect(lab.member('sw2', 'eth2').status).toBe('suspended');
  });

  it('with individualPolicy "individual" the LACP side runs its members as individual ports instead', () => {
    const doc = pairLab(2, { mode: 'on' }, { mode: 'active' });
    const sw2 = doc.devices[1];
    if (sw2) sw2.lacp = { individualPolicy: 'individual' };
    const lab2 = new TestLab(doc).run(5_000);
    expect(lab2.member('sw2', 'eth1').status).toBe('individual');
  });
});
