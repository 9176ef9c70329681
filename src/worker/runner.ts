/**
 * The engine driven against wall time, inside the worker: it advances the virtual clock by
 * wall time × speed, posts the events of each tick as one batch (at most one per frame), and
 * answers commands. It depends on an `Endpoint`, a wall clock and a ticker, so Node tests drive
 * it over a MessageChannel with a fake clock.
 */
import type { SimEvent } from '../engine';
import { Simulation, SimulationInputError, SpofAnalysis } from '../engine';
import { encodePcap } from '../engine/codecs';
import { FrameStore } from './frameStore';
import { frameFields } from './frameView';
import type { L2State } from './l2State';
import { applyL2, emptyL2State } from './l2State';
import type { Endpoint, LabState, UiToWorker, WorkerErrorCode } from './protocol';
import { MAX_SPEED, MIN_SPEED, PROTOCOL_VERSION } from './protocol';

export interface WallClock {
  now(): number;
}

/** Calls `fn` about once per animation frame while started. */
export interface Ticker {
  start(fn: () => void): void;
  stop(): void;
}

/** A tick never advances more than this much wall time (a throttled tab does not burst). */
const MAX_WALL_STEP_MS = 250;
/** Even with no event, a batch goes out this often so the UI clock stays in step. */
const CLOCK_SYNC_MS = 200;
/** `step` runs at most this many scheduler events looking for the next stream event. */
const MAX_STEP_EVENTS = 100_000;
/** An analysis tick stops starting Simulations after this much wall time (each run takes tens of ms)… */
const ANALYSIS_BUDGET_MS = 12;
/** …and after this many, so the lab's own tick and the commands queued behind it are served. */
const MAX_ANALYSIS_STEPS_PER_TICK = 3;

