/**
 * The info rows of a card, under its header: the spanning-tree chip (a crown on the root bridge,
 * else its root port and cost), the MC-LAG chip (domain, role, health), the gateway rows (VRRP
 * groups, anycast gateways, a host's reachability and last outage: GatewayInfo.tsx), one chip per
 * bond (mode, active slave or active count) and one row per flow the host sends (✓ / ✗, or ! with
 * the share dropped when a link on its path is over capacity).
 * The card reserves the rows from the document (layout.ts), so nothing moves as the lab runs.
 * The bond chips and flow rows read the overlay themselves; the card passes what it already reads.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveMaps } from '../../store/overlayStore';
import { useLiveMaps } from '../../store/overlayStore';
import type { DeviceL2 } from './deviceL2';
import { setHoverFlow } from './flowHighlight';
import { AnycastRow, OutageRow, ReachRow, VrrpRows } from './GatewayInfo';
import type { BridgeSummary, McLagTone } from './l2View';
import { bondKey } from './l2View';
import { INFO_PAD, INFO_ROW } from './layout';
import { MCLAG_TONE_COLORS } from './linkStyle';
import { memoT } from './memoT';
import { dropPct, roundFigure } from './utilisation';

/** What the card reads of its device's MC-LAG peer view. */
export interface McLagLive {
  role: 'primary' | 'secondary' | 'down';
  state: 'ok' | 'peerLinkDown' | 'suspended' | 'peerDead' | 'dualActive';
  tone: McLagTone;
}

function Crown() {
  return (
    <svg className="chip-icon" width="12" height="10" viewBox="0 0 12 10" aria-hidden="true">
      <path d="M1 3.2 3.6 5.6 6 1.2l2.4 4.4L11 3.2 10 8.6H2z" fill="currentColor" stroke="currentColor" strokeWidth="0.8" strokeLinejoin="round" />
    </svg>
  );
}

function StpChip({ device, mode, bridge }: { device: string; mode: 'stp' | 'rstp'; bridge: BridgeSummary | null }) {
  const { t } = useTranslation();
  const modeName = t(`canvas.stp.mode.${mode}`);
  if (bridge?.isRoot) {
    return (
      <span className="chip chip-root" data-testid={`stp-root-${device}`} title={t('canvas.stp.rootTitle', { mode: modeName })}>
        <Crown />
        {t('canvas.stp.root')}
      </span>
    );
  }
  const text = bridge?.rootPort ? t('canvas.stp.rootPort', { port: bridge.rootPort, cost: bridge.rootCost }) : modeName;
  return (
    <span className="chip chip-stp" data-testid={`stp-bridge-${device}`} title={t('canvas.stp.bridgeTitle', { mode: modeName })}>
      {text}
    </span>
  );
}

function McLagChip({ device, domainId, live }: { device: string; domainId: number; live: McLagLive | null }) {
  const { t } = useTranslation();
  const tone = live?.tone ?? 'down';
  const role = live ? t(`canvas.mclag.role.${live.role}`) : t('canvas.mclag.unknown');
  const state = live && live.role !== 'down' && live.state !== 'ok' ? t(`canvas.mclag.state.${live.state}`) : null;
  const color = MCLAG_TONE_COLORS[tone];
  return (
    <span
      className={`chip chip-mclag tone-${tone}`}
      style={{ borderColor: color }}
      data-testid={`mclag-${device}`}
      data-tone={tone}
      title={live ? t(`canvas.mclag.detail.${live.state}`) : undefined}
    >
      <span className="chip-dot" style={{ background: color }} />
      <b>{t('canvas.mclag.badge', { domain: domainId })}</b> <span>· {role}</span>
      {state && (
        <>
          {' '}
          <span className="chip-state">· {state}</span>
        </>
      )}
    </span>
  );
}

