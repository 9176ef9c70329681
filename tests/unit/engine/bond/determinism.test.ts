import { describe, expect, it } from 'vitest';
import { BOND_MODES } from '../../../../src/model';
import type { Topology } from '../../../../src/model';
import { example } from '../../../helpers/testLab';
import { BondLab, nextPoll, oneSwitchLab, twoSwitchLab } from './labs';

/** Every event and every frame (time, link, bytes) of a run, as one string. */
function trace(doc: Topology): string {
  const t = new BondLab(doc).fail('a1', 5_037).restore('a1', 9_000).run(15_000);
  const frames = t.frames.map((w) => `${w.t} ${w.link} ${w.port} ${Buffer.from(w.frame).toString('hex')}`);
  return [...t.events.map((e) => JSON.stringify(e)), ...frames].join('\n');
}

const flows = [
  { id: 'f1', from: 'srv', to: 'cli', pps: 50, srcPort: 40_000 },
  { id: 'f2', from: 'srv', to: 'cli', pps: 50, srcPort: 40_002 },
];

describe('when a bonded lab runs twice (DESIGN.md §5 determinism)', () => {
  it.each(BOND_MODES)('%s: the same document gives byte-identical events and frames', (mode) => {
    const doc = mode === '802.3ad' ? oneSwitchLab({ mode, lacpRate: 'fast', xmitHashPolicy: 'layer3+4', updelay: 200, downdelay: 100 }, flows, 'active') : twoSwitchLab({ mode, updelay: 200, downdelay: 100, numGratArp: 2 }, flows);
    const once = trace(doc);
    expect(once.length).toBeGreaterThan(1_000);
    expect(trace(doc)).toBe(once);
  });
});

describe('when examples/bond-mode1-vs-mode4.json runs', () => {
  it('the active-backup flow is lost until poll + downdelay and comes back via the other switch; the 802.3ad flows are never lost', () => {
    const t = new BondLab(example('bond-mode1-vs-mode4') as Topology).run(40_000);
    const flowsOf = (id: string) => t.flowEvents().filter((e) => e.flow === id);
    const ab = flowsOf('ab').filter((e) => e.t >= 10_050);
    expect(ab.map((e) => e.state)).toEqual(['lost', 'ok']);
    expect(ab[1]?.path).toEqual(['ab2', 'cl']);
    expect(Math.floor(ab[1]?.t ?? 0)).toBe(nextPoll(10_050, 100) + 200);
    for (const id of ['lacp-a', 'lacp-b']) expect(flowsOf(id).some((e) => e.state === 'lost')).toBe(false);
    expect(flowsOf('lacp-b').find((e) => e.t >= 20_050)?.path).toEqual(['lc2', 'isl', 'cl']);
  });
});
