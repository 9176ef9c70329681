/**
 * The topology store: the lab being edited, the selection and undo / redo (zundo's `temporal`,
 * tracking only `doc`). Every write of `doc` goes through a pure edit of `src/model/edits`, so the
 * document is always valid; a refused edit leaves `doc` alone and sets `notice`. Built from slices
 * (zustand slices pattern): document edits, network edits (hosts, spanning tree, bonds, MC-LAG,
 * flows), gateway edits (addresses, routes, VRRP, anycast gateways, probes), selection and
 * notices, history.
 */
import type { TemporalState } from 'zundo';
import { temporal } from 'zundo';
import type { StoreApi } from 'zustand';
import { create } from 'zustand';
import type { BondMode, Lag, Link, Topology } from '../model';
import { formatIssue, validateTopology } from '../model';
import type { EditResult } from '../model/edits';
import * as edits from '../model/edits';
import { DEFAULT_LAB } from './persistence';
import type { Notice, Selection, TopologyStoreState } from './topologyTypes';
import { Capture } from './topologyTypes';

/** The most undo steps kept. */
export const UNDO_LIMIT = 100;

type Set = StoreApi<TopologyStoreState>['setState'];
type Get = StoreApi<TopologyStoreState>['getState'];
type Tracked = { doc: Topology };

export const EMPTY_SELECTION: Selection = { devices: [], links: [], lag: null };

/** Drops selected parts that no longer exist (after a delete, an undo, a new lab). */
export function pruneSelection(selection: Selection, doc: Topology): Selection {
  const devices = selection.devices.filter((id) => doc.devices.some((d) => d.id === id));
  const links = selection.links.filter((id) => doc.links.some((l) => l.id === id));
  const lag = selection.lag;
  const hasLag = lag === null || (doc.lags ?? []).some((l) => l.device === lag.device && l.id === lag.id);
  if (devices.length === selection.devices.length && links.length === selection.links.length && hasLag) return selection;
  return { devices, links, lag: hasLag ? lag : null };
}

/** The document before the current drag began (positions moved with `capture: 'never'`). */
let dragOrigin: Topology | null = null;

function temporalApi(): StoreApi<TemporalState<Tracked>> {
  return useTopologyStore.temporal;
}

/** Runs `fn` with undo tracking paused (restoring the previous tracking state). */
function untracked(fn: () => void): void {
  const t = temporalApi().getState();
  const wasTracking = t.isTracking;
  t.pause();
  try {
    fn();
  } finally {
    if (wasTracking) temporalApi().getState().resume();
  }
}

/** Writes a new document; an edit (not a whole new lab) also clears a stale error notice. */
function writeDoc(set: Set, get: Get, doc: Topology, capture: Capture, isEdit: boolean): void {
  const { selection, notice } = get();
  const next = { doc, selection: isEdit ? pruneSelection(selection, doc) : EMPTY_SELECTION, notice: isEdit && notice?.level === 'error' ? null : notice };
  if (capture === Capture.never) untracked(() => set(next));
  else set(next);
}

type DocumentSlice = Pick<
  TopologyStoreState,
  'doc' | 'setDoc' | 'addDevice' | 'moveDevices' | 'connect' | 'makeLag' | 'updateDevice' | 'updatePort' | 'addPort' | 'updateLink' | 'updateLag' | 'dissolveLag' | 'deleteSelection'
>;
type NetworkSlice = Pick<
  TopologyStoreState,
  | 'setDeviceIp'
  | 'updateStp'
  | 'updatePortStp'
  | 'makeBond'
  | 'updateBond'
  | 'dissolveBond'
  | 'makeMcLag'
  | 'updateMcLag'
  | 'dissolveMcLag'
  | 'makeMcLagPort'
  | 'setMcLagMember'
  | 'addFlow'
  | 'updateFlow'
  | 'removeFlow'
>;
type GatewaySlice = Pick<
  TopologyStoreState,
  | 'setPortIp'
  | 'setHostGateway'
  | 'addRoute'
  | 'updateRoute'
  | 'removeRoute'
  | 'makeVrrpGroup'
  | 'updateVrrpGroup'
  | 'dissolveVrrpGroup'
  | 'updateVrrpMember'
  | 'addVrrpMember'
  | 'removeVrrpMember'
  | 'addVrrpTrack'
  | 'updateVrrpTrack'
  | 'removeVrrpTrack'
  | 'makeAnycastGateway'
  | 'updateAnycastGateway'
  | 'setAnycastMember'
  | 'dissolveAnycastGateway'
  | 'updateProbes'
