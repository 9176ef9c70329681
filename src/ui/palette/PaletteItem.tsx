/** One device type: drag it onto the canvas, or click it to add one near the middle. */
import { useTranslation } from 'react-i18next';
import type { DeviceType } from '../../model';
import { useTopologyStore } from '../../store/topologyStore';
import { DeviceGlyph } from '../canvas/DeviceGlyph';
import { placementFor } from './placement';

/** The drag payload type the canvas's drop handler reads. */
export const DEVICE_DRAG_TYPE = 'application/topolab-device';

export function PaletteItem({ type }: { type: DeviceType }) {
  const { t } = useTranslation();

  return (
    <button
      type="button"
      className="palette-item"
      data-testid={`palette-${type}`}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DEVICE_DRAG_TYPE, type);
        e.dataTransfer.setData('text/plain', type);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={() => {
        const store = useTopologyStore.getState();
        const id = store.addDevice(type, placementFor(store.doc));
        if (id) useTopologyStore.getState().select({ devices: [id], links: [], lag: null });
      }}
      title={t('palette.itemHint', { name: t(`palette.types.${type}.label`) })}
    >
      <span className="palette-icon">
        <DeviceGlyph type={type} />
      </span>
      <span className="palette-text">
        <span className="palette-label">{t(`palette.types.${type}.label`)}</span>
        <span className="palette-desc">{t(`palette.types.${type}.desc`)}</span>
      </span>
    </button>
  );
}
