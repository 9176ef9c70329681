/**
 * Memoized selectors from the document to React Flow's nodes and edges (style guide §3). A
 * deriver keeps the objects it made last time and hands the same ones back when nothing they
 * show has changed, so dragging one device re-renders only that card and its links.
 */
import type { Edge, Node } from '@xyflow/react';
import type { DeviceType, Link, Topology } from '../../model';
import { linkLineRateMbps } from '../../model';
import type { Selection } from '../../store/topologyTypes';
import type { BundleGeom, LinkPlacement } from './bundles';
import { placeLinks } from './bundles';
import type { DeviceLayout, XY } from './layout';
import type { DeviceL2 } from './deviceL2';
import { deviceL2Of, l2Key } from './deviceL2';
import { layoutAll, layoutHandles, positionOf } from './layout';

export interface PortInfo {
  id: string;
  /** The LAG the port belongs to, if any. */
  lag: string | null;
  /** The host bond the port is a slave of, if any. */
  bond: string | null;
  isConnected: boolean;
}

export type DeviceNodeData = {
  type: DeviceType;
  name: string;
  layout: DeviceLayout;
  ports: PortInfo[];
  l2: DeviceL2;
};

export type LinkEdgeData = {
  link: Link;
  /** LAG ids on the a and b ends (null: not a member). */
  lagA: string | null;
  lagB: string | null;
  mid: XY | null;
  bundle: BundleGeom | null;
  /** The line rate, Mb/s (the link's own, else the slower port's): utilisation is measured against it. */
  lineRateMbps: number;
};

export type DeviceNodeType = Node<DeviceNodeData, 'device'>;
export type LinkEdgeType = Edge<LinkEdgeData, 'link'>;

export interface Derived {
  nodes: DeviceNodeType[];
  edges: LinkEdgeType[];
}

type NodeCache = Map<string, { key: string; dataKey: string; node: DeviceNodeType }>;
type EdgeCache = Map<string, { link: Link; key: string; edge: LinkEdgeType }>;

function deriveNodes(doc: Topology, layouts: Map<string, DeviceLayout>, selected: Set<string>, cache: NodeCache): NodeCache {
  const connected = new Set(doc.links.flatMap((l) => [`${l.a.device}:${l.a.port}`, `${l.b.device}:${l.b.port}`]));
  const lagOf = new Map<string, string>();
  for (const lag of doc.lags ?? []) for (const m of lag.members) lagOf.set(`${lag.device}:${m}`, lag.id);
  const bondOf = new Map<string, string>();
  for (const bond of doc.bonds ?? []) for (const m of bond.members) bondOf.set(`${bond.device}:${m}`, bond.id);
  const l2 = deviceL2Of(doc);
  const next: NodeCache = new Map();
  for (const device of doc.devices) {
    const layout = layouts.get(device.id) as DeviceLayout;
    const ports = device.ports.map((p) => {
      const k = `${device.id}:${p.id}`;
      return { id: p.id, lag: lagOf.get(k) ?? null, bond: bondOf.get(k) ?? null, isConnected: connected.has(k) };
    });
    const name = device.name ?? device.id;
    const info = l2(device);
    const portsKey = ports.map((p) => `${p.id}:${p.lag ?? ''}:${p.bond ?? ''}:${p.isConnected ? 1 : 0}`).join(',');
    const dataKey = `${device.type}|${name}|${layout.key}|${portsKey}|${l2Key(info)}`;
    const position = positionOf(device);
    const isSelected = selected.has(device.id);
    const key = `${dataKey}|${position.x},${position.y}|${isSelected}`;
    const old = cache.get(device.id);
    if (old && old.key === key) {
      next.set(device.id, old);
      continue;
    }
    const data = old && old.dataKey === dataKey ? old.node.data : { type: device.type, name, layout, ports, l2: info };
    const node: DeviceNodeType = {
      id: device.id,
      type: 'device',
      position,
      data,
      selected: isSelected,
      width: layout.width,
      height: layout.height,
      measured: { width: layout.width, height: layout.height },
      handles: layoutHandles(layout),
    };
    next.set(device.id, { key, dataKey, node });
  }
  return next;
}

const placementKey = (p: LinkPlacement | undefined, isSelected: boolean) => {
  if (!p) return `${isSelected}`;
  const mid = p.mid ? `${p.mid.x.toFixed(1)},${p.mid.y.toFixed(1)}` : '-';
  return `${isSelected}|${p.lagA?.id ?? ''}|${p.lagB?.id ?? ''}|${mid}|${p.bundle ? JSON.stringify(p.bundle) : '-'}`;
};

function deriveEdges(doc: Topology, placements: Map<string, LinkPlacement>, selected: Set<string>, cache: EdgeCache): EdgeCache {
  const next: EdgeCache = new Map();
  for (const link of doc.links) {
    const placement = placements.get(link.id);
    const isSelected = selected.has(link.id);
    const lineRateMbps = linkLineRateMbps(doc, link);
    const key = `${placementKey(placement, isSelected)}|${lineRateMbps}`;
    const old = cache.get(link.id);
    if (old && old.link === link && old.key === key) {
      next.set(link.id, old);
      continue;
    }
    const edge: LinkEdgeType = {
      id: link.id,
      type: 'link',
      source: link.a.device,
      sourceHandle: link.a.port,
      target: link.b.device,
      targetHandle: link.b.port,
      selected: isSelected,
      data: { link, lagA: placement?.lagA?.id ?? null, lagB: placement?.lagB?.id ?? null, mid: placement?.mid ?? null, bundle: placement?.bundle ?? null, lineRateMbps },
    };
    next.set(link.id, { link, key, edge });
  }
  return next;
}

/** Makes a deriver with its own cache (one per canvas). */
export function createDeriver(): (doc: Topology, selection: Selection) => Derived {
  let nodeCache: NodeCache = new Map();
  let edgeCache: EdgeCache = new Map();
  return (doc, selection) => {
    const layouts = layoutAll(doc);
    nodeCache = deriveNodes(doc, layouts, new Set(selection.devices), nodeCache);
    edgeCache = deriveEdges(doc, placeLinks(doc, layouts), new Set(selection.links), edgeCache);
    return {
      nodes: Array.from(nodeCache.values(), (c) => c.node),
      edges: Array.from(edgeCache.values(), (c) => c.edge),
    };
  };
}
