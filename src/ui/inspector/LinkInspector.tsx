/** A selected link: its ends, speed and delay, live state, LACPDUs, pcap, traffic, and its LAG. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Link } from '../../model';
import { SPEEDS_MBPS } from '../../model';
import { useOverlayStore } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { LagPanel } from './LagPanel';
import { LinkTraffic } from './LinkTraffic';
import { deviceName, endpointLabel, lagsOfLink } from './lookup';
import { NumberField } from './NumberField';
import { PcapButton } from './PcapButton';
import { SelectField } from './SelectField';
import { speedLabel } from './units';
import { DELAY_MS } from './validate';

export function LinkInspector({ link }: { link: Link }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const state = useOverlayStore((s) => s.links[link.id]) ?? 'unknown';
  const pdus = useOverlayStore((s) => s.pduCount[link.id] ?? 0);
  const lags = lagsOfLink(doc, link);
  const [end, setEnd] = useState(0);
  const lag = lags[Math.min(end, lags.length - 1)];

  return (
    <>
      <section className="inspector-section" data-testid="inspector-link" data-link={link.id}>
        <header className="section-head">
          <Icon name="link" size={20} />
          <h3 className="section-title">{t('inspector.link.title', { link: link.id })}</h3>
          <span className={`badge link-${state}`} data-testid="inspector-link-state" data-state={state}>
            {t(`inspector.port.link.${state}`)}
          </span>
        </header>
        <p className="endpoints" data-testid="inspector-link-endpoints">
          <span>{endpointLabel(doc, link.a)}</span>
          <span aria-hidden="true"> ⟷ </span>
          <span>{endpointLabel(doc, link.b)}</span>
        </p>
        <div className="fields">
          <SelectField
            label={t('inspector.link.speed')}
            testId="field-link-speed"
            value={link.speedMbps === undefined ? 'auto' : String(link.speedMbps)}
            options={[{ value: 'auto', label: t('inspector.link.auto') }, ...SPEEDS_MBPS.map((s) => ({ value: String(s), label: t('inspector.link.fixed', { speed: speedLabel(s) }) }))]}
            hint={t('inspector.link.speedHint')}
            onChange={(v) => useTopologyStore.getState().updateLink(link.id, { speedMbps: v === 'auto' ? null : Number(v) })}
          />
          <NumberField
            key={`d-${link.delayMs ?? ''}`}
            label={t('inspector.link.delay')}
            testId="field-link-delay"
            value={link.delayMs}
            defaultValue={0.005}
            rule={DELAY_MS}
            unit={t('inspector.unit.ms')}
            onCommit={(v) => useTopologyStore.getState().updateLink(link.id, { delayMs: v })}
          />
          <dl className="kv">
            <dt>{t('inspector.link.pdus')}</dt>
            <dd data-testid="inspector-link-pdus">{pdus}</dd>
          </dl>
          <PcapButton link={link.id} />
        </div>
        <LinkTraffic link={link} />
      </section>
      {lag && (
        <>
          {lags.length > 1 && (
            <div className="segmented segmented-wide" role="tablist" aria-label={t('inspector.link.lagEnds')}>
              {lags.map((l, i) => (
                <button key={`${l.device}:${l.id}`} type="button" role="tab" aria-selected={l === lag} className={l === lag ? 'segment is-on' : 'segment'} onClick={() => setEnd(i)}>
                  {`${deviceName(doc, l.device)} · ${l.id}`}
                </button>
              ))}
            </div>
          )}
          <LagPanel key={`${lag.device}:${lag.id}`} lag={lag} />
        </>
      )}
    </>
  );
}
