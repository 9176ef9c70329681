import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { decodePcap } from '../../../src/engine/codecs';
import type { SimEvent } from '../../../src/engine';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const example = (name: string): string => fileURLToPath(new URL(`../../../examples/${name}.json`, import.meta.url));
const BAD_PORT = fileURLToPath(new URL('./fixtures/bad-port.json', import.meta.url));

interface LabResult {
  code: number;
  stdout: string;
  stderr: string;
  files: Map<string, Uint8Array>;
}

/** Runs the CLI in-process; files it writes stay in memory. */
function lab(...argv: string[]): LabResult {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, Uint8Array>();
  const code = runCli(argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), writeFile: (path, data) => files.set(path, data) });
  return { code, stdout: out.join(''), stderr: err.join(''), files };
}

function events(stdout: string): SimEvent[] {
  const lines = stdout.split('\n');
  expect(lines.pop()).toBe('');
  return lines.map((line) => JSON.parse(line) as SimEvent);
}

/** Every stderr line is one `lab: …` message; no stack trace. */
function expectCleanErrors(stderr: string): string[] {
  const lines = stderr.trimEnd().split('\n');
  for (const line of lines) expect(line).toMatch(/^lab: /);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines;
}

describe('when --json is given', () => {
  it('prints one JSON event per line, in time order, with the LAG coming up (active-active)', () => {
    const r = lab('run', example('active-active'), '--until', '10s', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const list = events(r.stdout);
    expect(list.length).toBeGreaterThan(10);
    for (let i = 1; i < list.length; i++) expect(list[i]?.t).toBeGreaterThanOrEqual(list[i - 1]?.t ?? 0);
    expect(list.some((e) => e.type === 'lag' && e.up)).toBe(true);
    expect(list.some((e) => e.type === 'lacpdu')).toBe(true);
    expect(Math.max(...list.map((e) => e.t))).toBeLessThanOrEqual(10_000);
  });

  it('prints no lacpdu for passive-passive: nobody speaks first', () => {
    const list = events(lab('run', example('passive-passive'), '--json').stdout);
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter((e) => e.type === 'lacpdu')).toHaveLength(0);
  });

  it('drops lacpdu events with --no-pdus and keeps the rest', () => {
    const list = events(lab('run', example('active-active'), '--until', '5s', '--json', '--no-pdus').stdout);
    expect(list.filter((e) => e.type === 'lacpdu')).toHaveLength(0);
    expect(list.some((e) => e.type === 'lag' && e.up)).toBe(true);
  });

  it('adds --fail / --restore faults to the stream', () => {
    const list = events(lab('run', example('active-active'), '--fail', 'sw1:eth1@4s', '--restore', 'sw1:eth1@6s', '--until', '8s', '--json').stdout);
    const faults = list.filter((e) => e.type === 'fault');
    expect(faults).toEqual([
      { t: 4000, type: 'fault', target: 'sw1:eth1', kind: 'port', action: 'fail' },
      { t: 6000, type: 'fault', target: 'sw1:eth1', kind: 'port', action: 'restore' },
    ]);
    expect(list).toContainEqual({ t: 4000, type: 'link', link: 'l1', state: 'down' });
  });

  it('is deterministic: two runs print the same bytes', () => {
    const argv = ['run', example('member-failure'), '--until', '30s', '--json'];
    expect(lab(...argv).stdout).toBe(lab(...argv).stdout);
  });
});

describe('when the run length is not given', () => {
  it('runs 60 s without faults, or 60 s past the last fault', () => {
    expect(lab('run', example('active-active')).stdout).toMatch(/ran until: +60\.000 s/);
    expect(lab('run', example('silent-partner')).stdout).toMatch(/ran until: +180\.000 s/);
    const list = events(lab('run', example('active-active'), '--fail', 'l1@30s', '--json').stdout);
    expect(list.at(-1)?.t).toBeGreaterThan(89_000);
    expect(list.at(-1)?.t).toBeLessThanOrEqual(90_000);
  });
});