const BondChip = memo(function BondChip({ device, bond, members }: { device: string; bond: string; members: number }) {
  const { t } = useTranslation();
  const key = useLiveMaps((s) => bondKey(s.bonds[`${device}:${bond}`]));
  const [mode, activeSlave, active] = key.split('|');
  const shownMode = mode || '…';
  const count = Number(active ?? 0);
  const tone = key === '' ? 'unknown' : count === 0 ? 'down' : activeSlave || count === members ? 'up' : 'partial';
  const detail = activeSlave ? `★ ${activeSlave}` : key === '' ? null : `${count}/${members}`;
  return (
    <span className={`chip chip-bond tone-${tone}`} data-testid={`bond-${device}-${bond}`} data-bond-active-slave={activeSlave || undefined} title={t('canvas.bond.title', { bond, mode: shownMode })}>
      <span className="chip-dot" />
      <b>{bond}</b> <span>· {shownMode}</span>
      {detail && (
        <>
          {' '}
          <span className="chip-state">· {detail}</span>
        </>
      )}
    </span>
  );
});

/** The worst share of frames dropped (full transmit buffers) on the links of a flow's last path, rounded; 0 when none. */
function pathDropSelector(id: string) {
  return (s: LiveMaps): number => {
    let worst = 0;
    for (const link of s.flows[id]?.path ?? []) {
      const v = s.traffic[link];
      if (v) worst = Math.max(worst, dropPct(v));
    }
    return roundFigure(worst);
  };
}

const FlowRow = memo(function FlowRow({ id, toName }: { id: string; toName: string }) {
  const { t } = useTranslation();
  const state = useLiveMaps((s) => s.flows[id]?.state ?? 'pending');
  // Delivered, but through a link over capacity: a FIFO drops every flow's frames alike.
  const drop = useLiveMaps(useMemo(() => pathDropSelector(id), [id]));
  const look = state === 'ok' && drop > 0 ? 'lossy' : state;
  const mark = look === 'ok' ? '✓' : look === 'lossy' ? '!' : look === 'lost' ? '✗' : '○';
  return (
    <div
      className={`info-row flow-row flow-${look}`}
      data-testid={`flow-${id}`}
      data-state={state}
      data-drop={drop > 0 ? drop : undefined}
      title={memoT(t, `canvas.flow.title.${look}`, { flow: id, to: toName, drop })}
      onMouseEnter={() => setHoverFlow(id)}
      onMouseLeave={() => setHoverFlow(null)}
    >
      <span className="flow-mark" aria-hidden="true">
        {mark}
      </span>
      <span className="flow-text">
        {id} → {toName}
      </span>
      {look !== 'ok' && <span className="flow-state">{memoT(t, `canvas.flow.state.${look}`, { drop })}</span>}
    </div>
  );
});

export interface DeviceInfoProps {
  device: string;
  l2: DeviceL2;
  rows: number;
  bridge: BridgeSummary | null;
  mclag: McLagLive | null;
  isFailed: boolean;
}

function DeviceInfoView({ device, l2, rows, bridge, mclag, isFailed }: DeviceInfoProps) {
  const { t } = useTranslation();
  return (
    <div className="device-info" style={{ height: rows * INFO_ROW + INFO_PAD }}>
      {l2.stp && (
        <div className="info-row">
          <StpChip device={device} mode={l2.stp} bridge={bridge} />
        </div>
      )}
      {l2.mclag && (
        <div className="info-row">
          <McLagChip device={device} domainId={l2.mclag.domainId} live={mclag} />
        </div>
      )}
      {l2.vrrp.map((v) => (
        <VrrpRows key={v.group} device={device} v={v} />
      ))}
      {l2.moreVrrp > 0 && <div className="info-row flow-more">{t('canvas.vrrp.more', { count: l2.moreVrrp })}</div>}
      {l2.anycast.map((a) => (
        <AnycastRow key={a.id} device={device} id={a.id} ip={a.ip} isFailed={isFailed} />
      ))}
      {l2.bonds.map((b) => (
        <div key={b.id} className="info-row">
          <BondChip device={device} bond={b.id} members={b.members.length} />
        </div>
      ))}
      {l2.reach.map((r) => (
        <ReachRow key={r.target} host={device} target={r.target} ip={r.ip} />
      ))}
      {l2.reach.length > 0 && <OutageRow host={device} targets={l2.reach} />}
      {l2.flows.map((f) => (
        <FlowRow key={f.id} id={f.id} toName={f.toName} />
      ))}
      {l2.moreFlows > 0 && <div className="info-row flow-more">{t('canvas.flow.more', { count: l2.moreFlows })}</div>}
    </div>
  );
}

export const DeviceInfo = memo(DeviceInfoView);
