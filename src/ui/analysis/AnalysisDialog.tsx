/**
 * The SPoF panel's mount point (issue 6): nothing until the toolbar opens it, then the panel,
 * fetched on first use (React.lazy) so the first page load does not carry it. Escape closes it.
 */
import { Suspense, lazy, useCallback } from 'react';
import { useAnalysisUi } from './analysisUi';
import { useEscapeKey } from '../useEscapeKey';

const AnalysisPanel = lazy(() => import('./AnalysisPanel').then((m) => ({ default: m.AnalysisPanel })));

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
