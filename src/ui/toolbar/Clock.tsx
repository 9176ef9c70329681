/**
 * The virtual clock, interpolated between worker batches. It changes every frame, so a rAF loop
 * writes the text straight into the element instead of re-rendering React (zustand "transient
 * updates", style.md §3).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { clockNow, useOverlayStore } from '../../store/overlayStore';
import { formatClock } from './time';

export function Clock() {
  const { t } = useTranslation();
  const ref = useRef<HTMLOutputElement>(null);

  useEffect(() => {
    let frame = 0;
    let shown = '';
    const tick = () => {
      const text = formatClock(clockNow(useOverlayStore.getState(), performance.now()));
      if (text !== shown && ref.current) {
        ref.current.textContent = text;
        shown = text;
      }
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, []);

  return (
    <output className="clock" data-testid="clock" ref={ref} aria-label={t('toolbar.clock')} title={t('toolbar.clockHint')}>
      {formatClock(0)}
    </output>
  );
}
