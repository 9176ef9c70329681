/** Which overlays a lab can show, read from its document (the legend lists only those). */
import type { Topology } from '../../model';

/** What the lab has that the legend explains. */
export interface LabFeatures {
  hasLacp: boolean;
  hasStp: boolean;
  hasMcLag: boolean;
  hasBonds: boolean;
  hasFlows: boolean;
  hasVrrp: boolean;
  hasAnycast: boolean;
  /** A host probes its gateway (it has one and the document's probes are not turned off). */
  hasProbes: boolean;
}

export function labFeatures(doc: Pick<Topology, 'devices' | 'lags' | 'mclags' | 'bonds' | 'flows' | 'vrrp' | 'anycastGateways' | 'probes'>): LabFeatures {
  const bonds = doc.bonds ?? [];
  return {
    hasLacp: (doc.lags ?? []).length > 0 || bonds.some((b) => b.mode === '802.3ad'),
    hasStp: doc.devices.some((d) => d.stp !== undefined && d.stp.mode !== 'off'),
    hasMcLag: (doc.mclags ?? []).length > 0,
    hasBonds: bonds.length > 0,
    hasFlows: (doc.flows ?? []).length > 0,
    hasVrrp: (doc.vrrp ?? []).length > 0,
    hasAnycast: (doc.anycastGateways ?? []).length > 0,
    hasProbes: (doc.probes?.targets ?? ['gateway']).length > 0 && doc.devices.some((d) => d.type === 'host' && d.gateway !== undefined),
  };
}
