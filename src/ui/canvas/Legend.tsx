/**
 * The colour key of links, ports, badges and PDU dots: small, bottom-left, collapsible (the
 * choice is remembered). Closed, it is a pill with the main colours, so it covers no device on a
 * laptop screen; open, short names in columns, the full explanation in each row's tooltip. Only
 * the rows the lab can show are listed: LACP rows in a lab with LAGs, spanning-tree rows where a
 * bridge runs STP, MC-LAG, bond, traffic, VRRP, anycast and reachability rows where the lab has them.
 */
import { Panel } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTopologyStore } from '../../store/topologyStore';
import type { LabFeatures } from './labFeatures';
import { labFeatures } from './labFeatures';
import { LegendExtras } from './LegendExtras';
import { Row } from './LegendRow';
import { COLORS, LACP_LEGEND_KEYS, LEGEND, LINK_STYLES } from './linkStyle';

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

/** Three columns once the lab shows many rows, so the open legend stays low. */
function legendColumns(f: LabFeatures): number {
  const extras = [f.hasLacp, f.hasStp, f.hasMcLag, f.hasBonds, f.hasFlows, f.hasVrrp || f.hasAnycast || f.hasProbes].filter(Boolean).length;
  return f.hasLacp && extras >= 2 ? 3 : 2;
}

function LinkRows({ features }: { features: LabFeatures }) {
  const { t } = useTranslation();
  return LEGEND.filter(({ key }) => (features.hasLacp || !LACP_LEGEND_KEYS.has(key)) && (features.hasStp || key !== 'blocked')).map(({ key, statuses }) => {
    const style = LINK_STYLES[statuses[0] ?? 'up'];
    return (
      <Row key={key} name={t(`canvas.legend.items.${key}`)} detail={t(`canvas.legend.details.${key}`)}>
        <line x1="2" y1="6" x2="24" y2="6" stroke={style.stroke} strokeWidth={Math.min(style.width, 4)} strokeDasharray={key === 'blocked' ? '5 3' : style.dash} strokeLinecap={style.linecap} />
        {key === 'blocked' && (
          <g className="link-blocked" transform="translate(7 6) scale(0.6)">
            <circle r={8.5} />
            <path d="M-5.2 5.2 5.2-5.2" />
          </g>
        )}
      </Row>
    );
  });
}

function LacpRows() {
  const { t } = useTranslation();
  return (
    <>
      <Row name={t('canvas.legend.items.pdu')} detail={t('canvas.legend.details.pdu')}>
        <circle cx="5" cy="6" r="3.3" fill={COLORS.green} />
        <circle cx="13" cy="6" r="3.3" fill={COLORS.blue} />
        <circle cx="21" cy="6" r="3.3" fill={COLORS.slateLight} />
      </Row>
      <Row name={t('canvas.legend.items.lag')} detail={t('canvas.legend.details.lag')}>
        <rect x="1" y="2" width="24" height="8" rx="4" fill="#fff" stroke={COLORS.green} strokeWidth="1.3" />
        <circle cx="6" cy="6" r="2" fill={COLORS.green} />
        <path d="M11 6h10" stroke="#94a3b8" strokeWidth="1.6" strokeLinecap="round" />
      </Row>
      <Row name={t('canvas.legend.items.marker')} detail={t('canvas.legend.details.marker')}>
        <line x1="2" y1="6" x2="24" y2="6" stroke={COLORS.orange} strokeWidth="3" strokeDasharray="0.1 6" strokeLinecap="round" />
        <circle cx="7" cy="6" r="3.5" fill={COLORS.green} stroke="#fff" strokeWidth="1.2" />
      </Row>
    </>
  );
}

export function Legend() {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(readOpen);
  const doc = useTopologyStore((s) => s.doc);
  const features = useMemo(() => labFeatures(doc), [doc]);
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
        <ul className="legend-list" style={{ '--legend-cols': legendColumns(features) } as CSSProperties}>
          <LinkRows features={features} />
          {features.hasLacp && <LacpRows />}
          <LegendExtras features={features} />
        </ul>
      )}
    </Panel>
  );
}
