/**
 * Bridge Detection state machine, 802.1D-2004 17.25: operEdge follows AdminEdgePort; a BPDU
 * received on an edge port clears operEdge (Port Receive) and the port stays a non-edge port
 * until its link goes down. AutoEdge (becoming an edge port after Migrate Time of silence) is
 * not modelled: AutoEdge is FALSE, as on most switches unless configured (see README).
 */
import type { RstpPort } from './rstpPort';

export function bridgeDetectionBegin(p: RstpPort): void {
  p.bdm = p.adminEdge ? 'EDGE' : 'NOT_EDGE';
  p.operEdge = p.adminEdge;
}

/** One step; true when the machine moved. */
export function bridgeDetection(p: RstpPort): boolean {
  if (p.bdm === 'EDGE') {
    if ((!p.portEnabled && !p.adminEdge) || !p.operEdge) {
      p.bdm = 'NOT_EDGE';
      p.operEdge = false;
      return true;
    }
    return false;
  }
  if (!p.portEnabled && p.adminEdge) {
    p.bdm = 'EDGE';
    p.operEdge = true;
    return true;
  }
  return false;
}
