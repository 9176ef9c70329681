/**
 * The gateway info rows of a card (issue 5): on a router or L3 switch, a VRRP chip per group
 * (state, priority; green Master, blue Backup, grey Initialize) over a row with the virtual IP and
 * what is special about the group (address owner, active-active, no preemption), and an anycast
 * chip per anycast gateway; on a host, one row per probe target (✓ reached, ✗ lost and counting,
 * or the last outage measured) and a row with the standard's prediction for the last outage.
 * Each row reads the overlay itself through one selector returning one string.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveMaps } from '../../store/overlayStore';
import type { ReachInfo, VrrpInfo } from './deviceL2';
import { isAsPredicted, latestOutageKey, parseOutageKey, parseReachKey, parseVrrpChipKey, predictedSeconds, reachKey, seconds, vrrpChipKey } from './gatewayView';
import { trackLost } from './lostTicker';
import { memoT } from './memoT';

export const VrrpRows = memo(function VrrpRows({ device, v }: { device: string; v: VrrpInfo }) {
  const { t } = useTranslation();
  const key = useLiveMaps((s) => vrrpChipKey(s, v.liveKey));
  const { tone, priority } = parseVrrpChipKey(key, v.priority);
  const state = memoT(t, `canvas.vrrp.state.${tone}`);
  const isLowered = tone !== 'none' && priority < v.priority;
  const params = { vrid: v.vrid, vip: v.vip, priority, configured: v.priority, group: v.group };
  const tags = [v.port, v.isOwner ? memoT(t, 'canvas.vrrp.owner') : null, v.isPreempt ? null : memoT(t, 'canvas.vrrp.noPreempt')].filter((x): x is string => x !== null);
  return (
    <>
      <div className="info-row">
        <span
          className={`chip chip-vrrp tone-${tone}`}
          data-testid={`vrrp-${device}-${v.group}`}
          data-state={tone}
          data-priority={priority}
          title={memoT(t, `canvas.vrrp.title.${tone}`, params) + (isLowered ? ` ${memoT(t, 'canvas.vrrp.lowered', params)}` : '')}
        >
          <span className="chip-dot" />
          <b>{memoT(t, 'canvas.vrrp.badge', { vrid: v.vrid })}</b> <span className="chip-state">· {state}</span> <span className="chip-priority">· {priority}{isLowered ? '↓' : ''}</span>
        </span>
      </div>
      <div className="info-row vip-row" title={memoT(t, 'canvas.vrrp.vipTitle', params)}>
        <span className="vip-text">{memoT(t, 'canvas.vrrp.vip', { vip: v.vip })}</span>
        {tags.length > 0 && <span className="vip-tags">· {tags.join(' · ')}</span>}
        {v.isActiveActive && (
          <span className="vip-aa" data-testid={`vrrp-aa-${device}-${v.group}`} title={memoT(t, 'canvas.vrrp.activeActiveTitle')}>
            {memoT(t, 'canvas.vrrp.activeActive')}
          </span>
        )}
      </div>
    </>
  );
});

export function AnycastRow({ device, id, ip, isFailed }: { device: string; id: string; ip: string; isFailed: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="info-row">
      <span className={`chip chip-anycast${isFailed ? ' is-off' : ''}`} data-testid={`anycast-${device}-${id}`} title={memoT(t, 'canvas.anycast.title', { ip })}>
        <span className="chip-dot" />
        <b>{memoT(t, 'canvas.anycast.badge')}</b> <span>{ip}</span>
      </span>
    </div>
  );
}

/** The counting "lost 2.3 s": its text is written by the ticker, not by React. */
function LostFor({ sinceMs }: { sinceMs: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    return trackLost(el, sinceMs, (tenths) => memoT(t, 'canvas.reach.lostFor', { s: (tenths / 10).toFixed(1) }));
  }, [sinceMs, t]);
  return <span ref={ref} className="reach-detail reach-lost-for" data-since-ms={sinceMs} />;
}

const MARK = { ok: '✓', lost: '✗', pending: '○' } as const;

export const ReachRow = memo(function ReachRow({ host, target, ip }: { host: string } & ReachInfo) {
  const { t } = useTranslation();
  const key = useLiveMaps((s) => reachKey(s, host, target));
  const { state, sinceMs, outageMs } = parseReachKey(key);
  const label = memoT(t, `canvas.reach.target.${target}`);
  let detail;
  if (state === 'lost' && sinceMs !== null) detail = <LostFor sinceMs={sinceMs} />;
  else if (outageMs !== null) {
    detail = (
      <span className="reach-detail reach-outage" data-testid={`outage-${host}-${target}`} data-duration-ms={outageMs}>
        {memoT(t, 'canvas.reach.outage', { s: seconds(outageMs) })}
      </span>
    );
  } else detail = <span className="reach-detail reach-ip">{ip}</span>;
  return (
    <div className={`info-row reach-row reach-${state}`} data-testid={`reach-${host}-${target}`} data-state={state} title={memoT(t, `canvas.reach.title.${state}`, { target: label, ip })}>
      <span className="reach-mark" aria-hidden="true">
        {MARK[state]}
      </span>
      <span className="reach-label">{label}</span>
      {detail}
    </div>
  );
});

/** The standard's prediction for the host's last outage, and whether the measurement agrees. */
export const OutageRow = memo(function OutageRow({ host, targets }: { host: string; targets: readonly ReachInfo[] }) {
  const { t } = useTranslation();
  const kinds = useMemo(() => targets.map((r) => r.target), [targets]);
  const key = useLiveMaps((s) => latestOutageKey(s, host, kinds));
  const o = parseOutageKey(key);
  if (!o) {
    return (
      <div className="info-row outage-row is-none" data-testid={`outage-expected-${host}`}>
        {memoT(t, 'canvas.outage.none')}
      </div>
    );
  }
  const x = o.expected;
  const measured = seconds(o.durationMs);
  const target = memoT(t, `canvas.reach.target.${o.target}`);
  if (!x) {
    return (
      <div className="info-row outage-row is-unknown" data-testid={`outage-expected-${host}`} title={memoT(t, 'canvas.outage.titleUnknown', { target, measured, lost: o.lostProbes, interval: o.intervalMs })}>
        {memoT(t, 'canvas.outage.unknown')}
      </div>
    );
  }
  const isOk = isAsPredicted(o);
  const rule = t(`canvas.outage.rule.${x.rule}`, { defaultValue: x.rule });
  const predicted = predictedSeconds(x);
  return (
    <div
      className={`info-row outage-row ${isOk ? 'is-ok' : 'is-off'}`}
      data-testid={`outage-expected-${host}`}
      data-target={o.target}
      data-expected-ms={x.ms}
      data-expected-min-ms={x.minMs ?? undefined}
      data-rule={x.rule}
      data-as-predicted={String(isOk)}
      title={memoT(t, isOk ? 'canvas.outage.titleOk' : 'canvas.outage.titleOff', { target, measured, predicted, rule, lost: o.lostProbes, interval: o.intervalMs })}
    >
      <span className="outage-verdict" aria-hidden="true">
        {isOk ? '✓' : '≠'}
      </span>
      <span className="outage-text">
        {memoT(t, 'canvas.outage.predicted', { s: predicted })} <span className="outage-rule">{rule}</span>
      </span>
    </div>
  );
});
