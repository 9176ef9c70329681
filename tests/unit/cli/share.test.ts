import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { shareUrl } from '../../../src/model/shareCodec';

function lab(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), writeFile: () => undefined });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('when the lab is given as a share link (DESIGN.md §6)', () => {
  it('runs the lab the link holds', () => {
    const doc: unknown = JSON.parse(readFileSync(new URL('../../../examples/active-active.json', import.meta.url), 'utf8'));
    const url = shareUrl('http://127.0.0.1:5173/', doc as Parameters<typeof shareUrl>[1]);
    const r = lab('run', url, '--until', '5s', '--json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"type":"lag"');
  });

  it('a damaged link is one clear line and exit 2', () => {
    const r = lab('run', 'http://127.0.0.1:5173/#lab=v1.garbage!!', '--until', '5s');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lab: share link: the link is damaged (cut short when copied?)\n');
  });
});