export class LabRunner {
  private sim: Simulation | null = null;
  private readonly frames = new FrameStore();
  private pending: SimEvent[] = [];
  /** Latest spanning-tree, bond, MC-LAG, flow and traffic state, for snapshots. */
  private l2: L2State = emptyL2State();
  private seq = 0;
  private isRunning = true;
  private speed = 1;
  private lastWall = 0;
  private lastPost = -Infinity;
  /** The SPoF analysis under way (issue 6), run a few Simulations per tick. */
  private analysis: { id: number; run: SpofAnalysis } | null = null;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly clock: WallClock,
    private readonly ticker: Ticker,
  ) {
    endpoint.addEventListener('message', (event) => this.handle(event.data as UiToWorker));
  }

  /** Handles one command; nothing throws across the boundary. */
  handle(msg: UiToWorker): void {
    try {
      this.dispatch(msg);
    } catch (err) {
      const id = 'id' in msg ? msg.id : null;
      if (err instanceof SimulationInputError) this.fail(id, msg.type === 'fault' ? 'unknownTarget' : 'invalidTopology', err.message);
      else this.fail(id, 'internal', err instanceof Error ? err.message : String(err));
    }
  }

  private dispatch(msg: UiToWorker): void {
    switch (msg.type) {
      case 'hello':
        if (msg.version === PROTOCOL_VERSION) this.endpoint.postMessage({ type: 'ready', version: PROTOCOL_VERSION });
        else this.endpoint.postMessage({ type: 'incompatible', reason: 'versionMismatch' });
        return;
      case 'load':
        this.load(msg.topology, msg.running ?? true, msg.speed ?? this.speed);
        return;
      case 'edit':
        this.requireSim(msg.id)?.update(msg.topology);
        this.flush(true);
        return;
      case 'fault': {
        const sim = this.requireSim(msg.id);
        sim?.scheduleFault(sim.nowMs, msg.action, msg.target);
        this.advanceTo(sim?.nowMs ?? 0);
        this.flush(true);
        return;
      }
      case 'setSpeed':
        this.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, msg.speed));
        this.flush(true);
        return;
      case 'pause':
      case 'play':
        this.isRunning = msg.type === 'play';
        this.lastWall = this.clock.now();
        this.flush(true);
        return;
      case 'step':
        this.isRunning = false;
        this.stepToNextEvent();
        return;
      case 'snapshot':
        this.postSnapshot(msg.id);
        return;
      case 'frame':
        this.postFrame(msg.id, msg.link, msg.frame);
        return;
      case 'pcap':
        this.postPcap(msg.id, msg.link);
        return;
      case 'analyze':
        this.startAnalysis(msg.id, msg.topology);
        return;
    }
  }

  private load(topology: unknown, isRunning: boolean, speed: number): void {
    const sim = new Simulation(topology);
    this.frames.clear();
    this.l2 = emptyL2State();
    const l2 = this.l2;
    sim.onEvent((e) => {
      this.pending.push(e);
      applyL2(l2, e);
    });
    sim.onFrame(this.frames.tap);
    this.sim = sim;
    this.pending = [];
    this.isRunning = isRunning;
    this.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
    this.lastWall = this.clock.now();
    sim.runUntil(0);
    this.postSnapshot(-1);
    this.flush(true);
    this.ticker.start(() => this.tick());
  }

  private requireSim(id: number): Simulation | null {
    if (!this.sim) this.fail(id, 'noLab');
    return this.sim;
  }

  /** A new analysis replaces (cancels) the one under way; an invalid document fails at once. */
  private startAnalysis(id: number, topology: unknown): void {
    this.analysis = null;
    const run = new SpofAnalysis(topology, { clock: () => this.clock.now() });
    this.analysis = { id, run };
    this.endpoint.postMessage({ type: 'analysisProgress', id, done: 0, total: run.total });
    this.ticker.start(() => this.tick());
  }

  /** Runs the analysis's next Simulations within the tick's budget; posts progress, then the report. */
  private stepAnalysis(): void {
    const current = this.analysis;
    if (!current) return;
    const { id, run } = current;
    try {
      const start = this.clock.now();
      for (let i = 0; i < MAX_ANALYSIS_STEPS_PER_TICK && (i === 0 || this.clock.now() - start < ANALYSIS_BUDGET_MS); i++) {
        const progress = run.step();
        if (!progress) break;
        const msg = { type: 'analysisProgress' as const, id, done: progress.done, total: progress.total };
        this.endpoint.postMessage(progress.element ? { ...msg, element: progress.element.label } : msg);
      }
      if (!run.isDone) return;
      this.analysis = null;
      this.endpoint.postMessage({ type: 'analysis', id, report: run.report() });
    } catch (err) {
      this.analysis = null;
      this.fail(id, 'internal', err instanceof Error ? err.message : String(err));
    }
  }

  /** One tick: a slice of the analysis under way, then advance virtual time by the wall time elapsed × speed and post a batch. */
  tick(): void {
    this.stepAnalysis();
    const now = this.clock.now();
    const wallStep = Math.min(MAX_WALL_STEP_MS, Math.max(0, now - this.lastWall));
    this.lastWall = now;
    if (!this.sim || !this.isRunning) return;
    this.advanceTo(this.sim.nowMs + wallStep * this.speed);
    this.flush(false);
  }

  private advanceTo(ms: number): void {
    this.sim?.runUntil(Math.round(ms * 1000) / 1000);
  }

  private stepToNextEvent(): void {
    const sim = this.sim;
    if (!sim) return;
    const before = this.pending.length;
    for (let i = 0; i < MAX_STEP_EVENTS && this.pending.length === before; i++) {
      if (!sim.step()) break;
    }
    // Finish the instant, so every event at that time is shown together.
    this.advanceTo(sim.nowMs);
    this.flush(true);
  }

  private flush(force: boolean): void {
    const now = this.clock.now();
    if (!force && this.pending.length === 0 && now - this.lastPost < CLOCK_SYNC_MS) return;
    this.lastPost = now;
    const events = this.pending;
    this.pending = [];
    this.endpoint.postMessage({ type: 'batch', seq: ++this.seq, clock: this.sim?.nowMs ?? 0, running: this.isRunning, speed: this.speed, events });
  }

  private postSnapshot(id: number): void {
    const sim = this.sim;
    if (!sim) {
      this.fail(id, 'noLab');
      return;
    }
    const state: LabState = { links: {}, devices: {}, lags: sim.lags(), l2: this.l2 };
    for (const link of sim.network.links.values()) state.links[link.id] = link.isUp ? 'up' : 'down';
    for (const d of sim.network.devices.values()) state.devices[d.id] = { isFailed: d.isFailed, isMuted: d.isMuted };
    this.endpoint.postMessage({ type: 'snapshot', id, seq: this.seq, clock: sim.nowMs, running: this.isRunning, speed: this.speed, state });
  }

  private postFrame(id: number, link: string, frame: number): void {
    const stored = this.frames.get(link, frame);
    if (!stored) {
      this.fail(id, 'noFrame', `${link}#${frame}`);
      return;
    }
    const bytes = stored.bytes.slice().buffer;
    this.endpoint.postMessage({ type: 'frame', id, link, frame, t: stored.timeUs / 1000, bytes, fields: frameFields(stored.bytes) }, [bytes]);
  }

  private postPcap(id: number, link: string): void {
    const frames = this.frames.all(link);
    const bytes = encodePcap(frames.map((f) => ({ timeUs: f.timeUs, data: f.bytes }))).slice().buffer;
    this.endpoint.postMessage({ type: 'pcap', id, link, bytes, frames: frames.length }, [bytes]);
  }

  private fail(commandId: number | null, code: WorkerErrorCode, detail?: string): void {
    this.endpoint.postMessage(detail === undefined ? { type: 'error', commandId, code } : { type: 'error', commandId, code, detail });
  }
}
