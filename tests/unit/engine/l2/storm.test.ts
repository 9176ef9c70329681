import { describe, expect, it } from 'vitest';
import type { TrafficEvent } from '../../../../src/engine';
import { Simulation } from '../../../../src/engine';
import { STORM_FRAMES_PER_MS } from '../../../../src/engine/l2/bridge';
import type { Topology } from '../../../../src/model';

/** Three switches in a triangle, STP off, two hosts: their first ARP broadcast loops forever. */
function loop(): Topology {
  const sw = (id: string) => ({ id, type: 'switch' as const, ports: [{ id: 'eth1' }, { id: 'eth2' }, { id: 'eth3' }] });
  return {
    version: 1,
    devices: [sw('sw1'), sw('sw2'), sw('sw3'), { id: 'h1', type: 'host', ip: '10.0.0.1/24', ports: [{ id: 'eth1' }] }, { id: 'h2', type: 'host', ip: '10.0.0.2/24', ports: [{ id: 'eth1' }] }],
    links: [
      { id: 'l12', a: { device: 'sw1', port: 'eth1' }, b: { device: 'sw2', port: 'eth1' } },
      { id: 'l23', a: { device: 'sw2', port: 'eth2' }, b: { device: 'sw3', port: 'eth1' } },
      { id: 'l31', a: { device: 'sw3', port: 'eth2' }, b: { device: 'sw1', port: 'eth2' } },
      { id: 'h1l', a: { device: 'h1', port: 'eth1' }, b: { device: 'sw1', port: 'eth3' } },
      { id: 'h2l', a: { device: 'h2', port: 'eth1' }, b: { device: 'sw2', port: 'eth3' } },
    ],
    flows: [{ id: 'f', from: 'h1', to: 'h2', pps: 10 }],
  };
}

describe('when a loop has no spanning tree (a broadcast storm)', () => {
  it('the storm shows as saturated links, bounded per switch, and the run still finishes', () => {
    const sim = new Simulation(loop(), { events: ['traffic'] });
    const traffic: TrafficEvent[] = [];
    sim.onEvent((e) => {
      if (e.type === 'traffic') traffic.push(e);
    });
    sim.runUntil(3_000);
    const ring = traffic.filter((e) => e.link === 'l12' && e.t >= 2_000);
    const frames = ring.reduce((n, e) => n + e.framesAB + e.framesBA, 0);
    // Far more than the flow's 10 datagrams per second: the loop is visible…
    expect(frames).toBeGreaterThan(1_000);
    // …and bounded: no switch relays more than STORM_FRAMES_PER_MS per millisecond.
    expect(frames).toBeLessThanOrEqual(2 * STORM_FRAMES_PER_MS * 1_000);
  });
});
