/**
 * The legend rows of the layer-2 and gateway overlays: BPDU dots, port roles and the root bridge
 * (spanning tree), the MC-LAG badge, bond slaves, traffic and utilisation, storms and flow paths, VRRP adverts and
 * roles, anycast gateways, reachability and outages. Each group shows only in a lab that has it.
 */
import { useTranslation } from 'react-i18next';
import type { LabFeatures } from './labFeatures';
import { Row } from './LegendRow';
import { COLORS, STORM_COLOR, TRAFFIC_COLOR } from './linkStyle';

function StpRows() {
  const { t } = useTranslation();
  return (
    <>
      <Row name={t('canvas.legend.items.bpdu')} detail={t('canvas.legend.details.bpdu')}>
        <circle cx="5" cy="6" r="3.3" fill={COLORS.purple} />
        <circle cx="13" cy="6" r="3.3" fill={COLORS.purple} />
        <circle cx="21" cy="6" r="3.3" fill={COLORS.orange} />
      </Row>
      <Row
        name={t('canvas.legend.items.stpPort')}
        detail={t('canvas.legend.details.stpPort')}
        html={
          <span className="legend-swatch legend-ports" aria-hidden="true">
            <i style={{ background: COLORS.green }}>R</i>
            <i style={{ background: COLORS.amber }}>D</i>
            <i style={{ background: COLORS.red }}>A</i>
          </span>
        }
      />
      <Row
        name={t('canvas.legend.items.root')}
        detail={t('canvas.legend.details.root')}
        html={
          <span className="legend-swatch legend-badge chip-root" aria-hidden="true">
            <svg width="12" height="10" viewBox="0 0 12 10">
              <path d="M1 3.2 3.6 5.6 6 1.2l2.4 4.4L11 3.2 10 8.6H2z" fill="currentColor" />
            </svg>
          </span>
        }
      />
    </>
  );
}

function TrafficRows() {
  const { t } = useTranslation();
  return (
    <>
      <Row name={t('canvas.legend.items.traffic')} detail={t('canvas.legend.details.traffic')}>
        <line x1="1" y1="6" x2="25" y2="6" stroke={COLORS.slate} strokeWidth="2" />
        <line x1="3" y1="6" x2="25" y2="6" stroke={TRAFFIC_COLOR} strokeWidth="3.6" strokeDasharray="0.1 6.5" strokeLinecap="round" />
      </Row>
      <Row name={t('canvas.legend.items.utilisation')} detail={t('canvas.legend.details.utilisation')}>
        <line x1="2" y1="6" x2="24" y2="6" stroke={STORM_COLOR} strokeOpacity="0.28" strokeWidth="9" strokeLinecap="round" />
        <line x1="2" y1="6" x2="24" y2="6" stroke={COLORS.green} strokeWidth="3" strokeLinecap="round" />
        <rect x="8" y="2.5" width="10" height="7" rx="3.5" fill={STORM_COLOR} />
      </Row>
      <Row name={t('canvas.legend.items.storm')} detail={t('canvas.legend.details.storm')}>
        <line x1="2" y1="6" x2="24" y2="6" stroke={STORM_COLOR} strokeOpacity="0.3" strokeWidth="9" strokeLinecap="round" />
        <line x1="2" y1="6" x2="24" y2="6" stroke={COLORS.slate} strokeWidth="2" />
      </Row>
      <Row name={t('canvas.legend.items.flowPath')} detail={t('canvas.legend.details.flowPath')}>
        <line x1="2" y1="6" x2="24" y2="6" stroke={TRAFFIC_COLOR} strokeOpacity="0.25" strokeWidth="9" strokeLinecap="round" />
        <line x1="2" y1="6" x2="24" y2="6" stroke={COLORS.green} strokeWidth="3" strokeLinecap="round" />
      </Row>
    </>
  );
}

function GatewayRows({ features }: { features: LabFeatures }) {
  const { t } = useTranslation();
  return (
    <>
      {features.hasVrrp && (
        <>
          <Row name={t('canvas.legend.items.vrrpAdvert')} detail={t('canvas.legend.details.vrrpAdvert')}>
            <circle cx="5" cy="6" r="3.3" fill={COLORS.teal} />
            <circle cx="13" cy="6" r="3.3" fill={COLORS.teal} />
            <circle cx="21" cy="6" r="3.3" fill={COLORS.red} />
          </Row>
          <Row
            name={t('canvas.legend.items.vrrp')}
            detail={t('canvas.legend.details.vrrp')}
            html={
              <span className="legend-swatch legend-badge chip-vrrp-legend" aria-hidden="true">
                <span className="chip-dot" style={{ background: COLORS.green }} />
                <span className="chip-dot" style={{ background: COLORS.blue }} />
                <span className="chip-dot" style={{ background: COLORS.slateLight }} />
              </span>
            }
          />
        </>
      )}
      {features.hasAnycast && (
        <Row
          name={t('canvas.legend.items.anycast')}
          detail={t('canvas.legend.details.anycast')}
          html={
            <span className="legend-swatch legend-badge chip-anycast" aria-hidden="true">
              <span className="chip-dot" />
            </span>
          }
        />
      )}
      {features.hasProbes && (
        <>
          <Row
            name={t('canvas.legend.items.reach')}
            detail={t('canvas.legend.details.reach')}
            html={
              <span className="legend-swatch legend-ports legend-reach" aria-hidden="true">
                <i style={{ background: COLORS.green }}>✓</i>
                <i style={{ background: COLORS.red }}>✗</i>
              </span>
            }
          />
          <Row
            name={t('canvas.legend.items.outage')}
            detail={t('canvas.legend.details.outage')}
            html={
              <span className="legend-swatch legend-outage" aria-hidden="true">
                ✓
              </span>
            }
          />
        </>
      )}
    </>
  );
}

export function LegendExtras({ features }: { features: LabFeatures }) {
  const { t } = useTranslation();
  return (
    <>
      {features.hasStp && <StpRows />}
      {features.hasMcLag && (
        <Row
          name={t('canvas.legend.items.mclag')}
          detail={t('canvas.legend.details.mclag')}
          html={
            <span className="legend-swatch legend-badge chip-mclag" aria-hidden="true">
              <span className="chip-dot" style={{ background: COLORS.green }} />
              <span className="chip-dot" style={{ background: COLORS.amber }} />
              <span className="chip-dot" style={{ background: COLORS.red }} />
            </span>
          }
        />
      )}
      {features.hasBonds && (
        <Row
          name={t('canvas.legend.items.bond')}
          detail={t('canvas.legend.details.bond')}
          html={
            <span className="legend-swatch legend-ports" aria-hidden="true">
              <i style={{ background: COLORS.green }}>★</i>
              <i style={{ background: COLORS.amber }} />
              <i style={{ background: COLORS.red }} />
            </span>
          }
        />
      )}
      {features.hasFlows && <TrafficRows />}
      <GatewayRows features={features} />
    </>
  );
}
