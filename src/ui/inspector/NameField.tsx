/** A device's display name: committed on Enter or blur; at most 64 characters. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from './useDraft';
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
  const { draft, error, handlers } = useDraft(value, parseName, onCommit);

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
          {...handlers}
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
