/** Which kinds of events the log shows; LACPDUs are off by default (several per second). */
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../uiStore';
import { LOG_TYPES, effectiveTypes } from './describe';

export function TypeFilter() {
  const { t } = useTranslation();
  const logTypes = useUiStore((s) => s.logTypes);
  const setLogFilter = (filter: { types: string[] }) => useUiStore.getState().setLogFilter(filter);
  const types = effectiveTypes(logTypes);

  return (
    <div className="chips" role="group" aria-label={t('log.filter.types')}>
      {LOG_TYPES.map((type) => {
        const isOn = types.includes(type);
        // The last kind left on stays on: an empty log would look broken, not filtered.
        const isLast = isOn && types.length === 1;
        return (
          <button
            key={type}
            type="button"
            className={isOn ? `chip chip-${type} is-on` : `chip chip-${type}`}
            data-testid={`log-filter-${type}`}
            aria-pressed={isOn}
            disabled={isLast}
            title={t(`log.typeHint.${type}`)}
            onClick={() => setLogFilter({ types: isOn ? types.filter((x) => x !== type) : [...types, type] })}
          >
            <span className="chip-dot" aria-hidden="true" />
            {t(`log.type.${type}`)}
          </button>
        );
      })}
    </div>
  );
}
