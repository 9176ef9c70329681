/** The event log's first-hop lines: VRRP states and advertisements, and their timeline marks. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../src/engine/events';
import '../../../src/ui/i18n';
import { setLanguage } from '../../../src/ui/i18n';
import { EventLog } from '../../../src/ui/timeline/EventLog';
import { resetStores, seedLog } from '../labFixture';

const EVENTS: SimEvent[] = [
  { t: 0, type: 'vrrp', group: 'gw', device: 'sw1', vrid: 10, state: 'backup', priority: 200, reason: 'startup' },
  { t: 3218.75, type: 'vrrpAdvert', link: 'l1', from: { device: 'sw1', port: 'eth1' }, to: { device: 'sw2', port: 'eth1' }, arrive: 3218.756, frame: 4, group: 'gw', device: 'sw1', vrid: 10, priority: 200, advertIntervalCs: 100 },
  { t: 3218.75, type: 'vrrp', group: 'gw', device: 'sw1', vrid: 10, state: 'master', priority: 200, masterIp: '10.0.0.2', reason: 'masterDown' },
  { t: 3218.76, type: 'vrrp', group: 'gw', device: 'sw2', vrid: 10, state: 'backup', priority: 100, masterIp: '10.0.0.2', reason: 'newMaster' },
  { t: 10_000, type: 'fault', target: 'sw1', kind: 'device', action: 'fail' },
  { t: 10_000, type: 'vrrp', group: 'gw', device: 'sw1', vrid: 10, state: 'initialize', priority: 200, reason: 'interfaceDown' },
  { t: 13_828, type: 'vrrp', group: 'gw', device: 'sw2', vrid: 10, state: 'master', priority: 100, masterIp: '10.0.0.3', reason: 'masterDown' },
];

beforeEach(() => {
  resetStores();
  seedLog(EVENTS);
  setLanguage('en');
});

const entries = () => within(screen.getByTestId('event-log')).queryAllByTestId('log-entry');

describe('when the log has VRRP events', () => {
  it('says each router\'s state, priority and why; advertisements are hidden by default', () => {
    render(<EventLog />);
    expect(entries().map((r) => r.dataset.type)).toEqual(['vrrp', 'vrrp', 'vrrp', 'fault', 'vrrp', 'vrrp']);
    expect(entries()[1]).toHaveTextContent('SW1 gw (VRID 10): Master, priority 200 — no advertisement for Master_Down_Interval');
    expect(entries()[2]).toHaveTextContent('SW2 gw (VRID 10): Backup, priority 100, Master 10.0.0.2 — follows the Master');
    expect(entries()[4]).toHaveTextContent('SW1 gw (VRID 10): Initialize, priority 200 — interface down');
  });

  it('marks every router that becomes Master on the timeline strip', () => {
    render(<EventLog />);
    expect(screen.getAllByTestId('timeline-mark').map((m) => m.dataset.kind)).toEqual(['vrrpMaster', 'fault', 'vrrpMaster']);
  });

  it('shows advertisements when asked, and speaks Korean', () => {
    render(<EventLog />);
    fireEvent.click(screen.getByTestId('log-filter-vrrpAdvert'));
    expect(screen.getByText('VRRP advertisement SW1:eth1 → SW2:eth1 (SW1, VRID 10, priority 200)')).toBeInTheDocument();
    act(() => setLanguage('ko'));
    expect(entries()[2]).toHaveTextContent('SW1 gw (VRID 10): Master, 우선순위 200 — Master_Down_Interval 동안 광고 없음');
  });
});

describe('when the log has probes and outages', () => {
  const OUTAGE: SimEvent[] = [
    { t: 10_000, type: 'fault', target: 'sw1', kind: 'device', action: 'fail' },
    { t: 10_100, type: 'probe', host: 'sw2', target: 'gateway', ip: '10.0.0.1', state: 'lost', sinceMs: 10_000 },
    { t: 13_600, type: 'outage', host: 'sw2', target: 'gateway', ip: '10.0.0.1', startMs: 10_000, endMs: 13_600, durationMs: 3600, lostProbes: 36, intervalMs: 100, fault: { target: 'sw1', action: 'fail', atMs: 10_000 }, expected: { ms: 3609.375, minMs: 2609.375, rule: 'vrrp.masterDownInterval', detail: 'MDI' } },
    { t: 13_600, type: 'probe', host: 'sw2', target: 'gateway', ip: '10.0.0.1', state: 'ok' },
  ];

  it('says who lost what, measures the outage next to the prediction, and marks the outage where it began', () => {
    resetStores();
    seedLog(OUTAGE);
    render(<EventLog />);
    expect(entries().map((r) => r.dataset.type)).toEqual(['fault', 'probe', 'outage', 'probe']);
    expect(entries()[1]).toHaveTextContent('SW2 cannot reach its gateway 10.0.0.1 (unanswered since 10.000 s)');
    expect(entries()[2]).toHaveTextContent('SW2 → gateway 10.0.0.1: outage of 3.6 s (36 probes lost, one every 100 ms); expected 2.609–3.609 s (VRRP Master_Down_Interval)');
    expect(entries()[3]).toHaveTextContent('SW2 reaches its gateway 10.0.0.1');
    const marks = screen.getAllByTestId('timeline-mark');
    expect(marks.map((m) => m.dataset.kind)).toEqual(['fault', 'outage']);
    // The outage is a span from its first lost probe to its first answered one.
    expect(marks[1]).toHaveClass('mark-outage');
    expect(marks[1]?.style.getPropertyValue('--t')).toBe('10000');
    expect(marks[1]?.style.getPropertyValue('--d')).toBe('3600');
    expect(marks[0]?.style.getPropertyValue('--d')).toBe('');
    act(() => setLanguage('ko'));
    expect(entries()[2]).toHaveTextContent('SW2 → 게이트웨이 10.0.0.1: 3.6초 중단 (프로브 36개 손실, 100ms마다 하나); 예측 2.609–3.609초 (VRRP Master_Down_Interval)');
  });
});
