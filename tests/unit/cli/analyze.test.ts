/** `lab analyze`: the SPoF report, the N-1 table, exit codes 1 (SPoF) / 0 (none) / 2 (input). */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/args';
import { runCli } from '../../../src/cli/run';
import type { SpofReport } from '../../../src/engine';

const example = (name: string): string => fileURLToPath(new URL(`../../../examples/${name}.json`, import.meta.url));

function lab(argv: string[], files: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const readFile = (path: string): string => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  };
  const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), writeFile: () => undefined };
  const code = runCli(argv, Object.keys(files).length > 0 ? { ...io, readFile } : io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** mclag-pair with its servers only: no single point of failure left. */
const NO_SPOF_LAB = 'mclag-pair';

describe('when a lab has a single point of failure', () => {
  it('prints it with what is lost, for good or a while, and why; exit code 1', () => {
    const { code, stdout, stderr } = lab(['analyze', example('looks-redundant')]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatch(/2 single points of failure:\n {2}SW1 \(sw1\)\n {4}flow to-client \(srv → client\): lost for good/);
    expect(stdout).toContain('why: bond bond0 of srv (mode active-backup) has both members on sw1');
    expect(stdout).toMatch(/N-1 capacity \(busier direction, % of line rate\):\n {2}link \/ LAG +capacity +now +worst after one failure +which failure/);
    expect(stdout).toMatch(/runs, 300 s of virtual time in [\d.]+ s\./);
  });

  it('--json prints the whole report as one JSON object', () => {
    const { code, stdout } = lab(['analyze', example('single-gateway'), '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as SpofReport;
    expect(report.spofs.map((s) => s.element.id)).toContain('r1');
    expect(typeof report.timeMs).toBe('number');
  });
});

describe('when a lab has none', () => {
  it('says so; exit code 0', () => {
    const { code, stdout } = lab(['analyze', example(NO_SPOF_LAB)]);
    expect(stdout).toContain('\nNo single point of failure.\n');
    expect(code).toBe(0);
  });
});

describe('when the input is wrong', () => {
  it('exits 2 with lab: lines for a missing file, a bad document and run-only options', () => {
    const missing = lab(['analyze', 'nope.json'], { 'other.json': '{}' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^lab: nope\.json: cannot read the lab file/);
    const bad = lab(['analyze', 'bad.json'], { 'bad.json': '{"version":1,"devices":[],"links":[{"id":"l1"}]}' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^lab: bad\.json: /);
    expect(parseCliArgs(['analyze', 'x.json', '--fail', 'sw1@1s'])).toEqual({ ok: false, errors: ['--fail is an option of "run", not of "analyze" (analyze takes only --json)'], showUsage: false });
    expect(parseCliArgs(['analyze'])).toEqual({ ok: false, errors: ['analyze needs a lab file: lab analyze <file.json>'], showUsage: false });
  });
});
