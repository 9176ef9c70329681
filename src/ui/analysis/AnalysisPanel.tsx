/**
 * "Single points of failure" (issue 6): runs the SPoF finder in the worker on the current lab,
 * shows its progress, then lists every element whose failure alone loses something for good —
 * what is lost, for how long, and why — and, apart, the elements that only cause a transient
 * outage. A non-modal panel, so the highlighted canvas stays in view; a row selects its element.
 */
import { useTranslation } from 'react-i18next';
import { useAnalysisStore } from '../../store/analysisStore';
import { useLabCommands } from '../../store/session';
import { Icon } from '../toolbar/Icon';
import './analysis.css';
import { AnalysisResults } from './AnalysisResults';

function Progress() {
  const { t } = useTranslation();
  const done = useAnalysisStore((s) => s.done);
  const total = useAnalysisStore((s) => s.total);
  return (
    <div className="analysis-progress" data-testid="analysis-progress" data-done={done} data-total={total}>
      {/* indeterminate until the worker has counted the elements */}
      {total === 0 ? <progress aria-label={t('analysis.progressLabel')} /> : <progress value={done} max={total} aria-label={t('analysis.progressLabel')} />}
      <span className="muted small">{t('analysis.progress', { done, total })}</span>
    </div>
  );
}

export function AnalysisPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useLabCommands();
  const status = useAnalysisStore((s) => s.status);
  const error = useAnalysisStore((s) => s.error);
  const isRunning = status === 'running';
  return (
    <section className="modal analysis-panel" role="dialog" aria-modal="false" aria-labelledby="analysis-title" data-testid="analysis-panel" data-status={status}>
      <header className="modal-head">
        <h2 id="analysis-title" className="modal-title">
          {t('analysis.title')}
        </h2>
        <button type="button" className="btn btn-primary" data-testid="analysis-run" onClick={() => commands.analyze()} disabled={isRunning} title={t('analysis.runHint')}>
          <Icon name="play" />
          <span>{isRunning ? t('analysis.running') : status === 'idle' ? t('analysis.run') : t('analysis.rerun')}</span>
        </button>
        <button type="button" className="btn btn-icon" data-testid="analysis-close" onClick={onClose} aria-label={t('analysis.close')} title={t('analysis.close')}>
          <Icon name="close" />
        </button>
      </header>
      <div className="modal-body">
        <p className="muted small analysis-intro">{t('analysis.intro')}</p>
        {status === 'idle' && <p className="analysis-idle">{t('analysis.idle')}</p>}
        {isRunning && <Progress />}
        {status === 'error' && (
          <p className="analysis-error" data-testid="analysis-error" role="alert">
            {t('analysis.error', { detail: error ?? '' })}
          </p>
        )}
        {status === 'done' && <AnalysisResults />}
      </div>
    </section>
  );
}
