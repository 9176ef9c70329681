import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src/model';
import { TestLab, pairLab } from '../../helpers/testLab';

/** Two independent pairs: sw1–sw2 (passive–passive) and sw3–sw4 (active–active). */
function twoPairs(): Topology {
  const a = pairLab(2, { mode: 'passive' }, { mode: 'passive' });
  const b = pairLab(2, {}, {});
  const rename = (s: string) => s.replace('sw1', 'sw3').replace('sw2', 'sw4');
  return {
    version: 1,
    devices: [...a.devices, ...b.devices.map((d) => ({ ...d, id: rename(d.id) }))],
    links: [...a.links, ...b.links.map((l) => ({ id: `m${l.id}`, a: { ...l.a, device: rename(l.a.device) }, b: { ...l.b, device: rename(l.b.device) } }))],
    lags: [...(a.lags ?? []), ...(b.lags ?? []).map((l) => ({ ...l, device: rename(l.device) }))],
  };
}

describe('when the document is edited while the lab runs', () => {
  it('a LAG whose mode changes restarts from BEGIN at that time; passive → active makes it form', () => {
    const lab = new TestLab(twoPairs()).run(10_000);
    expect(lab.sim.lag('sw1', 'po1')?.up).toBe(false);
    const doc = twoPairs();
    const sw2Lag = doc.lags?.find((l) => l.device === 'sw2');
    if (sw2Lag) sw2Lag.mode = 'active';
    lab.sim.update(doc);
    lab.run(20_000);
    expect(lab.pdus({ device: 'sw2' })[0]?.t).toBe(10_000);
    expect(lab.sim.lag('sw1', 'po1')?.up).toBe(true);
  });

  it('untouched LAGs keep running: no event for them at the edit', () => {
    const lab = new TestLab(twoPairs()).run(10_000);
    const doc = twoPairs();
    const sw2Lag = doc.lags?.find((l) => l.device === 'sw2');
    if (sw2Lag) sw2Lag.mode = 'active';
    lab.sim.update(doc);
    lab.run(10_001);
    const atEdit = lab.events.filter((e) => e.t === 10_000 && e.type !== 'lacpdu');
    expect(atEdit.length).toBeGreaterThan(0);
    expect(atEdit.every((e) => !('device' in e) || e.device === 'sw1' || e.device === 'sw2')).toBe(true);
    expect(lab.sim.lag('sw3', 'po1')?.active).toEqual(['eth1', 'eth2']);
  });

  it('a new link comes up at once and a removed link goes down (carrier loss on both ends)', () => {
    const lab = new TestLab(twoPairs()).run(10_000);
    const doc = twoPairs();
    doc.links = doc.links.filter((l) => l.id !== 'ml2');
    lab.sim.update(doc);
    lab.run(11_000);
    expect(lab.events.find((e) => e.type === 'link' && e.link === 'ml2' && e.state === 'down')?.t).toBe(10_000);
    expect(lab.sim.lag('sw3', 'po1')?.active).toEqual(['eth1']);
    lab.sim.update(twoPairs());
    lab.run(20_000);
    expect(lab.events.find((e) => e.type === 'link' && e.link === 'ml2' && e.state === 'up' && e.t > 0)?.t).toBe(11_000);
    expect(lab.sim.lag('sw3', 'po1')?.active).toEqual(['eth1', 'eth2']);
  });

  it('renaming or moving a device changes nothing in the engine', () => {
    const lab = new TestLab(twoPairs()).run(10_000);
    const before = lab.events.length;
    const doc = twoPairs();
    const d = doc.devices[0];
    if (d) {
      d.name = 'Core 1';
      d.position = { x: 50, y: 50 };
    }
    lab.sim.update(doc);
    lab.sim.runUntil(10_000);
    expect(lab.events.length).toBe(before);
  });

  it('a device and its LAG can be added, and a failed device stays failed across edits', () => {
    const lab = new TestLab(twoPairs()).fail('sw4', 5_000).run(10_000);
    const doc = twoPairs();
    doc.devices.push({ id: 'sw5', type: 'switch', ports: [{ id: 'eth1' }] });
    lab.sim.update(doc);
    lab.run(12_000);
    expect(lab.sim.lag('sw3', 'po1')?.up).toBe(false);
    expect(lab.sim.network.devices.get('sw4')?.isFailed).toBe(true);
    expect(lab.sim.network.devices.has('sw5')).toBe(true);
  });

  it('an invalid edit is refused with the exact path and the running lab is untouched', () => {
    const lab = new TestLab(twoPairs()).run(5_000);
    const doc = twoPairs();
    doc.links.push({ id: 'bad', a: { device: 'sw1', port: 'eth9' }, b: { device: 'sw2', port: 'eth1' } });
    expect(() => lab.sim.update(doc)).toThrow('links[4].a.port: device "sw1" has no port "eth9"');
    lab.run(10_000);
    expect(lab.sim.lag('sw3', 'po1')?.up).toBe(true);
  });
});
