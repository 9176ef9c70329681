/** The SPoF panel (issue 6): opened from the toolbar, idle → running with progress → SPoFs or "none", stale after an edit; a row selects its element. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/ui/i18n';
import { resetAnalysis, setAnalysisProgress, setAnalysisReport, startAnalysis, syncAnalysisDoc, useAnalysisStore } from '../../../src/store/analysisStore';
import type * as SessionModule from '../../../src/store/session';
import { useTopologyStore } from '../../../src/store/topologyStore';
import { AnalysisDialog } from '../../../src/ui/analysis/AnalysisDialog';
import { useAnalysisUi } from '../../../src/ui/analysis/analysisUi';
import { setLanguage } from '../../../src/ui/i18n';
import { Toolbar } from '../../../src/ui/toolbar/Toolbar';
import type { AnalysisReport } from '../../../src/worker/protocol';
import { LAB, resetStores } from '../labFixture';

const analyze = vi.fn();
vi.mock('../../../src/store/session', async (importOriginal) => {
  const actual = await importOriginal<typeof SessionModule>();
  return { ...actual, useLabCommands: () => ({ ...actual.useLabCommands(), analyze }) };
});

const gateway = { key: 'h1→gateway', kind: 'gateway' as const, host: 'sw2', to: '10.0.0.1' };
const flow = { key: 'flow:f1', kind: 'flow' as const, host: 'sw2', flow: 'f1', to: 'sw1' };

function report(isSpof: boolean): AnalysisReport {
  const sw1 = { kind: 'device' as const, id: 'sw1', label: 'SW1', targets: ['sw1'], links: ['l1', 'l2'] };
  const sides = [
    { device: 'sw1', lag: 'po1' },
    { device: 'sw2', lag: 'po1' },
  ];
  const lag = { kind: 'lag' as const, id: 'sw1/po1', label: 'LAG po1 on sw1 = LAG po1 on sw2', sides, targets: ['l1', 'l2'], links: ['l1', 'l2'] };
  const why = { code: 'singleGateway' as const, params: { device: 'sw1', gateway: '10.0.0.1', host: 'sw2' } };
  const reason = 'single gateway SW1 (10.0.0.1) for sw2: no VRRP group or anycast gateway shares the address';
  const spof = { element: sw1, isSpof: true, losses: [{ item: gateway, duration: 'permanent' as const, afterFaultMs: 0, outageMs: 25_000, reason, why }, { item: flow, duration: 'permanent' as const, afterFaultMs: 0, outageMs: 25_000 }] };
  const transient = { element: lag, isSpof: false, losses: [{ item: gateway, duration: 'transient' as const, afterFaultMs: 0, outageMs: 3000 }] };
  const elements = isSpof ? [spof, transient] : [transient];
  return {
    timing: { faultAtMs: 15_000, settleMs: 15_000 },
    baseline: [gateway, flow],
    elements,
    spofs: elements.filter((e) => e.isSpof),
    capacity: { rows: [], warnings: [] },
    runs: 3,
    virtualMs: 90_000,
  };
}

beforeEach(() => {
  resetStores();
  resetAnalysis();
  analyze.mockClear();
  useAnalysisUi.setState({ isOpen: false });
  setLanguage('en');
});

async function openPanel() {
  render(
    <>
      <Toolbar />
      <AnalysisDialog />
    </>,
  );
  fireEvent.click(screen.getByTestId('btn-analysis'));
  return screen.findByTestId('analysis-panel');
}

describe('when the SPoF panel opens from the toolbar', () => {
  it('is idle until Run, which asks the worker for an analysis; Escape closes it', async () => {
    const panel = await openPanel();
    expect(panel).toHaveAttribute('data-status', 'idle');
    fireEvent.click(screen.getByTestId('analysis-run'));
    expect(analyze).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('analysis-panel')).toBeNull();
  });

  it('shows the progress while running, with Run disabled', async () => {
    await openPanel();
    act(() => {
      startAnalysis(7, LAB);
      setAnalysisProgress(7, 2, 5);
      setAnalysisProgress(6, 4, 5); // a cancelled run's message is ignored
    });
    expect(screen.getByTestId('analysis-progress')).toHaveTextContent('2 / 5 simulations');
    expect(screen.getByTestId('analysis-run')).toBeDisabled();
  });

  it('lists the SPoFs with what is lost, for how long and why, the transient-only elements apart, and selects on click', async () => {
    await openPanel();
    act(() => {
      startAnalysis(1, LAB);
      setAnalysisReport(1, report(true));
    });
    const spofs = screen.getByTestId('analysis-spofs');
    const row = within(spofs).getByText('SW1').closest('li');
    expect(row).toHaveAttribute('data-spof', 'true');
    expect(row).toHaveTextContent('SW2 → gateway 10.0.0.1');
    expect(row).toHaveTextContent('lost for good (≥ 25 s)');
    expect(row).toHaveTextContent('single gateway SW1 (10.0.0.1) for SW2: no VRRP group or anycast gateway shares the address'); // worded in the UI, with the lab's names
    expect(row).toHaveTextContent('flow f1: SW2 → SW1');
    expect(screen.getByTestId('analysis-transient')).toHaveTextContent('lost 3.0 s');
    expect(screen.queryByTestId('analysis-none')).toBeNull();
    fireEvent.click(within(spofs).getByText('SW1'));
    expect(useTopologyStore.getState().selection.devices).toEqual(['sw1']);
    fireEvent.click(within(screen.getByTestId('analysis-transient')).getByText('LAG po1 on SW1 = LAG po1 on SW2'));
    expect(useTopologyStore.getState().selection.lag).toEqual({ device: 'sw1', id: 'po1' });
    expect(useAnalysisStore.getState().spofDevices.has('sw1')).toBe(true);
  });

  it('says "No single point of failure" when there is none', async () => {
    await openPanel();
    act(() => {
      startAnalysis(1, LAB);
      setAnalysisReport(1, report(false));
    });
    expect(screen.getByTestId('analysis-none')).toHaveTextContent('No single point of failure');
    expect(screen.queryByTestId('analysis-spofs')).toBeNull();
    expect(screen.queryByTestId('analysis-none-capacity'), 'no capacity caveat when nothing overflows').toBeNull();
  });

  it('marks the result stale once the lab changes, and current again when it is back (moves do not count)', async () => {
    await openPanel();
    act(() => {
      startAnalysis(1, LAB);
      setAnalysisReport(1, report(true));
    });
    const moved = { ...LAB, devices: LAB.devices.map((d) => ({ ...d, position: { x: 9, y: 9 } })) };
    act(() => syncAnalysisDoc(moved));
    expect(screen.queryByTestId('analysis-stale')).toBeNull();
    act(() => syncAnalysisDoc({ ...LAB, links: LAB.links.slice(0, 1), lags: [] }));
    expect(screen.getByTestId('analysis-stale')).toBeInTheDocument();
    expect(useAnalysisStore.getState().isCurrent).toBe(false);
    act(() => syncAnalysisDoc(LAB));
    expect(screen.queryByTestId('analysis-stale')).toBeNull();
  });

  it('shows the panel in Korean', async () => {
    setLanguage('ko');
    await openPanel();
    expect(await screen.findByText('단일 장애점', { selector: 'h2' })).toBeInTheDocument();
  });
});
