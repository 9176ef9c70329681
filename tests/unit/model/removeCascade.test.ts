import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { removeItems } from '../../../src/model/edits';
import type { Topology } from '../../../src/model';
import { validateTopology } from '../../../src/model';

const lab = (): Topology => JSON.parse(readFileSync(new URL('../../../examples/mclag-pair.json', import.meta.url), 'utf8')) as Topology;

describe('when a device of a lab with bonds, flows and MC-LAG is deleted', () => {
  it('a host takes its bond and its flows with it, and the lab stays valid', () => {
    const r = removeItems(lab(), { devices: ['srv1'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.bonds?.map((b) => b.device)).toEqual(['srv2']);
    expect(r.doc.flows).toEqual([]);
    expect(validateTopology(r.doc).ok).toBe(true);
  });

  it('a peer takes the MC-LAG domain with it; the other peer keeps its LAGs as plain LAGs', () => {
    const r = removeItems(lab(), { devices: ['sw1'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.mclags).toEqual([]);
    expect(r.doc.lags?.filter((l) => l.device === 'sw2').every((l) => l.mclag === undefined)).toBe(true);
    expect(validateTopology(r.doc).ok).toBe(true);
  });

  it('deleting the keepalive link leaves the domain without a keepalive', () => {
    const r = removeItems(lab(), { links: ['ka'] });
    expect(r.ok && r.doc.mclags?.[0]?.keepalive).toBeUndefined();
    expect(r.ok && r.doc.mclags).toHaveLength(1);
  });

  it('deleting the peer-link LAG on one peer ends the domain', () => {
    const r = removeItems(lab(), { lags: [{ device: 'sw1', id: 'po100' }] });
    expect(r.ok && r.doc.mclags).toEqual([]);
  });
});

const EXAMPLES = readdirSync(new URL('../../../examples/', import.meta.url)).filter((f) => f.endsWith('.json'));
const exampleLab = (file: string): Topology => JSON.parse(readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8')) as Topology;

describe('when any device or link of any example is deleted', () => {
  it.each(EXAMPLES)('%s stays a valid lab, whatever goes', (file) => {
    const doc = exampleLab(file);
    const items = [...doc.devices.map((d) => ({ devices: [d.id] })), ...doc.links.map((l) => ({ links: [l.id] })), ...(doc.lags ?? []).map((l) => ({ lags: [{ device: l.device, id: l.id }] }))];
    for (const item of items) {
      const r = removeItems(doc, item);
      expect(r.ok, `${file}: ${JSON.stringify(item)} ${r.ok ? '' : JSON.stringify(r.error)}`).toBe(true);
      if (r.ok) expect(validateTopology(r.doc).ok).toBe(true);
    }
  });
});

describe('when a gateway device is deleted', () => {
  it('leaves its VRRP group; an active-active group stops being one without its MC-LAG pair', () => {
    const r = removeItems(exampleLab('reference-lab.json'), { devices: ['core1'] });
    expect(r.ok && r.doc.vrrp).toEqual([{ id: 'gw', vrid: 10, vip: '10.0.0.1', members: [{ device: 'core2', priority: 100 }] }]);
  });

  it('takes a group left without members, and an anycast gateway left without switches', () => {
    const vrrp = removeItems(exampleLab('vrrp-pair.json'), { devices: ['core1', 'core2'] });
    expect(vrrp.ok && vrrp.doc.vrrp).toEqual([]);
    const anycast = removeItems(exampleLab('anycast-gateway.json'), { devices: ['leaf1'] });
    expect(anycast.ok && anycast.doc.anycastGateways).toEqual([{ id: 'agw', ip: '10.0.0.1', devices: ['leaf2'] }]);
    const both = removeItems(exampleLab('anycast-gateway.json'), { devices: ['leaf1', 'leaf2'] });
    expect(both.ok && both.doc.anycastGateways).toEqual([]);
  });

  it('drops tracked objects on a deleted link or a deleted device\u2019s port', () => {
    const doc = exampleLab('vrrp-pair.json');
    const group = doc.vrrp?.[0];
    if (!group) throw new Error('vrrp-pair has a group');
    const tracked: Topology = { ...doc, vrrp: [{ ...group, members: group.members.map((m) => (m.device === 'core1' ? { ...m, tracks: [{ target: 'w1' }, { target: 'internet:eth2' }] } : m)) }] };
    const link = removeItems(tracked, { links: ['w1'] });
    expect(link.ok && link.doc.vrrp?.[0]?.members[0]?.tracks).toEqual([{ target: 'internet:eth2' }]);
    const dev = removeItems(tracked, { devices: ['internet'] });
    expect(dev.ok && dev.doc.vrrp?.[0]?.members[0]).toEqual({ device: 'core1', priority: 200 });
  });
});
