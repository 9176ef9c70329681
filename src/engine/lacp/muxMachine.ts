/**
 * Mux machine, independent control, 802.1AX-2008 5.4.15 (figure 5-15): DETACHED, WAITING,
 * ATTACHED, COLLECTING, DISTRIBUTING. Collecting and distributing are enabled separately, so a
 * student sees the actor's Collecting bit before its Distributing bit.
 */
import { LacpStateBit as B } from '../codecs/lacpdu';
import type { LacpPort } from './lacpPort';
import { AGGREGATE_WAIT_TIME } from './timers';
import type { MuxState } from './types';

function enter(p: LacpPort, state: MuxState): void {
  p.mux = state;
  switch (state) {
    case 'DETACHED':
      p.waitWhile.stop();
      p.readyN = false;
      p.setActor(B.synchronization, false);
      p.setActor(B.distributing, false);
      p.setActor(B.collecting, false);
      p.ntt = true;
      break;
    case 'WAITING':
      p.readyN = false;
      p.waitWhile.start(AGGREGATE_WAIT_TIME);
      break;
    case 'ATTACHED':
      p.setActor(B.synchronization, true);
      p.setActor(B.collecting, false);
      p.setActor(B.distributing, false);
      p.ntt = true;
      break;
    case 'COLLECTING':
      p.setActor(B.collecting, true);
      p.setActor(B.distributing, false);
      p.ntt = true;
      break;
    case 'DISTRIBUTING':
      p.setActor(B.distributing, true);
      break;
  }
}

/**
 * One evaluation of the mux transitions; returns true when the state changed.
 * `ready` is the aggregator's Ready (every port waiting for it has Ready_N).
 */
export function muxStep(p: LacpPort, ready: boolean): boolean {
  const sel = p.selected;
  const partnerSync = p.partnerSync;
  const partnerCollecting = p.partnerHas(B.collecting);
  switch (p.mux) {
    case 'DETACHED':
      if (sel === 'SELECTED' || sel === 'STANDBY') return go(p, 'WAITING');
      return false;
    case 'WAITING':
      if (sel === 'UNSELECTED') return go(p, 'DETACHED');
      if (sel === 'SELECTED' && ready) return go(p, 'ATTACHED');
      return false;
    case 'ATTACHED':
      if (sel !== 'SELECTED') return go(p, 'DETACHED');
      if (partnerSync) return go(p, 'COLLECTING');
      return false;
    case 'COLLECTING':
      if (sel !== 'SELECTED' || !partnerSync) return go(p, 'ATTACHED');
      if (partnerCollecting) return go(p, 'DISTRIBUTING');
      return false;
    case 'DISTRIBUTING':
      if (sel !== 'SELECTED' || !partnerSync || !partnerCollecting) return go(p, 'COLLECTING');
      return false;
  }
}

function go(p: LacpPort, state: MuxState): boolean {
  enter(p, state);
  return true;
}

/** Resets the mux to DETACHED without raising NTT (BEGIN, power off). */
export function muxReset(p: LacpPort): void {
  p.mux = 'DETACHED';
  p.readyN = false;
  p.waitWhile.stop();
  p.setActor(B.synchronization | B.collecting | B.distributing, false);
}
