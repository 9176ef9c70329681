/** One log line: virtual time, an icon per event type, and the sentence. */
import { memo } from 'react';
import type { SimEventType } from '../../engine/events';
import type { IconName } from '../toolbar/Icon';
import { Icon } from '../toolbar/Icon';
import type { LogLine, LogTarget } from './describe';
import { formatLogTime } from './describe';

const ICONS: Record<SimEventType, IconName> = { link: 'link', fault: 'bolt', lacp: 'activity', lag: 'lag', lacpdu: 'envelope', arp: 'info', flow: 'share', traffic: 'arrowDown', mclag: 'lag', bond: 'restart', stp: 'filter', bpdu: 'envelope', vrrp: 'globe', vrrpAdvert: 'envelope', probe: 'activity', outage: 'alert' };

export const LogRow = memo(function LogRow({ line, onGo }: { line: LogLine; onGo: (target: LogTarget | null) => void }) {
  return (
    <li className={`log-row log-${line.type} tone-${line.tone}`} data-testid="log-entry" data-type={line.type}>
      <button type="button" className="log-button" onClick={() => onGo(line.target)} disabled={line.target === null}>
        <span className="log-time">{formatLogTime(line.t)}</span>
        <span className="log-icon">
          <Icon name={ICONS[line.type]} size={14} />
        </span>
        <span className="log-text">{line.text}</span>
      </button>
    </li>
  );
});
