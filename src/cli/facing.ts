/**
 * Finds LAGs that face each other: a member port of LAG X on device A wired by a link to a member
 * port of LAG Y on device B. The summary explains what each side sees when the two disagree.
 */
import type { LagSnapshot } from '../engine';

/** The part of the resolved topology this needs. */
export interface FacingTopology {
  links: readonly { id: string; a: { device: string; port: string }; b: { device: string; port: string } }[];
}

/** Two LAGs joined by one or more links; `a` is the one seen first in the links. */
export interface FacingPair {
  a: LagSnapshot;
  b: LagSnapshot;
  links: string[];
}

/** Every pair of facing LAGs, in the order of their first link in the document. */
export function facingPairs(topology: FacingTopology, lags: readonly LagSnapshot[]): FacingPair[] {
  const lagOfPort = new Map<string, LagSnapshot>();
  for (const lag of lags) for (const m of lag.members) lagOfPort.set(`${lag.device}:${m.port}`, lag);
  const pairs = new Map<string, FacingPair>();
  for (const link of topology.links) {
    const x = lagOfPort.get(`${link.a.device}:${link.a.port}`);
    const y = lagOfPort.get(`${link.b.device}:${link.b.port}`);
    if (!x || !y || x === y) continue;
    const key = [`${x.device}/${x.lag}`, `${y.device}/${y.lag}`].sort().join(' ');
    const pair = pairs.get(key);
    if (pair) pair.links.push(link.id);
    else pairs.set(key, { a: x, b: y, links: [link.id] });
  }
  return [...pairs.values()];
}

/** Pairs where one side is up and the other is down. */
export function disagreeingPairs(pairs: readonly FacingPair[]): FacingPair[] {
  return pairs.filter((p) => p.a.up !== p.b.up);
}
