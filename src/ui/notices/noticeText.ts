/** A notice key in words; unknown keys get a generic message rather than a raw key. */
import type { i18n as I18n, TFunction } from 'i18next';

export function noticeText(t: TFunction, i18n: I18n, key: string, params: Record<string, string | number> = {}): string {
  if (i18n.exists(key)) return t(key, params);
  return t(params.detail !== undefined ? 'errors.genericDetail' : 'errors.generic', params);
}
