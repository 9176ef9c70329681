/** A strip over virtual time marking faults, links going down and LAGs going up or down. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayStore } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { formatLogTime, timelineMarks } from './describe';
import { useGoTo } from './useGoTo';

export function TimelineStrip() {
  const { t } = useTranslation();
  const log = useOverlayStore((s) => s.log);
  const clock = useOverlayStore((s) => s.clock);
  const doc = useTopologyStore((s) => s.doc);
  const goTo = useGoTo();
  const marks = useMemo(() => timelineMarks(log, doc, t), [log, doc, t]);
  const start = Math.min(log[0]?.event.t ?? 0, 0);
  const span = Math.max(1000, clock - start);

  return (
    <div className="strip" data-testid="timeline-strip" aria-label={t('log.strip')}>
      <div className="strip-lane">
        <div className="strip-track" />
        {marks.map((m) => (
        <button
          key={m.id}
          type="button"
          className={`strip-mark mark-${m.kind}`}
          data-testid="timeline-mark"
          data-kind={m.kind}
          style={{ left: `${Math.min(100, ((m.t - start) / span) * 100)}%` }}
          title={`${formatLogTime(m.t)} s · ${m.text}`}
          aria-label={`${formatLogTime(m.t)} s · ${m.text}`}
          onClick={() => goTo(m.target)}
        />
        ))}
      </div>
      <span className="strip-end">{t('log.stripEnd', { time: formatLogTime(clock) })}</span>
    </div>
  );
}
