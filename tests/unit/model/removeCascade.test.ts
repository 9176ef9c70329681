import { readFileSync } from 'node:fs';
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
