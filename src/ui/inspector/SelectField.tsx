/** A labelled choice; changes apply at once. */
import { useId } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  testId: string;
  hint?: string;
  onChange: (value: string) => void;
}

export function SelectField({ label, value, options, testId, hint, onChange }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="field-control">
        <select id={id} className="input" data-testid={testId} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {hint !== undefined && <span className="field-hint">{hint}</span>}
    </div>
  );
}
