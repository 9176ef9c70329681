/** The failover report: rows per fault, host and target with verdicts, CSV / JSON downloads, empty state. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/ui/i18n';
import type { OutageEvent, SimEvent } from '../../../src/engine/events';
import { useOverlayStore } from '../../../src/store/overlayStore';
import { addReportEvents, clearReport } from '../../../src/store/reportStore';
import { setLanguage } from '../../../src/ui/i18n';
import { ReportDialog } from '../../../src/ui/report/ReportDialog';
import { useReportUi } from '../../../src/ui/report/reportUi';
import { downloadBlob } from '../../../src/ui/toolbar/download';
import { Toolbar } from '../../../src/ui/toolbar/Toolbar';
import { resetStores } from '../labFixture';

vi.mock('../../../src/ui/toolbar/download', () => ({ downloadBlob: vi.fn() }));

const expected = { ms: 3609, minMs: 2609, rule: 'vrrp.masterDownInterval', detail: 'Master_Down_Interval = 3 × 1 s + 0.609 s' };

function outage(host: string, target: OutageEvent['target'], atMs: number, durationMs: number): OutageEvent {
  return { t: atMs + durationMs, type: 'outage', host, target, ip: '10.0.0.1', startMs: atMs + 40, endMs: atMs + 40 + durationMs, durationMs, lostProbes: durationMs / 100, intervalMs: 100, fault: { target: 'sw1', action: 'fail', atMs }, expected };
}

const EVENTS: SimEvent[] = [
  { t: 10_000, type: 'fault', target: 'sw1', kind: 'device', action: 'fail' },
  outage('h1', 'gateway', 10_000, 3300),
  outage('h2', 'gateway', 10_000, 6000),
  { t: 20_000, type: 'fault', target: 'sw1', kind: 'device', action: 'restore' },
];

beforeEach(() => {
  resetStores();
  clearReport();
  vi.mocked(downloadBlob).mockClear();
  useReportUi.setState({ isOpen: false });
  setLanguage('en');
  useOverlayStore.setState({
    probes: {
      'h1:gateway': { t: 0, ip: '10.0.0.1', state: 'ok' },
      'h2:gateway': { t: 0, ip: '10.0.0.1', state: 'ok' },
    },
  });
});

describe('when the report opens from the toolbar', () => {
  it('explains how to get rows while no fault was injected, and closes on Escape', () => {
    render(
      <>
        <Toolbar />
        <ReportDialog />
      </>,
    );
    expect(screen.queryByTestId('report-dialog')).toBeNull();
    fireEvent.click(screen.getByTestId('btn-report'));
    expect(screen.getByTestId('report-empty')).toHaveTextContent('Fail a device with the fail tool');
    expect(screen.getByTestId('report-csv')).toBeDisabled();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('report-dialog')).toBeNull();
  });
});

describe('when faults and outages were recorded', () => {
  it('lists each fault with every host measured vs expected and a verdict', () => {
    act(() => addReportEvents(EVENTS));
    act(() => useReportUi.getState().setOpen(true));
    render(<ReportDialog />);
    const faults = screen.getAllByTestId('report-fault');
    expect(faults.map((f) => f.textContent)).toEqual(['10.000 sSW1 failed', '20.000 sSW1 restored']);
    const rows = screen.getAllByTestId('report-row');
    expect(rows.map((r) => `${r.dataset.host}:${r.dataset.verdict}`)).toEqual(['h1:match', 'h2:slower', 'h1:noOutage', 'h2:noOutage']);
    const first = rows[0] as HTMLElement;
    expect(within(first).getByTestId('report-measured')).toHaveTextContent('3.300 s');
    expect(within(first).getByTestId('report-expected')).toHaveTextContent('2.609–3.609 s');
    expect(within(first).getByTestId('report-rule')).toHaveTextContent('VRRP Master_Down_Interval');
    expect(first).toHaveTextContent('as predicted');
    expect(rows[1]).toHaveTextContent('slower than predicted');
  });

  it('downloads a CSV with a header and one row per fault, host and target, times in seconds', async () => {
    act(() => addReportEvents(EVENTS));
    act(() => useReportUi.getState().setOpen(true));
    render(<ReportDialog />);
    fireEvent.click(screen.getByTestId('report-csv'));
    expect(downloadBlob).toHaveBeenCalledTimes(1);
    const [blob, filename] = vi.mocked(downloadBlob).mock.calls[0] ?? [];
    expect(filename).toBe('two-switches-failover-report.csv');
    const lines = (await (blob as Blob).text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^fault_at_s,fault_action,fault_kind,fault_target,host,target,ip,outage_s,lost_probes/);
    expect(lines[1]).toBe('10.000,fail,device,SW1,h1,gateway,10.0.0.1,3.300,33,0.100,2.609,3.609,vrrp.masterDownInterval,VRRP Master_Down_Interval,match,as predicted');
    expect(lines[4]).toBe('20.000,restore,device,SW1,h2,gateway,10.0.0.1,,,,,,,,noOutage,no outage');
  });

  it('downloads structured JSON and speaks Korean', async () => {
    act(() => addReportEvents(EVENTS));
    act(() => useReportUi.getState().setOpen(true));
    act(() => setLanguage('ko'));
    render(<ReportDialog />);
    expect(screen.getByRole('dialog')).toHaveTextContent('장애 보고서');
    expect(screen.getByRole('dialog')).toHaveTextContent('측정값');
    fireEvent.click(screen.getByTestId('report-json'));
    const [blob] = vi.mocked(downloadBlob).mock.calls[0] ?? [];
    const json = JSON.parse(await (blob as Blob).text()) as { faults: { atMs: number; rows: { host: string; verdict: string; durationMs?: number }[] }[] };
    expect(json.faults.map((f) => f.atMs)).toEqual([10_000, 20_000]);
    expect(json.faults[0]?.rows[1]).toMatchObject({ host: 'h2', verdict: 'slower', durationMs: 6000 });
  });
});
