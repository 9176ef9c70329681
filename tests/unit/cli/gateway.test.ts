/** The readable summary of a lab with first-hop redundancy: VRRP lines and the final state. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import type { SimEvent } from '../../../src/engine';
import { vrrpPair } from '../engine/gateway/labs';

function lab(doc: unknown, ...argv: string[]): { code: number; stdout: string } {
  const out: string[] = [];
  const code = runCli(['run', 'vrrp.json', ...argv], { stdout: (s) => out.push(s), stderr: () => {}, writeFile: () => {}, readFile: () => JSON.stringify(doc) });
  return { code, stdout: out.join('') };
}

const doc = { ...vrrpPair(), scenario: [{ atMs: 10_220, action: 'fail' as const, target: 'core1' }] };

describe('when a VRRP lab runs on the command line', () => {
  it('the timeline says who becomes Master and why, and the summary shows each member', () => {
    const r = lab(doc, '--until', '15s');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('   3.219 s  core1 VRRP gw (VRID 10): backup → master, priority 200 — no advertisement for Master_Down_Interval');
    expect(r.stdout).toContain('  10.220 s  core1 VRRP gw (VRID 10): master → initialize, priority 200 — interface or device down');
    expect(r.stdout).toContain('  13.828 s  core2 VRRP gw (VRID 10): backup → master, priority 100 — no advertisement for Master_Down_Interval');
    expect(r.stdout).not.toContain('newMaster');
    expect(r.stdout).toMatch(/VRRP at 15\.000 s\n {2}group +member +state +priority +Master it knows\n {2}gw \(VRID 10\) +core1 +initialize +200 +-\n {2}gw \(VRID 10\) +core2 +master +100 +10\.0\.0\.3\n {2}gw: 10 advertisements sent/);
  });

  it('--json prints vrrp and vrrpAdvert events; --no-pdus leaves the advertisements out', () => {
    const all = lab(doc, '--until', '5s', '--json').stdout.trim().split('\n').map((l) => JSON.parse(l) as SimEvent);
    expect(all.some((e) => e.type === 'vrrpAdvert')).toBe(true);
    expect(all.filter((e) => e.type === 'vrrp').length).toBeGreaterThan(0);
    const quiet = lab(doc, '--until', '5s', '--json', '--no-pdus').stdout.trim().split('\n').map((l) => JSON.parse(l) as SimEvent);
    expect(quiet.some((e) => e.type === 'vrrpAdvert')).toBe(false);
  });
});

describe('when a lab with probes runs on the command line', () => {
  const probed = { ...doc, probes: {} };

  it('the timeline says when reachability is lost and how long the outage was, and a section sets it beside the prediction', () => {
    const r = lab(probed, '--until', '15s');
    expect(r.stdout).toContain('  10.400 s  h1 → gateway 10.0.0.1: unreachable (probes unanswered since 10.300 s)');
    expect(r.stdout).toContain('  13.900 s  h1 → gateway 10.0.0.1: outage of 3.600 s (probes lost from 10.300 s to 13.900 s: 36) after fail core1 at 10.220 s; expected 2.609–3.609 s (vrrp.masterDownInterval)');
    expect(r.stdout).toMatch(/Outages measured \(probes every 100 ms: first lost to first answered\)\n {2}host +target +after +measured +expected +rule\n {2}h1 +gateway 10\.0\.0\.1 +fail core1 at 10\.220 s +3\.600 s +2\.609–3\.609 s +vrrp\.masterDownInterval/);
    expect(r.stdout).toContain('  vrrp.masterDownInterval: Master_Down_Interval of the best backup (priority 100)');
    expect(r.stdout).toMatch(/Reachability at 15\.000 s\n {2}host +target +state +since\n {2}h1 +gateway 10\.0\.0\.1 +reachable +13\.900 s/);
  });
});
