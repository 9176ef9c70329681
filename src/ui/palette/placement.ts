/**
 * Where a clicked palette item lands: near the middle of the lab, on the first free spot of a
 * spiral around it, so repeated clicks never stack devices on top of each other.
 */
import type { Topology } from '../../model';

/** Closer than this (px, canvas coordinates) counts as taken. */
const CLEARANCE = 120;
const STEP = 140;

export function placementFor(doc: Topology): { x: number; y: number } {
  const points = doc.devices.flatMap((d) => (d.position ? [d.position] : []));
  if (points.length === 0) return { x: 0, y: 0 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const isFree = (x: number, y: number) => points.every((p) => Math.hypot(p.x - x, p.y - y) >= CLEARANCE);
  for (let ring = 0; ring < 12; ring++) {
    const spots = ring === 0 ? 1 : ring * 8;
    for (let i = 0; i < spots; i++) {
      const angle = (i / spots) * Math.PI * 2 + Math.PI / 2;
      const x = Math.round(cx + Math.cos(angle) * ring * STEP);
      const y = Math.round(cy + Math.sin(angle) * ring * STEP);
      if (isFree(x, y)) return { x, y };
    }
  }
  return { x: Math.round(cx), y: Math.round(cy + STEP) };
}
