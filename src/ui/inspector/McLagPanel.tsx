/** A switch's MC-LAG: its domain when it is a peer, else how (or with whom) to make one. */
import { useTranslation } from 'react-i18next';
import type { Device } from '../../model';
import { mclagOf } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { McLagDomain } from './McLagDomain';
import { McLagMake } from './McLagMake';

export function McLagPanel({ device }: { device: Device }) {
  const { t } = useTranslation();
  const domain = useTopologyStore((s) => mclagOf(s.doc, device.id));

  return (
    <section className="inspector-section" data-testid="inspector-mclag">
      <header className="section-head">
        <Icon name="lag" size={20} />
        <h3 className="section-title">{domain ? t('inspector.mclag.titleDomain', { domainId: domain.domainId }) : t('inspector.mclag.title')}</h3>
      </header>
      {domain ? <McLagDomain domain={domain} device={device.id} /> : <McLagMake device={device} />}
    </section>
  );
}
