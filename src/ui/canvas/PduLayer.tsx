/**
 * The LACPDU layer: an SVG group in the flow's coordinate system (above the cards) whose dots a
 * pduAnimator moves every animation frame. React renders it once; the frames never re-render.
 */
import { ViewportPortal } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LacpduEvent } from '../../engine/events';
import { FLIGHT_VIRTUAL_MS, clockNow, getFlights, useOverlayStore } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { useUiStore } from '../uiStore';
import { createPduAnimator } from './pduAnimator';

/** The `b` end of every link, rebuilt when the document changes. */
function linkEndsIndex() {
  let doc: unknown = null;
  let index = new Map<string, { device: string; port: string }>();
  return (link: string) => {
    const current = useTopologyStore.getState().doc;
    if (current !== doc) {
      doc = current;
      index = new Map(current.links.map((l) => [l.id, l.b]));
    }
    return index.get(link);
  };
}

export function PduLayer() {
  const { t } = useTranslation();
  // A state, not a ref: the portal's target appears after the first render, and the loop must
  // start when the layer does.
  const [layer, setLayer] = useState<SVGGElement | null>(null);
  // Set by the first effect below, before the loop's first frame.
  const describeRef = useRef<(f: LacpduEvent) => string>(() => '');

  useEffect(() => {
    describeRef.current = (f) => t('canvas.pdu.title', { frame: f.frame, device: f.from.device, port: f.from.port, link: f.link });
  }, [t]);

  useEffect(() => {
    if (!layer) return;
    const animator = createPduAnimator({
      layer,
      flightMs: FLIGHT_VIRTUAL_MS,
      getFlights,
      now: () => clockNow(useOverlayStore.getState(), performance.now()),
      findPath: (link) => layer.ownerDocument.getElementById(`edge-path-${link}`) as SVGPathElement | null,
      endB: linkEndsIndex(),
      describe: (f) => describeRef.current(f),
      onPick: (link, frame) => useUiStore.getState().openPacket(link, frame),
    });
    let handle = 0;
    const tick = () => {
      animator.frame();
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(handle);
      animator.destroy();
    };
  }, [layer]);

  return (
    <ViewportPortal>
      <svg className="pdu-layer" width="1" height="1">
        <g ref={setLayer} />
      </svg>
    </ViewportPortal>
  );
}
