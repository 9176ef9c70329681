import { describe, expect, it } from 'vitest';
import type { Command, ParseResult, RunCommand } from '../../../src/cli/args';
import { parseCliArgs, parseFaultSpec, parsePcapSpec } from '../../../src/cli/args';

function command(argv: string[]): Command {
  const result = parseCliArgs(argv);
  if (!result.ok) throw new Error(`expected a command, got: ${result.errors.join(' | ')}`);
  return result.command;
}

function runCommand(argv: string[]): RunCommand {
  const c = command(argv);
  if (c.kind !== 'run') throw new Error(`expected run, got ${c.kind}`);
  return c;
}

function errors(argv: string[]): string[] {
  const result: ParseResult = parseCliArgs(argv);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('when run is given a file', () => {
  it('returns the defaults', () => {
    expect(runCommand(['run', 'lab.json'])).toEqual({
      kind: 'run',
      file: 'lab.json',
      faults: [],
      untilMs: undefined,
      json: false,
      noPdus: false,
      pcaps: [],
    });
  });

  it('reads --until, --json, --no-pdus in any position', () => {
    const c = runCommand(['--json', 'run', '--until', '90s', 'lab.json', '--no-pdus']);
    expect(c).toMatchObject({ file: 'lab.json', untilMs: 90_000, json: true, noPdus: true });
  });

  it('accepts --until=TIME', () => {
    expect(runCommand(['run', 'lab.json', '--until=500ms']).untilMs).toBe(500);
  });
});

describe('when faults are repeated', () => {
  it('keeps every one, in command-line order across flags', () => {
    const c = runCommand(['run', 'lab.json', '--fail', 'l1@10s', '--mute', 'sw2@5s', '--fail', 'sw1@2', '--restore', 'l1@20s', '--unmute', 'sw2@1m']);
    expect(c.faults).toEqual([
      { action: 'fail', target: 'l1', atMs: 10_000 },
      { action: 'mute', target: 'sw2', atMs: 5_000 },
      { action: 'fail', target: 'sw1', atMs: 2_000 },
      { action: 'restore', target: 'l1', atMs: 20_000 },
      { action: 'unmute', target: 'sw2', atMs: 60_000 },
    ]);
  });

  it('splits ID@TIME at the last @, so ports and odd ids work', () => {
    expect(parseFaultSpec('fail', 'sw1:eth1@2s')).toEqual({ action: 'fail', target: 'sw1:eth1', atMs: 2000 });
    expect(parseFaultSpec('fail', 'a@b@1.5s')).toEqual({ action: 'fail', target: 'a@b', atMs: 1500 });
  });
});

describe('when --pcap is given', () => {
  it('splits LINK=FILE at the first =', () => {
    expect(parsePcapSpec('l1=out/a=b.pcap')).toEqual({ link: 'l1', file: 'out/a=b.pcap' });
    const c = runCommand(['run', 'lab.json', '--pcap', 'l1=a.pcap', '--pcap', 'l2=b.pcap']);
    expect(c.pcaps).toEqual([
      { link: 'l1', file: 'a.pcap' },
      { link: 'l2', file: 'b.pcap' },
    ]);
  });

  it('rejects a missing link or file, and one file named twice', () => {
    expect(errors(['run', 'x.json', '--pcap', 'l1'])).toEqual(['--pcap l1: expected LINK=FILE, e.g. --pcap l1=l1.pcap']);
    expect(errors(['run', 'x.json', '--pcap', '=a.pcap'])).toEqual(['--pcap =a.pcap: expected LINK=FILE, e.g. --pcap l1=l1.pcap']);
    expect(errors(['run', 'x.json', '--pcap', 'l1=a.pcap', '--pcap', 'l2=a.pcap'])).toEqual([
      '--pcap l2=a.pcap: file "a.pcap" is named by another --pcap too',
    ]);
  });
});

describe('when the arguments are wrong', () => {
  it('asks for the usage text when there are none', () => {
    expect(parseCliArgs([])).toEqual({ ok: false, errors: [], showUsage: true });
  });

  it('returns help for --help and -h, even beside other problems', () => {
    expect(command(['--help'])).toEqual({ kind: 'help' });
    expect(command(['run', '-h', '--frob'])).toEqual({ kind: 'help' });
  });

  it('reports one line per problem', () => {
    expect(errors(['run', 'lab.json', '--fail', 'sw1', '--until', '10x', '--frob', '--json=yes', '--mute', 'sw2@-1s'])).toEqual([
      '--fail sw1: expected ID@TIME, e.g. --fail sw1:eth1@10s',
      '--until 10x: malformed time "10x": use e.g. 500ms, 10s, 2m',
      'unknown option "--frob" (see lab --help)',
      '--json takes no value',
      '--mute sw2@-1s: negative time "-1s": virtual time starts at 0; use e.g. 500ms, 10s, 2m',
    ]);
  });

  it('rejects a missing ID or TIME around @', () => {
    expect(errors(['run', 'x.json', '--fail', '@2s'])).toEqual(['--fail @2s: the id before "@" is missing']);
    expect(errors(['run', 'x.json', '--restore', 'l1@'])).toEqual(['--restore l1@: empty time: use e.g. 500ms, 10s, 2m']);
    expect(errors(['run', 'x.json', '--fail', 'l1@10x'])).toEqual(['--fail l1@10x: malformed time "10x": use e.g. 500ms, 10s, 2m']);
  });

  it('rejects a flag whose value is missing or is the next option', () => {
    expect(errors(['run', 'x.json', '--fail'])).toEqual(['--fail needs a value, e.g. --fail sw1:eth1@10s']);
    expect(errors(['run', 'x.json', '--until', '--json'])).toEqual(['--until needs a value, e.g. --until 90s (got option "--json")']);
  });

  it('rejects --until twice', () => {
    expect(errors(['run', 'x.json', '--until', '1s', '--until', '2s'])).toEqual(['--until is given more than once']);
  });

  it('rejects an unknown command, a missing file and two files', () => {
    expect(errors(['go', 'x.json'])).toEqual(['unknown command "go": try "lab run <file.json>" (see lab --help)']);
    expect(errors(['run'])).toEqual(['run needs a lab file: lab run <file.json>']);
    expect(errors(['run', 'a.json', 'b.json'])).toEqual(['run takes one lab file, got 2: a.json, b.json']);
    expect(errors(['--json'])).toEqual(['no command given: try "lab run <file.json>" (see lab --help)']);
  });
});
