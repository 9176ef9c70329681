/** The left column: device types to drag onto the canvas. */
import { useTranslation } from 'react-i18next';
import { DEVICE_TYPES } from '../../model';
import { PaletteItem } from './PaletteItem';

export function Palette() {
  const { t } = useTranslation();
  return (
    <aside className="palette panel" aria-label={t('palette.title')} data-testid="palette">
      <h2 className="panel-title">{t('palette.title')}</h2>
      <div className="palette-list">
        {DEVICE_TYPES.map((type) => (
          <PaletteItem key={type} type={type} />
        ))}
      </div>
      <p className="palette-hint">{t('palette.hint')}</p>
    </aside>
  );
}
