/** The report's groups (the report store paired with the hosts' live probes) and its names. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultEvent } from '../../engine/events';
import type { Topology } from '../../model';
import { useLiveMaps } from '../../store/overlayStore';
import type { ReportGroup } from '../../store/reportStore';
import { buildReport, useReportStore } from '../../store/reportStore';
import { useTopologyStore } from '../../store/topologyStore';
import { deviceName } from '../inspector/lookup';
import type { ReportNames } from './reportExport';

export function useReportGroups(): ReportGroup[] {
  const report = useReportStore((s) => s);
  const probes = useLiveMaps((s) => s.probes);
  return useMemo(() => buildReport(report, probes), [report, probes]);
}

/** A fault's target as students know it: a device's name, a link's id, `SW1 eth1` for a port. */
export function faultTargetName(doc: Topology, fault: FaultEvent): string {
  if (fault.kind === 'device') return deviceName(doc, fault.target);
  if (fault.kind === 'link') return fault.target;
  const cut = fault.target.indexOf(':');
  return cut < 0 ? fault.target : `${deviceName(doc, fault.target.slice(0, cut))} ${fault.target.slice(cut + 1)}`;
}

export function useReportNames(): ReportNames {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  return useMemo(
    () => ({
      device: (id) => deviceName(doc, id),
      faultTarget: (fault) => faultTargetName(doc, fault),
      rule: (rule) => t(`report.rule.${rule}`, { defaultValue: rule }),
      verdict: (verdict) => t(`report.verdict.${verdict}`),
    }),
    [doc, t],
  );
}
