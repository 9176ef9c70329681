/** Which devices' events the log shows (none ticked = all). */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { useDismiss } from '../toolbar/useDismiss';
import { useUiStore } from '../uiStore';

export function DeviceFilter() {
  const { t } = useTranslation();
  const devices = useTopologyStore((s) => s.doc.devices);
  const chosen = useUiStore((s) => s.logDevices);
  const setLogFilter = (filter: { devices: string[] }) => useUiStore.getState().setLogFilter(filter);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  const label = chosen.length === 0 ? t('log.filter.allDevices') : t('log.filter.someDevices', { count: chosen.length });

  const toggle = (id: string) => {
    setLogFilter({ devices: chosen.includes(id) ? chosen.filter((d) => d !== id) : [...chosen, id] });
  };

  return (
    <div className="menu" ref={ref}>
      <button type="button" className={chosen.length > 0 ? 'chip is-on' : 'chip'} data-testid="log-filter-devices" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <Icon name="filter" size={12} />
        <span>{label}</span>
        <Icon name="chevronDown" size={12} />
      </button>
      {open && (
        <div className="menu-popover menu-up device-popover" role="group" aria-label={t('log.filter.devices')}>
          {devices.map((d) => (
            <label key={d.id} className="menu-check">
              <input type="checkbox" data-testid="log-filter-device" data-device={d.id} checked={chosen.includes(d.id)} onChange={() => toggle(d.id)} />
              <span>{d.name ?? d.id}</span>
            </label>
          ))}
          {chosen.length > 0 && (
            <button type="button" className="menu-item menu-clear" onClick={() => setLogFilter({ devices: [] })}>
              {t('log.filter.clearDevices')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
