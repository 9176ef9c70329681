/**
 * A validated text field (an address, a prefix, a MAC): checked as the student types by a pure
 * check of the model (so a refusal shows in place, with the same message the store would give),
 * committed on Enter or blur only when valid and changed; Escape puts the stored value back.
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditError } from '../../model/edits';
import type { ParseResult } from './useDraft';
import { useDraft } from './useDraft';

export interface TextFieldProps {
  label: string;
  value: string;
  placeholder?: string | undefined;
  testId: string;
  /** Why the text cannot be committed, or undefined when it can (blank = clear, if allowed). */
  check: (text: string) => EditError | undefined;
  onCommit: (text: string) => unknown;
  /** Shown under the field when there is no error. */
  hint?: ReactNode;
  /** A small field in a table row: the label is only for screen readers. */
  isCompact?: boolean;
}

/** An edit refusal as a field error (the same i18n key and parameters). */
export function toParse(text: string, error: EditError | undefined): ParseResult<string> {
  return error ? { ok: false, error: { key: error.key, params: error.params ?? {} } } : { ok: true, value: text.trim() };
}

export function TextField({ label, value, placeholder, testId, check, onCommit, hint, isCompact = false }: TextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const { draft, error, handlers } = useDraft(value, (text) => toParse(text, check(text)), onCommit);
  const message = error ? (
    <span className="field-error" data-testid="field-error" role="alert">
      {t(error.key, error.params)}
    </span>
  ) : (
    hint
  );

  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label className={isCompact ? 'visually-hidden' : 'field-label'} htmlFor={id}>
        {label}
      </label>
      <div className="field-control">
        <input id={id} className={isCompact ? 'input input-compact' : 'input'} data-testid={testId} value={draft ?? value} placeholder={placeholder} spellCheck={false} aria-invalid={error !== null} aria-describedby={`${id}-hint`} {...handlers} />
      </div>
      {message !== undefined && (
        <span className="field-hint" id={`${id}-hint`}>
          {message}
        </span>
      )}
    </div>
  );
}
