/**
 * The main-thread side of the worker: the only way to reach the engine. It does the handshake,
 * numbers commands, turns frame / pcap requests into promises, and when the worker dies it starts
 * a new one and reloads the last topology, so the student loses nothing.
 */
import type { FaultAction } from '../engine';
import type { Topology } from '../model';
import type { UiToWorker, WorkerErrorCode, WorkerToUi } from './protocol';
import { PROTOCOL_VERSION } from './protocol';

export type BatchMessage = Extract<WorkerToUi, { type: 'batch' }>;
export type SnapshotMessage = Extract<WorkerToUi, { type: 'snapshot' }>;
export type FrameMessage = Extract<WorkerToUi, { type: 'frame' }>;
export type PcapMessage = Extract<WorkerToUi, { type: 'pcap' }>;
export type AnalysisProgressMessage = Extract<WorkerToUi, { type: 'analysisProgress' }>;
export type AnalysisMessage = Extract<WorkerToUi, { type: 'analysis' }>;

export interface LabClientHandlers {
  onBatch(msg: BatchMessage): void;
  onSnapshot(msg: SnapshotMessage): void;
  /** A command failed (an invalid edit, an unknown target…). */
  onError(code: WorkerErrorCode, detail: string | undefined, commandId: number | null): void;
  /** The worker crashed or refused the handshake; it is being restarted with the current lab. */
  onCrash(reason: string): void;
  /** A SPoF analysis made progress (issue 6). */
  onAnalysisProgress?(msg: AnalysisProgressMessage): void;
  /** A SPoF analysis finished. */
  onAnalysis?(msg: AnalysisMessage): void;
}

/** What the client needs of a Worker (a real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: UiToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent | Event) => void) | null;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./entry.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

interface Waiter {
  resolve(msg: WorkerToUi): void;
  reject(err: Error): void;
}

export class LabClient {
  private worker: WorkerLike;
  private nextId = 1;
  private readonly waiters = new Map<number, Waiter>();
  private topology: Topology | null = null;
  private running = true;
  private speed = 1;

  constructor(
    private readonly handlers: LabClientHandlers,
    private readonly createWorker: () => WorkerLike = defaultWorker,
  ) {
    this.worker = this.spawn();
  }

  private spawn(): WorkerLike {
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data as WorkerToUi);
    worker.onerror = (event) => {
      event.preventDefault();
      this.crash('message' in event && typeof event.message === 'string' ? event.message : 'worker error');
    };
    worker.postMessage({ type: 'hello', version: PROTOCOL_VERSION });
    return worker;
  }

  private crash(reason: string): void {
    this.handlers.onCrash(reason);
    this.worker.terminate();
    for (const w of this.waiters.values()) w.reject(new Error(reason));
    this.waiters.clear();
    this.worker = this.spawn();
    if (this.topology) this.send({ type: 'load', id: this.id(), topology: this.topology, running: this.running, speed: this.speed });
  }

  private receive(msg: WorkerToUi): void {
    switch (msg.type) {
      case 'ready':
        return;
      case 'incompatible':
        this.handlers.onCrash(msg.reason);
        return;
      case 'batch':
        this.running = msg.running;
        this.speed = msg.speed;
        this.handlers.onBatch(msg);
        return;
      case 'snapshot':
        this.handlers.onSnapshot(msg);
        return;
      case 'frame':
      case 'pcap':
        this.waiters.get(msg.id)?.resolve(msg);
        this.waiters.delete(msg.id);
        return;
      case 'analysisProgress':
        this.handlers.onAnalysisProgress?.(msg);
        return;
      case 'analysis':
        this.handlers.onAnalysis?.(msg);
        return;
      case 'error': {
        const waiter = msg.commandId === null ? undefined : this.waiters.get(msg.commandId);
        if (waiter && msg.commandId !== null) {
          waiter.reject(new Error(msg.code));
          this.waiters.delete(msg.commandId);
        }
        this.handlers.onError(msg.code, msg.detail, msg.commandId);
        return;
      }
    }
  }

  private id(): number {
    return this.nextId++;
  }

  private send(msg: UiToWorker): number {
    this.worker.postMessage(msg);
    return 'id' in msg ? msg.id : 0;
  }

  private request<T extends WorkerToUi>(msg: UiToWorker & { id: number }): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiters.set(msg.id, { resolve: (m) => resolve(m as T), reject });
      this.send(msg);
    });
  }

  /** Loads a lab; it starts running at once unless `running` is false. */
  load(topology: Topology, running = true): number {
    this.topology = topology;
    this.running = running;
    return this.send({ type: 'load', id: this.id(), topology, running, speed: this.speed });
  }

  /** Applies an edited document to the running lab. */
  edit(topology: Topology): number {
    this.topology = topology;
    return this.send({ type: 'edit', id: this.id(), topology });
  }

  fault(target: string, action: FaultAction): number {
    return this.send({ type: 'fault', id: this.id(), target, action });
  }

  setSpeed(speed: number): number {
    this.speed = speed;
    return this.send({ type: 'setSpeed', id: this.id(), speed });
  }

  pause(): number {
    this.running = false;
    return this.send({ type: 'pause', id: this.id() });
  }

  play(): number {
    this.running = true;
    return this.send({ type: 'play', id: this.id() });
  }

  step(): number {
    this.running = false;
    return this.send({ type: 'step', id: this.id() });
  }

  snapshot(): number {
    return this.send({ type: 'snapshot', id: this.id() });
  }

  /** The bytes and decoded fields of one frame a link carried. */
  requestFrame(link: string, frame: number): Promise<FrameMessage> {
    return this.request<FrameMessage>({ type: 'frame', id: this.id(), link, frame });
  }

  /** A classic pcap of the frames kept for a link. */
  requestPcap(link: string): Promise<PcapMessage> {
    return this.request<PcapMessage>({ type: 'pcap', id: this.id(), link });
  }

  /**
   * Runs the SPoF finder on the current lab in the worker (separate Simulations, the lab keeps
   * running); returns the command id its progress and report carry and the document analysed,
   * or null before any lab.
   */
  analyze(): { id: number; topology: Topology } | null {
    const topology = this.topology;
    if (!topology) return null;
    return { id: this.send({ type: 'analyze', id: this.id(), topology }), topology };
  }

  /** Simulates a crash (tests, and the debug menu). */
  restart(reason = 'restart'): void {
    this.crash(reason);
  }

  dispose(): void {
    this.worker.terminate();
  }
}
