/** The canvas shows the N-1 table's warnings on the links (issue 6 item 2): `N-1 121 %` while the analysis is about the lab on the canvas. */
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../../src/ui/i18n';
import { resetAnalysis, setAnalysisReport, startAnalysis, syncAnalysisDoc } from '../../../src/store/analysisStore';
import { Canvas } from '../../../src/ui/canvas/Canvas';
import { setLanguage } from '../../../src/ui/i18n';
import type { AnalysisReport } from '../../../src/worker/protocol';
import { LAB, resetStores } from '../labFixture';

const row = (id: string, worstPct: number) => ({ kind: 'link' as const, id, label: `link ${id}`, capacityMbps: 1000, nowMbps: 605.6, nowPct: 60.56, worstPct, isOver: worstPct > 100 });
const report: AnalysisReport = {
  timing: { faultAtMs: 15_000, settleMs: 15_000 },
  baseline: [],
  elements: [],
  spofs: [],
  capacity: { rows: [row('l1', 121.12), row('l2', 60.56)], warnings: [] },
  runs: 3,
  virtualMs: 90_000,
};

beforeEach(() => {
  resetStores();
  resetAnalysis();
  setLanguage('en');
});

describe('when the N-1 table finds a link over its line rate after one failure', () => {
  it('badges that link (and not the others) until the lab changes', async () => {
    render(
      <div style={{ width: 1000, height: 700 }}>
        <Canvas />
      </div>,
    );
    await screen.findByTestId('link-l1');
    expect(screen.queryByTestId('link-n1-l1')).toBeNull();
    act(() => {
      startAnalysis(1, LAB);
      setAnalysisReport(1, report);
    });
    expect(screen.getByTestId('link-n1-l1')).toHaveTextContent('N-1 121 %');
    expect(screen.getByTestId('link-n1-l1')).toHaveAttribute('data-pct', '121.12');
    expect(screen.queryByTestId('link-n1-l2')).toBeNull();
    act(() => syncAnalysisDoc({ ...LAB, links: LAB.links.slice(0, 1) }));
    expect(screen.queryByTestId('link-n1-l1')).toBeNull();
  });
});
