/**
 * Which links to highlight as flow paths: those of the flows of the host the pointer is on (or of
 * the one flow row it is on), else of the selected hosts. A store of its own, holding the set of
 * links, so each link's selector is one `has` and only the links that enter or leave the set
 * re-render. `useFlowHighlightSync` keeps it in step with the hover, the selection and the flows.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Topology } from '../../model';
import type { LiveMaps } from '../../store/overlayStore';
import { useLiveMaps } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';

export interface FlowHighlightState {
  /** The device under the pointer. */
  hoverDevice: string | null;
  /** The flow row under the pointer. */
  hoverFlow: string | null;
  /** Links on the highlighted flows' current paths. */
  links: ReadonlySet<string>;
}

const EMPTY: ReadonlySet<string> = new Set();

export const useFlowHighlight = create<FlowHighlightState>()(() => ({ hoverDevice: null, hoverFlow: null, links: EMPTY }));

export function setHoverDevice(id: string | null): void {
  if (useFlowHighlight.getState().hoverDevice !== id) useFlowHighlight.setState({ hoverDevice: id });
}

export function setHoverFlow(id: string | null): void {
  if (useFlowHighlight.getState().hoverFlow !== id) useFlowHighlight.setState({ hoverFlow: id });
}

/**
 * The links of the flows to highlight. A host's flows are those it sends and those sent to it;
 * a hovered flow row wins over a hovered device, which wins over the selected devices.
 */
export function highlightedLinks(
  flows: LiveMaps['flows'],
  doc: Pick<Topology, 'devices'>,
  selected: readonly string[],
  hoverDevice: string | null,
  hoverFlow: string | null,
): ReadonlySet<string> {
  if (hoverFlow !== null) return new Set(flows[hoverFlow]?.path ?? []);
  const hosts = hoverDevice !== null ? [hoverDevice] : selected.filter((id) => doc.devices.some((d) => d.id === id && d.type === 'host'));
  if (hosts.length === 0) return EMPTY;
  const out = new Set<string>();
  for (const id in flows) {
    const f = flows[id];
    if (f && f.state === 'ok' && (hosts.includes(f.from) || hosts.includes(f.to))) for (const l of f.path) out.add(l);
  }
  return out.size === 0 ? EMPTY : out;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function recompute(): void {
  const { hoverDevice, hoverFlow, links } = useFlowHighlight.getState();
  const { doc, selection } = useTopologyStore.getState();
  const next = highlightedLinks(useLiveMaps.getState().flows, doc, selection.devices, hoverDevice, hoverFlow);
  if (!sameSet(links, next)) useFlowHighlight.setState({ links: next });
}

/** Keeps the highlighted links in step; mount once per canvas. */
export function useFlowHighlightSync(): void {
  useEffect(() => {
    recompute();
    const offs = [
      useFlowHighlight.subscribe((s, prev) => {
        if (s.hoverDevice !== prev.hoverDevice || s.hoverFlow !== prev.hoverFlow) recompute();
      }),
      useLiveMaps.subscribe((s, prev) => {
        if (s.flows !== prev.flows) recompute();
      }),
      useTopologyStore.subscribe((s, prev) => {
        if (s.selection !== prev.selection) recompute();
      }),
    ];
    return () => {
      for (const off of offs) off();
      useFlowHighlight.setState({ hoverDevice: null, hoverFlow: null, links: EMPTY });
    };
  }, []);
}
