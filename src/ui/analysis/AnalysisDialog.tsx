/**
 * The SPoF panel's mount point (issue 6): nothing until the toolbar opens it, then the panel,
 * fetched on first use (React.lazy) so the first page load does not carry it. Escape closes it.
 */
import { Suspense, lazy, useCallback, useEffect } from 'react';
import { useAnalysisUi } from './analysisUi';

const AnalysisPanel = lazy(() => import('./AnalysisPanel').then((m) => ({ default: m.AnalysisPanel })));

export function AnalysisDialog() {
  const isOpen = useAnalysisUi((s) => s.isOpen);
  const close = useCallback(() => useAnalysisUi.getState().setOpen(false), []);

  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isOpen, close]);

  if (!isOpen) return null;
  return (
    <Suspense fallback={null}>
      <AnalysisPanel onClose={close} />
    </Suspense>
  );
}
