/**
 * `lab` as a function: parses the arguments, loads and validates the lab, runs it on virtual time
 * and writes the output through `io`. main.ts wires `io` to the process; tests call it in-process.
 */
import { readFileSync } from 'node:fs';
import type { SimEvent, SimEventType } from '../engine';
import { ALL_EVENT_TYPES, Simulation, SimulationInputError } from '../engine';
import type { Topology } from '../model';
import { formatIssue, parseTopologyJson } from '../model';
import { decodeShare, fragmentFromHash } from '../model/shareCodec';
import { runAnalyze } from './analyze';
import type { FaultRequest, RunCommand } from './args';
import { parseCliArgs } from './args';
import { CliInputError, ExitCode } from './errors';
import type { WriteFile } from './pcapOut';
import { PcapCapture, describeFsError } from './pcapOut';
import type { PlannedFault } from './summary';
import { renderSummary } from './summary';
import { formatSeconds } from './time';
import { Timeline } from './timeline';
import { USAGE } from './usage';

/** Where the CLI reads and writes; every string passed to stdout/stderr ends with a newline. */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  writeFile: WriteFile;
  /** Reads the lab file as UTF-8; default node:fs readFileSync. */
  readFile?: (path: string) => string;
}

/** How long a run lasts when --until is not given: this long after the last fault. */
export const DEFAULT_RUN_AFTER_LAST_FAULT_MS = 60_000;

const EVENTS_WITHOUT_PDUS: readonly SimEventType[] = ALL_EVENT_TYPES.filter((t) => t !== 'lacpdu' && t !== 'bpdu' && t !== 'vrrpAdvert');

/** Runs `lab` with `argv` (without node and the script); returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const parsed = parseCliArgs(argv);
    if (!parsed.ok) {
      if (parsed.showUsage) io.stderr(USAGE);
      for (const line of parsed.errors) io.stderr(`lab: ${line}\n`);
      return ExitCode.usage;
    }
    if (parsed.command.kind === 'help') {
      io.stdout(USAGE);
      return ExitCode.ok;
    }
    if (parsed.command.kind === 'analyze') return runAnalyze(parsed.command, io);
    return runLab(parsed.command, io);
  } catch (err) {
    if (err instanceof CliInputError) {
      for (const line of err.lines) io.stderr(`lab: ${line}\n`);
      return ExitCode.usage;
    }
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    io.stderr(`lab: internal error (a bug, please report it): ${detail.split('\n')[0] ?? ''}\n`);
    return ExitCode.internal;
  }
}

/** Reads and validates the lab; throws CliInputError with one `file: path: message` per issue. */
export function loadLab(file: string, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): Topology {
  // A share link from the browser lab (…#lab=v1.…) is read directly (DESIGN.md §6).
  const fragment = file.includes('#lab=') ? fragmentFromHash(file.slice(file.indexOf('#'))) : null;
  if (fragment !== null) {
    const shared = decodeShare(fragment);
    if (shared.ok) return shared.topology;
    const detail = shared.error.params?.detail;
    throw new CliInputError(`share link: ${SHARE_ERRORS[shared.error.key] ?? shared.error.key}${detail === undefined ? '' : `: ${detail}`}`);
  }
  let text: string;
  try {
    text = readFile(file);
  } catch (err) {
    throw new CliInputError(`${file}: cannot read the lab file: ${describeFsError(err)}`);
  }
  const result = parseTopologyJson(text);
  if (result.ok) return result.topology;
  throw new CliInputError(
    result.issues.map((issue) => (issue.code === 'json.syntax' ? `${file}: ${issue.message}` : `${file}: ${formatIssue(issue)}`)),
  );
}

/** English wording of the share codec's error keys (the browser translates the same keys). */
const SHARE_ERRORS: Record<string, string> = {
  'errors.share.tooLong': 'the link is too long',
  'errors.share.version': 'the link was made by a newer TopoLab',
  'errors.share.corrupt': 'the link is damaged (cut short when copied?)',
  'errors.share.invalid': 'the shared lab is not valid',
};

/** Plans the flags' faults; returns the engine's message for each one it refuses. */
function scheduleFaults(sim: Simulation, faults: readonly FaultRequest[]): string[] {
  const errors: string[] = [];
  for (const f of faults) {
    try {
      sim.scheduleFault(f.atMs, f.action, f.target);
    } catch (err) {
      if (!(err instanceof SimulationInputError)) throw err;
      errors.push(...err.issues);
    }
  }
  return errors;
}

function plannedFaults(doc: Topology, cmd: RunCommand): PlannedFault[] {
  const fromDoc = (doc.scenario ?? []).map((s): PlannedFault => ({ atMs: s.atMs, action: s.action, target: s.target, source: 'scenario' }));
  const fromFlags = cmd.faults.map((f): PlannedFault => ({ ...f, source: 'flag' }));
  return [...fromDoc, ...fromFlags];
}

/** --until, or 60 s past the last fault (scenario or flag), or 60 s without faults. */
export function defaultUntilMs(faults: readonly { atMs: number }[]): number {
  return faults.reduce((last, f) => Math.max(last, f.atMs), 0) + DEFAULT_RUN_AFTER_LAST_FAULT_MS;
}

function buildSimulation(doc: Topology, cmd: RunCommand): { sim: Simulation; capture: PcapCapture } {
  const sim = new Simulation(doc, cmd.noPdus ? { events: EVENTS_WITHOUT_PDUS } : {});
  const errors = scheduleFaults(sim, cmd.faults);
  let capture: PcapCapture | undefined;
  try {
    capture = new PcapCapture(sim, cmd.pcaps);
  } catch (err) {
    if (!(err instanceof CliInputError)) throw err;
    errors.push(...err.lines);
  }
  if (errors.length > 0 || !capture) throw new CliInputError(errors);
  return { sim, capture };
}

function runLab(cmd: RunCommand, io: CliIo): number {
  const doc = loadLab(cmd.file, io.readFile);
  const { sim, capture } = buildSimulation(doc, cmd);
  const faults = plannedFaults(doc, cmd);
  const untilMs = cmd.untilMs ?? defaultUntilMs(faults);
  for (const f of cmd.faults) {
    if (f.atMs > untilMs) io.stderr(`lab: warning: --${f.action} ${f.target} at ${formatSeconds(f.atMs)} s is after --until (${formatSeconds(untilMs)} s): it does not happen\n`);
  }
  const timeline = new Timeline();
  const sink = cmd.json ? (e: SimEvent) => io.stdout(`${JSON.stringify(e)}\n`) : (e: SimEvent) => timeline.add(e);
  sim.onEvent(sink);
  sim.runUntil(untilMs);
  if (!cmd.json) {
    io.stdout(
      renderSummary({
        file: cmd.file,
        title: doc.meta?.title,
        description: doc.meta?.description,
        untilMs,
        isDefaultUntil: cmd.untilMs === undefined,
        faults,
        timeline,
        lags: sim.lags(),
        topology: sim.topology,
        hasPduCounts: !cmd.noPdus,
      }),
    );
  }
  capture.write(io.writeFile);
  return ExitCode.ok;
}
