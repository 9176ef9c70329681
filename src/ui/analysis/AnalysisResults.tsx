/** The finished analysis: the SPoFs (or "no single point of failure"), then the transient-only elements, then N-1 capacity. */
import { useTranslation } from 'react-i18next';
import { useAnalysisStore } from '../../store/analysisStore';
import { CapacityTable } from './CapacityTable';
import { ElementRow } from './ElementRow';
import { useNaming } from './naming';

export function AnalysisResults() {
  const { t } = useTranslation();
  const report = useAnalysisStore((s) => s.report);
  const isCurrent = useAnalysisStore((s) => s.isCurrent);
  const naming = useNaming(report);
  if (!report) return null;
  const transient = report.elements.filter((e) => !e.isSpof && e.losses.length > 0);
  // No SPoF is not the whole answer when a single failure leaves more load than capacity (N-1).
  const overCount = report.capacity.rows.filter((r) => r.isOver).length;
  return (
    <div className="analysis-results" data-testid="analysis-results" data-spofs={report.spofs.length}>
      {!isCurrent && (
        <p className="analysis-stale" data-testid="analysis-stale">
          {t('analysis.stale')}
        </p>
      )}
      <p className="muted small">{t('analysis.summary', { runs: report.runs, items: report.baseline.length, s: Math.round(report.virtualMs / 1000) })}</p>
      {report.spofs.length === 0 ? (
        <div className="analysis-none" data-testid="analysis-none">
          <p className="analysis-none-title">{t('analysis.none')}</p>
          <p className="muted small">{report.baseline.length === 0 ? t('analysis.nothingMeasured') : t('analysis.noneDetail')}</p>
          {overCount > 0 && (
            <p className="analysis-none-capacity small" data-testid="analysis-none-capacity">
              {t('analysis.noneButCapacity', { count: overCount })}
            </p>
          )}
        </div>
      ) : (
        <>
          <h3 className="analysis-heading">{t('analysis.spofs', { count: report.spofs.length })}</h3>
          <ul className="analysis-list" data-testid="analysis-spofs">
            {report.spofs.map((r) => (
              <ElementRow key={r.element.id} result={r} naming={naming} />
            ))}
          </ul>
        </>
      )}
      {transient.length > 0 && (
        <>
          <h3 className="analysis-heading">{t('analysis.transientOnly', { count: transient.length })}</h3>
          <ul className="analysis-list" data-testid="analysis-transient">
            {transient.map((r) => (
              <ElementRow key={r.element.id} result={r} naming={naming} />
            ))}
          </ul>
        </>
      )}
      <CapacityTable capacity={report.capacity} naming={naming} />
    </div>
  );
}
