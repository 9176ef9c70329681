/**
 * A gateway lab for canvas tests: R1 (priority 200) and R2 (priority 100, no preemption) share
 * the virtual IP 10.0.0.1 (VRID 10) on their SVIs; Server 1 uses it as its gateway
 * and probes it and the internet; Leaf owns the anycast gateway 10.0.9.1.
 */
import type { Topology } from '../../../src/model';
import type { OverlayData } from '../../../src/store/overlayReducer';
import { emptyOverlay } from '../../../src/store/overlayReducer';
import { useOverlayStore } from '../../../src/store/overlayStore';

const ports = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `eth${i + 1}` }));
const link = (id: string, a: string, ap: string, b: string, bp: string) => ({ id, a: { device: a, port: ap }, b: { device: b, port: bp } });

export const gatewayLab: Topology = {
  version: 1,
  meta: { title: 'gateway canvas test' },
  devices: [
    { id: 'internet', type: 'upstream', name: 'Internet', position: { x: 200, y: 0 }, ip: '198.51.100.1/32', ports: [{ id: 'eth1', ip: '192.0.2.2/30' }] },
    { id: 'r1', type: 'switch', name: 'R1', position: { x: 0, y: 200 }, ip: '10.0.0.2/24', ports: [...ports(2), { id: 'eth9', ip: '192.0.2.1/30' }] },
    { id: 'r2', type: 'switch', name: 'R2', position: { x: 400, y: 200 }, ip: '10.0.0.3/24', ports: ports(2) },
    { id: 'srv1', type: 'host', name: 'Server 1', position: { x: 200, y: 450 }, ip: '10.0.0.11/24', gateway: '10.0.0.1', ports: ports(1) },
    { id: 'srv2', type: 'host', name: 'Server 2', position: { x: 600, y: 450 }, ip: '10.0.0.12/24', ports: ports(1) },
    { id: 'leaf', type: 'switch', name: 'Leaf', position: { x: 800, y: 200 }, ip: '10.0.9.2/24', ports: ports(1) },
  ],
  links: [link('w1', 'r1', 'eth9', 'internet', 'eth1'), link('l12', 'r1', 'eth1', 'r2', 'eth1'), link('s1', 'srv1', 'eth1', 'r1', 'eth2'), link('s2', 'srv2', 'eth1', 'r2', 'eth2')],
  vrrp: [
    {
      id: 'gw',
      vrid: 10,
      vip: '10.0.0.1',
      members: [
        { device: 'r1', priority: 200 },
        { device: 'r2', priority: 100, preempt: false },
      ],
    },
  ],
  anycastGateways: [{ id: 'agw', ip: '10.0.9.1', devices: ['leaf'] }],
};

/** The outage Server 1 measured after R1 failed (the vrrp-pair example's numbers). */
export const OUTAGE: OverlayData['outages'][string] = {
  t: 13_901,
  ip: '10.0.0.1',
  startMs: 10_300,
  endMs: 13_900,
  durationMs: 3600,
  lostProbes: 36,
  intervalMs: 100,
  fault: { target: 'r1', action: 'fail', atMs: 10_220 },
  expected: { ms: 3609.375, minMs: 2609.375, rule: 'vrrp.masterDownInterval', detail: 'Master_Down_Interval' },
};

/** The running gateway lab: R1 Master, R2 Backup, Server 1 reaching both targets. */
export function setGatewayOverlay(patch: Partial<OverlayData> = {}): void {
  useOverlayStore.setState({
    ...emptyOverlay(),
    clockWall: 0,
    problem: null,
    running: false,
    clock: 5000,
    links: Object.fromEntries(gatewayLab.links.map((l) => [l.id, 'up' as const])),
    vrrp: {
      'r1:10': { t: 3218, group: 'gw', vrid: 10, state: 'master', priority: 200, masterIp: '10.0.0.2', reason: 'masterDown' },
      'r2:10': { t: 3218, group: 'gw', vrid: 10, state: 'backup', priority: 100, masterIp: '10.0.0.2', reason: 'newMaster' },
    },
    probes: {
      'srv1:gateway': { t: 3300, ip: '10.0.0.1', state: 'ok' },
      'srv1:upstream': { t: 3400, ip: '198.51.100.1', state: 'ok' },
    },
    ...patch,
  });
}
