/** What clicking a log line or a timeline mark does: select what it concerns, or open the PDU. */
import { useCallback } from 'react';
import { useTopologyStore } from '../../store/topologyStore';
import { useUiStore } from '../uiStore';
import type { LogTarget } from './describe';

export function useGoTo(): (target: LogTarget | null) => void {
  return useCallback(
    (target) => {
      if (!target) return;
      switch (target.kind) {
        case 'device':
          useTopologyStore.getState().select({ devices: [target.id], links: [], lag: null });
          break;
        case 'link':
          useTopologyStore.getState().select({ devices: [], links: [target.id], lag: null });
          break;
        case 'lag':
          useTopologyStore.getState().select({ devices: [], links: [], lag: { device: target.device, id: target.id } });
          break;
        case 'packet':
          useUiStore.getState().openPacket(target.link, target.frame);
          break;
      }
    },
    [],
  );
}
