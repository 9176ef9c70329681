/** Simulation speed, 0.1× to 100× on a log scale; shows the value it is set to. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayStore } from '../../store/overlayStore';
import { useLabCommands } from '../../store/session';
import { SLIDER_STEPS, formatSpeed, sliderToSpeed, speedToSlider } from './time';

export function SpeedSlider() {
  const { t } = useTranslation();
  const speed = useOverlayStore((s) => s.speed);
  const commands = useLabCommands();
  // While the student drags, show what they chose, not the worker's echo a frame later.
  const [draft, setDraft] = useState<number | null>(null);
  const shown = draft ?? speed;
  const value = formatSpeed(shown);

  return (
    <label className="speed" title={t('toolbar.speedHint')}>
      <span className="visually-hidden">{t('toolbar.speed')}</span>
      <input
        type="range"
        data-testid="speed-slider"
        min={0}
        max={SLIDER_STEPS}
        step={1}
        value={speedToSlider(shown)}
        aria-valuetext={t('toolbar.speedValue', { value })}
        onChange={(e) => {
          const next = sliderToSpeed(Number(e.currentTarget.value));
          setDraft(next);
          commands.setSpeed(next);
        }}
        onPointerUp={() => setDraft(null)}
        onBlur={() => setDraft(null)}
      />
      <span className="speed-value" data-testid="speed-value">
        {t('toolbar.speedValue', { value })}
      </span>
    </label>
  );
}
