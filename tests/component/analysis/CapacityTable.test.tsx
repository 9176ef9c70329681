/** The N-1 capacity section of the SPoF panel (issue 6): rows with traffic sorted by worst, over 100 % in red with the advice, "no traffic to size". */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../../src/ui/i18n';
import { resetAnalysis, setAnalysisReport, startAnalysis } from '../../../src/store/analysisStore';
import { useTopologyStore } from '../../../src/store/topologyStore';
import { AnalysisResults } from '../../../src/ui/analysis/AnalysisResults';
import { capacityRows, pctText } from '../../../src/ui/analysis/CapacityTable';
import { setLanguage } from '../../../src/ui/i18n';
import type { AnalysisReport } from '../../../src/worker/protocol';
import { LAB, resetStores } from '../labFixture';

type Capacity = AnalysisReport['capacity'];

/** po1 (2 × 1 Gb/s) at 60 %, 120 % on l2 after l1 fails; l1 at 30 % → 45 %; an idle link. */
const LOADED: Capacity = {
  rows: [
    { kind: 'link', id: 'l1', label: 'link l1', capacityMbps: 1000, nowMbps: 300, nowPct: 30, worstPct: 45, worstAfter: 'SW2', worstAfterElement: { kind: 'device', id: 'sw2' }, isOver: false },
    { kind: 'link', id: 'l9', label: 'link l9', capacityMbps: 1000, nowMbps: 0, nowPct: 0, worstPct: 0, isOver: false },
    { kind: 'lag', id: 'sw1/po1', label: 'LAG po1 on sw1', capacityMbps: 2000, nowMbps: 1200, nowPct: 60, worstPct: 120, worstAfter: 'link l1 (sw1:eth1–sw2:eth1)', worstAfterElement: { kind: 'link', id: 'l1' }, isOver: true },
    { kind: 'link', id: 'l2', label: 'link l2', capacityMbps: 1000, nowMbps: 50, nowPct: 5, worstPct: 5, isOver: false },
  ],
  warnings: ['LAG po1 on sw1 reaches 120 % after link l1 (sw1:eth1–sw2:eth1) fails: size active-active links so that one half can carry the whole load'],
  overloads: [{ kind: 'lag', id: 'sw1/po1', when: 'afterFailure', pct: 120, capacityMbps: 2000, after: { kind: 'link', id: 'l1' } }],
};

function report(capacity: Capacity): AnalysisReport {
  return { timing: { faultAtMs: 15_000, settleMs: 15_000 }, baseline: [], elements: [], spofs: [], capacity, runs: 4, virtualMs: 120_000 };
}

function show(capacity: Capacity) {
  render(<AnalysisResults />);
  act(() => {
    startAnalysis(1, LAB);
    setAnalysisReport(1, report(capacity));
  });
  return screen.getByTestId('analysis-capacity');
}

beforeEach(() => {
  resetStores();
  resetAnalysis();
  setLanguage('en');
});

