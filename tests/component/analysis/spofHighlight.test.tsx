/** The canvas marks the SPoFs of the last analysis (issue 6): `data-spof`, a ⚠ badge, only while the result is about the lab on the canvas. */
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../../src/ui/i18n';
import { resetAnalysis, setAnalysisReport, startAnalysis, syncAnalysisDoc } from '../../../src/store/analysisStore';
import { Canvas } from '../../../src/ui/canvas/Canvas';
import { setLanguage } from '../../../src/ui/i18n';
import type { AnalysisReport } from '../../../src/worker/protocol';
import { LAB, resetStores } from '../labFixture';

const sw1 = { kind: 'device' as const, id: 'sw1', label: 'SW1', targets: ['sw1'], links: ['l1', 'l2'] };
const l1 = { kind: 'link' as const, id: 'l1', label: 'link l1', targets: ['l1'], links: ['l1'] };
const report: AnalysisReport = {
  timing: { faultAtMs: 15_000, settleMs: 15_000 },
  baseline: [],
  elements: [],
  spofs: [
    { element: sw1, losses: [], isSpof: true },
    { element: l1, losses: [], isSpof: true },
  ],
  capacity: { rows: [], warnings: [] },
  runs: 4,
  virtualMs: 120_000,
};

beforeEach(() => {
  resetStores();
  resetAnalysis();
  setLanguage('en');
});

describe('when an analysis found SPoFs', () => {
  it('marks those devices and links until the lab changes', async () => {
    render(
      <div style={{ width: 1000, height: 700 }}>
        <Canvas />
      </div>,
    );
    await screen.findByTestId('device-sw1');
    expect(screen.getByTestId('device-sw1')).not.toHaveAttribute('data-spof');
    act(() => {
      startAnalysis(1, LAB);
      setAnalysisReport(1, report);
    });
    expect(screen.getByTestId('device-sw1')).toHaveAttribute('data-spof', 'true');
    expect(screen.getByTestId('device-spof-sw1')).toHaveTextContent('SPoF');
    expect(screen.getByTestId('device-sw2')).not.toHaveAttribute('data-spof');
    act(() => syncAnalysisDoc({ ...LAB, links: [] }));
    expect(screen.getByTestId('device-sw1')).not.toHaveAttribute('data-spof');
  });
});
