import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../src/engine';
import type { Topology } from '../../../../src/model';
import { pairLab } from '../../../helpers/testLab';

const targets = ['l1', 'l2', 'l3', 'l4', 'sw1', 'sw2', 'sw1:eth1', 'sw2:eth3'] as const;

/** Two switches joined by a 4-member LAG. */
function lab(): Topology {
  return pairLab(4, { rate: 'fast' }, { rate: 'fast' });
}

const step = fc.record({
  atMs: fc.integer({ min: 0, max: 40_000 }),
  action: fc.constantFrom('fail' as const, 'restore' as const, 'mute' as const, 'unmute' as const),
  target: fc.constantFrom(...targets),
});

describe('when random faults hit a LAG', () => {
  it('no member is ever reported distributing while its link is down (fast-check, any fail/restore/mute sequence)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const sim = new Simulation(lab());
        for (const s of steps) {
          const isDeviceOnly = s.action === 'mute' || s.action === 'unmute';
          if (isDeviceOnly && !s.target.startsWith('sw')) continue;
          if (isDeviceOnly && s.target.includes(':')) continue;
          sim.scheduleFault(s.atMs, s.action, s.target);
        }
        const linkUp = new Map<string, boolean>();
        const portLink = (device: string, port: string) => `l${port.replace('eth', '')}`;
        sim.onEvent((e) => {
          if (e.type === 'link') linkUp.set(e.link, e.state === 'up');
          if (e.type === 'lacp' && e.status === 'distributing') expect(linkUp.get(portLink(e.device, e.port))).toBe(true);
          if (e.type === 'lag') for (const p of e.active) expect(linkUp.get(portLink(e.device, p))).toBe(true);
        });
        sim.runUntil(60_000);
        for (const lag of sim.lags()) {
          for (const m of lag.members) if (m.status === 'distributing') expect(linkUp.get(portLink(lag.device, m.port))).toBe(true);
        }
      }),
      { numRuns: 150, seed: 20261121 },
    );
  });

  it('after every fault is restored the LAG always forms again on all members', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
        const sim = new Simulation(lab());
        for (const s of steps) {
          if (s.action === 'mute' || s.action === 'unmute') continue;
          sim.scheduleFault(s.atMs, s.action, s.target);
        }
        for (const t of targets) sim.scheduleFault(41_000, 'restore', t);
        sim.runUntil(50_000);
        expect(sim.lag('sw1', 'po1')?.active).toEqual(['eth1', 'eth2', 'eth3', 'eth4']);
        expect(sim.lag('sw2', 'po1')?.active).toEqual(['eth1', 'eth2', 'eth3', 'eth4']);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
