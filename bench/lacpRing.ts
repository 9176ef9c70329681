/**
 * A big LACP lab for the benchmark: `switches` switches in a ring, each neighbour pair joined by
 * a LAG of `membersPerLag` links at the fast rate (500 switches × 4 = 2,000 member links).
 */
import type { Topology } from '../src/model';

export function lacpRing(switches: number, membersPerLag: number): Topology {
  const devices: Topology['devices'] = [];
  const links: Topology['links'] = [];
  const lags: NonNullable<Topology['lags']> = [];
  const portsOf = (side: 'a' | 'b') => Array.from({ length: membersPerLag }, (_, k) => `${side}${k + 1}`);
  for (let i = 0; i < switches; i++) {
    devices.push({ id: `s${i}`, type: 'switch', ports: [...portsOf('a'), ...portsOf('b')].map((id) => ({ id })) });
  }
  for (let i = 0; i < switches; i++) {
    const next = (i + 1) % switches;
    portsOf('a').forEach((port, k) => {
      links.push({ id: `l${i}_${k}`, a: { device: `s${i}`, port }, b: { device: `s${next}`, port: `b${k + 1}` } });
    });
    lags.push({ id: 'right', device: `s${i}`, members: portsOf('a'), mode: 'active', rate: 'fast' });
    lags.push({ id: 'left', device: `s${next}`, members: portsOf('b'), mode: 'active', rate: 'fast' });
  }
  return { version: 1, seed: 1, devices, links, lags };
}
