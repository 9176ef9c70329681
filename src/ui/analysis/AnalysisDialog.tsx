/**
 * The SPoF panel's mount point (issue 6): nothing until the toolbar opens it, then the panel,
 * fetched on first use (React.lazy) with its English texts, so the first page load carries neither. Escape closes it.
 */
import { Suspense, lazy, useCallback } from 'react';
import { loadPanelTexts } from '../i18n';
import { useAnalysisUi } from './analysisUi';
import { useEscapeKey } from '../useEscapeKey';

const AnalysisPanel = lazy(() => Promise.all([import('./AnalysisPanel'), loadPanelTexts()]).then(([m]) => ({ default: m.AnalysisPanel })));

export function AnalysisDialog() {
  const isOpen = useAnalysisUi((s) => s.isOpen);
  const close = useCallback(() => useAnalysisUi.getState().setOpen(false), []);

  useEscapeKey(isOpen, close);

  if (!isOpen) return null;
  return (
    <Suspense fallback={null}>
      <AnalysisPanel onClose={close} />
    </Suspense>
  );
}
