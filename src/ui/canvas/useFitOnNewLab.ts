/**
 * Fits the view when a different lab is opened (an example, an import, a share link, the first
 * autosave), but not after an edit, an undo or a drag: those keep the student's viewport.
 */
import type { FitViewOptions } from '@xyflow/react';
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { Topology } from '../../model';

/** True when `next` is another lab rather than an edit of `prev`. */
export function isNewLab(prev: Topology | null, next: Topology): boolean {
  if (prev === null || prev.devices === next.devices) return false;
  // Edits keep `meta` as it is; renaming the lab keeps the devices. A new lab changes both.
  if (prev.meta !== next.meta) return true;
  const before = new Set(prev.devices.map((d) => d.id));
  return prev.devices.length > 0 && next.devices.length > 0 && !next.devices.some((d) => before.has(d.id));
}

export function useFitOnNewLab(doc: Topology, options: FitViewOptions): void {
  const { fitView } = useReactFlow();
  const prev = useRef<Topology | null>(null);
  useEffect(() => {
    const isNew = isNewLab(prev.current, doc);
    prev.current = doc;
    if (isNew) void fitView(options);
  }, [doc, fitView, options]);
}