describe('the N-1 capacity section', () => {
  it('lists the links and LAGs with traffic, worst first, with now, worst after one failure and which failure', () => {
    const section = show(LOADED);
    expect(within(section).getByText('N-1 capacity')).toBeInTheDocument();
    const rows = within(section).getAllByTestId('analysis-capacity-row');
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['sw1/po1', 'l1', 'l2']); // l9 carries nothing
    const [lag, l1, l2] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(lag).toHaveTextContent('LAG po1 on SW1'); // named from its id when the report has no sides for it
    expect(lag).toHaveTextContent('60.0 %');
    expect(lag).toHaveTextContent('120.0 %');
    expect(within(lag).getByTestId('analysis-capacity-after')).toHaveTextContent('SW1 – SW2 (l1)');
    expect(lag).toHaveTextContent('2 Gb/s');
    expect(l1).toHaveTextContent('SW1 – SW2 (l1)'); // a link is named by its ends and id
    expect(l1).toHaveTextContent('30.0 %');
    expect(l1).toHaveTextContent('45.0 %');
    expect(within(l1).getByTestId('analysis-capacity-after')).toHaveTextContent('SW2');
    expect(l2).toHaveTextContent('5.00 %');
    expect(l2).toHaveTextContent('—'); // no failure makes it worse
  });

  it('marks a row over 100 % in red and gives the chapter’s advice', () => {
    const section = show(LOADED);
    const rows = within(section).getAllByTestId('analysis-capacity-row');
    expect(rows[0]).toHaveAttribute('data-over', 'true');
    expect(rows[0]).toHaveClass('is-over');
    expect(rows[1]).toHaveAttribute('data-over', 'false');
    expect(rows[1]).not.toHaveClass('is-over');
    expect(section).toHaveAttribute('data-over', '1');
    const advice = screen.getByTestId('analysis-capacity-advice');
    expect(advice).toHaveTextContent('1 link or LAG goes over 100 %');
    expect(advice).toHaveTextContent('Size active-active so that one half carries the whole load.');
    expect(within(advice).getByTestId('analysis-capacity-overload')).toHaveTextContent('LAG po1 on SW1 reaches 120.0 % after link SW1 – SW2 (l1) fails.');
  });

  it('selects the link or LAG on the canvas when its name is clicked, and the failure when the “after failure of” cell is', () => {
    const section = show(LOADED);
    fireEvent.click(within(section).getByText('LAG po1 on SW1'));
    expect(useTopologyStore.getState().selection.lag).toEqual({ device: 'sw1', id: 'po1' });
    const l1 = within(section).getAllByTestId('analysis-capacity-row')[1]!;
    fireEvent.click(within(l1).getByRole('button', { name: 'SW1 – SW2 (l1)' }));
    expect(useTopologyStore.getState().selection.links).toEqual(['l1']);
    fireEvent.click(within(l1).getByRole('button', { name: 'SW2' })); // the failure that gives the worst
    expect(useTopologyStore.getState().selection.devices).toEqual(['sw2']);
  });

  it('gives no advice when everything fits', () => {
    show({ rows: LOADED.rows.filter((r) => !r.isOver), warnings: [] });
    expect(screen.getAllByTestId('analysis-capacity-row')).toHaveLength(2);
    expect(screen.queryByTestId('analysis-capacity-advice')).toBeNull();
  });

  it('says "no traffic to size" when no link carries any', () => {
    const section = show({ rows: [LOADED.rows[1]!], warnings: [] });
    expect(screen.getByTestId('analysis-capacity-none')).toHaveTextContent('No traffic to size');
    expect(within(section).queryByRole('table')).toBeNull();
  });

  it('speaks Korean', () => {
    setLanguage('ko');
    show(LOADED);
    expect(screen.getByText('N-1 용량')).toBeInTheDocument();
    expect(screen.getByTestId('analysis-capacity-advice')).toHaveTextContent('한쪽 절반이 전체 부하를 감당하도록');
    expect(screen.getByText('SW1의 LAG po1')).toBeInTheDocument();
    expect(screen.getByTestId('analysis-capacity-overload')).toHaveTextContent('SW1의 LAG po1: 링크 SW1 – SW2 (l1)에 장애가 나면 120.0 %까지 올라간다.');
  });
});

describe('capacityRows and pctText', () => {
  it('drops idle rows and sorts by worst, then now', () => {
    const base = LOADED.rows[0]!;
    const rows = capacityRows([
      { ...base, id: 'a', worstPct: 50, nowPct: 10 },
      { ...base, id: 'b', worstPct: 50, nowPct: 40 },
      { ...base, id: 'c', worstPct: 0, nowPct: 0, nowMbps: 0 },
      { ...base, id: 'd', worstPct: 90, nowPct: 40 },
    ]);
    expect(rows.map((r) => r.id)).toEqual(['d', 'b', 'a']);
  });

  it('prints two decimals under 10 %, one above', () => {
    expect(pctText(3.2)).toBe('3.20 %');
    expect(pctText(120)).toBe('120.0 %');
  });
});