>;
type SelectionSlice = Pick<TopologyStoreState, 'selection' | 'notice' | 'select' | 'clearNotice' | 'showNotice'>;
type HistorySlice = Pick<TopologyStoreState, 'history' | 'undo' | 'redo' | 'canUndo' | 'canRedo' | 'commitMove'>;

/** Applies an edit result: the new doc (an undo step unless `never`), or the refusal notice. */
function committer(set: Set, get: Get) {
  return (result: EditResult, capture: Capture = Capture.now): boolean => {
    if (!result.ok) {
      set({ notice: { ...result.error, level: 'error' } });
      return false;
    }
    if (result.doc === get().doc) return true;
    if (capture === Capture.now) dragOrigin = null;
    writeDoc(set, get, result.doc, capture, true);
    return true;
  };
}

function documentSlice(set: Set, get: Get): DocumentSlice {
  const commit = committer(set, get);
  return {
    doc: DEFAULT_LAB,
    setDoc(doc: Topology, capture: Capture = Capture.now) {
      const result = validateTopology(doc);
      if (!result.ok) {
        const first = result.issues[0];
        set({ notice: { key: edits.EditErrorKey.invalid, params: { detail: first ? formatIssue(first) : '(document)' }, level: 'error' } });
        return;
      }
      dragOrigin = null;
      writeDoc(set, get, doc, capture, false);
    },
    addDevice(type: Parameters<typeof edits.addDevice>[1], position: { x: number; y: number }) {
      const result = edits.addDevice(get().doc, type, position);
      return commit(result) && result.ok ? result.id : '';
    },
    moveDevices(moves: edits.DeviceMove[], capture: Capture = Capture.now) {
      const before = get().doc;
      const result = edits.moveDevices(before, moves);
      if (capture === Capture.never && result.ok && result.doc !== before) dragOrigin ??= before;
      commit(result, capture);
    },
    connect: (a: Link['a'], b: Link['b']) => commit(edits.connectPorts(get().doc, a, b)),
    makeLag: (linkIds: string[]) => commit(edits.makeLag(get().doc, linkIds)),
    updateDevice: (id: string, patch: edits.DevicePatch) => commit(edits.updateDevice(get().doc, id, patch)),
    updatePort: (device: string, port: string, patch: edits.PortPatch) => commit(edits.updatePort(get().doc, device, port, patch)),
    addPort: (device: string) => commit(edits.addPort(get().doc, device)),
    updateLink: (id: string, patch: edits.LinkPatch) => commit(edits.updateLink(get().doc, id, patch)),
    updateLag: (device: string, id: string, patch: edits.LagPatch) => commit(edits.updateLag(get().doc, device, id, patch)),
    dissolveLag: (device: string, id: string) => commit(edits.dissolveLag(get().doc, device, id)),
    deleteSelection() {
      const { devices, links, lag } = get().selection;
      if (devices.length === 0 && links.length === 0 && lag === null) return;
      commit(edits.removeItems(get().doc, { devices, links, lags: lag ? [lag] : [] }));
    },
  };
}

/** Edits of hosts, spanning tree, bonds, MC-LAG and flows: one undo step each. */
function networkSlice(set: Set, get: Get): NetworkSlice {
  const commit = committer(set, get);
  const doc = () => get().doc;
  return {
    setDeviceIp(device: string, ip: string | null) {
      const result = edits.setDeviceIp(doc(), device, ip);
      const isDone = commit(result);
      if (result.ok && result.droppedGateway !== undefined) set({ notice: { key: 'inspector.gateway.dropped', params: { device, gateway: result.droppedGateway }, level: 'info' } });
      return isDone;
    },
    updateStp: (device: string, patch: edits.StpPatch) => commit(edits.updateStp(doc(), device, patch)),
    updatePortStp: (device: string, port: string, patch: edits.PortStpPatch) => commit(edits.updatePortStp(doc(), device, port, patch)),
    makeBond: (device: string, ports: string[], mode?: BondMode) => commit(edits.makeBond(doc(), device, ports, mode)),
    updateBond: (device: string, id: string, patch: edits.BondPatch) => commit(edits.updateBond(doc(), device, id, patch)),
    dissolveBond: (device: string, id: string) => commit(edits.dissolveBond(doc(), device, id)),
    makeMcLag: (a: string, b: string, options?: edits.MakeMcLagOptions) => commit(edits.makeMcLag(doc(), a, b, options)),
    updateMcLag: (id: string, patch: edits.McLagPatch) => commit(edits.updateMcLag(doc(), id, patch)),
    dissolveMcLag: (id: string) => commit(edits.dissolveMcLag(doc(), id)),
    makeMcLagPort: (domain: string, downstream: string) => commit(edits.makeMcLagPort(doc(), domain, downstream)),
    setMcLagMember: (device: string, lag: string, isMember: boolean) => commit(edits.setMcLagMember(doc(), device, lag, isMember)),
    addFlow(from: string, to: string, settings?: edits.FlowPatch) {
      const result = edits.addFlow(doc(), from, to, settings);
      return commit(result) && result.ok ? result.id : '';
    },
    updateFlow: (id: string, patch: edits.FlowPatch) => commit(edits.updateFlow(doc(), id, patch)),
    removeFlow: (id: string) => commit(edits.removeFlow(doc(), id)),
  };
}

