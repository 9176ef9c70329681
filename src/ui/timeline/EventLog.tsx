/**
 * The bottom panel: the event log in words, newest at the bottom, with filters and a strip of
 * the notable moments. Clicking a line selects what it concerns or opens the LACPDU. It follows
 * the log at most ~4×/s (useThrottledOverlay), not every animation frame, and renders only the
 * last MAX_ROWS lines.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlayState } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { useUiStore } from '../uiStore';
import { useThrottledOverlay } from '../useThrottledOverlay';
import { visibleLines } from './describe';
import { DeviceFilter } from './DeviceFilter';
import { LogRow } from './LogRow';
import { createLineStabilizer } from './stableLines';
import { TimelineStrip } from './TimelineStrip';
import { TypeFilter } from './TypeFilter';
import { useAutoScroll } from './useAutoScroll';
import { useGoTo } from './useGoTo';

/** Lines rendered at most; older ones stay in the overlay's ring buffer. */
export const MAX_ROWS = 100;

const selectLog = (s: OverlayState) => s.log;

export function EventLog() {
  const { t } = useTranslation();
  const log = useThrottledOverlay(selectLog);
  const doc = useTopologyStore((s) => s.doc);
  const types = useUiStore((s) => s.logTypes);
  const devices = useUiStore((s) => s.logDevices);
  const goTo = useGoTo();
  const visible = useMemo(() => visibleLines(log, doc, t, { types, devices }, MAX_ROWS), [log, doc, t, types, devices]);
  const [stabilize] = useState(createLineStabilizer);
  const lines = useMemo(() => stabilize(visible.lines), [stabilize, visible]);
  const total = visible.total;
  const lastId = lines[lines.length - 1]?.id ?? 0;
  const { ref, onScroll, isFollowing, toBottom } = useAutoScroll<HTMLOListElement>(lastId);

  return (
    <section className="event-log panel" data-testid="event-log" aria-label={t('log.title')}>
      <header className="log-head">
        <h2 className="panel-title">{t('log.title')}</h2>
        <TypeFilter />
        <DeviceFilter />
        <span className="log-count muted small">{total > lines.length ? t('log.countLimited', { shown: lines.length, total }) : t('log.count', { count: total })}</span>
      </header>
      <TimelineStrip />
      <div className="log-body">
        <ol className="log-list" ref={ref} onScroll={onScroll} aria-live="off">
          {lines.length === 0 && <li className="log-empty muted">{t('log.empty')}</li>}
          {lines.map((line) => (
            <LogRow key={line.id} line={line} onGo={goTo} />
          ))}
        </ol>
        {!isFollowing && (
          <button type="button" className="btn btn-float" data-testid="log-follow" onClick={toBottom}>
            <Icon name="arrowDown" size={14} />
            <span>{t('log.follow')}</span>
          </button>
        )}
      </div>
    </section>
  );
}
