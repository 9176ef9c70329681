/**
 * Port Receive state machine, 802.1D-2004 17.23: a received BPDU becomes a message for Port
 * Information (rcvdMsg), notes which protocol version the neighbour speaks (updtBPDUVersion,
 * 17.21.22) and ends edge operation (operEdge = FALSE: a BPDU means a bridge is there).
 */
import type { RstpPort } from './rstpPort';

/** DISCARD: nothing received is kept. */
function discard(p: RstpPort): void {
  p.prx = 'DISCARD';
  p.rcvdBpdu = p.rcvdRSTP = p.rcvdSTP = false;
  p.rcvdMsg = false;
}

/** 17.21.22 updtBPDUVersion: RST BPDUs (version ≥ 2) set rcvdRSTP, Config and TCN BPDUs rcvdSTP. */
function updtBPDUVersion(p: RstpPort): void {
  const bpdu = p.rcvdBpduData;
  if (bpdu?.kind === 'rst') p.rcvdRSTP = true;
  else p.rcvdSTP = true;
}

/** RECEIVE: hand the BPDU over. */
function receive(p: RstpPort): void {
  p.prx = 'RECEIVE';
  updtBPDUVersion(p);
  p.rcvdMsg = true;
  p.operEdge = false;
  p.rcvdBpdu = false;
}

/** BEGIN. */
export function portReceiveBegin(p: RstpPort): void {
  discard(p);
}

/** One step; true when the machine moved. */
export function portReceive(p: RstpPort): boolean {
  if (p.rcvdBpdu && !p.portEnabled) {
    discard(p);
    return true;
  }
  if (p.rcvdBpdu && p.portEnabled && (p.prx === 'DISCARD' || !p.rcvdMsg)) {
    receive(p);
    return true;
  }
  return false;
}