/** Edits of addresses, routes, VRRP groups, anycast gateways and probes (issue 5): one undo step each. */
function gatewaySlice(set: Set, get: Get): GatewaySlice {
  const commit = committer(set, get);
  const doc = () => get().doc;
  const withId = (result: edits.EditResult<{ id: string }>) => (commit(result) && result.ok ? result.id : '');
  return {
    setPortIp: (device: string, port: string, ip: string | null) => commit(edits.setPortIp(doc(), device, port, ip)),
    setHostGateway: (device: string, gateway: string | null) => commit(edits.setHostGateway(doc(), device, gateway)),
    addRoute: (device: string, route: edits.RouteInput) => commit(edits.addRoute(doc(), device, route)),
    updateRoute: (device: string, index: number, route: edits.RouteInput) => commit(edits.updateRoute(doc(), device, index, route)),
    removeRoute: (device: string, index: number) => commit(edits.removeRoute(doc(), device, index)),
    makeVrrpGroup: (devices: string[], options?: edits.MakeVrrpOptions) => withId(edits.makeVrrpGroup(doc(), devices, options)),
    updateVrrpGroup: (id: string, patch: edits.VrrpGroupPatch) => commit(edits.updateVrrpGroup(doc(), id, patch)),
    dissolveVrrpGroup: (id: string) => commit(edits.dissolveVrrpGroup(doc(), id)),
    updateVrrpMember: (group: string, device: string, patch: edits.VrrpMemberPatch) => commit(edits.updateVrrpMember(doc(), group, device, patch)),
    addVrrpMember: (group: string, device: string, port?: string) => commit(edits.addVrrpMember(doc(), group, device, port)),
    removeVrrpMember: (group: string, device: string) => commit(edits.removeVrrpMember(doc(), group, device)),
    addVrrpTrack: (group: string, device: string, target: string, decrement?: number) => commit(edits.addVrrpTrack(doc(), group, device, target, decrement)),
    updateVrrpTrack: (group: string, device: string, index: number, decrement: number | null) => commit(edits.updateVrrpTrack(doc(), group, device, index, decrement)),
    removeVrrpTrack: (group: string, device: string, index: number) => commit(edits.removeVrrpTrack(doc(), group, device, index)),
    makeAnycastGateway: (devices: string[], ip?: string) => withId(edits.makeAnycastGateway(doc(), devices, ip)),
    updateAnycastGateway: (id: string, patch: edits.AnycastPatch) => commit(edits.updateAnycastGateway(doc(), id, patch)),
    setAnycastMember: (id: string, device: string, isMember: boolean) => commit(edits.setAnycastMember(doc(), id, device, isMember)),
    dissolveAnycastGateway: (id: string) => commit(edits.dissolveAnycastGateway(doc(), id)),
    updateProbes: (patch: edits.ProbesPatch) => commit(edits.updateProbes(doc(), patch)),
  };
}

function selectionSlice(set: Set, get: Get): SelectionSlice {
  return {
    selection: EMPTY_SELECTION,
    notice: null,
    select(parts: Partial<Selection>) {
      set({ selection: pruneSelection({ ...get().selection, ...parts }, get().doc) });
    },
    clearNotice: () => set({ notice: null }),
    showNotice: (notice: Notice) => set({ notice }),
  };
}

