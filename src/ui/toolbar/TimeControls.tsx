/** Play / pause, step to the next event, speed and the virtual clock. */
import { useTranslation } from 'react-i18next';
import { useOverlayStore } from '../../store/overlayStore';
import { useLabCommands } from '../../store/session';
import { Clock } from './Clock';
import { Icon } from './Icon';
import { SpeedSlider } from './SpeedSlider';

export function TimeControls() {
  const { t } = useTranslation();
  const running = useOverlayStore((s) => s.running);
  const commands = useLabCommands();

  return (
    <div className="toolbar-group time-controls" role="group" aria-label={t('toolbar.time')}>
      {running ? (
        <button type="button" className="btn btn-icon btn-primary" data-testid="btn-pause" onClick={() => commands.pause()} title={t('toolbar.pauseHint')} aria-label={t('toolbar.pause')}>
          <Icon name="pause" />
        </button>
      ) : (
        <button type="button" className="btn btn-icon btn-primary" data-testid="btn-play" onClick={() => commands.play()} title={t('toolbar.playHint')} aria-label={t('toolbar.play')}>
          <Icon name="play" />
        </button>
      )}
      <button type="button" className="btn btn-icon" data-testid="btn-step" onClick={() => commands.step()} title={t('toolbar.stepHint')} aria-label={t('toolbar.step')}>
        <Icon name="step" />
      </button>
      <SpeedSlider />
      <Clock />
    </div>
  );
}
