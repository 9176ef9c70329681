/**
 * The LACPDU layer: an SVG group in the flow's coordinate system (above the cards) whose dots a
 * pduAnimator moves every animation frame. React renders it once; the frames never re-render.
 * The SVG is a compositing layer of its own (canvas.css) sized to cover the whole lab, so that
 * dots moving about neither repaint what lies under them nor change the layer's bounds (which
 * would make the browser re-layerize the page every frame).
 */
import type { ReactFlowState } from '@xyflow/react';
import { ViewportPortal, useStoreApi } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Flight } from '../../store/overlayStore';
import type { Topology } from '../../model';
import { FLIGHT_VIRTUAL_MS, clockNow, getFlights, useOverlayStore } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { useUiStore } from '../uiStore';
import type { Area } from './pduAnimator';
import { PDU_RADIUS, createPduAnimator } from './pduAnimator';

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

/** Room around the devices' corners for cards, curves and dots (canvas px). */
const LAYER_MARGIN = 800;
/** The layer's box snaps to this grid, so that dragging a device rarely resizes it. */
const LAYER_GRID = 1024;

/** The box the dot layer covers, in canvas coordinates: every device, with room to spare. */
export function layerBox(doc: Pick<Topology, 'devices'>): { x: number; y: number; width: number; height: number } {
  let x0 = 0;
  let y0 = 0;
  let x1 = 0;
  let y1 = 0;
  doc.devices.forEach((d, i) => {
    const p = d.position ?? { x: 0, y: 0 };
    x0 = i === 0 ? p.x : Math.min(x0, p.x);
    y0 = i === 0 ? p.y : Math.min(y0, p.y);
    x1 = i === 0 ? p.x : Math.max(x1, p.x);
    y1 = i === 0 ? p.y : Math.max(y1, p.y);
  });
  const snap = (v: number, round: (n: number) => number) => round(v / LAYER_GRID) * LAYER_GRID;
  const x = snap(x0 - LAYER_MARGIN, Math.floor);
  const y = snap(y0 - LAYER_MARGIN, Math.floor);
  return { x, y, width: snap(x1 + LAYER_MARGIN, Math.ceil) - x, height: snap(y1 + LAYER_MARGIN, Math.ceil) - y };
}

/** The canvas area on screen (with a dot's margin); null before the flow has measured itself. */
function visibleArea(s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): Area | null {
  const [x, y, zoom] = s.transform;
  if (s.width <= 0 || s.height <= 0 || zoom <= 0) return null;
  const m = PDU_RADIUS * 2;
  return { x0: -x / zoom - m, y0: -y / zoom - m, x1: (s.width - x) / zoom + m, y1: (s.height - y) / zoom + m };
}

export function PduLayer() {
  const flow = useStoreApi();
  const { t } = useTranslation();
  const box = useTopologyStore(useShallow((s) => layerBox(s.doc)));
  // A state, not a ref: the portal's target appears after the first render, and the loop must
  // start when the layer does.
  const [layer, setLayer] = useState<SVGGElement | null>(null);
  // Set by the first effect below, before the loop's first frame.
  const describeRef = useRef<(f: Flight) => string>(() => '');

  useEffect(() => {
    describeRef.current = (f) => t(f.type === 'bpdu' ? 'canvas.pdu.bpduTitle' : f.type === 'vrrpAdvert' ? 'canvas.pdu.vrrpTitle' : 'canvas.pdu.title', { frame: f.frame, device: f.from.device, port: f.from.port, link: f.link });
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
      visibleArea: () => visibleArea(flow.getState()),
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
  }, [layer, flow]);

  return (
    <ViewportPortal>
      <svg className="pdu-layer" style={{ left: box.x, top: box.y }} width={box.width} height={box.height} viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}>
        <g ref={setLayer} />
      </svg>
    </ViewportPortal>
  );
}
