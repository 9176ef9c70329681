import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src/model';
import { BUNDLE_GAP, placeLinks } from '../../../src/ui/canvas/bundles';
import { HANDLE_SIZE, hasLevelLink, layoutAll, layoutDevice, layoutHandles, portAnchor } from '../../../src/ui/canvas/layout';
import { baseCubic, bendThrough, cubicAt, linkCurve } from '../../../src/ui/canvas/linkPath';

const dev = (id: string, x: number, y: number, ports: number) => ({
  id,
  type: 'switch' as const,
  position: { x, y },
  ports: Array.from({ length: ports }, (_, i) => ({ id: `eth${i + 1}` })),
});

const link = (id: string, a: string, ap: string, b: string, bp: string) => ({ id, a: { device: a, port: ap }, b: { device: b, port: bp } });

/** Two switches side by side with a 2-member LAG and one plain link; a server below sw1. */
const lab: Topology = {
  version: 1,
  devices: [dev('sw1', 0, 0, 4), dev('sw2', 400, 0, 4), { ...dev('srv', 0, 300, 2), type: 'host' }],
  links: [link('l1', 'sw1', 'eth1', 'sw2', 'eth1'), link('l2', 'sw1', 'eth2', 'sw2', 'eth2'), link('l3', 'sw2', 'eth3', 'sw1', 'eth3'), link('l4', 'srv', 'eth1', 'sw1', 'eth4')],
  lags: [
    { id: 'po1', device: 'sw1', members: ['eth1', 'eth2'], mode: 'active' },
    { id: 'po1', device: 'sw2', members: ['eth1', 'eth2'], mode: 'active' },
  ],
};

describe('when a card is laid out', () => {
  it('puts free ports on the bottom, and splits them with the top above 6 ports', () => {
    const small = layoutDevice(dev('a', 0, 0, 4), { x: 0, y: 0 }, () => undefined);
    expect(small.top).toEqual([]);
    expect(small.bottom.map((s) => s.id)).toEqual(['eth1', 'eth2', 'eth3', 'eth4']);
    const big = layoutDevice(dev('b', 0, 0, 8), { x: 0, y: 0 }, () => undefined);
    expect(big.top.map((s) => s.id)).toEqual(['eth1', 'eth2', 'eth3', 'eth4']);
    expect(big.bottom.map((s) => s.id)).toEqual(['eth5', 'eth6', 'eth7', 'eth8']);
    expect(big.height).toBeGreaterThan(small.height);
  });

  it('faces a port towards a peer above or level (its link arcs over the cards), and orders a row by the peers’ x', () => {
    const peers: Record<string, { x: number; y: number }> = { eth1: { x: 500, y: 40 }, eth2: { x: -300, y: 400 }, eth3: { x: 100, y: -400 }, eth4: { x: -100, y: 300 } };
    const l = layoutDevice(dev('a', 0, 0, 4), { x: 88, y: 40 }, (p) => peers[p]);
    expect(l.top.map((s) => s.id)).toEqual(['eth3', 'eth1']);
    expect(l.bottom.map((s) => s.id)).toEqual(['eth2', 'eth4']);
  });

  it('gives React Flow one handle per port whose edge point is the port anchor', () => {
    const layouts = layoutAll(lab);
    const sw1 = layouts.get('sw1');
    if (!sw1) throw new Error('no layout');
    const handles = layoutHandles(sw1);
    expect(handles.map((h) => h.id).sort()).toEqual(['eth1', 'eth2', 'eth3', 'eth4']);
    for (const h of handles) {
      expect(h.type).toBe('source');
      const anchor = portAnchor(sw1, { x: 0, y: 0 }, h.id ?? '');
      // React Flow: a bottom handle's edge point is its bottom centre, a top handle's its top centre.
      const y = h.position === Position.Top ? h.y : h.y + HANDLE_SIZE;
      expect(anchor?.point).toEqual({ x: h.x + HANDLE_SIZE / 2, y });
    }
  });

  it('moves sw1’s port to the top when its peer is dragged above it', () => {
    const moved: Topology = { ...lab, devices: lab.devices.map((d) => (d.id === 'srv' ? { ...d, position: { x: 0, y: -300 } } : d)) };
    expect(layoutAll(lab).get('sw1')?.bottom.some((s) => s.id === 'eth4')).toBe(true);
    expect(layoutAll(moved).get('sw1')?.top.map((s) => s.id)).toContain('eth4');
  });
});

