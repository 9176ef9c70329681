/** `lab analyze`: the SPoF report, the N-1 table, the failover report, exit codes 1 (SPoF) / 0 (none) / 2 (input). */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/args';
import type { FailoverGroup } from '../../../src/cli/failoverReport';
import { NO_SCENARIO_LINE } from '../../../src/cli/failoverReport';
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

describe('when the lab has a scenario', () => {
  it('runs it and prints the failover report: each host outage after the fault next to the prediction', () => {
    const { code, stdout } = lab(['analyze', example('vrrp-pair')]);
    expect(code).toBe(1);
    const report = stdout.slice(stdout.indexOf('\nFailover report: '));
    expect(report).toContain('\nFailover report: the lab was run with its scenario for 35.000 s (last step at 20.000 s + 15.000 s to settle).\n');
    expect(report).toMatch(/\nAt 10\.220 s: Core 1 \(VRRP 200\) \(core1\) failed\n {2}host +target +measured outage +probes lost +predicted +rule +verdict\n/);
    for (const host of ['srv1', 'srv2']) {
      for (const target of ['gateway 10.0.0.1', 'upstream 198.51.100.1']) {
        expect(report).toMatch(new RegExp(`\\n {2}${host} +${target} +3\\.600 s +36 \\(every 100 ms\\) +2\\.609–3\\.609 s +vrrp\\.masterDownInterval +as predicted\\n`));
      }
    }
    expect(report).toMatch(/\nAt 20\.000 s: Core 1 \(VRRP 200\) \(core1\) restored\n(?: {2}.*\n){5}\n/);
    expect(report.match(/ no outage\n/g)).toHaveLength(4);
    expect(report).toContain('\n  vrrp.masterDownInterval: Master_Down_Interval of the best backup (priority 100) = 3 × 1 s');
  });

  it('--json adds the report as `failover`: one group per scenario step with the rows and verdicts', () => {
    const { code, stdout } = lab(['analyze', example('vrrp-pair'), '--json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as SpofReport & { failover: FailoverGroup[] | null };
    expect(json.spofs.length).toBeGreaterThan(0);
    expect(json.failover?.map((g) => `${g.fault?.t} ${g.fault?.action} ${g.fault?.target}`)).toEqual(['10220 fail core1', '20000 restore core1']);
    const fail = json.failover?.[0]?.rows ?? [];
    expect(fail.map((r) => `${r.host}:${r.target}=${r.verdict}`)).toEqual(['srv1:gateway=match', 'srv1:upstream=match', 'srv2:gateway=match', 'srv2:upstream=match']);
    expect(fail[0]?.outage).toEqual({ startMs: 10_300, endMs: 13_900, durationMs: 3600, lostProbes: 36, intervalMs: 100 });
    expect(fail[0]?.expected).toMatchObject({ ms: 3609.375, minMs: 2609.375, rule: 'vrrp.masterDownInterval' });
    expect(json.failover?.[1]?.rows.map((r) => r.verdict)).toEqual(['noOutage', 'noOutage', 'noOutage', 'noOutage']);
  });

  it('judges a gateway with no backup: the outage has no prediction', () => {
    const { stdout } = lab(['analyze', example('single-gateway')]);
    expect(stdout).toMatch(/\nAt 10\.000 s: R1 \(r1\) failed\n.*\n {2}srv1 +gateway 10\.0\.0\.1 +10\.000 s +100 \(every 100 ms\) +— +— +no prediction\n/);
  });

  it('lists the faults once when no host probes anything', () => {
    const { stdout } = lab(['analyze', example('bond-mode1-vs-mode4')]);
    expect(stdout).toContain("so no outage is measured after these faults:\n  at 10.050 s: link ab1 failed\n  at 20.050 s: link lc1 failed\n  at 30.000 s: link ab1 restored\n");
  });
});

describe('when the lab has no scenario', () => {
  it('says there is no failover report in one line; --json has failover null', () => {
    const { code, stdout } = lab(['analyze', example('active-active')]);
    expect(stdout.endsWith(`\n${NO_SCENARIO_LINE}\n`)).toBe(true);
    expect(stdout).not.toContain('\nAt ');
    expect(code).toBe(0);
    const json = JSON.parse(lab(['analyze', example('active-active'), '--json']).stdout) as { failover: unknown };
    expect(json.failover).toBeNull();
  });
});
