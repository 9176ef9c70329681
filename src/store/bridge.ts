/**
 * The bridge between the stores and the worker: it loads the lab, forwards every edit of the
 * topology store, queues worker batches and applies all pending ones in one store update per
 * animation frame (xyflow's useQueue), recovers from gaps and crashes with a snapshot, and
 * exposes the lab commands the UI may call.
 */
import type { FaultAction, LacpduEvent, SimEvent } from '../engine/events';
import type { Topology } from '../model';
import type { BatchMessage, FrameMessage, LabClientHandlers, PcapMessage, SnapshotMessage, WorkerLike } from '../worker/client';
import { LabClient } from '../worker/client';
import { foldEvents, fromSnapshot } from './overlayReducer';
import { clearFlights, updateFlights, useOverlayStore } from './overlayStore';

export interface LabCommands {
  fault(target: string, action: FaultAction): void;
  play(): void;
  pause(): void;
  step(): void;
  setSpeed(speed: number): void;
  requestFrame(link: string, frame: number): Promise<FrameMessage>;
  requestPcap(link: string): Promise<PcapMessage>;
  /** Drops the worker and starts a new one with the current lab (what a crash does). */
  restartWorker(): void;
}

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

export function createBridge(options: BridgeOptions = {}): Bridge {
  const raf = options.raf ?? ((fn) => requestAnimationFrame(fn));
  const now = options.now ?? (() => performance.now());
  let queue: BatchMessage[] = [];
  let scheduled = false;
  let lastSeq = 0;
  let client: LabClient | null = null;

  const flush = () => {
    scheduled = false;
    const batches = queue;
    queue = [];
    if (batches.length === 0) return;
    const events: SimEvent[] = [];
    let gap = false;
    for (const b of batches) {
      if (lastSeq !== 0 && b.seq !== lastSeq + 1) gap = true;
      lastSeq = b.seq;
      for (const e of b.events) events.push(e);
    }
    const last = batches[batches.length - 1] as BatchMessage;
    useOverlayStore.setState((s) => ({ ...foldEvents(s, events), clock: last.clock, running: last.running, speed: last.speed, clockWall: now() }));
    updateFlights(events.filter((e): e is LacpduEvent => e.type === 'lacpdu'), last.clock);
    if (gap) client?.snapshot();
  };

  const handlers: LabClientHandlers = {
    onBatch(msg) {
      queue.push(msg);
      if (!scheduled) {
        scheduled = true;
        raf(flush);
      }
    },
    onSnapshot(msg: SnapshotMessage) {
      const isLoad = msg.id === -1;
      lastSeq = msg.seq;
      queue = queue.filter((b) => b.seq > msg.seq);
      if (isLoad) clearFlights();
      useOverlayStore.setState((s) => ({ ...fromSnapshot(s, msg.state, msg.clock, msg.running, msg.speed, !isLoad), clockWall: now() }));
    },
    onError(code, detail) {
      useOverlayStore.setState({ problem: detail === undefined ? { key: `errors.worker.${code}` } : { key: `errors.worker.${code}`, detail } });
    },
    onCrash(reason) {
      useOverlayStore.setState({ problem: { key: 'errors.worker.crashed', detail: reason } });
    },
  };
  client = new LabClient(handlers, options.createWorker);
  const c = client;

  return {
    load: (doc) => {
      lastSeq = 0;
      c.load(doc, useOverlayStore.getState().running);
    },
    edit: (doc) => c.edit(doc),
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
