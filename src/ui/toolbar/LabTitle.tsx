/** The brand and the lab's title (from the document's meta, in the current language). */
import { useTranslation } from 'react-i18next';
import { useTopologyStore } from '../../store/topologyStore';
import { labText } from './examples';

export function LabTitle() {
  const { t, i18n } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const title = labText(doc, 'title', i18n.language) ?? t('toolbar.untitled');
  return (
    <div className="lab-title">
      <span className="brand" aria-label={t('app.name')}>
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
          <rect x="2" y="2" width="20" height="20" rx="6" fill="var(--accent)" />
          <path d="M7 9h10M7 12h10M7 15h10" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          <ellipse cx="12" cy="12" rx="3.2" ry="5.2" fill="none" stroke="#fff" strokeWidth="1.4" opacity="0.8" />
        </svg>
        <span className="brand-name">{t('app.name')}</span>
      </span>
      <h1 className="lab-name" data-testid="lab-title" title={title}>
        {title}
      </h1>
    </div>
  );
}
