/**
 * The N-1 capacity section of the SPoF panel: each link and LAG that carries traffic, its utilisation
 * now and the worst after one failure (and which failure), sorted by worst; over 100 % in red with
 * what goes over and the chapter's advice; "no traffic to size" when no link carries any.
 */
import { useTranslation } from 'react-i18next';
import { useTopologyStore } from '../../store/topologyStore';
import type { AnalysisReport } from '../../worker/protocol';
import { selectionOf } from './lossText';
import type { Naming } from './naming';
import { overloadText } from './whyText';

export type CapacityRow = AnalysisReport['capacity']['rows'][number];

/** The rows worth showing (traffic now or after a failure), busiest after a failure first. */
export function capacityRows(rows: readonly CapacityRow[]): CapacityRow[] {
  return rows.filter((r) => r.nowMbps > 0 || r.worstPct > 0).sort((x, y) => y.worstPct - x.worstPct || y.nowPct - x.nowPct || x.id.localeCompare(y.id));
}

/** `3.20 %` under 10 %, `45.5 %` above (as the CLI prints). */
export function pctText(n: number): string {
  return `${n < 10 ? n.toFixed(2) : n.toFixed(1)} %`;
}

/** `100 Mb/s`, `1 Gb/s`, `2.5 Gb/s`. */
function rateText(mbps: number): string {
  return mbps >= 1000 ? `${Number((mbps / 1000).toFixed(2))} Gb/s` : `${Number(mbps.toFixed(2))} Mb/s`;
}

function CapacityRowView({ row, naming }: { row: CapacityRow; naming: Naming }) {
  const { t } = useTranslation();
  const after = row.worstAfterElement;
  return (
    <tr className={row.isOver ? 'is-over' : undefined} data-testid="analysis-capacity-row" data-id={row.id} data-kind={row.kind} data-over={row.isOver ? 'true' : 'false'}>
      <td>
        <button type="button" className="analysis-capacity-name" onClick={() => useTopologyStore.getState().select(selectionOf(row))} title={t('analysis.selectHint')}>
          {row.isOver && (
            <span className="analysis-warn" aria-hidden="true">
              ⚠{' '}
            </span>
          )}
          {naming.element(row)}
        </button>
        <span className="analysis-kind muted small">
          {' '}
          {t(`analysis.kind.${row.kind}`)} · {rateText(row.capacityMbps)}
        </span>
      </td>
      <td className="num">{pctText(row.nowPct)}</td>
      <td className="num analysis-capacity-worst">{pctText(row.worstPct)}</td>
      <td className="analysis-capacity-after" data-testid="analysis-capacity-after">
        {after ? (
          <button type="button" className="analysis-capacity-name analysis-capacity-failure" onClick={() => useTopologyStore.getState().select(selectionOf(after))} title={t('analysis.selectHint')}>
            {naming.element(after)}
          </button>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

/** What goes over 100 %, one line each, then the chapter's advice. */
function Overloads({ capacity, count, naming }: { capacity: AnalysisReport['capacity']; count: number; naming: Naming }) {
  const { t } = useTranslation();
  return (
    <div className="analysis-capacity-advice" data-testid="analysis-capacity-advice" role="alert">
      <p>
        {t('analysis.capacity.over', { count })} {t('analysis.capacity.advice')}
      </p>
      {(capacity.overloads ?? []).length > 0 && (
        <ul className="analysis-capacity-overloads">
          {(capacity.overloads ?? []).map((o) => (
            <li key={`${o.kind}:${o.id}`} data-testid="analysis-capacity-overload" data-id={o.id} data-when={o.when}>
              {overloadText(t, o, naming, pctText, rateText)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CapacityTable({ capacity, naming }: { capacity: AnalysisReport['capacity']; naming: Naming }) {
  const { t } = useTranslation();
  const rows = capacityRows(capacity.rows);
  const overCount = rows.filter((r) => r.isOver).length;
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
                <CapacityRowView key={`${r.kind}:${r.id}`} row={r} naming={naming} />
              ))}
            </tbody>
          </table>
          {overCount > 0 && <Overloads capacity={capacity} count={overCount} naming={naming} />}
        </>
      )}
    </section>
  );
}
