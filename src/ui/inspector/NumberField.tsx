/**
 * A validated number: checked as the student types (range shown), committed on Enter or when
 * the field loses focus, and only when valid. Escape puts the stored value back.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseResult } from './useDraft';
import type { FieldError, NumberRule } from './validate';
import { useDraft } from './useDraft';
import { parseNumber } from './validate';

export interface NumberFieldProps {
  label: string;
  /** The stored value; undefined shows the default as a placeholder. */
  value: number | undefined;
  defaultValue?: number | undefined;
  rule: NumberRule;
  unit?: string;
  testId: string;
  /** Called with a valid, changed value; returns false when the store refused it. */
  onCommit: (value: number) => boolean | void;
  /** A check beyond the range that depends on other values (802.1D timers), refused in place too. */
  check?: ((value: number) => FieldError | undefined) | undefined;
  /** Shown under the field instead of the range when there is no error. */
  hint?: string | undefined;
}

function parseChecked(text: string, rule: NumberRule, check: NumberFieldProps['check']): ParseResult<number> {
  const parsed = parseNumber(text, rule);
  const error = parsed.ok && check ? check(parsed.value) : undefined;
  return error ? { ok: false, error } : parsed;
}

export function NumberField({ label, value, defaultValue, rule, unit, testId, onCommit, check, hint }: NumberFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const { draft, error, handlers } = useDraft<number | undefined>(value ?? defaultValue, (text) => parseChecked(text, rule, check), (v) => v !== undefined && onCommit(v));
  const range = rule.step === undefined ? t('inspector.range', { min: rule.min, max: rule.max }) : t('inspector.rangeStep', { min: rule.min, max: rule.max, step: rule.step });

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
          (hint ?? range)
        )}
      </span>
    </div>
  );
}
