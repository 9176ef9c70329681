/** The Examples menu: every shipped lab with its localized title; choosing one loads it. */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadDoc } from '../../store/session';
import { EXAMPLES, labText } from './examples';
import { Icon } from './Icon';
import { useDismiss } from './useDismiss';

export function ExamplesMenu() {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);

  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="btn"
        data-testid="examples-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="book" />
        <span>{t('toolbar.examples')}</span>
        <Icon name="chevronDown" size={14} />
      </button>
      {open && (
        <div className="menu-popover examples-popover" role="menu" aria-label={t('toolbar.examplesTitle')}>
          <div className="menu-heading">{t('toolbar.examplesTitle')}</div>
          {EXAMPLES.map((ex) => (
            <button
              key={ex.id}
              type="button"
              role="menuitem"
              className="menu-item"
              data-testid="example-item"
              data-example={ex.id}
              onClick={() => {
                setOpen(false);
                loadDoc(ex.doc);
              }}
            >
              <span className="menu-item-title">{labText(ex.doc, 'title', i18n.language) ?? ex.id}</span>
              <span className="menu-item-desc">{labText(ex.doc, 'description', i18n.language) ?? ''}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
