/** The right panel: whatever is selected (device, link, LAG), or a short how-to. */
import { useTranslation } from 'react-i18next';
import { useTopologyStore } from '../../store/topologyStore';
import { DeviceInspector } from './DeviceInspector';
import { EmptyInspector } from './EmptyInspector';
import { LagPanel } from './LagPanel';
import { LinkInspector } from './LinkInspector';
import { findDevice, findLag, findLink } from './lookup';

function SelectedThing() {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const selection = useTopologyStore((s) => s.selection);
  const { devices, links, lag } = selection;

  if (lag) {
    const found = findLag(doc, lag.device, lag.id);
    if (found) return <LagPanel key={`${lag.device}:${lag.id}`} lag={found} />;
  }
  if (devices.length + links.length > 1) {
    return (
      <section className="inspector-section" data-testid="inspector-multi">
        <h3 className="section-title">{t('inspector.multi.title', { devices: devices.length, links: links.length })}</h3>
        <p className="muted">{links.length > 0 ? t('inspector.multi.makeLag') : t('inspector.multi.hint')}</p>
      </section>
    );
  }
  const device = devices[0] === undefined ? undefined : findDevice(doc, devices[0]);
  if (device) return <DeviceInspector key={device.id} device={device} />;
  const link = links[0] === undefined ? undefined : findLink(doc, links[0]);
  if (link) return <LinkInspector key={link.id} link={link} />;
  return <EmptyInspector />;
}

export function Inspector() {
  const { t } = useTranslation();
  return (
    <aside className="inspector panel" data-testid="inspector" aria-label={t('inspector.title')}>
      <h2 className="panel-title">{t('inspector.title')}</h2>
      <div className="inspector-scroll">
        <SelectedThing />
      </div>
    </aside>
  );
}
