import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../src/engine';
import type { Topology } from '../../../../src/model';
import type { Mode } from './stpLab';
import { link, macOf, sw } from './stpLab';

const N = 5;
const IDS = Array.from({ length: N }, (_, i) => `sw${i + 1}`);
/** Every pair of switches joined once: a full mesh, no LAGs (ports p1..p5 named after the peer). */
const LINKS = IDS.flatMap((a, i) => IDS.slice(i + 1).map((b) => link(`${a}-${b}`, `${a}:to-${b}`, `${b}:to-${a}`)));

function mesh(mode: Mode, priorities: readonly number[]): Topology {
  return {
    version: 1,
    devices: IDS.map((id, i) => sw(id, mode, IDS.filter((x) => x !== id).map((x) => `to-${x}`), { priority: (priorities[i] ?? 8) * 4096 })),
    links: LINKS,
  };
}

/** Connected components of the switches over links that are up. */
function components(sim: Simulation): string[][] {
  const parent = new Map(IDS.map((id) => [id, id]));
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    return p === x ? x : find(p);
  };
  for (const l of sim.network.links.values()) if (l.isUp) parent.set(find(l.a.device.id), find(l.b.device.id));
  const groups = new Map<string, string[]>();
  for (const id of IDS) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return [...groups.values()];
}

/** The spanning-tree invariants after convergence, for every connected part of the mesh. */
function checkTree(sim: Simulation, priorities: readonly number[]): void {
  const bridgeId = (id: string) => `${(priorities[IDS.indexOf(id)] ?? 8) * 4096},${macOf(id)}`;
  const state = (device: string, port: string) => sim.spanningTree(device)?.ports().find((p) => p.port === port)?.forwarding;
  const forwardingLinks = [...sim.network.links.values()].filter((l) => l.isUp && state(l.a.device.id, l.a.id) === 'forwarding' && state(l.b.device.id, l.b.id) === 'forwarding');
  for (const part of components(sim)) {
    // One root per part: the lowest Bridge Identifier (priority, then MAC), and everyone agrees.
    const best = [...part].sort((a, b) => {
      const pa = priorities[IDS.indexOf(a)] ?? 8;
      const pb = priorities[IDS.indexOf(b)] ?? 8;
      return pa !== pb ? pa - pb : macOf(a) < macOf(b) ? -1 : 1;
    })[0] as string;
    for (const id of part) expect(sim.spanningTree(id)?.root().rootBridge).toBe(bridgeId(best));
    // The forwarding links inside the part form a tree: |part| − 1 of them, connecting it.
    const inside = forwardingLinks.filter((l) => part.includes(l.a.device.id));
    expect(inside.length).toBe(part.length - 1);
    const reached = new Set([best]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const l of inside) {
        const [a, b] = [l.a.device.id, l.b.device.id];
        if (reached.has(a) !== reached.has(b)) {
          reached.add(a);
          reached.add(b);
          grew = true;
        }
      }
    }
    expect(reached.size).toBe(part.length);
  }
}

const step = fc.record({
  atMs: fc.integer({ min: 0, max: 30_000 }),
  action: fc.constantFrom('fail' as const, 'restore' as const),
  target: fc.constantFrom(...LINKS.map((l) => l.id)),
});
const priorities = fc.array(fc.integer({ min: 0, max: 15 }), { minLength: N, maxLength: N });

describe('when random links of a 5-switch mesh fail and come back (802.1D-2004 17.3: a loop-free, fully connected tree)', () => {
  it.each<[Mode, number, number]>([
    ['rstp', 40_000, 60],
    ['stp', 90_000, 30],
  ])('%s: after convergence every switch agrees on one root and the forwarding links form a spanning tree (fast-check)', (mode, settleMs, numRuns) => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), priorities, (steps, prio) => {
        const sim = new Simulation(mesh(mode, prio), { events: ['link'] });
        for (const s of steps) sim.scheduleFault(s.atMs, s.action, s.target);
        sim.runUntil(30_000 + settleMs);
        checkTree(sim, prio);
      }),
      { numRuns, seed: 20260802 },
    );
  });
});
