/**
 * A host's IPv4 address with its prefix. Checked as the student types (format, reserved, network
 * or broadcast address, an address another device has) and committed on Enter or blur; an empty
 * field clears the address.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../model';
import { ipError, parseCidr, subnetOf } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import type { ParseResult } from './useDraft';
import { useDraft } from './useDraft';

export function HostIpField({ device }: { device: Device }) {
  const { t } = useTranslation();
  const id = useId();
  const doc = useTopologyStore((s) => s.doc);
  const stored = device.ip ?? '';
  const parse = (text: string): ParseResult<string> => {
    if (text.trim() === '') return { ok: true, value: '' };
    const bad = ipError(doc, device.id, text);
    return bad ? { ok: false, error: { key: bad.key, params: bad.params ?? {} } } : { ok: true, value: text.trim() };
  };
  const { draft, error, handlers } = useDraft(stored, parse, (ip) => useTopologyStore.getState().setDeviceIp(device.id, ip === '' ? null : ip));
  const cidr = parseCidr(stored);

  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {t('inspector.host.ip')}
      </label>
      <div className="field-control">
        <input id={id} className="input" data-testid="field-host-ip" value={draft ?? stored} placeholder="10.0.0.11/24" spellCheck={false} aria-invalid={error !== null} aria-describedby={`${id}-hint`} {...handlers} />
      </div>
      <span className="field-hint" id={`${id}-hint`}>
        {error ? (
          <span className="field-error" data-testid="field-error" role="alert">
            {t(error.key, error.params)}
          </span>
        ) : cidr ? (
          t('inspector.host.subnet', { subnet: subnetOf(cidr) })
        ) : (
          t('inspector.host.ipHint')
        )}
      </span>
    </div>
  );
}
