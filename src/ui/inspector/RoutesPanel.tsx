/**
 * A router's, L3 switch's or upstream's static routes (RFC 1812 §5.2.4): its connected subnets
 * (which need no route), each route as destination prefix → next hop (edited in place, checked as
 * typed), and a row to add one. The longest matching prefix wins.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, Route } from '../../model';
import { connectedInterfaces, routeError, subnetOf } from '../../model/edits';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { TextField } from './TextField';

function RouteRow({ device, route, index }: { device: Device; route: Route; index: number }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const update = (next: Route) => useTopologyStore.getState().updateRoute(device.id, index, next);
  return (
    <tr data-testid="route-row" data-index={index}>
      <td>
        <TextField key={route.to} label={t('inspector.routes.to')} value={route.to} testId={`field-route-to-${index}`} check={(to) => routeError(doc, device.id, { to, via: route.via }, index)} onCommit={(to) => update({ to, via: route.via })} isCompact />
      </td>
      <td>
        <TextField key={route.via} label={t('inspector.routes.via')} value={route.via} testId={`field-route-via-${index}`} check={(via) => routeError(doc, device.id, { to: route.to, via }, index)} onCommit={(via) => update({ to: route.to, via })} isCompact />
      </td>
      <td>
        <button type="button" className="btn btn-icon btn-subtle-danger" data-testid={`btn-remove-route-${index}`} aria-label={t('inspector.routes.remove', { to: route.to })} title={t('inspector.routes.remove', { to: route.to })} onClick={() => useTopologyStore.getState().removeRoute(device.id, index)}>
          <Icon name="close" />
        </button>
      </td>
    </tr>
  );
}

function AddRoute({ device }: { device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const [to, setTo] = useState('0.0.0.0/0');
  const [via, setVia] = useState('');
  const error = via.trim() === '' ? undefined : routeError(doc, device.id, { to, via });
  const add = () => {
    if (useTopologyStore.getState().addRoute(device.id, { to, via })) setVia('');
  };
  return (
    <div className="fields" data-testid="route-add">
      <div className={error ? 'field has-error' : 'field'}>
        <span className="field-label">{t('inspector.routes.new')}</span>
        <div className="field-control">
          <input className="input input-compact" aria-label={t('inspector.routes.to')} data-testid="field-route-new-to" value={to} spellCheck={false} onChange={(e) => setTo(e.currentTarget.value)} />
          <span className="field-unit">→</span>
          <input className="input input-compact" aria-label={t('inspector.routes.via')} data-testid="field-route-new-via" value={via} placeholder={t('inspector.routes.viaPlaceholder')} spellCheck={false} onChange={(e) => setVia(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && !error && via.trim() !== '' && add()} />
        </div>
        <span className="field-hint">
          {error ? (
            <span className="field-error" data-testid="field-error" role="alert">
              {t(error.key, error.params ?? {})}
            </span>
          ) : (
            t('inspector.routes.newHint')
          )}
        </span>
      </div>
      <button type="button" className="btn btn-subtle" data-testid="btn-add-route" disabled={error !== undefined || via.trim() === ''} onClick={add}>
        <Icon name="plus" />
        <span>{t('inspector.routes.add')}</span>
      </button>
    </div>
  );
}

export function RoutesPanel({ device }: { device: Device }) {
  const { t } = useTranslation();
  const routes = device.routes ?? [];
  const connected = connectedInterfaces(device).map((f) => `${subnetOf(f.cidr)} (${f.port ?? 'SVI'})`);

  return (
    <section className="inspector-section" data-testid="inspector-routes">
      <header className="section-head">
        <Icon name="share" size={20} />
        <h3 className="section-title">{t('inspector.routes.title', { count: routes.length })}</h3>
      </header>
      <p className="small" data-testid="routes-connected">
        {connected.length > 0 ? t('inspector.routes.connected', { subnets: connected.join(', ') }) : t('inspector.routes.noConnected')}
      </p>
      {routes.length > 0 && (
        <table className="ports-table" data-testid="routes-table">
          <thead>
            <tr>
              <th scope="col">{t('inspector.routes.to')}</th>
              <th scope="col">{t('inspector.routes.via')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('inspector.routes.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {routes.map((r, i) => (
              <RouteRow key={`${i}-${r.to}-${r.via}`} device={device} route={r} index={i} />
            ))}
          </tbody>
        </table>
      )}
      {connected.length > 0 && <AddRoute device={device} />}
    </section>
  );
}