describe('when a link is curved', () => {
  const s = { point: { x: 0, y: 0 }, side: 'bottom' as const };
  const t = { point: { x: 300, y: 0 }, side: 'bottom' as const };

  it('leaves each port straight out of its card edge', () => {
    const c = baseCubic(s, t);
    expect(c.p1.x).toBe(0);
    expect(c.p1.y).toBeGreaterThan(0);
    const up = baseCubic({ point: { x: 0, y: 0 }, side: 'top' }, t);
    expect(up.p1.y).toBeLessThan(0);
  });

  it('passes through the middle point it is bent to', () => {
    const mid = { x: 120, y: 90 };
    const m = cubicAt(bendThrough(baseCubic(s, t), mid), 0.5);
    expect(m.x).toBeCloseTo(mid.x, 6);
    expect(m.y).toBeCloseTo(mid.y, 6);
    expect(linkCurve(s, t, null)).toEqual(baseCubic(s, t));
  });
});

describe('when links run in parallel', () => {
  const placed = placeLinks(lab, layoutAll(lab));

  it('gives parallel links distinct middle points and a lone link none', () => {
    const mids = ['l1', 'l2', 'l3'].map((id) => placed.get(id)?.mid);
    for (const m of mids) expect(m).toBeTruthy();
    const keys = new Set(mids.map((m) => `${m?.x.toFixed(1)},${m?.y.toFixed(1)}`));
    expect(keys.size).toBe(3);
    expect(placed.get('l4')?.mid).toBeNull();
  });

  it('pinches a bundle’s members close together and keeps other links further away', () => {
    const mid = (id: string) => placed.get(id)?.mid ?? { x: 0, y: 0 };
    const [a, b, c] = [mid('l1'), mid('l2'), mid('l3')];
    const d = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);
    expect(d(a, b)).toBeCloseTo(BUNDLE_GAP, 6);
    expect(Math.min(d(a, c), d(b, c))).toBeGreaterThan(BUNDLE_GAP * 2);
  });

  it('lets the first member draw the bundle, with one label per LAG end', () => {
    expect(placed.get('l1')?.bundle?.ends.map((e) => `${e.device}:${e.lag}:${e.total}`)).toEqual(['sw1:po1:2', 'sw2:po1:2']);
    expect(placed.get('l2')?.bundle).toBeNull();
    expect(placed.get('l3')?.bundle).toBeNull();
    expect(placed.get('l1')).toMatchObject({ lagA: { id: 'po1' }, lagB: { id: 'po1' } });
  });

  it('draws a one-member LAG as a bundle of one', () => {
    const one: Topology = { ...lab, lags: [{ id: 'po9', device: 'srv', members: ['eth1'], mode: 'active' }] };
    const p = placeLinks(one, layoutAll(one)).get('l4');
    expect(p?.mid).toBeNull();
    expect(p?.bundle?.ends).toEqual([expect.objectContaining({ device: 'srv', lag: 'po9', total: 1 })]);
  });
});

describe('when the view fits a lab with a link between cards at the same height', () => {
  it('leaves room above only when the arc rises above the topmost card', () => {
    const pair: Topology = { version: 1, devices: [dev('a', 0, 150, 2), dev('b', 400, 150, 2)], links: [link('ab', 'a', 'eth1', 'b', 'eth1')] };
    expect(hasLevelLink(pair)).toBe(true);
    // An upstream well above the pair (the reference lab): the arc stays below its card.
    expect(hasLevelLink({ ...pair, devices: [...pair.devices, { ...dev('up', 200, -100, 1), type: 'upstream' }] })).toBe(false);
    // A card only a little higher: the arc still rises above it.
    expect(hasLevelLink({ ...pair, devices: [...pair.devices, dev('c', 200, 100, 1)] })).toBe(true);
    expect(hasLevelLink({ ...pair, links: [] })).toBe(false);
  });
});
