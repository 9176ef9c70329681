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
// English (also the fallback) is in the first chunk, but for the areas of panels that load on
// demand (lessons, SPoF analysis, failover report: `loadPanelTexts`); Korean is fetched whole
// before the first render when it is the starting language, or when the student switches.
const enFiles = import.meta.glob<Tree>(['./en/*.json', '!./en/lessons.json', '!./en/analysis.json', '!./en/report.json'], { eager: true, import: 'default' });
const enPanelFiles = import.meta.glob<Tree>(['./en/lessons.json', './en/analysis.json', './en/report.json'], { import: 'default' });
const koFiles = import.meta.glob<Tree>('./ko/*.json', { import: 'default' });

/** One translation tree from per-area files: `canvas.json`'s keys under `canvas`. */
function translation(files: Record<string, Tree>): Tree {
  const out: Tree = {};
  for (const [path, tree] of Object.entries(files)) {
    const area = /\/([\w-]+)\.json$/.exec(path)?.[1];
    if (area !== undefined) out[area] = tree;
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

const startLanguage = initialLanguage(safeStorage(), typeof navigator === 'undefined' ? [] : navigator.languages);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: translation(enFiles) } },
  partialBundledLanguages: true,
  lng: startLanguage,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

let korean: Promise<void> | null = null;
let isKoreanIn = false;

/** Makes a language's translations available (Korean is fetched once, on first use). */
export function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'en') return Promise.resolve();
  korean ??= Promise.all(Object.entries(koFiles).map(async ([path, load]) => [path, await load()] as const)).then((entries) => {
    i18n.addResourceBundle('ko', 'translation', translation(Object.fromEntries(entries)), true, true);
    isKoreanIn = true;
  });
  return korean;
}

let panelTexts: Promise<void> | null = null;

/**
 * Makes the English texts of the on-demand panels (lessons, SPoF analysis, failover report)
 * available: a panel's lazy import waits for it, so its first render already has its words.
 */
export function loadPanelTexts(): Promise<void> {
  panelTexts ??= Promise.all(Object.entries(enPanelFiles).map(async ([path, load]) => [path, await load()] as const)).then((entries) => {
    i18n.addResourceBundle('en', 'translation', translation(Object.fromEntries(entries)), true, true);
  });
  return panelTexts;
}

/** Resolves when the starting language's translations are in: render the page after it. */
export const i18nReady: Promise<void> = loadLanguage(startLanguage).then(async () => {
  await i18n.changeLanguage(startLanguage);
});

/** Switches the language (fetching it first if needed) and remembers the choice. */
export function setLanguage(lang: Language): void {
  safeStorage()?.setItem(STORAGE_KEY, lang);
  // At once when the language is in (a click feels instant), else once it has been fetched.
  if (lang === 'en' || isKoreanIn) void i18n.changeLanguage(lang);
  else void loadLanguage(lang).then(() => i18n.changeLanguage(lang));
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export { i18n };
