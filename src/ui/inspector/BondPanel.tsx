/** A host's bonds (Linux bonding): settings, live slaves, dissolve; and "Make bond" from free ports. */
import { useTranslation } from 'react-i18next';
import type { Device } from '../../model';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { BondLive } from './BondLive';
import { BondSettings } from './BondSettings';
import { MakeBond } from './MakeBond';

export function BondPanel({ device }: { device: Device }) {
  const { t } = useTranslation();
  const bonds = useTopologyStore((s) => s.doc.bonds);
  const own = (bonds ?? []).filter((b) => b.device === device.id);

  return (
    <section className="inspector-section" data-testid="inspector-bonds">
      <header className="section-head">
        <Icon name="lag" size={20} />
        <h3 className="section-title">{t('inspector.bond.title')}</h3>
      </header>
      {own.length === 0 && <p className="muted small">{t('inspector.bond.none')}</p>}
      {own.map((bond) => (
        <div key={bond.id} className="bond" data-testid="inspector-bond" data-bond={bond.id}>
          <h4 className="subsection-title">{t('inspector.bond.name', { bond: bond.id, members: bond.members.join(', ') })}</h4>
          <BondSettings bond={bond} />
          <BondLive bond={bond} />
          <button type="button" className="btn btn-subtle-danger" data-testid="btn-dissolve-bond" onClick={() => useTopologyStore.getState().dissolveBond(device.id, bond.id)}>
            <Icon name="unlink" />
            <span>{t('inspector.bond.dissolve')}</span>
          </button>
        </div>
      ))}
      <MakeBond key={own.length} device={device} />
    </section>
  );
}
