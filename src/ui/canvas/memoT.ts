/**
 * Remembered translations for the canvas's hot paths. When the LAGs of a big lab form, hundreds
 * of links, ports and LAG labels re-render in the same frame, each building tooltips and ARIA
 * labels with i18next (~10–20 µs a call); most of those strings are the same across devices
 * (`eth1 · po1 · Distributing`) or come back (a link's status cycles through a few values). The
 * cache hangs off the `t` function, which react-i18next replaces when the language changes.
 */
import type { TFunction } from 'i18next';

type Params = Record<string, string | number>;

/** Strings kept at most per language (a very big lab just starts afresh). */
const LIMIT = 20_000;
const caches = new WeakMap<TFunction, Map<string, string>>();

function paramsKey(params: Params | undefined): string {
  if (!params) return '';
  let out = '';
  for (const k in params) out += `\u0000${k}\u0001${params[k]}`;
  return out;
}

/** `t(key, params)`, remembered per `t`. */
export function memoT(t: TFunction, key: string, params?: Params): string {
  let cache = caches.get(t);
  if (!cache) {
    cache = new Map();
    caches.set(t, cache);
  }
  const k = key + paramsKey(params);
  let text = cache.get(k);
  if (text === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    text = params ? t(key, params) : t(key);
    cache.set(k, text);
  }
  return text;
}
