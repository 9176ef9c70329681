/**
 * The eight bits of the Actor and Partner state octets side by side, by their 802.1AX names
 * (5.4.2.2), each with a short explanation as a tooltip in the current language.
 */
import { useTranslation } from 'react-i18next';

/** Bit order of the state octet, bit 0 first; the names match the events' `flags`. */
export const STATE_BITS = [
  'lacpActivity',
  'lacpTimeout',
  'aggregation',
  'synchronization',
  'collecting',
  'distributing',
  'defaulted',
  'expired',
] as const;

function hex(octet: number): string {
  return `0x${octet.toString(16).padStart(2, '0')}`;
}

function Bit({ side, bit, octet }: { side: 'actor' | 'partner'; bit: number; octet: number }) {
  const { t } = useTranslation();
  const name = STATE_BITS[bit] ?? 'expired';
  const isOn = (octet & (1 << bit)) !== 0;
  return (
    <span
      className={isOn ? 'bit is-on' : 'bit'}
      data-testid="state-bit"
      data-side={side}
      data-bit={name}
      data-on={isOn}
      title={`${t(`lacp.bits.${name}.name`)}: ${t(isOn ? `lacp.bits.${name}.on` : `lacp.bits.${name}.off`)}`}
    >
      {isOn ? '1' : '0'}
    </span>
  );
}

export function StateBits({ actor, partner }: { actor: number; partner: number }) {
  const { t } = useTranslation();
  return (
    <table className="bits-table" data-testid="state-bits">
      <thead>
        <tr>
          <th scope="col">{t('inspector.lag.bit')}</th>
          <th scope="col" className="bits-side" title={t('inspector.lag.actorHint')}>
            <span>{t('inspector.lag.actor')}</span>
            <code data-testid="actor-state">{hex(actor)}</code>
          </th>
          <th scope="col" className="bits-side" title={t('inspector.lag.partnerHint')}>
            <span>{t('inspector.lag.partner')}</span>
            <code data-testid="partner-state">{hex(partner)}</code>
          </th>
        </tr>
      </thead>
      <tbody>
        {STATE_BITS.map((name, bit) => (
          <tr key={name}>
            <th scope="row" className="bit-name" title={t(`lacp.bits.${name}.tip`)}>
              <span className="bit-name-text">{t(`lacp.bits.${name}.name`)}</span>
            </th>
            <td>
              <Bit side="actor" bit={bit} octet={actor} />
            </td>
            <td>
              <Bit side="partner" bit={bit} octet={partner} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
