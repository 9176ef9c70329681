import { describe, expect, it } from 'vitest';
import type { FlowEvent, McLagEvent } from '../../../../src/engine';
import { DELAY_RESTORE, HOLD_TIMEOUT } from '../../../../src/engine/mclag/timers';
import { validateTopology } from '../../../../src/model';
import type { Topology } from '../../../../src/model';
import { TestLab, example } from '../../../helpers/testLab';

/** examples/mclag-pair.json without its scenario: the tests inject their own faults. */
function lab(): Topology {
  const doc = example('mclag-pair') as Topology;
  return { ...doc, scenario: [] };
}

const mclag = (t: TestLab, device: string) => t.events.filter((e): e is McLagEvent => e.type === 'mclag' && e.device === device);
const flows = (t: TestLab) => t.events.filter((e): e is FlowEvent => e.type === 'flow');

describe('when two switches form an MC-LAG pair (vPC / MLAG)', () => {
  const t = new TestLab(lab()).run(6_000);

  it('both peers answer LACP with one shared system id, so the server bond bundles both uplinks (protocols.md §3.2)', () => {
    const bond = t.sim.lag('srv1', 'bond0');
    expect(bond?.active).toEqual(['eth1', 'eth2']);
    expect(new Set(bond?.members.map((m) => m.partnerSystem))).toEqual(new Set(['00:23:04:ee:be:0a']));
  });

  it('port numbers stay unique within the shared system: the second peer counts from 1025', () => {
    const ports = t.pdus().filter((e) => e.link === 's1a' || e.link === 's1b').filter((e) => e.from.device !== 'srv1').map((e) => e.actor.port);
    expect(new Set(ports)).toEqual(new Set([1, 1025]));
  });

  it('elects a primary by role priority, then the lower system MAC (vPC)', () => {
    const roles = ['sw1', 'sw2'].map((d) => mclag(t, d).at(-1)?.role).sort();
    expect(roles).toEqual(['primary', 'secondary']);
  });

  it('traffic between two dual-homed servers never crosses the peer-link', () => {
    const ok = flows(t).filter((e) => e.state === 'ok');
    expect(ok.length).toBeGreaterThan(0);
    for (const e of ok) expect(e.path.some((l) => l === 'pl1' || l === 'pl2')).toBe(false);
  });
});

describe('when an MC-LAG peer fails (protocols.md §3.3)', () => {
  const t = new TestLab(lab()).fail('sw1', 10_000).run(16_000);

  it('the survivor keeps forwarding: the flows move to its members at the instant of the failure, nothing is lost', () => {
    const after = flows(t).filter((e) => e.t >= 10_000);
    expect(after.every((e) => e.state === 'ok')).toBe(true);
    expect(after[0]?.t).toBeLessThan(10_001);
  });

  it('after the hold-timeout with no keepalive the survivor is primary and alone (peerDead)', () => {
    const last = mclag(t, 'sw2').at(-1);
    expect(last).toMatchObject({ role: 'primary', state: 'peerDead', peerLink: 'down', keepalive: 'down' });
    expect(last?.t).toBe(10_000 + HOLD_TIMEOUT / 1000);
  });
});

describe('when only the peer-link fails and the keepalive still runs (vPC)', () => {
  const doc = lab();
  const secondary = (() => {
    const probe = new TestLab(lab()).run(4_000);
    return ['sw1', 'sw2'].find((d) => mclag(probe, d).at(-1)?.role === 'secondary') as string;
  })();
  const t = new TestLab(doc).fail('pl1', 10_000).fail('pl2', 10_000).run(20_000);

  it('the secondary suspends its MC-LAG ports after the hold-timeout; the primary keeps forwarding', () => {
    const s = mclag(t, secondary).at(-1);
    expect(s).toMatchObject({ role: 'secondary', state: 'suspended', keepalive: 'up' });
    expect(s?.t).toBe(10_000 + HOLD_TIMEOUT / 1000);
    const port = secondary === 'sw1' ? 's1a' : 's1b';
    expect(t.events.find((e) => e.type === 'link' && e.link === port && e.state === 'down')?.t).toBe(10_000 + HOLD_TIMEOUT / 1000);
    expect(t.sim.lag('srv1', 'bond0')?.active).toHaveLength(1);
    expect(flows(t).at(-1)?.state).toBe('ok');
  });
});

describe('when a failed peer returns (vPC delay restore)', () => {
  const t = new TestLab(lab()).fail('sw1', 10_000).restore('sw1', 20_000).run(70_000);

  it('it says suspended until delay restore has passed after the peer-link came back, then ok as its ports return', () => {
    const back = mclag(t, 'sw1').filter((e) => e.t >= 20_000);
    const linked = back.find((e) => e.peerLink === 'up');
    expect(linked?.state).toBe('suspended');
    const ok = back.find((e) => e.state === 'ok');
    expect(ok?.t).toBe((linked?.t ?? NaN) + DELAY_RESTORE / 1000);
    expect(back.filter((e) => e.t < (ok?.t ?? 0)).every((e) => e.state === 'suspended')).toBe(true);
    expect(t.events.find((e) => e.type === 'link' && e.link === 's1a' && e.state === 'up' && e.t > 20_000)?.t).toBe(ok?.t);
  });
});

describe('when the peer-link AND the keepalive fail while both peers live', () => {
  const t = new TestLab(lab()).fail('pl1', 10_000).fail('pl2', 10_000).fail('ka', 10_000).run(15_000);

  it('both act alone: split brain (dual-active) is flagged on both peers, and the bonds stay up to both', () => {
    expect(mclag(t, 'sw1').at(-1)?.state).toBe('dualActive');
    expect(mclag(t, 'sw2').at(-1)?.state).toBe('dualActive');
    expect(t.sim.lag('srv1', 'bond0')?.active).toEqual(['eth1', 'eth2']);
  });
});

describe('when an MC-LAG document is checked', () => {
  it('an MC-LAG port must exist on both peers', () => {
    const doc = lab();
    doc.lags = (doc.lags ?? []).filter((l) => !(l.device === 'sw2' && l.id === 'po20'));
    const r = validateTopology(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toContain('lags[4].mclag: MC-LAG port "po20" must also exist on peer "sw2" with mclag "vpc10"');
  });
});
