/** VRRP labs for the engine tests. */
import type { Topology, VrrpGroup } from '../../../../src/model';

type MemberOptions = Partial<VrrpGroup['members'][number]>;

/**
 * h1 (10.0.0.10/24, gateway = the VIP 10.0.0.1) on access switch `acc`, uplinked to two L3
 * switches core1 (SVI 10.0.0.2, priority 200) and core2 (SVI 10.0.0.3, priority 100) — no link
 * between the cores, so no loop; advertisements go through `acc`. Each core has a routed port to
 * the upstream `net` (198.51.100.1), which routes back through core1 first, then core2.
 */
/** The internet: 198.51.100.1, reached from core1 over 192.0.2.0/30 and from core2 over 192.0.2.4/30, routing the servers' subnet back. */
function upstream(): Topology['devices'][number] {
  return {
    id: 'net',
    type: 'upstream',
    ip: '198.51.100.1/32',
    ports: [{ id: 'eth1', ip: '192.0.2.2/30' }, { id: 'eth2', ip: '192.0.2.6/30' }],
    routes: [{ to: '10.0.0.0/24', via: '192.0.2.1' }, { to: '10.0.0.0/24', via: '192.0.2.5' }],
  };
}

export function vrrpPair(options: { core1?: MemberOptions; core2?: MemberOptions; group?: Partial<VrrpGroup>; extra?: Partial<Topology> } = {}): Topology {
  return {
    version: 1,
    devices: [
      { id: 'h1', type: 'host', ip: '10.0.0.10/24', gateway: '10.0.0.1', ports: [{ id: 'eth1' }] },
      { id: 'acc', type: 'switch', ports: [{ id: 'eth1' }, { id: 'eth2' }, { id: 'eth3' }] },
      { id: 'core1', type: 'switch', ip: '10.0.0.2/24', routes: [{ to: '0.0.0.0/0', via: '192.0.2.2' }], ports: [{ id: 'eth1' }, { id: 'eth9', ip: '192.0.2.1/30' }] },
      { id: 'core2', type: 'switch', ip: '10.0.0.3/24', routes: [{ to: '0.0.0.0/0', via: '192.0.2.6' }], ports: [{ id: 'eth1' }, { id: 'eth9', ip: '192.0.2.5/30' }] },
      upstream(),
    ],
    links: [
      { id: 'a1', a: { device: 'h1', port: 'eth1' }, b: { device: 'acc', port: 'eth1' } },
      { id: 'u1', a: { device: 'acc', port: 'eth2' }, b: { device: 'core1', port: 'eth1' } },
      { id: 'u2', a: { device: 'acc', port: 'eth3' }, b: { device: 'core2', port: 'eth1' } },
      { id: 'w1', a: { device: 'core1', port: 'eth9' }, b: { device: 'net', port: 'eth1' } },
      { id: 'w2', a: { device: 'core2', port: 'eth9' }, b: { device: 'net', port: 'eth2' } },
    ],
    vrrp: [
      {
        id: 'gw',
        vrid: 10,
        vip: '10.0.0.1',
        ...options.group,
        members: [
          { device: 'core1', priority: 200, ...options.core1 },
          { device: 'core2', priority: 100, ...options.core2 },
        ],
      },
    ],
    flows: [{ id: 'f-net', from: 'h1', to: 'net', pps: 10, startMs: 5000 }],
    // Probes off unless a test asks (they would add ARP and ICMP frames to every count).
    probes: { targets: [] },
    ...options.extra,
  };
}

/**
 * The chapter's reference lab in small: core1 and core2 are an MC-LAG pair (peer-link po100 of
 * two links, keepalive `ka`) and L3 switches (SVIs 10.0.0.2 / .3, routed uplinks to the upstream
 * `net`); srv1 and srv2 bond both NICs (802.3ad, fast, layer3+4) to the pair (MC-LAG ports po11,
 * po12). The gateway 10.0.0.1 is a VRRP group (core1 200, core2 100) — `activeActive` on or off —
 * or, with `anycast`, an anycast gateway on both. Each server sends four flows to the upstream.
 */
