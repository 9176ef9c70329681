/**
 * Shared setup for the panel tests: a two-switch LAG lab in the real topology store, and a fake
 * live overlay written straight into the real overlay store (what the bridge would write).
 */
import type { LacpEvent, SimEvent } from '../../src/engine/events';
import type { Topology } from '../../src/model';
import { emptyOverlay } from '../../src/store/overlayReducer';
import type { PortOverlay } from '../../src/store/overlayReducer';
import { useOverlayStore } from '../../src/store/overlayStore';
import { resetTopologyStore } from '../../src/store/topologyStore';
import { useUiStore } from '../../src/ui/uiStore';

/** SW1 and SW2 joined by l1 and l2, bundled as po1 on both ends (active, fast). */
export const LAB: Topology = {
  version: 1,
  meta: { title: 'Two switches', description: 'A 2-member LAG.', i18n: { ko: { title: '스위치 두 대', description: '2개 링크 LAG.' } } },
  devices: [
    { id: 'sw1', type: 'switch', name: 'SW1', position: { x: 0, y: 0 }, ports: [{ id: 'eth1' }, { id: 'eth2' }, { id: 'eth3' }] },
    { id: 'sw2', type: 'switch', name: 'SW2', position: { x: 400, y: 0 }, ports: [{ id: 'eth1' }, { id: 'eth2' }] },
  ],
  links: [
    { id: 'l1', a: { device: 'sw1', port: 'eth1' }, b: { device: 'sw2', port: 'eth1' } },
    { id: 'l2', a: { device: 'sw1', port: 'eth2' }, b: { device: 'sw2', port: 'eth2' } },
  ],
  lags: [
    { id: 'po1', device: 'sw1', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' },
    { id: 'po1', device: 'sw2', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' },
  ],
};

/** A bundled member: Actor 0x3f (Activity, Timeout, Aggregation, Sync, Collecting, Distributing). */
export function distributingPort(overrides: Partial<PortOverlay> = {}): PortOverlay {
  return {
    lag: 'po1',
    status: 'distributing',
    reason: undefined,
    rx: 'CURRENT',
    mux: 'DISTRIBUTING',
    selected: 'SELECTED',
    periodic: 'FAST_PERIODIC',
    churn: false,
    actorState: 0x3f,
    actorFlags: [],
    partnerState: 0x3d,
    partnerFlags: [],
    partnerSystem: '02:00:00:00:02:00',
    partnerPort: 1,
    partnerKey: 1,
    actorKey: 1,
    ...overrides,
  };
}

/** Fresh stores: the lab, no selection, an empty overlay, default UI state. */
export function resetStores(doc: Topology = LAB): void {
  resetTopologyStore(doc);
  useOverlayStore.setState({ ...emptyOverlay(), clockWall: 0, problem: null });
  useUiStore.setState({ tool: 'select', packet: null, shareOpen: false, logDevices: [], logTypes: [] });
}

/** Writes events into the overlay log (ids from 1). */
export function seedLog(events: SimEvent[]): void {
  useOverlayStore.setState({ log: events.map((event, i) => ({ id: i + 1, event })), nextLogId: events.length + 1 });
}

/** A member's `lacp` event. */
export function lacpEvent(t: number, port: string, status: LacpEvent['status'], mux: string, extra: Partial<LacpEvent> = {}): LacpEvent {
  return {
    t,
    type: 'lacp',
    device: 'sw1',
    port,
    lag: 'po1',
    rx: 'CURRENT',
    mux,
    selected: 'SELECTED',
    periodic: 'FAST_PERIODIC',
    status,
    actor: { state: 0x3f, flags: [], key: 1 },
    partner: { system: '02:00:00:00:02:00', key: 1, port: 1, state: 0x3f, flags: [] },
    ...extra,
  };
}
