/**
 * `npm run bench`: engine speed and memory on generated labs. Prints figures; asserts nothing
 * about speed (speed targets live here, never in tests), but refuses to measure a lab that does
 * not work: a scenario whose LAGs, MC-LAG pairs or flows have not converged exits non-zero.
 *
 * Scenarios (`BENCH_ONLY=ring|fabric` picks one; both run by default):
 * - ring (issue 2): 500 switches, 2,000 LACP member links at the fast rate. Targets ≥ 100× real
 *   time, < 200 MB. `BENCH_SECONDS` (default 120 virtual s).
 * - fabric: a 64-leaf / 4-spine MC-LAG fabric with 802.3ad-bonded servers sending UDP flows
 *   (mclagFabric.ts), every flow at the default 10 datagrams/s; `fabric-heavy` the same at 10–100
 *   datagrams/s per flow. Targets ≥ 50× real time, < 200 MB. `BENCH_FABRIC_SECONDS` (default 60),
 *   `BENCH_FABRIC_SERVERS` (servers per leaf pair, default 4).
 */
import { performance } from 'node:perf_hooks';
import type { SimEvent, SimEventType } from '../src/engine';
import { Simulation } from '../src/engine';
import type { Topology } from '../src/model';
import { lacpRing } from './lacpRing';
import { mclagFabric } from './mclagFabric';

/** A failed convergence check: the lab is broken, so its speed means nothing. */
class NotConverged extends Error {}

interface Scenario {
  name: 'ring' | 'fabric' | 'fabric-heavy';
  title: string;
  virtualS: number;
  targetRt: number;
  /** Event types of the "state events only" run. */
  stateEvents: SimEventType[];
  build(): Topology;
  /** Checks run (outside the timed spans) at these virtual times; each returns one line or throws. */
  checks: { atS: number; run: (sim: Simulation, seen: Seen) => string }[];
}

/** What the benchmark's own listener remembers of the stream (flows and MC-LAG peers only). */
class Seen {
  readonly flows = new Map<string, { state: 'ok' | 'lost'; path: string[] }>();
  readonly mclag = new Map<string, SimEvent & { type: 'mclag' }>();
  lostEvents = 0;
  /** `lostEvents` when the fabric was declared converged. */
  lostAtConvergence: number | null = null;

  see(e: SimEvent): void {
    if (e.type === 'flow') {
      this.flows.set(e.flow, { state: e.state, path: e.path });
      if (e.state === 'lost') this.lostEvents++;
    } else if (e.type === 'mclag') this.mclag.set(e.device, e);
  }
}

interface Figures {
  label: string;
  buildMs: number;
  virtualS: number;
  wallS: number;
  /** Wall time of the first FORMING_S virtual seconds. */
  formingS: number;
  schedulerEvents: number;
  streamEvents: number;
  heapMB: number;
  checks: string[];
}

/** Full collections until the heap stops shrinking (one is not always enough to drop the previous run's lab). */
function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) return;
  let before = Infinity;
  for (let i = 0; i < 5 && process.memoryUsage().heapUsed < before; i++) {
    before = process.memoryUsage().heapUsed;
    collect();
  }
}

function heapMB(): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Virtual time that splits a run's figures: forming (LAGs coming up, JIT warming) before, steady state after. */
const FORMING_S = 5;

/**
 * Runs a scenario once. The heap held by the lab is the heap at the end (lab alive) less the
 * lower of the heap before it was built and after it was dropped: a full GC does not always free
 * the previous run's lab at once, which would otherwise inflate the baseline.
 */
function measure(label: string, sc: Scenario, events?: SimEventType[]): Figures {
  const doc = sc.build();
  const heapBefore = heapMB();
  const run = runLab(label, sc, doc, events);
  const heapAfter = heapMB();
  return { ...run.figures, heapMB: run.heapEnd - Math.min(heapBefore, heapAfter) };
}

