/** A bond as the running lab sees it: the active slave and each slave's MII link state. */
import { useTranslation } from 'react-i18next';
import type { BondSlaveLink } from '../../engine/events';
import type { Bond } from '../../model';
import { useLiveMaps } from '../../store/overlayStore';

/** MII states as badges: up green, fail / back amber (a delay is running), down red. */
const MII_CLASS: Record<BondSlaveLink, string> = { up: 'status-distributing', fail: 'status-standby', back: 'status-standby', down: 'status-down' };

export function BondLive({ bond }: { bond: Bond }) {
  const { t } = useTranslation();
  const live = useLiveMaps((s) => s.bonds[`${bond.device}:${bond.id}`]);
  if (!live) return <p className="muted small" data-testid="bond-live-empty">{t('inspector.bond.noLive')}</p>;
  const mii = (slave: string): BondSlaveLink => live.mii?.[slave] ?? (live.down.includes(slave) ? 'down' : 'up');

  return (
    <div className="member-live" data-testid="bond-live">
      <dl className="kv">
        {live.activeSlave !== undefined && (
          <>
            <dt>{t('inspector.bond.activeSlave')}</dt>
            <dd>
              <code data-testid="bond-active-slave">{live.activeSlave}</code>
            </dd>
          </>
        )}
        <dt>{t('inspector.bond.sendingOn')}</dt>
        <dd data-testid="bond-sending">{live.active.length > 0 ? live.active.join(', ') : <span className="field-error">{t('inspector.bond.noSlave')}</span>}</dd>
      </dl>
      <table className="ports-table" data-testid="bond-slaves">
        <thead>
          <tr>
            <th scope="col">{t('inspector.bond.slave')}</th>
            <th scope="col" title={t('inspector.bond.miiHint')}>{t('inspector.bond.mii')}</th>
            <th scope="col">{t('inspector.bond.inUse')}</th>
          </tr>
        </thead>
        <tbody>
          {bond.members.map((slave) => (
            <tr key={slave} data-testid="bond-slave" data-slave={slave} data-mii={mii(slave)}>
              <th scope="row">{slave}</th>
              <td>
                <span className={`badge ${MII_CLASS[mii(slave)]}`} title={t(`inspector.bond.miiState.${mii(slave)}.hint`)}>
                  {t(`inspector.bond.miiState.${mii(slave)}.label`)}
                </span>
              </td>
              <td>{live.active.includes(slave) ? t('inspector.bond.yes') : <span className="muted">{t('inspector.bond.no')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
