/** A device's display name: committed on Enter or blur; at most 64 characters. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseName } from './validate';

export interface NameFieldProps {
  label: string;
  value: string;
  placeholder: string;
  testId: string;
  onCommit: (value: string) => boolean | void;
}

export function NameField({ label, value, placeholder, testId, onCommit }: NameFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const parsed = draft === null ? null : parseName(draft);
  const error = parsed && !parsed.ok ? parsed.error : null;

  const commit = () => {
    if (!parsed || !parsed.ok) return;
    if (parsed.value !== value) onCommit(parsed.value);
    setDraft(null);
  };

  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="field-control">
        <input
          id={id}
          className="input"
          data-testid={testId}
          value={draft ?? value}
          placeholder={placeholder}
          aria-invalid={error !== null}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
      </div>
      {error && (
        <span className="field-hint">
          <span className="field-error" data-testid="field-error" role="alert">
            {t(error.key, error.params)}
          </span>
        </span>
      )}
    </div>
  );
}
