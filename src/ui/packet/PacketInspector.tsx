/**
 * The LACPDU reader: decoded fields beside the raw bytes, hover one to find the other. Opened
 * from a dot on the canvas or a line in the log (`useUiStore.packet`).
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../toolbar/Icon';
import { useEscapeKey } from '../useEscapeKey';
import { useUiStore } from '../uiStore';
import { PacketBody } from './PacketBody';

export function PacketInspector() {
  const { t } = useTranslation();
  const packet = useUiStore((s) => s.packet);
  const close = useCallback(() => useUiStore.getState().closePacket(), []);

  useEscapeKey(packet !== null, close);

  if (!packet) return null;
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <div className="modal packet-modal" role="dialog" aria-modal="true" aria-labelledby="packet-title" data-testid="packet-inspector">
        <header className="modal-head">
          <h2 id="packet-title" className="modal-title">
            {t('packet.title', { frame: packet.frame, link: packet.link })}
          </h2>
          <button type="button" className="btn btn-icon" data-testid="packet-close" onClick={close} aria-label={t('packet.close')} title={t('packet.close')}>
            <Icon name="close" />
          </button>
        </header>
        <PacketBody key={`${packet.link}#${packet.frame}`} link={packet.link} frame={packet.frame} />
      </div>
    </div>
  );
}
