/**
 * The failover report's mount point: nothing until the toolbar opens it, then the dialog, fetched
 * on first use (React.lazy) with its English texts, so the first page load carries neither.
 */
import { Suspense, lazy } from 'react';
import { loadPanelTexts } from '../i18n';
import { useReportUi } from './reportUi';

const ReportDialog = lazy(() => Promise.all([import('./ReportDialog'), loadPanelTexts()]).then(([m]) => ({ default: m.ReportDialog })));

export function ReportMount() {
  const isOpen = useReportUi((s) => s.isOpen);
  if (!isOpen) return null;
  return (
    <Suspense fallback={null}>
      <ReportDialog />
    </Suspense>
  );
}