export function mclagGateway(options: { activeActive?: boolean; anycast?: boolean } = {}): Topology {
  const core = (id: string, svi: string, wan: string, via: string) => ({
    id,
    type: 'switch' as const,
    ip: svi,
    routes: [{ to: '0.0.0.0/0', via }],
    ports: [{ id: 'eth1' }, { id: 'eth2' }, { id: 'eth3' }, { id: 'eth4' }, { id: 'eth5' }, { id: 'eth9', ip: wan }],
  });
  const server = (id: string, ip: string) => ({ id, type: 'host' as const, ip, gateway: '10.0.0.1', ports: [{ id: 'eth1' }, { id: 'eth2' }] });
  const lag = (id: string, device: string, members: string[], mclag?: string) => ({ id, device, members, mode: 'active' as const, rate: 'fast' as const, ...(mclag ? { mclag } : {}) });
  const flows = ['srv1', 'srv2'].flatMap((from) => [1, 2, 3, 4].map((k) => ({ id: `${from}-net-${k}`, from, to: 'net', pps: 10, startMs: 5000 })));
  return {
    version: 1,
    devices: [
      core('core1', '10.0.0.2/24', '192.0.2.1/30', '192.0.2.2'),
      core('core2', '10.0.0.3/24', '192.0.2.5/30', '192.0.2.6'),
      server('srv1', '10.0.0.11/24'),
      server('srv2', '10.0.0.12/24'),
      upstream(),
    ],
    links: [
      { id: 'pl1', a: { device: 'core1', port: 'eth3' }, b: { device: 'core2', port: 'eth3' } },
      { id: 'pl2', a: { device: 'core1', port: 'eth4' }, b: { device: 'core2', port: 'eth4' } },
      { id: 'ka', a: { device: 'core1', port: 'eth5' }, b: { device: 'core2', port: 'eth5' } },
      { id: 's1a', a: { device: 'srv1', port: 'eth1' }, b: { device: 'core1', port: 'eth1' } },
      { id: 's1b', a: { device: 'srv1', port: 'eth2' }, b: { device: 'core2', port: 'eth1' } },
      { id: 's2a', a: { device: 'srv2', port: 'eth1' }, b: { device: 'core1', port: 'eth2' } },
      { id: 's2b', a: { device: 'srv2', port: 'eth2' }, b: { device: 'core2', port: 'eth2' } },
      { id: 'w1', a: { device: 'core1', port: 'eth9' }, b: { device: 'net', port: 'eth1' } },
      { id: 'w2', a: { device: 'core2', port: 'eth9' }, b: { device: 'net', port: 'eth2' } },
    ],
    lags: [
      lag('po100', 'core1', ['eth3', 'eth4']),
      lag('po100', 'core2', ['eth3', 'eth4']),
      lag('po11', 'core1', ['eth1'], 'vpc10'),
      lag('po11', 'core2', ['eth1'], 'vpc10'),
      lag('po12', 'core1', ['eth2'], 'vpc10'),
      lag('po12', 'core2', ['eth2'], 'vpc10'),
    ],
    mclags: [{ id: 'vpc10', domainId: 10, peers: ['core1', 'core2'], peerLink: 'po100', keepalive: 'ka' }],
    bonds: ['srv1', 'srv2'].map((device) => ({ id: 'bond0', device, members: ['eth1', 'eth2'], mode: '802.3ad' as const, lacpRate: 'fast' as const, xmitHashPolicy: 'layer3+4' as const })),
    ...(options.anycast
      ? { anycastGateways: [{ id: 'agw', ip: '10.0.0.1', devices: ['core1', 'core2'] }] }
      : { vrrp: [{ id: 'gw', vrid: 10, vip: '10.0.0.1', activeActive: options.activeActive ?? false, members: [{ device: 'core1', priority: 200 }, { device: 'core2', priority: 100 }] }] }),
    flows,
  };
}
