/**
 * Command-line parsing for `lab` with `node:util` parseArgs. It returns a typed command or the
 * list of problems (one line each); it never exits or prints, so tests can call it directly.
 */
import { parseArgs } from 'node:util';
import type { FaultAction } from '../engine';
import { CliInputError } from './errors';
import { parseTime } from './time';

/** A fault asked for on the command line, e.g. `--fail sw1:eth1@10s`. */
export interface FaultRequest {
  action: FaultAction;
  target: string;
  atMs: number;
}

/** `--pcap LINK=FILE`: write every frame link LINK carries to FILE. */
export interface PcapRequest {
  link: string;
  file: string;
}

/** `lab run <file> …`. */
export interface RunCommand {
  kind: 'run';
  file: string;
  /** CLI faults in command-line order (ties at the same time run in this order). */
  faults: FaultRequest[];
  /** `--until`; undefined = 60 s past the last fault. */
  untilMs: number | undefined;
  json: boolean;
  noPdus: boolean;
  pcaps: PcapRequest[];
}

/** `lab analyze <file|share-URL> [--json]`: the SPoF finder and the N-1 table. */
export interface AnalyzeCommand {
  kind: 'analyze';
  file: string;
  json: boolean;
}

export type Command = { kind: 'help' } | RunCommand | AnalyzeCommand;

/** Options `analyze` takes; the others only make sense for `run`. */
const ANALYZE_OPTIONS: ReadonlySet<string> = new Set(['json', 'help']);

export type ParseResult =
  | { ok: true; command: Command }
  /** `showUsage`: nothing was asked at all; print the help text (exit 2). */
  | { ok: false; errors: string[]; showUsage: boolean };

const FAULT_ACTIONS: readonly FaultAction[] = ['fail', 'restore', 'mute', 'unmute'];

