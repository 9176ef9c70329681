/** 한국어 / English: one button showing both, the current one highlighted; a click flips it. */
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';
import { LANGUAGES, setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language.startsWith('ko') ? 'ko' : 'en';
  const next: Language = current === 'ko' ? 'en' : 'ko';
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      data-lang={current}
      onClick={() => setLanguage(next)}
      title={t(`toolbar.switchTo.${next}`)}
      aria-label={t(`toolbar.switchTo.${next}`)}
    >
      {LANGUAGES.map((lang) => (
        <span key={lang} lang={lang} className={lang === current ? 'lang is-on' : 'lang'}>
          {t(`toolbar.lang.${lang}`)}
        </span>
      ))}
    </button>
  );
}
