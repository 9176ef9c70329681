/**
 * A switch's spanning tree as the running lab sees it: this bridge's id, the root it follows (or
 * that it is the root) and its root path cost, then each bridge port's role and state, blocked
 * ports in red.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../model';
import { DEFAULT_BRIDGE_PRIORITY, resolveTopology } from '../../model';
import { useLiveMaps } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { bridgePorts, bridgeSummary, isBlocking, roleClass, stateClass } from './stpView';


export function StpLive({ device }: { device: Device }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const stp = useLiveMaps((s) => s.stp);
  const resolved = useMemo(() => resolveTopology(doc).devices, [doc]);
  const summary = bridgeSummary(stp, device.id);
  if (!summary) return <p className="muted small" data-testid="stp-live-empty">{t('inspector.stp.noLive')}</p>;
  const mac = resolved.find((d) => d.id === device.id)?.mac ?? '';
  const root = resolved.find((d) => d.mac === summary.rootMac);
  const ports = bridgePorts(doc, device).filter((p) => p.isWired || stp[`${device.id}:${p.id}`]);

  return (
    <div className="member-live" data-testid="stp-live">
      <dl className="kv">
        <dt>{t('inspector.stp.bridgeId')}</dt>
        <dd>
          <code data-testid="stp-bridge-id">{`${device.stp?.priority ?? DEFAULT_BRIDGE_PRIORITY} · ${mac}`}</code>
        </dd>
        <dt>{t('inspector.stp.root')}</dt>
        <dd data-testid="stp-root" data-is-root={summary.isRoot}>
          {summary.isRoot ? <strong>{t('inspector.stp.isRoot')}</strong> : t('inspector.stp.rootIs', { name: root?.name ?? root?.id ?? summary.rootMac, id: `${summary.rootPriority} · ${summary.rootMac}` })}
        </dd>
        {!summary.isRoot && (
          <>
            <dt>{t('inspector.stp.rootCost')}</dt>
            <dd data-testid="stp-root-cost">{summary.rootCost}</dd>
          </>
        )}
      </dl>
      <table className="ports-table" data-testid="stp-ports">
        <thead>
          <tr>
            <th scope="col">{t('inspector.port.port')}</th>
            <th scope="col">{t('inspector.stp.role')}</th>
            <th scope="col">{t('inspector.stp.state')}</th>
          </tr>
        </thead>
        <tbody>
          {ports.map((p) => {
            const view = stp[`${device.id}:${p.id}`];
            const isBlocked = view !== undefined && isBlocking(view);
            return (
              <tr key={p.id} data-testid="stp-port" data-port={p.id} data-blocked={isBlocked} className={isBlocked ? 'is-blocked' : undefined}>
                <th scope="row">{p.id}</th>
                <td>{view ? <span className={`badge ${roleClass(view.role)}`}>{t(`inspector.stp.roles.${view.role}`)}</span> : <span className="muted">—</span>}</td>
                <td>{view ? <span className={`badge ${stateClass(view.state)}`} title={t(`inspector.stp.stateHint.${view.state}`)}>{t(`inspector.stp.states.${view.state}`)}</span> : <span className="muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
