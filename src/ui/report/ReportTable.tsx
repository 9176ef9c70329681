/**
 * The failover report's table: one section per fault (when, what, which target), one row per
 * host and target it probes: the outage measured (seconds, probes lost), the outage the standard
 * predicts (range and rule; the engine's formula as a tooltip) and the verdict.
 */
import { useTranslation } from 'react-i18next';
import type { ReportGroup, ReportRow, ReportVerdict } from '../../store/reportStore';
import type { ReportNames } from './reportExport';
import { seconds } from './reportExport';
import { outageDetail } from '../inspector/outageDetail';

const VERDICT_CLASS: Record<ReportVerdict, string> = {
  match: 'link-up',
  faster: 'status-standby',
  slower: 'link-down',
  noOutage: 'dev-ok',
  ongoing: 'link-down',
  noPrediction: 'link-unknown',
};

function Row({ row, names }: { row: ReportRow; names: ReportNames }) {
  const { t } = useTranslation();
  const { outage, expected } = row;
  const range = expected && expected.minMs !== undefined && expected.minMs !== expected.ms ? `${seconds(expected.minMs)}–${seconds(expected.ms)}` : seconds(expected?.ms);
  return (
    <tr data-testid="report-row" data-host={row.host} data-target={row.target} data-verdict={row.verdict}>
      <th scope="row">{names.device(row.host)}</th>
      <td>
        {t(`report.target.${row.target}`)} <span className="muted report-ip">{row.ip}</span>
      </td>
      <td className="report-num" data-testid="report-measured">
        {outage ? (
          <>
            {t('report.seconds', { s: seconds(outage.durationMs) })}
            <div className="muted small">{t('report.lost', { count: outage.lostProbes, interval: outage.intervalMs })}</div>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="report-num" data-testid="report-expected" title={expected ? outageDetail(t, expected) : undefined}>
        {expected ? (
          <>
            {t('report.seconds', { s: range })}
            <div className="muted small" data-testid="report-rule">
              {names.rule(expected.rule)}
            </div>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <span className={`badge ${VERDICT_CLASS[row.verdict]}`}>{names.verdict(row.verdict)}</span>
      </td>
    </tr>
  );
}

function FaultHead({ group, names }: { group: ReportGroup; names: ReportNames }) {
  const { t } = useTranslation();
  const { fault } = group;
  return (
    <tr className="report-fault" data-testid="report-fault">
      <th colSpan={5} scope="colgroup">
        {fault ? (
          <>
            <span className="report-time">{t('report.seconds', { s: seconds(fault.t) })}</span>
            {t(`report.fault.${fault.action}`, { target: names.faultTarget(fault) })}
          </>
        ) : (
          t('report.unattributed')
        )}
      </th>
    </tr>
  );
}

export function ReportTable({ groups, names }: { groups: readonly ReportGroup[]; names: ReportNames }) {
  const { t } = useTranslation();
  return (
    <table className="report-table" data-testid="report-table">
      <thead>
        <tr>
          <th scope="col">{t('report.col.host')}</th>
          <th scope="col">{t('report.col.target')}</th>
          <th scope="col">{t('report.col.measured')}</th>
          <th scope="col">{t('report.col.expected')}</th>
          <th scope="col">{t('report.col.verdict')}</th>
        </tr>
      </thead>
      {groups.map((g, i) => (
        <tbody key={g.fault ? `${g.fault.t}:${g.fault.target}:${g.fault.action}:${i}` : 'none'}>
          <FaultHead group={g} names={names} />
          {g.rows.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted small">
                {t('report.noProbes')}
              </td>
            </tr>
          ) : (
            g.rows.map((r) => <Row key={`${r.host}:${r.target}`} row={r} names={names} />)
          )}
        </tbody>
      ))}
    </table>
  );
}
