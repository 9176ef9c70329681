/** A switch's spanning tree: settings, the live bridge and port roles / states, per-port settings. */
import { useTranslation } from 'react-i18next';
import type { Device } from '../../model';
import { Icon } from '../toolbar/Icon';
import { StpLive } from './StpLive';
import { StpPortSettings } from './StpPortSettings';
import { StpSettings } from './StpSettings';

export function StpPanel({ device }: { device: Device }) {
  const { t } = useTranslation();
  const mode = device.stp?.mode ?? 'off';

  return (
    <section className="inspector-section" data-testid="inspector-stp" data-mode={mode}>
      <header className="section-head">
        <Icon name="filter" size={20} />
        <h3 className="section-title">{t('inspector.stp.title')}</h3>
        <span className={`badge ${mode === 'off' ? 'link-unknown' : 'link-up'}`}>{t(`inspector.stp.modes.${mode}`)}</span>
      </header>
      <StpSettings device={device} />
      {mode !== 'off' && (
        <>
          <StpLive device={device} />
          <StpPortSettings device={device} />
        </>
      )}
    </section>
  );
}
