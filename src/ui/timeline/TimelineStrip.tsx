/**
 * A strip over virtual time marking faults, links going down, LAGs going up or down, VRRP routers
 * becoming Master (teal diamonds) and measured outages (red spans from start to end). It
 * follows the log and the clock at most ~4×/s (useThrottledOverlay). Marks sit at `--t` over the
 * lane's `--span` (CSS), so when only the clock moves, React re-renders the lane, not every mark.
 */
import type { CSSProperties } from 'react';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlayState } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { useThrottledOverlay } from '../useThrottledOverlay';
import type { LogTarget, TimelineMark } from './describe';
import { formatLogTime, timelineMarks } from './describe';
import { createStabilizer } from './stableLines';
import { useGoTo } from './useGoTo';

const selectLogAndClock = (s: OverlayState) => ({ log: s.log, clock: s.clock });

const sameMark = (a: TimelineMark, b: TimelineMark) => a.kind === b.kind && a.t === b.t && a.endT === b.endT && a.text === b.text && JSON.stringify(a.target) === JSON.stringify(b.target);

/** Where a mark sits (`--t`, ms from the lane's start) and, for a span, how long it is (`--d`, ms). */
function markStyle(mark: TimelineMark, start: number): CSSProperties {
  const vars: Record<string, number> = { '--t': mark.t - start };
  if (mark.endT !== undefined) vars['--d'] = mark.endT - mark.t;
  return vars;
}

const StripMark = memo(function StripMark({ mark, start, onGo }: { mark: TimelineMark; start: number; onGo: (target: LogTarget | null) => void }) {
  const label = `${formatLogTime(mark.t)} s · ${mark.text}`;
  return (
    <button
      type="button"
      className={`strip-mark mark-${mark.kind}`}
      data-testid="timeline-mark"
      data-kind={mark.kind}
      style={markStyle(mark, start)}
      title={label}
      aria-label={label}
      onClick={() => onGo(mark.target)}
    />
  );
});

export function TimelineStrip() {
  const { t } = useTranslation();
  const { log, clock } = useThrottledOverlay(selectLogAndClock);
  const doc = useTopologyStore((s) => s.doc);
  const goTo = useGoTo();
  const [stabilize] = useState(() => createStabilizer(sameMark));
  const marks = useMemo(() => stabilize(timelineMarks(log, doc, t)), [stabilize, log, doc, t]);
  const start = Math.min(log[0]?.event.t ?? 0, 0);
  const span = Math.max(1000, clock - start);

  return (
    <div className="strip" data-testid="timeline-strip" aria-label={t('log.strip')}>
      <div className="strip-lane" style={{ '--span': span } as CSSProperties}>
        <div className="strip-track" />
        {marks.map((m) => (
          <StripMark key={m.id} mark={m} start={start} onGo={goTo} />
        ))}
      </div>
      <span className="strip-end">{t('log.stripEnd', { time: formatLogTime(clock) })}</span>
    </div>
  );
}
