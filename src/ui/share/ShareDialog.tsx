/**
 * Share: the whole lab as a URL (nothing is uploaded), copied to the clipboard at once and
 * shown for copying by hand; warns when it grows too long for some chat apps.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { shareUrl } from '../../model/shareCodec';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { useUiStore } from '../uiStore';
import { useCopyOnce } from './useCopy';
import { useEscapeKey } from '../useEscapeKey';

/** Longer URLs than this get a warning: some chat apps and browsers cut them. */
export const LONG_URL_CHARS = 8 * 1024;

function ShareBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const url = useMemo(() => shareUrl(window.location.href, doc), [doc]);
  const input = useRef<HTMLInputElement>(null);
  const selectAll = useCallback(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const [copy, retry] = useCopyOnce(url, selectAll);
  const kb = (url.length / 1024).toFixed(1);

  return (
    <div className="modal share-modal" role="dialog" aria-modal="true" aria-labelledby="share-title" data-testid="share-dialog">
      <header className="modal-head">
        <h2 id="share-title" className="modal-title">{t('share.title')}</h2>
        <button type="button" className="btn btn-icon" data-testid="share-close" onClick={onClose} aria-label={t('share.close')} title={t('share.close')}>
          <Icon name="close" />
        </button>
      </header>
      <div className="modal-body">
        <p className="muted">{t('share.intro')}</p>
        <div className="share-row">
          <input ref={input} className="input share-url" data-testid="share-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} aria-label={t('share.urlLabel')} />
          <button type="button" className="btn btn-accent" data-testid="share-copy" onClick={retry}>
            <Icon name={copy === 'copied' ? 'check' : 'share'} />
            <span>{copy === 'copied' ? t('share.copied') : t('share.copy')}</span>
          </button>
        </div>
        <p className="share-status small" data-testid="share-status" data-state={copy}>
          {copy === 'copied' && <span className="ok">{t('share.copiedLong')}</span>}
          {copy === 'failed' && <span className="warn-text">{t('share.copyFailed')}</span>}
          <span className="muted">{t('share.length', { chars: url.length, kb })}</span>
        </p>
        {url.length > LONG_URL_CHARS && (
          <p className="warning" data-testid="share-long">
            <Icon name="alert" size={14} />
            {t('share.long', { kb })}
          </p>
        )}
      </div>
    </div>
  );
}

export function ShareDialog() {
  const isOpen = useUiStore((s) => s.shareOpen);
  const close = useCallback(() => useUiStore.getState().setShareOpen(false), []);

  useEscapeKey(isOpen, close);

  if (!isOpen) return null;
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <ShareBody onClose={close} />
    </div>
  );
}
