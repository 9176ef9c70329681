/**
 * The edit cycle every inspector text field shares: keep what the student types as a draft,
 * validate it as they type, commit on Enter or blur (only when valid and changed), Escape puts
 * the stored value back.
 */
import type { KeyboardEvent } from 'react';
import { useState } from 'react';
import type { FieldError } from './validate';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: FieldError };

export function useDraft<T>(stored: T, parse: (text: string) => ParseResult<T>, onCommit: (value: T) => unknown) {
  const [draft, setDraft] = useState<string | null>(null);
  const parsed = draft === null ? null : parse(draft);
  const error = parsed && !parsed.ok ? parsed.error : null;
  const commit = () => {
    if (!parsed?.ok) return;
    if (parsed.value !== stored) onCommit(parsed.value);
    setDraft(null);
  };
  return {
    draft,
    error,
    handlers: {
      onChange: (e: { currentTarget: { value: string } }) => setDraft(e.currentTarget.value),
      onBlur: commit,
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      },
    },
  };
}
