/**
 * A layer-2 lab for canvas tests: three RSTP switches in a triangle (sw1 the root, sw3 eth2 the
 * Alternate port on l23), sw1 and sw2 an MC-LAG pair (domain 10), server srv1 bonded to both in
 * active-backup (peer-link po100 on link pl), server srv2 on sw3, and a flow each way.
 */
import type { Topology } from '../../../src/model';
import type { OverlayData } from '../../../src/store/overlayReducer';
import { emptyOverlay } from '../../../src/store/overlayReducer';
import { useOverlayStore } from '../../../src/store/overlayStore';

const ports = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `eth${i + 1}` }));
const link = (id: string, a: string, ap: string, b: string, bp: string) => ({ id, a: { device: a, port: ap }, b: { device: b, port: bp } });

export const l2Lab: Topology = {
  version: 1,
  meta: { title: 'l2 canvas test' },
  devices: [
    { id: 'sw1', type: 'switch', name: 'SW1', position: { x: 200, y: 0 }, ports: ports(4), stp: { mode: 'rstp', priority: 4096 } },
    { id: 'sw2', type: 'switch', name: 'SW2', position: { x: 0, y: 300 }, ports: ports(4), stp: { mode: 'rstp' } },
    { id: 'sw3', type: 'switch', name: 'SW3', position: { x: 400, y: 300 }, ports: ports(3), stp: { mode: 'rstp' } },
    { id: 'srv1', type: 'host', name: 'Server 1', position: { x: 0, y: 600 }, ports: ports(2), ip: '10.0.0.1/24' },
    { id: 'srv2', type: 'host', name: 'Server 2', position: { x: 400, y: 600 }, ports: ports(1), ip: '10.0.0.2/24' },
  ],
  links: [
    link('l12', 'sw1', 'eth1', 'sw2', 'eth1'),
    link('l13', 'sw1', 'eth2', 'sw3', 'eth1'),
    link('l23', 'sw2', 'eth2', 'sw3', 'eth2'),
    link('s1', 'srv1', 'eth1', 'sw1', 'eth3'),
    link('s2', 'srv1', 'eth2', 'sw2', 'eth3'),
    link('s3', 'srv2', 'eth1', 'sw3', 'eth3'),
    link('pl', 'sw1', 'eth4', 'sw2', 'eth4'),
  ],
  lags: [
    { id: 'po100', device: 'sw1', members: ['eth4'], mode: 'active' },
    { id: 'po100', device: 'sw2', members: ['eth4'], mode: 'active' },
  ],
  mclags: [{ id: 'vpc10', domainId: 10, peers: ['sw1', 'sw2'], peerLink: 'po100' }],
  bonds: [{ id: 'bond0', device: 'srv1', members: ['eth1', 'eth2'], mode: 'active-backup' }],
  flows: [
    { id: 'f1', from: 'srv1', to: 'srv2' },
    { id: 'f2', from: 'srv2', to: 'srv1' },
  ],
};

type Stp = OverlayData['stp'][string];

const ROOT = '4096,02:00:00:00:00:01';
const port = (role: Stp['role'], state: Stp['state'], isRoot: boolean, rootCost: number): Stp => ({ role, state, rootBridge: ROOT, rootCost, isRoot });

/** The converged triangle: sw1 root, sw3 eth2 Alternate and discarding. */
export const STP_CONVERGED: OverlayData['stp'] = {
  'sw1:eth1': port('designated', 'forwarding', true, 0),
  'sw1:eth2': port('designated', 'forwarding', true, 0),
  'sw1:eth3': port('designated', 'forwarding', true, 0),
  'sw2:eth1': port('root', 'forwarding', false, 20000),
  'sw2:eth2': port('designated', 'forwarding', false, 20000),
  'sw2:eth3': port('designated', 'forwarding', false, 20000),
  'sw3:eth1': port('root', 'forwarding', false, 20000),
  'sw3:eth2': port('alternate', 'discarding', false, 20000),
  'sw3:eth3': port('designated', 'forwarding', false, 20000),
};

/** The overlay of the running l2 lab: converged, bonded on eth1, f1 delivered via sw1, f2 lost. */
export function setL2Overlay(patch: Partial<OverlayData> = {}): void {
  useOverlayStore.setState({
    ...emptyOverlay(),
    clockWall: 0,
    problem: null,
    links: Object.fromEntries(l2Lab.links.map((l) => [l.id, 'up' as const])),
    stp: STP_CONVERGED,
    mclags: {
      sw1: { domain: 'vpc10', role: 'primary', peerLink: 'up', keepalive: 'up', state: 'ok' },
      sw2: { domain: 'vpc10', role: 'secondary', peerLink: 'up', keepalive: 'up', state: 'ok' },
    },
    bonds: { 'srv1:bond0': { mode: 'active-backup', active: ['eth1'], activeSlave: 'eth1', down: [], mii: { eth1: 'up', eth2: 'up' } } },
    flows: { f1: { from: 'srv1', to: 'srv2', state: 'ok', path: ['s1', 'l13', 's3'] }, f2: { from: 'srv2', to: 'srv1', state: 'lost', path: [] } },
    traffic: { s1: { t: 1000, framesAB: 10, framesBA: 0, bytesAB: 1060, bytesBA: 0 }, l13: { t: 1000, framesAB: 10, framesBA: 1, bytesAB: 1060, bytesBA: 60 } },
    ...patch,
  });
}
