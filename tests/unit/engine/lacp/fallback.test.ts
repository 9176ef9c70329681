import { describe, expect, it } from 'vitest';
import { AGGREGATE_WAIT_TIME } from '../../../../src/engine/lacp';
import { TestLab, example } from '../../../helpers/testLab';

describe('when a server PXE-boots behind a LAG (examples/pxe-fallback.json)', () => {
  const lab = new TestLab(example('pxe-fallback')).run(60_000);

  it('with fallback the members forward as individual ports exactly at the fallback timeout (Arista lacp fallback individual)', () => {
    expect(lab.firstStatus('sw1', 'eth1', 'fallback')).toBe(15_000);
    expect(lab.lacp('sw1', 'eth1').filter((e) => e.t < 15_000).every((e) => e.status !== 'fallback')).toBe(true);
  });

  it('without fallback the members stay suspended until LACPDUs arrive', () => {
    expect(lab.lacp('sw1', 'eth3').filter((e) => e.t < 45_000).some((e) => e.status === 'fallback')).toBe(false);
    expect(lab.lacp('sw1', 'eth3').filter((e) => e.t >= 3_000 && e.t < 45_000).every((e) => e.status === 'suspended')).toBe(true);
  });

  it('the server side is plain (not started) until its OS brings the bond up', () => {
    expect(lab.lacp('srv1', 'eth1').find((e) => e.t === 0 && e.status === 'notStarted')).toBeDefined();
    expect(lab.pdus({ device: 'srv1' })[0]?.t).toBe(45_000);
  });

  it('the first LACPDU ends fallback and the members return to the LAG via WAITING (2 s)', () => {
    const back = lab.lacp('sw1', 'eth1').find((e) => e.t >= 45_000 && e.status !== 'fallback');
    expect(back?.t).toBeLessThan(45_001);
    const dist = lab.firstStatus('sw1', 'eth1', 'distributing', 45_000) as number;
    expect(dist).toBeGreaterThanOrEqual(45_000 + AGGREGATE_WAIT_TIME / 1000);
    expect(lab.sim.lag('sw1', 'po1')?.up).toBe(true);
    expect(lab.sim.lag('sw1', 'po2')?.up).toBe(true);
  });
});
