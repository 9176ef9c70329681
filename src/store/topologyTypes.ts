/**
 * The contract of the topology store (the document being edited, the selection, undo / redo).
 * Components read it with `useTopologyStore(selector)`; every write is an edit applied by a
 * pure function of `src/model/edits.ts`, so the document is always valid.
 */
import type { BondMode, DeviceType, Endpoint, Topology } from '../model';
import type {
  AnycastPatch,
  BondPatch,
  DevicePatch,
  FlowPatch,
  LagPatch,
  LinkPatch,
  MakeMcLagOptions,
  MakeVrrpOptions,
  McLagPatch,
  PortPatch,
  PortStpPatch,
  ProbesPatch,
  RouteInput,
  StpPatch,
  VrrpGroupPatch,
  VrrpMemberPatch,
} from '../model/edits';

/** A message for the student, as an i18n key plus parameters (no user-visible text here). */
export interface Notice {
  key: string;
  params?: Record<string, string | number>;
  /** `error` for refused edits and bad input; `info` for confirmations (copied, saved…). */
  level: 'error' | 'info';
}

export interface Selection {
  devices: string[];
  links: string[];
  /** A LAG, selected from the canvas bundle or the inspector. */
  lag: { device: string; id: string } | null;
}

/** When an edit becomes an undo step (like excalidraw's CaptureUpdateAction). */
export const Capture = {
  /** A step of its own, now. */
  now: 'now',
  /** Never an undo step (autosave restore, live drag frames). */
  never: 'never',
} as const;
export type Capture = (typeof Capture)[keyof typeof Capture];

/**
 * Every edit action returns false (or '' for `addDevice`) when refused: `notice` then holds the
 * reason (level error) and `doc` is unchanged. A successful edit clears an error notice.
 */
export interface TopologyStoreState {
  doc: Topology;
  selection: Selection;
  notice: Notice | null;

  /** Replaces the whole lab (example, import, share link); one undo step unless `never`. */
  setDoc(doc: Topology, capture?: Capture): void;
  addDevice(type: DeviceType, position: { x: number; y: number }): string;
  /** Positions during a drag (no undo step); call `commitMove` at drag end for one step. */
  moveDevices(moves: { id: string; position: { x: number; y: number } }[], capture?: Capture): void;
  /**
   * Ends a drag: everything moved with `capture: 'never'` since the last undo step becomes ONE
   * undo step (back to the positions before the drag). A no-op when nothing moved.
   */
  commitMove(): void;
  connect(a: Endpoint, b: Endpoint): boolean;
  /** Deletes the selection (devices with their links and LAGs, links, a LAG). */
  deleteSelection(): void;
  /** Makes a LAG on both ends of the selected links (all between the same two devices). */
  makeLag(linkIds: string[]): boolean;
  /** Patches set fields; `null` (or an explicit `undefined`) resets one to its default. */
  updateDevice(id: string, patch: DevicePatch): boolean;
  updatePort(device: string, port: string, patch: PortPatch): boolean;
  addPort(device: string): boolean;
  /** `speedMbps: null` = auto (the slower port's speed). */
  updateLink(id: string, patch: LinkPatch): boolean;
  /** `fallback: null` (or `undefined`) removes the fallback; likewise for other optional fields. */
  updateLag(device: string, id: string, patch: LagPatch): boolean;
  dissolveLag(device: string, id: string): boolean;
  /**
   * Sets a device's own `10.0.0.11/24` address (a host's, a switch's SVI, an upstream's), or clears
   * it with null / ''. A host that leaves its gateway's subnet loses the gateway (an info notice says so).
   */
  setDeviceIp(device: string, ip: string | null): boolean;
  /** A routed port's address (routers, switches, upstreams), or null / '' to clear it. */
  setPortIp(device: string, port: string, ip: string | null): boolean;
  /** A host's default gateway (in its subnet), or null / '' to clear it. */
  setHostGateway(device: string, gateway: string | null): boolean;
  addRoute(device: string, route: RouteInput): boolean;
  /** Replaces route number `index` (0-based) of a device. */
  updateRoute(device: string, index: number, route: RouteInput): boolean;
  removeRoute(device: string, index: number): boolean;
  /** Makes a VRRP group of routers / L3 switches sharing a subnet; returns its id, or '' when refused. */
  makeVrrpGroup(devices: string[], options?: MakeVrrpOptions): string;
  /** A group's virtual IP, VRID, advertisement interval, Accept_Mode, active-active. */
  updateVrrpGroup(id: string, patch: VrrpGroupPatch): boolean;
  dissolveVrrpGroup(id: string): boolean;
  /** One router's priority, preemption and preempt delay in a group. */
  updateVrrpMember(group: string, device: string, patch: VrrpMemberPatch): boolean;
  addVrrpMember(group: string, device: string, port?: string): boolean;
  removeVrrpMember(group: string, device: string): boolean;
  /** Tracks a link or `device:port`: while it is down the member's priority drops by `decrement`. */
  addVrrpTrack(group: string, device: string, target: string, decrement?: number): boolean;
  /** A tracked object's decrement; null = the default 10. */
  updateVrrpTrack(group: string, device: string, index: number, decrement: number | null): boolean;
  removeVrrpTrack(group: string, device: string, index: number): boolean;
  /** Makes an anycast gateway on L3 switches sharing an SVI subnet; returns its id, or ''. */
  makeAnycastGateway(devices: string[], ip?: string): string;
  updateAnycastGateway(id: string, patch: AnycastPatch): boolean;
  setAnycastMember(id: string, device: string, isMember: boolean): boolean;
  dissolveAnycastGateway(id: string): boolean;
  /** The lab's reachability probes: interval and targets. */
  updateProbes(patch: ProbesPatch): boolean;
  /** A switch's spanning-tree mode, bridge priority and timers (802.1D-2004 §17.14 kept). */
  updateStp(device: string, patch: StpPatch): boolean;
  /** One bridge port's cost, priority, edge flag; `port` is a port id or a LAG id. */
  updatePortStp(device: string, port: string, patch: PortStpPatch): boolean;
  /** Bonds host ports as `bond0…`; without a mode, the one the wiring suggests (`suggestBondMode`). */
  makeBond(device: string, ports: string[], mode?: BondMode): boolean;
  updateBond(device: string, id: string, patch: BondPatch): boolean;
  dissolveBond(device: string, id: string): boolean;
  /** Pairs two switches joined by a LAG (the peer-link) into an MC-LAG domain. */
  makeMcLag(a: string, b: string, options?: MakeMcLagOptions): boolean;
  updateMcLag(id: string, patch: McLagPatch): boolean;
  dissolveMcLag(id: string): boolean;
  /** Makes an MC-LAG port of a domain toward a device wired to both peers (bundling its side too). */
  makeMcLagPort(domain: string, downstream: string): boolean;
  /** Marks a peer's LAG (and its twin on the other peer) as an MC-LAG port, or back as a plain LAG. */
  setMcLagMember(device: string, lag: string, isMember: boolean): boolean;
  /** Adds a flow between two hosts with addresses; returns its id, or '' when refused. */
  addFlow(from: string, to: string, settings?: FlowPatch): string;
  updateFlow(id: string, patch: FlowPatch): boolean;
  removeFlow(id: string): boolean;
  select(selection: Partial<Selection>): void;
  clearNotice(): void;
  showNotice(notice: Notice): void;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /**
   * Sizes of the undo / redo stacks, kept in step with the history so that selectors such as
   * `(s) => s.canUndo()` or `(s) => s.history.undo > 0` re-render when it changes.
   */
  history: { undo: number; redo: number };
}
