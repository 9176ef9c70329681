/**
 * The failover report (issue 6): every fault injected since the lab was loaded and, per host and
 * target, the outage measured next to the one predicted, with CSV and JSON downloads for a
 * teacher. A modal opened from the toolbar; Escape or the backdrop closes it.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayStore } from '../../store/overlayStore';
import { titleSlug } from '../../store/persistence';
import { REPORT_LIMIT, useReportStore } from '../../store/reportStore';
import { useTopologyStore } from '../../store/topologyStore';
import { downloadBlob } from '../toolbar/download';
import { Icon } from '../toolbar/Icon';
import './report.css';
import { reportCsv, reportJson } from './reportExport';
import { ReportTable } from './ReportTable';
import { useReportUi } from './reportUi';
import { useReportGroups, useReportNames } from './useReport';
import { useEscapeKey } from '../useEscapeKey';

function ReportBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const groups = useReportGroups();
  const names = useReportNames();
  const dropped = useReportStore((s) => s.dropped);
  const title = useTopologyStore((s) => s.doc.meta?.title);
  const isEmpty = groups.length === 0;
  const base = `${titleSlug(title)}-failover-report`;

  const onCsv = () => downloadBlob(new Blob([reportCsv(groups, names)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`);
  const onJson = () => {
    const text = reportJson(groups, names, { title: title ?? '', clockMs: useOverlayStore.getState().clock });
    downloadBlob(new Blob([text], { type: 'application/json' }), `${base}.json`);
  };

  return (
    <div className="modal report-modal" role="dialog" aria-modal="true" aria-labelledby="report-title" data-testid="report-dialog">
      <header className="modal-head">
        <h2 id="report-title" className="modal-title">
          {t('report.title')}
        </h2>
        <button type="button" className="btn" data-testid="report-csv" onClick={onCsv} disabled={isEmpty} title={t('report.csvHint')}>
          <Icon name="download" />
          <span>{t('report.csv')}</span>
        </button>
        <button type="button" className="btn" data-testid="report-json" onClick={onJson} disabled={isEmpty} title={t('report.jsonHint')}>
          <Icon name="download" />
          <span>{t('report.json')}</span>
        </button>
        <button type="button" className="btn btn-icon" data-testid="report-close" onClick={onClose} aria-label={t('report.close')} title={t('report.close')}>
          <Icon name="close" />
        </button>
      </header>
      <div className="modal-body">
        {isEmpty ? (
          <div className="report-empty" data-testid="report-empty">
            <p className="report-empty-title">{t('report.emptyTitle')}</p>
            <p className="muted">{t('report.empty')}</p>
          </div>
        ) : (
          <>
            <p className="muted small report-intro">{t('report.intro')}</p>
            <ReportTable groups={groups} names={names} />
          </>
        )}
        {dropped > 0 && (
          <p className="muted small" data-testid="report-dropped">
            {t('report.dropped', { count: dropped, limit: REPORT_LIMIT })}
          </p>
        )}
      </div>
    </div>
  );
}

export function ReportDialog() {
  const isOpen = useReportUi((s) => s.isOpen);
  const close = useCallback(() => useReportUi.getState().setOpen(false), []);

  useEscapeKey(isOpen, close);

  if (!isOpen) return null;
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <ReportBody onClose={close} />
    </div>
  );
}
