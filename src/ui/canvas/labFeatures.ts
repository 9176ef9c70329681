/** Which overlays a lab can show, read from its document (the legend lists only those). */
import type { Topology } from '../../model';

/** What the lab has that the legend explains. */
export interface LabFeatures {
  hasLacp: boolean;
  hasStp: boolean;
  hasMcLag: boolean;
  hasBonds: boolean;
  hasFlows: boolean;
}

export function labFeatures(doc: Pick<Topology, 'devices' | 'lags' | 'mclags' | 'bonds' | 'flows'>): LabFeatures {
  const bonds = doc.bonds ?? [];
  return {
    hasLacp: (doc.lags ?? []).length > 0 || bonds.some((b) => b.mode === '802.3ad'),
    hasStp: doc.devices.some((d) => d.stp !== undefined && d.stp.mode !== 'off'),
    hasMcLag: (doc.mclags ?? []).length > 0,
    hasBonds: bonds.length > 0,
    hasFlows: (doc.flows ?? []).length > 0,
  };
}
