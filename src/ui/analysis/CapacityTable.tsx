/**
 * The N-1 capacity section of the SPoF panel: each link and LAG that carries traffic, its utilisation
 * now and the worst after one failure (and which failure), sorted by worst; over 100 % in red with the
 * chapter's advice; "no traffic to size" when no link carries any.
 */
import { useTranslation } from 'react-i18next';
import { useTopologyStore } from '../../store/topologyStore';
import type { AnalysisReport } from '../../worker/protocol';
import { selectionOf } from './lossText';

export type CapacityRow = AnalysisReport['capacity']['rows'][number];

/** The rows worth showing (traffic now or after a failure), busiest after a failure first. */
export function capacityRows(rows: readonly CapacityRow[]): CapacityRow[] {
  return rows.filter((r) => r.nowMbps > 0 || r.worstPct > 0).sort((x, y) => y.worstPct - x.worstPct || y.nowPct - x.nowPct || x.label.localeCompare(y.label));
}

/** `3.20 %` under 10 %, `45.5 %` above (as the CLI prints). */
export function pctText(n: number): string {
  return `${n < 10 ? n.toFixed(2) : n.toFixed(1)} %`;
}

/** `100 Mb/s`, `1 Gb/s`, `2.5 Gb/s`. */
function rateText(mbps: number): string {
  return mbps >= 1000 ? `${Number((mbps / 1000).toFixed(2))} Gb/s` : `${Number(mbps.toFixed(2))} Mb/s`;
}

export function CapacityTable({ capacity, nameOf }: { capacity: AnalysisReport['capacity']; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const links = useTopologyStore((s) => s.doc.links);
  const rows = capacityRows(capacity.rows);
  const overCount = rows.filter((r) => r.isOver).length;
  const labelOf = (r: CapacityRow): string => {
    if (r.kind === 'lag') return r.label;
    const link = links.find((l) => l.id === r.id);
    return link ? `${nameOf(link.a.device)} – ${nameOf(link.b.device)} (${r.id})` : r.label;
  };
  return (
    <section className="analysis-capacity" data-testid="analysis-capacity" data-over={overCount}>
      <h3 className="analysis-heading">{t('analysis.capacity.title')}</h3>
      {rows.length === 0 ? (
        <p className="muted small" data-testid="analysis-capacity-none">
          {t('analysis.capacity.noTraffic')}
        </p>
      ) : (
        <>
          <p className="muted small">{t('analysis.capacity.intro')}</p>
          <table className="analysis-capacity-table">
            <thead>
              <tr>
                <th scope="col">{t('analysis.capacity.colLink')}</th>
                <th scope="col" className="num">
                  {t('analysis.capacity.colNow')}
                </th>
                <th scope="col" className="num">
                  {t('analysis.capacity.colWorst')}
                </th>
                <th scope="col">{t('analysis.capacity.colAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.kind}:${r.id}`} className={r.isOver ? 'is-over' : undefined} data-testid="analysis-capacity-row" data-id={r.id} data-kind={r.kind} data-over={r.isOver ? 'true' : 'false'}>
                  <td>
                    <button type="button" className="analysis-capacity-name" onClick={() => useTopologyStore.getState().select(selectionOf(r))} title={t('analysis.selectHint')}>
                      {r.isOver && (
                        <span className="analysis-warn" aria-hidden="true">
                          ⚠{' '}
                        </span>
                      )}
                      {labelOf(r)}
                    </button>
                    <span className="analysis-kind muted small">
                      {' '}
                      {t(`analysis.kind.${r.kind}`)} · {rateText(r.capacityMbps)}
                    </span>
                  </td>
                  <td className="num">{pctText(r.nowPct)}</td>
                  <td className="num analysis-capacity-worst">{pctText(r.worstPct)}</td>
                  <td className="analysis-capacity-after">{r.worstAfter ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {overCount > 0 && (
            <p className="analysis-capacity-advice" data-testid="analysis-capacity-advice" role="alert">
              {t('analysis.capacity.over', { count: overCount })} {t('analysis.capacity.advice')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