function historySlice(set: Set, get: Get): HistorySlice {
  const afterTravel = () => {
    dragOrigin = null;
    set({ selection: pruneSelection(get().selection, get().doc) });
  };
  return {
    history: { undo: 0, redo: 0 },
    undo() {
      temporalApi().getState().undo();
      afterTravel();
    },
    redo() {
      temporalApi().getState().redo();
      afterTravel();
    },
    canUndo: () => temporalApi().getState().pastStates.length > 0,
    canRedo: () => temporalApi().getState().futureStates.length > 0,
    commitMove() {
      const origin = dragOrigin;
      dragOrigin = null;
      if (origin === null || origin === get().doc) return;
      const t = temporalApi();
      const pastStates = [...t.getState().pastStates, { doc: origin }].slice(-UNDO_LIMIT);
      t.setState({ pastStates, futureStates: [] });
    },
  };
}

/** The topology store (document, selection, undo / redo); see `TopologyStoreState`. */
export const useTopologyStore = create<TopologyStoreState>()(
  temporal<TopologyStoreState, [], [], Tracked>(
    (set, get) => ({ ...documentSlice(set, get), ...networkSlice(set, get), ...gatewaySlice(set, get), ...selectionSlice(set, get), ...historySlice(set, get) }),
    { partialize: (s) => ({ doc: s.doc }), limit: UNDO_LIMIT, equality: (a, b) => a.doc === b.doc },
  ),
);

// Mirror the history sizes into the store so `s.canUndo()` selectors see every change.
useTopologyStore.temporal.subscribe((t) => {
  const { history } = useTopologyStore.getState();
  if (history.undo !== t.pastStates.length || history.redo !== t.futureStates.length) {
    useTopologyStore.setState({ history: { undo: t.pastStates.length, redo: t.futureStates.length } });
  }
});

/** @internal tests: a fresh store with `doc` and no history. */
export function resetTopologyStore(doc: Topology = DEFAULT_LAB): void {
  dragOrigin = null;
  useTopologyStore.getState().setDoc(doc, Capture.never);
  useTopologyStore.setState({ notice: null, selection: EMPTY_SELECTION });
  useTopologyStore.temporal.getState().clear();
}

// ---- selectors (memoized per document where they derive arrays) ---------------------------

export const selectDoc = (s: TopologyStoreState) => s.doc;
export const selectSelection = (s: TopologyStoreState) => s.selection;
export const selectNotice = (s: TopologyStoreState) => s.notice;
export const selectCanUndo = (s: TopologyStoreState) => s.history.undo > 0;
export const selectCanRedo = (s: TopologyStoreState) => s.history.redo > 0;
export const selectDevice = (id: string) => (s: TopologyStoreState) => s.doc.devices.find((d) => d.id === id);
export const selectLink = (id: string) => (s: TopologyStoreState) => s.doc.links.find((l) => l.id === id);
export const selectLag = (device: string, id: string) => (s: TopologyStoreState) => s.doc.lags?.find((l) => l.device === device && l.id === id);
/** The LAG a port belongs to, if any. */
export const selectLagOfPort = (device: string, port: string) => (s: TopologyStoreState) => edits.lagOfPort(s.doc, device, port);
/** The link wiring a port, if any. */
export const selectLinkAt = (device: string, port: string) => (s: TopologyStoreState) => edits.linkAt(s.doc, { device, port });

/** Memoizes a derived array on the part of the document it reads, so selectors stay stable. */
function memoOn<K extends object, R>(part: (s: TopologyStoreState) => K, derive: (k: K) => R): (s: TopologyStoreState) => R {
  let lastKey: K | null = null;
  let last: R;
  return (s) => {
    const key = part(s);
    if (key !== lastKey) {
      lastKey = key;
      last = derive(key);
    }
    return last;
  };
}

/** Links between two devices (either direction), e.g. to offer "Make LAG". */
export const selectLinksBetween = (a: string, b: string) =>
  memoOn(
    (s) => s.doc.links,
    (links): Link[] => links.filter((l) => (l.a.device === a && l.b.device === b) || (l.a.device === b && l.b.device === a)),
  );
/** LAGs configured on one device. */
export const selectLagsOfDevice = (device: string) =>
  memoOn(
    (s) => s.doc.lags ?? EMPTY_LAGS,
    (lags): Lag[] => lags.filter((l) => l.device === device),
  );
/** Links that touch one device. */
export const selectLinksOfDevice = (device: string) =>
  memoOn(
    (s) => s.doc.links,
    (links): Link[] => links.filter((l) => l.a.device === device || l.b.device === device),
  );
/** The selected LAG's document entry, if any. */
export const selectSelectedLag = (s: TopologyStoreState) => {
  const lag = s.selection.lag;
  return lag ? s.doc.lags?.find((l) => l.device === lag.device && l.id === lag.id) : undefined;
};

const EMPTY_LAGS: Lag[] = [];