function runLab(label: string, sc: Scenario, doc: Topology, events?: SimEventType[]): { figures: Omit<Figures, 'heapMB'>; heapEnd: number } {
  const t0 = performance.now();
  const sim = new Simulation(doc, events ? { events } : {});
  const seen = new Seen();
  let streamEvents = 0;
  sim.onEvent((e) => {
    streamEvents++;
    seen.see(e);
  });
  const t1 = performance.now();
  // Run from stop to stop: the forming split, each check (outside the timed spans), the end.
  const stops = [{ atS: Math.min(FORMING_S, sc.virtualS), run: null as ((sim: Simulation, seen: Seen) => string) | null }, ...sc.checks.map((c) => ({ atS: Math.min(c.atS, sc.virtualS), run: c.run }))];
  stops.sort((a, b) => a.atS - b.atS);
  let wallMs = 0;
  let formingMs = 0;
  const checks: string[] = [];
  for (const stop of [...stops, { atS: sc.virtualS, run: null }]) {
    const t = performance.now();
    sim.runUntil(stop.atS * 1000);
    wallMs += performance.now() - t;
    if (stop.atS <= FORMING_S) formingMs = wallMs;
    if (stop.run) checks.push(stop.run(sim, seen));
  }
  const heapEnd = heapMB();
  return { figures: { label, buildMs: t1 - t0, virtualS: sc.virtualS, wallS: wallMs / 1000, formingS: formingMs / 1000, schedulerEvents: sim.scheduler.executed, streamEvents, checks }, heapEnd };
}

