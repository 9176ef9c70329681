/** The event log: sentences in the current language, filters, and clicks that select. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SimEvent } from '../../../src/engine/events';
import '../../../src/ui/i18n';
import { setLanguage } from '../../../src/ui/i18n';
import { useOverlayStore } from '../../../src/store/overlayStore';
import { useTopologyStore } from '../../../src/store/topologyStore';
import { bitChange } from '../../../src/ui/timeline/describe';
import { EventLog } from '../../../src/ui/timeline/EventLog';
import { useUiStore } from '../../../src/ui/uiStore';
import { lacpEvent, resetStores, seedLog } from '../labFixture';

const info = { systemPriority: 32768, system: '02:00:00:00:01:00', key: 1, portPriority: 32768, port: 1, state: 0x3f, flags: [] };

const EVENTS: SimEvent[] = [
  lacpEvent(1000, 'eth2', 'waiting', 'WAITING'),
  { t: 1500, type: 'lacpdu', link: 'l1', from: { device: 'sw1', port: 'eth1' }, to: { device: 'sw2', port: 'eth1' }, arrive: 1500.005, frame: 3, actor: info, partner: info },
  lacpEvent(3000, 'eth2', 'distributing', 'DISTRIBUTING'),
  { t: 3000, type: 'lag', device: 'sw1', lag: 'po1', mode: 'active', up: true, active: ['eth1', 'eth2'], standby: [] },
  { t: 10_000, type: 'fault', target: 'sw2', kind: 'device', action: 'fail' },
  { t: 10_000, type: 'link', link: 'l2', state: 'down' },
];

beforeEach(() => {
  resetStores();
  seedLog(EVENTS);
  setLanguage('en');
});

function entries(): HTMLElement[] {
  return within(screen.getByTestId('event-log')).queryAllByTestId('log-entry');
}

describe('when the log has events', () => {
  it('shows one sentence per event, oldest first, LACPDUs hidden by default', () => {
    render(<EventLog />);
    const rows = entries();
    expect(rows.map((r) => r.dataset.type)).toEqual(['lacp', 'lacp', 'lag', 'fault', 'link']);
    expect(rows[1]).toHaveTextContent('3.000');
    expect(rows[1]).toHaveTextContent('SW1 po1 eth2: Waiting → Distributing');
    expect(rows[2]).toHaveTextContent('SW1 po1 up: 2 active (eth1, eth2)');
    expect(rows[3]).toHaveTextContent('Fault: SW2 failed');
    expect(rows[4]).toHaveTextContent('Link l2 down (SW1 eth2 ⟷ SW2 eth2)');
    expect(screen.getAllByTestId('timeline-mark').map((m) => m.dataset.kind)).toEqual(['lagUp', 'fault', 'linkDown']);
  });

  it('speaks Korean when the language is Korean', () => {
    render(<EventLog />);
    act(() => setLanguage('ko'));
    expect(entries()[3]).toHaveTextContent('장애: SW2 다운');
    expect(entries()[4]).toHaveTextContent('링크 l2 끊김');
  });

  it('filters by type: LACPDUs on, LACP ports off', () => {
    render(<EventLog />);
    fireEvent.click(screen.getByTestId('log-filter-lacpdu'));
    expect(entries().map((r) => r.dataset.type)).toContain('lacpdu');
    expect(screen.getByText('LACPDU SW1:eth1 → SW2:eth1 (Actor 0x3f)')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('log-filter-lacp'));
    expect(entries().map((r) => r.dataset.type)).toEqual(['lacpdu', 'lag', 'fault', 'link']);
    expect(screen.getByTestId('log-filter-lacp')).toHaveAttribute('aria-pressed', 'false');
  });

  it('filters by device', () => {
    render(<EventLog />);
    act(() => useUiStore.getState().setLogFilter({ devices: ['sw2'] }));
    expect(entries().map((r) => r.dataset.type)).toEqual(['fault', 'link']);
  });

  it('selects what an entry concerns when clicked', () => {
    render(<EventLog />);
    fireEvent.click(within(entries()[2] as HTMLElement).getByRole('button'));
    expect(useTopologyStore.getState().selection.lag).toEqual({ device: 'sw1', id: 'po1' });
    fireEvent.click(within(entries()[3] as HTMLElement).getByRole('button'));
    expect(useTopologyStore.getState().selection.devices).toEqual(['sw2']);
    fireEvent.click(within(entries()[4] as HTMLElement).getByRole('button'));
    expect(useTopologyStore.getState().selection.links).toEqual(['l2']);
  });

  it('opens the packet inspector for a LACPDU entry', () => {
    render(<EventLog />);
    fireEvent.click(screen.getByTestId('log-filter-lacpdu'));
    const pdu = entries().find((r) => r.dataset.type === 'lacpdu') as HTMLElement;
    fireEvent.click(within(pdu).getByRole('button'));
    expect(useUiStore.getState().packet).toEqual({ link: 'l1', frame: 3 });
  });
});

describe('when events keep arriving', () => {
  it('follows them, at most ~4×/s', () => {
    vi.useFakeTimers();
    try {
      render(<EventLog />);
      const log = useOverlayStore.getState().log;
      act(() => useOverlayStore.setState({ log: [...log, { id: 99, event: { t: 12_000, type: 'fault', target: 'sw2', kind: 'device', action: 'restore' } }] }));
      expect(entries()).toHaveLength(5);
      act(() => {
        vi.advanceTimersByTime(250);
      });
      expect(entries()).toHaveLength(6);
      expect(entries()[5]).toHaveTextContent('SW2');
      expect(screen.getAllByTestId('timeline-mark').map((m) => m.dataset.kind)).toEqual(['lagUp', 'fault', 'linkDown', 'fault']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('when a partner state octet changes', () => {
  it('names the bits that changed', () => {
    seedLog([lacpEvent(1000, 'eth1', 'distributing', 'DISTRIBUTING'), lacpEvent(2000, 'eth1', 'distributing', 'DISTRIBUTING', { partner: { system: '02:00:00:00:02:00', key: 1, port: 1, state: 0x1f, flags: [] } })]);
    render(<EventLog />);
    expect(entries()[1]).toHaveTextContent('SW1 po1 eth1: partner state 0x3f → 0x1f (−Distributing)');
    expect(bitChange(0x45, 0x3d)).toBe('+Synchronization +Collecting +Distributing −Defaulted');
  });
});
