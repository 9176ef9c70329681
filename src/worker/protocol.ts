/**
 * Messages between the UI thread and the engine worker (style.md §4). Plain JSON-safe data;
 * bulk bytes travel only on request, as transferred ArrayBuffers. A breaking change bumps
 * PROTOCOL_VERSION; new fields are optional.
 */
import type { FaultAction, LagSnapshot, SimEvent, SpofReport } from '../engine';
import type { Topology } from '../model';
import type { L2State } from './l2State';

/** 2: `analyze`, `analysisProgress`, `analysis` (issue 6). */
export const PROTOCOL_VERSION = 2;

/** The SPoF finder's report, as the `analysis` message carries it (JSON-safe). */
export type AnalysisReport = SpofReport;

/** Why the worker refused the handshake. */
export const IncompatibleReason = {
  /** The UI and the worker were built from different protocol versions (a stale cache). */
  versionMismatch: 'versionMismatch',
} as const;
export type IncompatibleReason = (typeof IncompatibleReason)[keyof typeof IncompatibleReason];

/** Error codes a command can fail with; each has an i18n key `errors.worker.<code>`. */
export const WorkerErrorCode = {
  invalidTopology: 'invalidTopology',
  unknownTarget: 'unknownTarget',
  noLab: 'noLab',
  noFrame: 'noFrame',
  internal: 'internal',
} as const;
export type WorkerErrorCode = (typeof WorkerErrorCode)[keyof typeof WorkerErrorCode];

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;

export type UiToWorker =
  | { type: 'hello'; version: number }
  | { type: 'load'; id: number; topology: Topology; running?: boolean; speed?: number }
  | { type: 'edit'; id: number; topology: Topology }
  | { type: 'fault'; id: number; target: string; action: FaultAction }
  | { type: 'setSpeed'; id: number; speed: number }
  | { type: 'pause'; id: number }
  | { type: 'play'; id: number }
  | { type: 'step'; id: number }
  | { type: 'snapshot'; id: number }
  | { type: 'frame'; id: number; link: string; frame: number }
  | { type: 'pcap'; id: number; link: string }
  /** Runs the SPoF finder on `topology` in separate Simulations, a step per tick; a new one cancels a running one. */
  | { type: 'analyze'; id: number; topology: Topology };

/** The whole live state, to rebuild the overlay after a gap or a worker restart. */
export interface LabState {
  links: Record<string, 'up' | 'down'>;
  devices: Record<string, { isFailed: boolean; isMuted: boolean }>;
  lags: LagSnapshot[];
  /** Spanning tree, bonds, MC-LAG, flows and traffic as the event stream last told them. */
  l2: L2State;
}

/** One field of a decoded frame, for the packet inspector (offsets are within the frame). */
export interface FrameField {
  /** i18n key suffix and Wireshark-like name, e.g. `actor_state`. */
  name: string;
  offset: number;
  length: number;
  /** The decoded value as shown to a student, e.g. `0x3d (Activity, Aggregation, …)`. */
  value: string;
  /** Protocol layer: `eth` or `lacp`. */
  layer: string;
}

export type WorkerToUi =
  | { type: 'ready'; version: number }
  | { type: 'incompatible'; reason: IncompatibleReason }
  | { type: 'batch'; seq: number; clock: number; running: boolean; speed: number; events: SimEvent[] }
  | { type: 'snapshot'; id: number; seq: number; clock: number; running: boolean; speed: number; state: LabState }
  | { type: 'frame'; id: number; link: string; frame: number; t: number; bytes: ArrayBuffer; fields: FrameField[] }
  | { type: 'pcap'; id: number; link: string; bytes: ArrayBuffer; frames: number }
  /** After each analysis step: `done` of `total` Simulations run; `element` is the label of the one just failed. */
  | { type: 'analysisProgress'; id: number; done: number; total: number; element?: string }
  /** The finished analysis of the `analyze` command `id`. */
  | { type: 'analysis'; id: number; report: AnalysisReport }
  | { type: 'error'; commandId: number | null; code: WorkerErrorCode; detail?: string };

/** The thread boundary as the runner sees it (a worker's `self`, or a MessagePort in tests). */
export interface Endpoint {
  postMessage(message: WorkerToUi, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
