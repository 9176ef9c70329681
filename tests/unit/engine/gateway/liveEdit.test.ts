/** Layer-3 settings edited while the lab runs (Simulation.update): rebuilt when they change, untouched otherwise. */
import { describe, expect, it } from 'vitest';
import type { FlowEvent, VrrpEvent } from '../../../../src/engine';
import { msToUs } from '../../../../src/engine';
import { TestLab } from '../../../helpers/testLab';
import { routedLab } from '../l3/labs';
import { vrrpPair } from './labs';

describe('when layer-3 settings are edited in a running lab', () => {
  it('a host given a gateway starts reaching the upstream', () => {
    const t = new TestLab(routedLab({ gateway: null }));
    t.sim.scheduler.at(msToUs(5_000), () => t.sim.update(routedLab()));
    t.run(8_000);
    const flows = t.events.filter((e): e is FlowEvent => e.type === 'flow');
    expect(flows.map((e) => e.state)).toEqual(['lost', 'ok']);
    expect(flows[1]?.t).toBeGreaterThan(5_000);
  });

  it('a VRRP priority change restarts the group and the new best router wins', () => {
    const t = new TestLab(vrrpPair());
    t.sim.scheduler.at(msToUs(10_000), () => t.sim.update(vrrpPair({ core2: { priority: 250 } })));
    t.run(20_000);
    const masters = t.events.filter((e): e is VrrpEvent => e.type === 'vrrp' && e.state === 'master').map((e) => `${e.device} ${e.t}`);
    expect(masters).toEqual(['core1 3218.75', 'core2 13023.437']);
  });

  it('an edit that does not touch layer 3 (a device moved) leaves VRRP running as it was', () => {
    const t = new TestLab(vrrpPair());
    const moved = vrrpPair();
    const h1 = moved.devices.find((d) => d.id === 'h1');
    if (h1) h1.position = { x: 10, y: 10 };
    t.sim.scheduler.at(msToUs(10_000), () => t.sim.update(moved));
    t.run(20_000);
    expect(t.events.filter((e) => e.type === 'vrrp' && e.t >= 10_000)).toEqual([]);
  });
});
