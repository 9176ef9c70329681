/** Small layer-3 labs for the engine tests. */
import type { Topology } from '../../../../src/model';

/**
 * h1 (10.0.0.10/24) and h2 (10.0.0.20/24) on switch sw1; router r1 (eth1 10.0.0.1/24, eth2
 * 192.0.2.1/30) to the upstream `net` (eth1 192.0.2.2/30, the internet address 198.51.100.1/32,
 * a route back to 10.0.0.0/24). h3 (10.1.0.10/24) hangs off r1's eth3 (10.1.0.1/24).
 */
export function routedLab(overrides: { gateway?: string | null; flows?: Topology['flows']; probes?: Topology['probes'] } = {}): Topology {
  const gw = overrides.gateway === undefined ? '10.0.0.1' : overrides.gateway;
  return {
    version: 1,
    devices: [
      { id: 'h1', type: 'host', ip: '10.0.0.10/24', ...(gw === null ? {} : { gateway: gw }), ports: [{ id: 'eth1' }] },
      { id: 'h2', type: 'host', ip: '10.0.0.20/24', gateway: '10.0.0.1', ports: [{ id: 'eth1' }] },
      { id: 'h3', type: 'host', ip: '10.1.0.10/24', gateway: '10.1.0.1', ports: [{ id: 'eth1' }] },
      { id: 'sw1', type: 'switch', ports: [{ id: 'eth1' }, { id: 'eth2' }, { id: 'eth3' }] },
      { id: 'r1', type: 'router', ports: [{ id: 'eth1', ip: '10.0.0.1/24' }, { id: 'eth2', ip: '192.0.2.1/30' }, { id: 'eth3', ip: '10.1.0.1/24' }], routes: [{ to: '0.0.0.0/0', via: '192.0.2.2' }] },
      { id: 'net', type: 'upstream', ip: '198.51.100.1/32', ports: [{ id: 'eth1', ip: '192.0.2.2/30' }], routes: [{ to: '10.0.0.0/8', via: '192.0.2.1' }] },
    ],
    links: [
      { id: 'a1', a: { device: 'h1', port: 'eth1' }, b: { device: 'sw1', port: 'eth1' } },
      { id: 'a2', a: { device: 'h2', port: 'eth1' }, b: { device: 'sw1', port: 'eth2' } },
      { id: 'up', a: { device: 'sw1', port: 'eth3' }, b: { device: 'r1', port: 'eth1' } },
      { id: 'wan', a: { device: 'r1', port: 'eth2' }, b: { device: 'net', port: 'eth1' } },
      { id: 'a3', a: { device: 'h3', port: 'eth1' }, b: { device: 'r1', port: 'eth3' } },
    ],
    flows: overrides.flows ?? [{ id: 'f-net', from: 'h1', to: 'net', pps: 10, startMs: 1000 }],
    // Probes off: these tests count frames and pings of their own (tests/unit/engine/probe turns them on).
    probes: overrides.probes ?? { targets: [] },
  };
}
