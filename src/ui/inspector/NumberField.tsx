/**
 * A validated number: checked as the student types (range shown), committed on Enter or when
 * the field loses focus, and only when valid. Escape puts the stored value back.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NumberRule } from './validate';
import { useDraft } from './useDraft';
import { parseNumber } from './validate';

export interface NumberFieldProps {
  label: string;
  /** The stored value; undefined shows the default as a placeholder. */
  value: number | undefined;
  defaultValue?: number;
  rule: NumberRule;
  unit?: string;
  testId: string;
  /** Called with a valid, changed value; returns false when the store refused it. */
  onCommit: (value: number) => boolean | void;
}

export function NumberField({ label, value, defaultValue, rule, unit, testId, onCommit }: NumberFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const { draft, error, handlers } = useDraft<number | undefined>(value ?? defaultValue, (text) => parseNumber(text, rule), (v) => v !== undefined && onCommit(v));

  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="field-control">
        <input
          id={id}
          className="input input-number"
          data-testid={testId}
          inputMode={rule.integer ? 'numeric' : 'decimal'}
          value={draft ?? (value === undefined ? '' : String(value))}
          placeholder={defaultValue === undefined ? '' : String(defaultValue)}
          aria-invalid={error !== null}
          aria-describedby={`${id}-hint`}
          {...handlers}
        />
        {unit !== undefined && <span className="field-unit">{unit}</span>}
      </div>
      <span className="field-hint" id={`${id}-hint`}>
        {error ? (
          <span className="field-error" data-testid="field-error" role="alert">
            {t(error.key, error.params)}
          </span>
        ) : (
          t('inspector.range', { min: rule.min, max: rule.max })
        )}
      </span>
    </div>
  );
}