describe('when --pcap LINK=FILE is given', () => {
  it('writes every LACPDU the link carried, 124 bytes each, at virtual time', () => {
    const r = lab('run', example('active-active'), '--until', '10s', '--json', '--pcap', 'l1=l1.pcap');
    expect(r.code).toBe(0);
    const pdus = events(r.stdout).filter((e) => e.type === 'lacpdu' && e.link === 'l1');
    const bytes = r.files.get('l1.pcap');
    expect(bytes).toBeDefined();
    const pcap = decodePcap(bytes ?? new Uint8Array());
    expect(pcap.linkType).toBe(1);
    expect(pcap.records).toHaveLength(pdus.length);
    expect(pdus.length).toBeGreaterThan(5);
    for (const rec of pcap.records) expect(rec.data.length).toBe(124);
    expect(pcap.records.map((rec) => rec.timeUs)).toEqual(pdus.map((e) => Math.round(e.t * 1000)));
  });

  it('writes the file in summary mode too, and one file per link', () => {
    const r = lab('run', example('on-vs-active'), '--until', '5s', '--pcap', 'l1=a.pcap', '--pcap', 'l2=b.pcap');
    expect(r.code).toBe(0);
    expect([...r.files.keys()]).toEqual(['a.pcap', 'b.pcap']);
    expect(decodePcap(r.files.get('b.pcap') ?? new Uint8Array()).records.length).toBeGreaterThan(0);
  });

  it('rejects an unknown link (exit 2) and writes nothing', () => {
    const r = lab('run', example('active-active'), '--pcap', 'l9=x.pcap');
    expect(r.code).toBe(2);
    expect(expectCleanErrors(r.stderr)).toEqual(['lab: --pcap l9=x.pcap: no link "l9" in this lab (links: l1, l2)']);
    expect(r.files.size).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('reports a file it cannot write (exit 2)', () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCli(['run', example('active-active'), '--until', '1s', '--pcap', 'l1=/no/such/dir/x.pcap'], {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      writeFile: () => {
        throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
      },
    });
    expect(code).toBe(2);
    expect(err.join('')).toBe('lab: --pcap l1=/no/such/dir/x.pcap: cannot write the file: no such file or directory\n');
  });
});

describe('when the input is wrong', () => {
  it('prints each schema problem of an invalid file with its path (exit 2)', () => {
    const r = lab('run', BAD_PORT);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = expectCleanErrors(r.stderr);
    expect(lines).toContain(`lab: ${BAD_PORT}: links[3].b.port: device "sw9" has no port "eth12"`);
    expect(lines).toContain(`lab: ${BAD_PORT}: links[2].a.port: device "sw1" has no port "eth3"`);
    expect(lines).toHaveLength(4);
  });

  it('says so when the file is missing or not JSON (exit 2)', () => {
    const missing = lab('run', 'no/such/lab.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('lab: no/such/lab.json: cannot read the lab file: no such file or directory\n');
    const notJson = runCli(['run', 'x.json'], { stdout: () => undefined, stderr: (s) => expect(s).toMatch(/^lab: x\.json: not valid JSON: /), writeFile: () => undefined, readFile: () => '{"version": 1,' });
    expect(notJson).toBe(2);
  });

  it('gives the engine message for an unknown fault target (exit 2)', () => {
    const r = lab('run', example('active-active'), '--fail', 'sw9@2s', '--mute', 'l1@3s', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(expectCleanErrors(r.stderr)).toEqual([
      'lab: fail sw9: "sw9" is not a device, a link or a device:port',
      'lab: mute l1: "mute" applies to a device, and "l1" is a link',
    ]);
  });

  it('rejects a malformed time (exit 2)', () => {
    const r = lab('run', example('active-active'), '--until', '10x');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lab: --until 10x: malformed time "10x": use e.g. 500ms, 10s, 2m\n');
    expect(lab('run', example('active-active'), '--fail', 'l1@soon').code).toBe(2);
  });

  it('rejects an unknown flag (exit 2)', () => {
    const r = lab('run', example('active-active'), '--colour');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lab: unknown option "--colour" (see lab --help)\n');
  });

  it('warns, but runs, when a fault comes after --until', () => {
    const r = lab('run', example('active-active'), '--fail', 'l1@20s', '--until', '5s', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('lab: warning: --fail l1 at 20.000 s is after --until (5.000 s): it does not happen\n');
    expect(events(r.stdout).some((e) => e.type === 'fault')).toBe(false);
  });
});

describe('when help is asked or nothing is given', () => {
  it('prints the usage on stdout for --help (exit 0) and on stderr with no arguments (exit 2)', () => {
    const help = lab('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail ID@TIME');
    const none = lab();
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage:');
  });
});

describe('when something unexpected breaks', () => {
  it('exits 1 with one line, no stack', () => {
    const err: string[] = [];
    const code = runCli(['run', example('active-active'), '--until', '1s', '--json'], {
      stdout: () => {
        throw new Error('boom');
      },
      stderr: (s) => err.push(s),
      writeFile: () => undefined,
    });
    expect(code).toBe(1);
    expect(err).toEqual(['lab: internal error (a bug, please report it): Error: boom\n']);
  });
});

describe('when the summary is printed (no --json)', () => {
  it('explains what each side of on-vs-active sees', () => {
    const r = lab('run', example('on-vs-active'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("TopoLab run: Static 'on' facing LACP active: a misconfiguration");
    expect(r.stdout).toContain('What each side sees');
    expect(r.stdout).toContain('sw1 po1 (static, mode on): up with 2 members — it sends traffic on both links (l1, l2).');
    expect(r.stdout).toContain('sw2 po1 (LACP active): down — no LACPDU heard from the partner; members suspended.');
    expect(r.stdout).toContain('So frames sw1 sends on l1, l2 are dropped by sw2');
    expect(r.stdout).toMatch(/l1 +sw1:eth1 ↔ sw2:eth1 +61 +\(sw1 sent 0, sw2 sent 61\)/);
    expect(r.stdout).toContain('LACPDUs sent: 122 in total');
  });

  it('lists member changes with the plain-English reason, and the final state table', () => {
    const r = lab('run', example('member-failure'));
    expect(r.stdout).toMatch(/^ +10\.000 s {2}sw1 po1 eth3: distributing → down \(link down\)$/m);
    expect(r.stdout).toMatch(/^ +10\.000 s {2}fault: fail link l3$/m);
    expect(r.stdout).toMatch(/^ +22\.000 s {2}sw1 po1: LAG up — active eth1, eth2, eth3, eth4$/m);
    expect(r.stdout).toMatch(/^ {2}sw1 po1 {2}· {2}LACP active, fast rate {2}· {2}UP {2}· {2}4\/4 members active$/m);
    expect(r.stdout).toMatch(/^ {4}eth3 +distributing +CURRENT +DISTRIBUTING +\*\*DCSGSA 0x3f +\*\*DCSGSA 0x3f$/m);
    expect(r.stdout).not.toContain('What each side sees');
  });

  it('shows a silent partner timing out and the muted side still forwarding', () => {
    const r = lab('run', example('silent-partner'), '--until', '100s');
    expect(r.stdout).toMatch(/^ +12\.000 s {2}sw1 po1 eth1: distributing → attached \(partner silent: current_while expired\)$/m);
    expect(r.stdout).toMatch(/^ +15\.000 s {2}sw1 po1 eth1: attached → suspended \(no LACPDU heard from the partner \(defaulted\)\)$/m);
    expect(r.stdout).toContain('control plane muted since 10.000 s');
    expect(r.stdout).toMatch(/sw2 po1 \(LACP active\): up with 2 members — its control plane is muted/);
  });

  it('marks churn and hot-standby in the final table', () => {
    expect(lab('run', example('passive-passive')).stdout).toMatch(/eth1 +suspended .*; churn detected \(no LACP agreement for 60 s\)$/m);
    expect(lab('run', example('hot-standby'), '--until', '5s').stdout).toMatch(/eth3 +standby .*hot-standby: more members than maxActive$/m);
  });

  it('says LACPDUs were not counted with --no-pdus', () => {
    expect(lab('run', example('active-active'), '--until', '5s', '--no-pdus').stdout).toContain('LACPDUs: not counted (--no-pdus)');
  });
});

describe('when lab runs as a real process', () => {
  it('exits 0 with JSON lines, and 2 on a bad flag', () => {
    const ok = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'run', 'examples/active-active.json', '--until', '5s', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(ok.status).toBe(0);
    expect(events(ok.stdout).some((e) => e.type === 'lag' && e.up)).toBe(true);
    const bad = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'run', 'examples/active-active.json', '--until', '5x'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('lab: --until 5x: malformed time "5x": use e.g. 500ms, 10s, 2m');
  }, 120_000);
});
