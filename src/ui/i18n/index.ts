/**
 * i18next setup. Translations live in `en/*.json` and `ko/*.json`, one file per area (`app`,
 * `canvas`, `panels`, `errors`, …); a file's keys are nested under its name, so `canvas.json`'s
 * `link.down` is `t('canvas.link.down')`. Korean is the default when the browser prefers it.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'topolab.lang';

type Tree = Record<string, unknown>;
const files = import.meta.glob<Tree>('./{en,ko}/*.json', { eager: true, import: 'default' });

function resources(): Record<Language, { translation: Tree }> {
  const out: Record<Language, { translation: Tree }> = { ko: { translation: {} }, en: { translation: {} } };
  for (const [path, tree] of Object.entries(files)) {
    const match = /\.\/(en|ko)\/([\w-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lang, area] = match as unknown as [string, Language, string];
    out[lang].translation[area] = tree;
  }
  return out;
}

/** The language to start in: the student's last choice, else Korean if the browser prefers it. */
export function initialLanguage(storage: Pick<Storage, 'getItem'> | undefined, languages: readonly string[]): Language {
  const saved = storage?.getItem(STORAGE_KEY);
  if (saved === 'ko' || saved === 'en') return saved;
  const first = languages.find((l) => /^(ko|en)\b/i.test(l));
  return first?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

void i18n.use(initReactI18next).init({
  resources: resources(),
  lng: initialLanguage(safeStorage(), typeof navigator === 'undefined' ? [] : navigator.languages),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the language and remembers the choice. */
export function setLanguage(lang: Language): void {
  safeStorage()?.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export { i18n };