const OPTIONS = {
  fail: { type: 'string', multiple: true },
  restore: { type: 'string', multiple: true },
  mute: { type: 'string', multiple: true },
  unmute: { type: 'string', multiple: true },
  until: { type: 'string' },
  pcap: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  'no-pdus': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
type OptionName = keyof typeof OPTIONS;

const EXAMPLE: Record<string, string> = {
  fail: 'sw1:eth1@10s',
  restore: 'l1@20s',
  mute: 'sw2@10s',
  unmute: 'sw2@30s',
  until: '90s',
  pcap: 'l1=l1.pcap',
};

function isOption(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

/** `sw1:eth1@2s` → target `sw1:eth1`, 2000 ms; splits at the LAST `@`. */
export function parseFaultSpec(action: FaultAction, text: string): FaultRequest {
  const at = text.lastIndexOf('@');
  if (at < 0) throw new CliInputError(`--${action} ${text}: expected ID@TIME, e.g. --${action} ${EXAMPLE[action] ?? ''}`);
  const target = text.slice(0, at);
  if (target === '') throw new CliInputError(`--${action} ${text}: the id before "@" is missing`);
  try {
    return { action, target, atMs: parseTime(text.slice(at + 1)) };
  } catch (err) {
    if (err instanceof CliInputError) throw new CliInputError(`--${action} ${text}: ${err.message}`);
    throw err;
  }
}

/** `l1=out/l1.pcap` → link `l1`, file `out/l1.pcap`; splits at the FIRST `=` (ids have none). */
export function parsePcapSpec(text: string): PcapRequest {
  const eq = text.indexOf('=');
  const link = eq < 0 ? '' : text.slice(0, eq);
  const file = eq < 0 ? '' : text.slice(eq + 1);
  if (link === '' || file === '') throw new CliInputError(`--pcap ${text}: expected LINK=FILE, e.g. --pcap l1=l1.pcap`);
  return { link, file };
}

interface Draft {
  faults: FaultRequest[];
  pcaps: PcapRequest[];
  untilMs: number | undefined;
  untilCount: number;
  json: boolean;
  noPdus: boolean;
  help: boolean;
}

/** Applies one option; throws CliInputError for a bad value. */
function applyOption(draft: Draft, name: OptionName, value: string | undefined): void {
  if (OPTIONS[name].type === 'boolean') {
    if (value !== undefined) throw new CliInputError(`--${name} takes no value`);
    if (name === 'json') draft.json = true;
    else if (name === 'no-pdus') draft.noPdus = true;
    else draft.help = true;
    return;
  }
  // A value that starts with "-" is the next option, unless it is a (negative) number.
  if (value === undefined || (value.startsWith('-') && !/^-[\d.]/.test(value))) {
    const got = value === undefined ? '' : ` (got option "${value}")`;
    throw new CliInputError(`--${name} needs a value, e.g. --${name} ${EXAMPLE[name] ?? ''}${got}`);
  }
  if (name === 'until') {
    draft.untilCount++;
    if (draft.untilCount === 2) throw new CliInputError('--until is given more than once');
    try {
      draft.untilMs = parseTime(value);
    } catch (err) {
      if (err instanceof CliInputError) throw new CliInputError(`--until ${value}: ${err.message}`);
      throw err;
    }
  } else if (name === 'pcap') {
    draft.pcaps.push(parsePcapSpec(value));
  } else {
    const action = FAULT_ACTIONS.find((a) => a === name);
    if (action) draft.faults.push(parseFaultSpec(action, value));
  }
}

function checkPcapFiles(pcaps: readonly PcapRequest[], errors: string[]): void {
  const seen = new Set<string>();
  for (const p of pcaps) {
    if (seen.has(p.file)) errors.push(`--pcap ${p.link}=${p.file}: file "${p.file}" is named by another --pcap too`);
    seen.add(p.file);
  }
}

function positionalErrors(positionals: readonly string[]): string[] {
  const [command, ...files] = positionals;
  if (command === undefined) return ['no command given: try "lab run <file.json>" (see lab --help)'];
  if (command !== 'run' && command !== 'analyze') return [`unknown command "${command}": try "lab run <file.json>" (see lab --help)`];
  if (files.length === 0) return [`${command} needs a lab file: lab ${command} <file.json>`];
  if (files.length > 1) return [`${command} takes one lab file, got ${files.length}: ${files.join(', ')}`];
  return [];
}

/** Parses `argv` (without `node` and the script). */
export function parseCliArgs(argv: readonly string[]): ParseResult {
  if (argv.length === 0) return { ok: false, errors: [], showUsage: true };
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const draft: Draft = { faults: [], pcaps: [], untilMs: undefined, untilCount: 0, json: false, noPdus: false, help: false };
  const errors: string[] = [];
  const positionals: string[] = [];
  const runOnly: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (!isOption(token.name)) {
      errors.push(`unknown option "${token.rawName}" (see lab --help)`);
      continue;
    }
    if (!ANALYZE_OPTIONS.has(token.name)) runOnly.push(token.rawName);
    try {
      applyOption(draft, token.name, token.value);
    } catch (err) {
      if (!(err instanceof CliInputError)) throw err;
      errors.push(...err.lines);
    }
  }
  if (draft.help) return { ok: true, command: { kind: 'help' } };
  errors.unshift(...positionalErrors(positionals));
  if (positionals[0] === 'analyze') for (const name of new Set(runOnly)) errors.push(`${name} is an option of "run", not of "analyze" (analyze takes only --json)`);
  checkPcapFiles(draft.pcaps, errors);
  if (errors.length > 0) return { ok: false, errors, showUsage: false };
  const { faults, pcaps, untilMs, json, noPdus } = draft;
  if (positionals[0] === 'analyze') return { ok: true, command: { kind: 'analyze', file: positionals[1] ?? '', json } };
  return { ok: true, command: { kind: 'run', file: positionals[1] ?? '', faults, untilMs, json, noPdus, pcaps } };
}
