/**
 * A failed MC-LAG peer that returns (vPC / MLAG, protocols.md §7.4): roles are not preemptive, so
 * the survivor stays primary and keeps forwarding while the returning peer — even the one the
 * election prefers — comes back secondary; and a returning peer keeps its other ports (orphans,
 * routed uplinks) down until delay restore, like Arista's `reload-delay non-mlag`.
 */
import { describe, expect, it } from 'vitest';
import type { FlowEvent, LinkEvent, McLagEvent } from '../../../../src/engine';
import { DELAY_RESTORE } from '../../../../src/engine/mclag/timers';
import { usToMs } from '../../../../src/engine';
import type { Topology } from '../../../../src/model';
import { TestLab, example } from '../../../helpers/testLab';

/** examples/mclag-pair.json without its scenario, plus an orphan host on each peer's eth6. */
function lab(): Topology {
  const doc = example('mclag-pair') as Topology;
  for (const id of ['sw1', 'sw2']) doc.devices.find((d) => d.id === id)?.ports.push({ id: 'eth6' });
  doc.devices.push({ id: 'o1', type: 'host', ip: '10.0.0.31/24', ports: [{ id: 'eth1' }] });
  doc.links.push({ id: 'orphan1', a: { device: 'o1', port: 'eth1' }, b: { device: 'sw1', port: 'eth6' } });
  return { ...doc, scenario: [] };
}

const mclag = (t: TestLab, device: string) => t.events.filter((e): e is McLagEvent => e.type === 'mclag' && e.device === device);

describe('when the elected primary fails and returns', () => {
  const doc = lab();
  const primary = new TestLab(doc).run(5_000);
  const elected = ['sw1', 'sw2'].find((d) => mclag(primary, d).at(-1)?.role === 'primary') ?? '';
  const survivor = elected === 'sw1' ? 'sw2' : 'sw1';
  const t = new TestLab(doc).fail(elected, 10_000).restore(elected, 30_000).run(80_000);

  it('the survivor stays primary and never suspends its MC-LAG ports; the returning peer comes back secondary', () => {
    expect(mclag(t, survivor).filter((e) => e.t >= 30_000).every((e) => e.role === 'primary' && e.state !== 'suspended')).toBe(true);
    expect(mclag(t, elected).find((e) => e.t >= 30_000)).toMatchObject({ role: 'secondary', state: 'suspended' });
    expect(t.events.filter((e): e is FlowEvent => e.type === 'flow' && e.t >= 30_000 && e.state === 'lost')).toEqual([]);
  });
});

describe('when a peer with an orphan port returns', () => {
  it('the orphan port stays down until delay restore has passed after the peer-link came back (reload-delay non-mlag)', () => {
    const t = new TestLab(lab()).fail('sw1', 10_000).restore('sw1', 30_000).run(80_000);
    const orphan = t.events.filter((e): e is LinkEvent => e.type === 'link' && e.link === 'orphan1');
    const back = orphan.at(-1);
    expect(back?.state).toBe('up');
    expect(back?.t).toBeGreaterThanOrEqual(30_000 + usToMs(DELAY_RESTORE));
    expect(orphan.filter((e) => e.t > 10_000 && e.t < (back?.t ?? 0))).toEqual([]);
  });
});
