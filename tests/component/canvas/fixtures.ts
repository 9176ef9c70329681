/** A small lab for canvas tests: two switches with a 2-member LAG, a plain link, and a server. */
import type { Topology } from '../../../src/model';
import type { PortOverlay } from '../../../src/store/overlayReducer';
import { emptyOverlay } from '../../../src/store/overlayReducer';
import { useOverlayStore } from '../../../src/store/overlayStore';

export const smallLab: Topology = {
  version: 1,
  meta: { title: 'canvas test' },
  devices: [
    { id: 'sw1', type: 'switch', name: 'SW1', position: { x: 0, y: 0 }, ports: [{ id: 'eth1' }, { id: 'eth2' }, { id: 'eth3' }] },
    { id: 'sw2', type: 'switch', name: 'SW2', position: { x: 400, y: 0 }, ports: [{ id: 'eth1' }, { id: 'eth2' }, { id: 'eth3' }] },
    { id: 'srv1', type: 'host', name: 'Server 1', position: { x: 0, y: 300 }, ports: [{ id: 'eth1' }, { id: 'eth2' }] },
  ],
  links: [
    { id: 'l1', a: { device: 'sw1', port: 'eth1' }, b: { device: 'sw2', port: 'eth1' } },
    { id: 'l2', a: { device: 'sw1', port: 'eth2' }, b: { device: 'sw2', port: 'eth2' } },
    { id: 'l3', a: { device: 'sw1', port: 'eth3' }, b: { device: 'srv1', port: 'eth1' } },
  ],
  lags: [
    { id: 'po1', device: 'sw1', members: ['eth1', 'eth2'], mode: 'active' },
    { id: 'po1', device: 'sw2', members: ['eth1', 'eth2'], mode: 'active' },
  ],
};

export function member(lag: string, status: PortOverlay['status']): PortOverlay {
  return {
    lag,
    status,
    reason: undefined,
    rx: 'CURRENT',
    mux: 'DISTRIBUTING',
    selected: 'SELECTED',
    periodic: 'FAST_PERIODIC',
    churn: false,
    actorState: 0x3d,
    actorFlags: [],
    partnerState: 0x3d,
    partnerFlags: [],
    partnerSystem: '',
    partnerPort: 1,
    partnerKey: 1,
    actorKey: 1,
  };
}

/** The overlay of a running lab where po1 is up on both ends. */
export function setRunningOverlay(patch: Partial<ReturnType<typeof emptyOverlay>> = {}): void {
  useOverlayStore.setState({
    ...emptyOverlay(),
    clockWall: 0,
    problem: null,
    links: { l1: 'up', l2: 'up', l3: 'up' },
    devices: { sw1: { isFailed: false, isMuted: false }, sw2: { isFailed: false, isMuted: false }, srv1: { isFailed: false, isMuted: false } },
    ports: {
      'sw1:eth1': member('po1', 'distributing'),
      'sw1:eth2': member('po1', 'distributing'),
      'sw2:eth1': member('po1', 'distributing'),
      'sw2:eth2': member('po1', 'distributing'),
    },
    lags: {
      'sw1:po1': { up: true, active: ['eth1', 'eth2'], standby: [], partner: undefined },
      'sw2:po1': { up: true, active: ['eth1', 'eth2'], standby: [], partner: undefined },
    },
    ...patch,
  });
}
