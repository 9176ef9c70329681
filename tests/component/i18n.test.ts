/**
 * The two languages stay in step: every file under src/ui/i18n has the same keys in English and
 * Korean, with the same {{placeholders}}, and every message key the stores and the worker emit
 * has a translation.
 */
import { describe, expect, it } from 'vitest';
import { EditErrorKey } from '../../src/model/edits';
import { ShareErrorKey } from '../../src/model/shareCodec';
import { PersistenceKey } from '../../src/store/persistence';
import { WorkerErrorCode } from '../../src/worker/protocol';
import { i18n } from '../../src/ui/i18n';

type Tree = { [key: string]: string | Tree };
const files = import.meta.glob<Tree>('../../src/ui/i18n/{en,ko}/*.json', { eager: true, import: 'default' });

function byLanguage(lang: 'en' | 'ko'): Map<string, Tree> {
  const out = new Map<string, Tree>();
  for (const [path, tree] of Object.entries(files)) {
    const match = /\/(en|ko)\/([\w-]+)\.json$/.exec(path);
    if (match?.[1] === lang && match[2] !== undefined) out.set(match[2], tree);
  }
  return out;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const en = byLanguage('en');
const ko = byLanguage('ko');

describe('when the translations are compared', () => {
  it('has the same files in both languages', () => {
    expect([...ko.keys()].sort()).toEqual([...en.keys()].sort());
    expect(en.size).toBeGreaterThan(5);
  });

  for (const area of [...en.keys()].sort()) {
    it(`has exactly the same keys in en/${area}.json and ko/${area}.json`, () => {
      const a = flatten(en.get(area) ?? {});
      const b = flatten(ko.get(area) ?? {});
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    });

    it(`uses the same placeholders in both languages (${area})`, () => {
      const a = flatten(en.get(area) ?? {});
      const b = flatten(ko.get(area) ?? {});
      for (const [key, text] of a) expect(placeholders(b.get(key) ?? ''), `${area}.${key}`).toEqual(placeholders(text));
    });

    it(`has no empty message (${area})`, () => {
      for (const [key, text] of [...flatten(en.get(area) ?? {}), ...flatten(ko.get(area) ?? {})]) expect(text.trim(), `${area}.${key}`).not.toBe('');
    });
  }

  it('translates every message key the edits, share links, persistence and worker emit', () => {
    const keys = [
      ...Object.values(EditErrorKey),
      ...Object.values(ShareErrorKey),
      ...Object.values(PersistenceKey),
      ...Object.values(WorkerErrorCode).map((code) => `errors.worker.${code}`),
      'errors.worker.crashed',
    ];
    for (const lang of ['en', 'ko']) {
      for (const key of keys) expect(i18n.exists(key, { lng: lang }), `${lang}: ${key}`).toBe(true);
    }
  });
});
