/**
 * The bridge between the stores and the worker: it loads the lab, forwards every edit of the
 * topology store, queues worker batches and applies the pending ones in one store update per
 * animation frame (xyflow's useQueue), recovers from gaps and crashes with a snapshot, and
 * exposes the lab commands the UI may call.
 *
 * A frame folds at most MAX_STATE_EVENTS_PER_FRAME state events (everything but LACPDUs): when a
 * big lab's LAGs change state together, hundreds of links, ports and labels would otherwise
 * re-render in one frame and freeze the page. The rest stay queued, in order, for the next frames
 * (like React's time slicing); the clock keeps interpolating meanwhile.
 */
import type { FaultAction } from '../engine/events';
import type { Topology } from '../model';
import type { FrameMessage, LabClientHandlers, PcapMessage, SnapshotMessage, WorkerLike } from '../worker/client';
import { LabClient } from '../worker/client';
import { createBatchQueue } from './batchQueue';
import { createSnapshotFill } from './snapshotFill';
import { foldEvents, fromSnapshot } from './overlayReducer';
import { clearFlights, updateFlights, useOverlayStore } from './overlayStore';
import { addReportEvents, clearReport } from './reportStore';
import { failAnalysis, setAnalysisProgress, setAnalysisReport, startAnalysis } from './analysisStore';

export interface LabCommands {
  fault(target: string, action: FaultAction): void;
  play(): void;
  pause(): void;
  step(): void;
  setSpeed(speed: number): void;
  requestFrame(link: string, frame: number): Promise<FrameMessage>;
  requestPcap(link: string): Promise<PcapMessage>;
  /** Runs the SPoF finder on the current lab in the worker (issue 6); progress and report land in the analysis store. */
  analyze(): void;
  /** Drops the worker and starts a new one with the current lab (what a crash does). */
  restartWorker(): void;
}

/** State events (link, port, LAG, fault) applied per animation frame at most. */
export const MAX_STATE_EVENTS_PER_FRAME = 64;

export interface BridgeOptions {
  createWorker?: () => WorkerLike;
  /** Scheduling of the per-frame flush (requestAnimationFrame in the page). */
  raf?: (fn: () => void) => void;
  now?: () => number;
}

export interface Bridge extends LabCommands {
  load(doc: Topology): void;
  edit(doc: Topology): void;
  dispose(): void;
}

/** The SPoF analysis's messages go to the analysis store (issue 6). */
const analysisHandlers: Pick<LabClientHandlers, 'onAnalysisProgress' | 'onAnalysis'> = {
  onAnalysisProgress: (msg) => setAnalysisProgress(msg.id, msg.done, msg.total),
  onAnalysis: (msg) => setAnalysisReport(msg.id, msg.report),
};

export function createBridge(options: BridgeOptions = {}): Bridge {
  const raf = options.raf ?? ((fn) => requestAnimationFrame(fn));
  const now = options.now ?? (() => performance.now());
  const queue = createBatchQueue();
  const fill = createSnapshotFill();
  let scheduled = false;
  let client: LabClient | null = null;

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    raf(flush);
  };

  const flush = () => {
    scheduled = false;
    if (fill.size > 0) {
      // A load's snapshot first: later batches wait until it is all in.
      useOverlayStore.setState((s) => fill.apply(s, MAX_STATE_EVENTS_PER_FRAME));
      schedule();
      return;
    }
    if (queue.size === 0) return;
    const { events, done, gap } = queue.take(MAX_STATE_EVENTS_PER_FRAME);
    if (queue.size > 0) schedule();
    const batch = done ? { clock: done.clock, running: done.running, speed: done.speed, clockWall: now() } : null;
    useOverlayStore.setState((s) => ({ ...foldEvents(s, events), ...batch }));
    updateFlights(events, useOverlayStore.getState().clock);
    // The failover report keeps every fault and outage of the session (issue 6).
    addReportEvents(events);
    if (gap) client?.snapshot();
  };

  const handlers: LabClientHandlers = {
    onBatch(msg) {
      queue.push(msg);
      schedule();
    },
    onSnapshot(msg: SnapshotMessage) {
      const isLoad = msg.id === -1;
      queue.resetTo(msg.seq);
      fill.clear();
      if (isLoad) clearFlights();
      if (isLoad) clearReport();
      const full = fromSnapshot(useOverlayStore.getState(), msg.state, msg.clock, msg.running, msg.speed, !isLoad);
      const size = Object.keys(full.ports).length + Object.keys(full.lags).length + Object.keys(full.links).length;
      const isBig = isLoad && size > MAX_STATE_EVENTS_PER_FRAME;
      useOverlayStore.setState({ ...full, ...(isBig ? fill.start(full) : null), clockWall: now() });
      if (isBig) schedule();
    },
    onError(code, detail, commandId) {
      failAnalysis(commandId, detail ?? code);
      useOverlayStore.setState({ problem: detail === undefined ? { key: `errors.worker.${code}` } : { key: `errors.worker.${code}`, detail } });
    },
    onCrash(reason) {
      failAnalysis(null, reason);
      useOverlayStore.setState({ problem: { key: 'errors.worker.crashed', detail: reason } });
    },
    ...analysisHandlers,
  };
  client = new LabClient(handlers, options.createWorker);
  const c = client;

  return {
    load: (doc) => {
      queue.restart();
      c.load(doc, useOverlayStore.getState().running);
    },
    edit: (doc) => c.edit(doc),
    analyze: () => {
      const run = c.analyze();
      if (run) startAnalysis(run.id, run.topology);
    },
    fault: (target, action) => c.fault(target, action),
    play: () => c.play(),
    pause: () => c.pause(),
    step: () => c.step(),
    setSpeed: (speed) => c.setSpeed(speed),
    requestFrame: (link, frame) => c.requestFrame(link, frame),
    requestPcap: (link) => c.requestPcap(link),
    restartWorker: () => c.restart('restart'),
    dispose: () => c.dispose(),
  };
}
