/**
 * What a link carries now: data frames, bit rate and share of the line rate each way (the last
 * second; each direction has the whole line rate, full duplex), the flows whose path crosses it,
 * and the spanning-tree role and state at each end.
 */
import { useTranslation } from 'react-i18next';
import type { Link } from '../../model';
import { linkLineRateMbps } from '../../model';
import { useLiveMaps } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { bridgePortOf, deviceName, endpointLabel } from './lookup';
import { roleClass, stateClass } from './stpView';
import { roundFigure, shareOfLinePct } from '../canvas/utilisation';
import { bitRateLabel } from './units';

export function LinkTraffic({ link }: { link: Link }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const traffic = useLiveMaps((s) => s.traffic[link.id]);
  const flows = useLiveMaps((s) => s.flows);
  const stp = useLiveMaps((s) => s.stp);
  const crossing = (doc.flows ?? []).filter((f) => flows[f.id]?.path.includes(link.id));
  const directions = [
    { from: link.a, to: link.b, frames: traffic?.framesAB ?? 0, bytes: traffic?.bytesAB ?? 0, drops: traffic?.dropsAB ?? 0, dropBytes: traffic?.dropBytesAB ?? 0, dir: 'ab' },
    { from: link.b, to: link.a, frames: traffic?.framesBA ?? 0, bytes: traffic?.bytesBA ?? 0, drops: traffic?.dropsBA ?? 0, dropBytes: traffic?.dropBytesBA ?? 0, dir: 'ba' },
  ];
  const lineRateMbps = linkLineRateMbps(doc, link);
  // Utilisation of the offered load (carried + dropped); a full transmit buffer's drops are named.
  const rateText = (d: (typeof directions)[number]) => {
    const pct = roundFigure(shareOfLinePct(d.bytes + d.dropBytes, lineRateMbps));
    const text = t('inspector.traffic.rateUtil', { frames: d.frames, rate: bitRateLabel(d.bytes * 8), pct, line: bitRateLabel(lineRateMbps * 1e6) });
    return d.drops > 0 ? t('inspector.traffic.dropped', { text, drops: d.drops }) : text;
  };
  const ends = [link.a, link.b].map((end) => ({ end, view: stp[`${end.device}:${bridgePortOf(doc, end.device, end.port)}`] })).filter((e) => e.view !== undefined);

  return (
    <div className="fields" data-testid="link-traffic">
      <h4 className="subsection-title">{t('inspector.traffic.title')}</h4>
      <dl className="kv">
        {directions.map((d) => (
          <div key={d.dir} style={{ display: 'contents' }}>
            <dt>{t('inspector.traffic.direction', { from: deviceName(doc, d.from.device), to: deviceName(doc, d.to.device) })}</dt>
            <dd data-testid={`traffic-${d.dir}`}>{traffic ? rateText(d) : <span className="muted">{t('inspector.traffic.idle')}</span>}</dd>
          </div>
        ))}
      </dl>
      {crossing.length > 0 && (
        <p className="small" data-testid="link-flows">
          {t('inspector.traffic.flows', { flows: crossing.map((f) => `${f.id} (${deviceName(doc, f.from)} → ${deviceName(doc, f.to)})`).join(', ') })}
        </p>
      )}
      {ends.length > 0 && (
        <dl className="kv" data-testid="link-stp">
          {ends.map(({ end, view }) =>
            view ? (
              <div key={`${end.device}:${end.port}`} style={{ display: 'contents' }}>
                <dt>{t('inspector.traffic.stpEnd', { end: endpointLabel(doc, end) })}</dt>
                <dd data-testid="link-stp-end" data-state={view.state}>
                  <span className={`badge ${roleClass(view.role)}`}>{t(`inspector.stp.roles.${view.role}`)}</span> <span className={`badge ${stateClass(view.state)}`}>{t(`inspector.stp.states.${view.state}`)}</span>
                </dd>
              </div>
            ) : null,
          )}
        </dl>
      )}
    </div>
  );
}