function print(f: Figures, targetRt: number): void {
  const rt = f.virtualS / f.wallS;
  console.log(`${f.label}`);
  for (const c of f.checks) console.log(`  check ${c}`);
  console.log(`  build ${f.buildMs.toFixed(0)} ms · ran ${f.virtualS} virtual s in ${f.wallS.toFixed(2)} wall s → ${rt.toFixed(0)}× real time ${rt >= targetRt ? `(target ≥ ${targetRt}×: met)` : `(target ≥ ${targetRt}×: MISSED)`}`);
  if (f.virtualS > FORMING_S) console.log(`  of which the first ${FORMING_S} virtual s (forming, JIT warm-up) ${f.formingS.toFixed(2)} wall s; steady state ${FORMING_S}–${f.virtualS} s → ${((f.virtualS - FORMING_S) / (f.wallS - f.formingS)).toFixed(0)}× real time`);
  console.log(`  scheduler events ${f.schedulerEvents.toLocaleString('en')} → ${(f.schedulerEvents / f.wallS).toFixed(0)} /wall s · stream events ${f.streamEvents.toLocaleString('en')} → ${(f.streamEvents / f.wallS).toFixed(0)} /wall s`);
  console.log(`  heap held by the lab ${f.heapMB.toFixed(1)} MB ${f.heapMB < 200 ? '(target < 200 MB: met)' : '(target < 200 MB: MISSED)'} · process RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
}

/** Frames put on every link so far (data and control). */
function totalFrames(sim: Simulation): number {
  let n = 0;
  for (const link of sim.network.links.values()) n += link.framesSent;
  return n;
}

function fail(what: string): never {
  throw new NotConverged(what);
}

/** Every LAG up with every member distributing (no standby, nothing detached). */
function lagsFull(sim: Simulation, atS: number): string {
  const lags = sim.lags();
  const full = lags.filter((l) => l.up && l.active.length === l.members.length);
  const line = `at ${atS} s: LAGs up with all members active ${full.length}/${lags.length}`;
  if (full.length !== lags.length) {
    const bad = lags.find((l) => !(l.up && l.active.length === l.members.length));
    fail(`${line}; first bad: ${bad?.device ?? '?'} ${bad?.lag ?? '?'} (${bad?.members.map((m) => `${m.port} ${m.status}`).join(', ') ?? ''})`);
  }
  return line;
}

const ring: Scenario = {
  name: 'ring',
  title: 'ring — 500 switches, 1,000 LAGs, 2,000 LACP member links at the fast rate',
  virtualS: Number(process.env.BENCH_SECONDS ?? 120),
  targetRt: 100,
  stateEvents: ['link', 'fault', 'lacp', 'lag'],
  build: () => lacpRing(500, 4),
  checks: [{ atS: Infinity, run: (sim, _seen) => lagsFull(sim, ring.virtualS) }],
};

function fabricScenario(traffic: 'default' | 'heavy'): Scenario {
  const serversPerPair = Number(process.env.BENCH_FABRIC_SERVERS ?? 4);
  const shape = mclagFabric({ serversPerPair, traffic });
  const virtualS = Number(process.env.BENCH_FABRIC_SECONDS ?? 60);
  const checkS = 5;
  if (!(virtualS >= checkS)) throw new Error(`BENCH_FABRIC_SECONDS must be ≥ ${checkS} (the convergence check runs at ${checkS} s)`);
  const peers = 2 * (shape.doc.mclags?.length ?? 0);
  const flows = shape.doc.flows?.length ?? 0;
  const fabricChecks = (atS: number) => (sim: Simulation, seen: Seen): string => {
    const lags = lagsFull(sim, atS);
    const mclagOk = [...seen.mclag.values()].filter((e) => e.state === 'ok' && e.peerLink === 'up' && e.keepalive === 'up').length;
    const ok = [...seen.flows.values()].filter((f) => f.state === 'ok');
    const crossing = ok.filter((f) => f.path.some((l) => /^x\d\d$/.test(l))).length;
    let line = `${lags} · MC-LAG peers ok ${mclagOk}/${peers} · flows ok ${ok.length}/${flows} (${crossing}/${shape.crossSpineFlows} across po50 between the spine pairs)`;
    let isBroken = mclagOk !== peers || ok.length !== flows || crossing !== shape.crossSpineFlows;
    if (seen.lostAtConvergence === null) {
      seen.lostAtConvergence = seen.lostEvents;
      line += ` · ${seen.lostEvents} flow 'lost' events while the LAGs formed (flows start at 2.5–3 s)`;
    } else {
      const lost = seen.lostEvents - seen.lostAtConvergence;
      line += ` · flow 'lost' events since ${checkS} s: ${lost} · frames on the wire ${(totalFrames(sim) / atS).toFixed(0)} /virtual s`;
      isBroken ||= lost > 0;
    }
    if (isBroken) fail(line);
    return line;
  };
  return {
    name: traffic === 'heavy' ? 'fabric-heavy' : 'fabric',
    title: `${traffic === 'heavy' ? 'fabric-heavy' : 'fabric'} — MC-LAG leaf/spine: ${shape.leaves} leaves, ${shape.spines} spines, ${peers / 2} MC-LAG domains, ${shape.servers} servers with 802.3ad bonds, ${shape.lagCount} LAGs, ${shape.memberLinks} LACP member links at the fast rate, ${flows} UDP flows (${(shape.doc.flows ?? []).reduce((s, f) => s + (f.pps ?? 10), 0).toLocaleString('en')} datagrams/s), STP off`,
    virtualS,
    targetRt: 50,
    stateEvents: ['link', 'fault', 'lacp', 'lag', 'flow', 'mclag', 'bond', 'stp', 'arp'],
    build: () => mclagFabric({ serversPerPair, traffic }).doc,
    checks: [
      { atS: checkS, run: fabricChecks(checkS) },
      { atS: Infinity, run: fabricChecks(virtualS) },
    ],
  };
}

function main(): void {
  const only = process.env.BENCH_ONLY;
  const makers: [Scenario['name'], () => Scenario][] = [
    ['ring', () => ring],
    ['fabric', () => fabricScenario('default')],
    ['fabric-heavy', () => fabricScenario('heavy')],
  ];
  if (only !== undefined && !makers.some(([name]) => name === only)) throw new Error(`BENCH_ONLY must be ring, fabric or fabric-heavy, not "${only}"`);
  const scenarios = makers.filter(([name]) => only === undefined || name === only).map(([, make]) => make());
  console.log(`TopoLab engine benchmark (node ${process.version})`);
  if (!(globalThis as { gc?: unknown }).gc) console.log('  (run with --expose-gc for exact heap figures)');
  for (const sc of scenarios) {
    console.log(`\n${sc.title}`);
    print(measure('every event on the stream (as the CLI --json sees it):', sc), sc.targetRt);
    print(measure(`state events only (${sc.stateEvents.join(', ')}; no per-frame lacpdu / bpdu / traffic events):`, sc, sc.stateEvents), sc.targetRt);
  }
}

try {
  main();
} catch (err) {
  if (!(err instanceof NotConverged)) throw err;
  console.error(`\nBENCHMARK ABORTED — the lab did not converge, so its speed would mean nothing:\n  ${err.message}`);
  process.exitCode = 1;
}
