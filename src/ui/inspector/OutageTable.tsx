/**
 * The last outage a host measured towards each target: how long (first lost probe to first
 * answered), how many probes were lost and after which fault, what the standard predicts and by
 * which rule and its formula with the numbers (both translated, outageDetail.ts), and whether the two
 * agree. One block per target: the inspector is too narrow for a table.
 */
import { useTranslation } from 'react-i18next';
import type { ProbeTarget } from '../../model';
import { useLiveMaps } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import type { OutageLive } from './gatewayLive';
import { msText, outageVerdict, predictedText } from './gatewayLive';
import { deviceName } from './lookup';
import { outageDetail } from './outageDetail';

const VERDICT_CLASS = { match: 'link-up', longer: 'link-down', shorter: 'status-standby', unknown: 'link-unknown' } as const;

function OutageBlock({ target, outage }: { target: ProbeTarget; outage: OutageLive }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const verdict = outageVerdict(outage);
  const expected = outage.expected;
  const fault = outage.fault;
  return (
    <div className="member-live" data-testid="outage-row" data-target={target} data-verdict={verdict}>
      <h5 className="subsection-title">{t('inspector.outage.of', { target: t(`inspector.reach.target.${target}`), ip: outage.ip })}</h5>
      <dl className="kv">
        <dt>{t('inspector.outage.measured')}</dt>
        <dd>
          <span data-testid="outage-measured">{t('inspector.outage.seconds', { s: msText(outage.durationMs) })}</span>
          <div className="muted small">{t('inspector.outage.lost', { count: outage.lostProbes, interval: outage.intervalMs })}</div>
          {fault && <div className="muted small">{t(`inspector.outage.after.${fault.action}`, { target: deviceName(doc, fault.target), s: msText(fault.atMs) })}</div>}
        </dd>
        <dt>{t('inspector.outage.predicted')}</dt>
        <dd>
          {expected ? (
            <>
              <span data-testid="outage-predicted">{t('inspector.outage.seconds', { s: predictedText(expected) })}</span> <span className={`badge ${VERDICT_CLASS[verdict]}`}>{t(`inspector.outage.verdict.${verdict}`)}</span>
            </>
          ) : (
            <span className="muted">{t('inspector.outage.noPrediction')}</span>
          )}
        </dd>
      </dl>
      {expected && (
        <>
          <p className="small" data-testid="outage-rule">
            {t(`inspector.outage.rule.${expected.rule}`, { defaultValue: expected.rule })}
          </p>
          <p className="muted small" data-testid="outage-detail">
            {outageDetail(t, expected)}
          </p>
        </>
      )}
    </div>
  );
}

export function OutageTable({ host, targets }: { host: string; targets: readonly ProbeTarget[] }) {
  const { t } = useTranslation();
  const outages = useLiveMaps((s) => s.outages);
  const rows = targets.flatMap((target) => {
    const outage = outages[`${host}:${target}`];
    return outage ? [{ target, outage }] : [];
  });
  if (rows.length === 0) return <p className="muted small" data-testid="outage-none">{t('inspector.outage.none')}</p>;

  return (
    <div className="members" data-testid="outage-table">
      <h4 className="subsection-title">{t('inspector.outage.title')}</h4>
      {rows.map((r) => (
        <OutageBlock key={r.target} target={r.target} outage={r.outage} />
      ))}
    </div>
  );
}
