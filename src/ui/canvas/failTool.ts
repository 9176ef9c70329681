/**
 * What clicking with the fail tool does. A device fails, or is restored when it is already
 * failed. A link has no "failed" flag in the overlay, so it is derived: a link that is down while
 * both its devices are alive was failed by the student (restore it); otherwise fail it.
 */
import type { Topology } from '../../model';
import type { OverlayData } from '../../store/overlayReducer';

export type FaultTarget = { kind: 'device'; id: string } | { kind: 'link'; id: string };

export function faultAction(target: FaultTarget, doc: Pick<Topology, 'links'>, overlay: Pick<OverlayData, 'devices' | 'links'>): 'fail' | 'restore' {
  if (target.kind === 'device') return overlay.devices[target.id]?.isFailed ? 'restore' : 'fail';
  const link = doc.links.find((l) => l.id === target.id);
  if (!link || overlay.links[target.id] !== 'down') return 'fail';
  const isAlive = (device: string) => !overlay.devices[device]?.isFailed;
  return isAlive(link.a.device) && isAlive(link.b.device) ? 'restore' : 'fail';
}
