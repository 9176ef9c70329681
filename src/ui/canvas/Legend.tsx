/**
 * The colour key of links, LAG labels and LACPDU dots: small, bottom-left, collapsible (the
 * choice is remembered). Closed, it is a pill with the main colours, so it covers no device on a
 * laptop screen; open, short names in two columns, the full explanation in each row's tooltip.
 */
import { Panel } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLORS, LEGEND, LINK_STYLES } from './linkStyle';

const STORAGE_KEY = 'topolab.legendOpen';
const CHIPS = [COLORS.green, COLORS.blue, COLORS.amber, COLORS.orange, COLORS.purple, COLORS.red];

function readOpen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

function writeOpen(isOpen: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(isOpen));
  } catch {
    // Storage disabled: the legend just forgets.
  }
}

function Row({ name, detail, children }: { name: string; detail: string; children: ReactNode }) {
  return (
    <li title={detail}>
      <svg className="legend-swatch" width="26" height="10" viewBox="0 0 26 10" aria-hidden="true">
        {children}
      </svg>
      <span>{name}</span>
    </li>
  );
}

function LinkRows() {
  const { t } = useTranslation();
  return LEGEND.map(({ key, statuses }) => {
    const style = LINK_STYLES[statuses[0] ?? 'up'];
    return (
      <Row key={key} name={t(`canvas.legend.items.${key}`)} detail={t(`canvas.legend.details.${key}`)}>
        <line x1="2" y1="5" x2="24" y2="5" stroke={style.stroke} strokeWidth={Math.min(style.width, 4)} strokeDasharray={style.dash} strokeLinecap={style.linecap} />
      </Row>
    );
  });
}

export function Legend() {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(readOpen);
  const toggle = () => {
    writeOpen(!isOpen);
    setOpen(!isOpen);
  };
  return (
    <Panel position="bottom-left" className={`canvas-legend${isOpen ? ' is-open' : ''}`} data-testid="canvas-legend">
      <button type="button" className="legend-toggle" aria-expanded={isOpen} title={t(isOpen ? 'canvas.legend.hide' : 'canvas.legend.show')} onClick={toggle} data-testid="legend-toggle">
        <span>{t('canvas.legend.title')}</span>
        {!isOpen && (
          <span className="legend-chips" aria-hidden="true">
            {CHIPS.map((c) => (
              <span key={c} style={{ background: c }} />
            ))}
          </span>
        )}
        <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
          <path d="M2 6.5 5 3.5 8 6.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {isOpen && (
        <ul className="legend-list">
          <LinkRows />
          <Row name={t('canvas.legend.items.pdu')} detail={t('canvas.legend.details.pdu')}>
            <circle cx="5" cy="5" r="3.3" fill={COLORS.green} />
            <circle cx="13" cy="5" r="3.3" fill={COLORS.blue} />
            <circle cx="21" cy="5" r="3.3" fill={COLORS.slateLight} />
          </Row>
          <Row name={t('canvas.legend.items.lag')} detail={t('canvas.legend.details.lag')}>
            <rect x="1" y="1" width="24" height="8" rx="4" fill="#fff" stroke={COLORS.green} strokeWidth="1.3" />
            <circle cx="6" cy="5" r="2" fill={COLORS.green} />
            <path d="M11 5h10" stroke="#94a3b8" strokeWidth="1.6" strokeLinecap="round" />
          </Row>
          <Row name={t('canvas.legend.items.marker')} detail={t('canvas.legend.details.marker')}>
            <line x1="2" y1="5" x2="24" y2="5" stroke={COLORS.orange} strokeWidth="3" strokeDasharray="0.1 6" strokeLinecap="round" />
            <circle cx="7" cy="5" r="3.5" fill={COLORS.green} stroke="#fff" strokeWidth="1.2" />
          </Row>
        </ul>
      )}
    </Panel>
  );
}
