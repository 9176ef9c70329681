/**
 * The SPoF finder on labs with known answers (issue 6): each element is failed alone in a fresh
 * Simulation, so these are the engine's own verdicts, not a graph shortcut's.
 */
import { describe, expect, it } from 'vitest';
import type { ElementResult, SpofReport } from '../../../../src/engine';
import { SpofAnalysis, SimulationInputError, analyzeTopology } from '../../../../src/engine';
import { reasonText } from '../../../../src/engine/analysis/reasonText';
import { resolveTopology, validateTopology } from '../../../../src/model';
import { example } from '../../../helpers/testLab';

const byId = (r: SpofReport, id: string): ElementResult | undefined => r.elements.find((e) => e.element.id === id);
const spofIds = (r: SpofReport): string[] => r.spofs.map((s) => s.element.id);

describe('when a server bonds to ONE switch (single-switch-lag)', () => {
  const report = analyzeTopology(example('single-switch-lag'));

  it('flags the switch: both flows are lost for good, because the bond has both members on it', () => {
    const sw1 = byId(report, 'sw1');
    expect(sw1?.isSpof).toBe(true);
    expect(sw1?.losses.map((l) => [l.item.key, l.duration])).toEqual([
      ['flow:to-client', 'permanent'],
      ['flow:to-server', 'permanent'],
    ]);
    expect(sw1?.losses[0]?.reason).toMatch(/bond bond0 of srv \(mode 802\.3ad\) has both members on sw1/);
    expect(sw1?.losses[0]?.why).toEqual({ code: 'bondOneSwitch', params: { bond: 'bond0', host: 'srv', mode: '802.3ad', members: 2, device: 'sw1' } });
  });

  it('names the lone uplink and the client link as data too: a cut, a host with one link', () => {
    expect(byId(report, 'up')?.losses.map((l) => l.why)).toEqual([
      { code: 'everyPath', params: { host: 'srv', target: 'device', to: 'client', elementKind: 'link', element: 'up' } },
      { code: 'everyPath', params: { host: 'client', target: 'device', to: 'srv', elementKind: 'link', element: 'up' } },
    ]);
    expect(byId(report, 'cl')?.losses[0]?.why).toEqual({ code: 'onlyLink', params: { host: 'client', link: 'cl' } });
    expect(byId(report, 'cl')?.losses[0]?.reason).toBe('client has no second uplink: its only link is cl');
    expect(byId(report, 'core')?.losses[0]?.why).toEqual({ code: 'noSecondUplink', params: { host: 'client', device: 'core' } });
  });

  it('a single bond member costs nothing, while the lone uplink and the client link are SPoFs too', () => {
    expect(byId(report, 's1')?.losses).toEqual([]);
    expect(byId(report, 's2')?.losses).toEqual([]);
    expect(spofIds(report)).toEqual(['sw1', 'core', 'up', 'cl']);
  });
});

describe('when one router is every server’s gateway (single-gateway)', () => {
  const report = analyzeTopology(example('single-gateway'));

  it('flags the router as a single gateway: gateway and upstream lost for good by both servers', () => {
    const r1 = byId(report, 'r1');
    expect(r1?.isSpof).toBe(true);
    const keys = r1?.losses.filter((l) => l.duration === 'permanent').map((l) => l.item.key);
    expect(keys).toEqual(['srv1→gateway', 'srv1→upstream', 'srv2→gateway', 'srv2→upstream', 'flow:f1', 'flow:f2']);
    for (const l of r1?.losses ?? []) expect(l.reason).toMatch(/^single gateway R1 \(10\.0\.0\.1\)/);
    // The data holds ids (a UI names R1 its own way): the router, the address, the host.
    for (const l of r1?.losses ?? []) expect(l.why).toEqual({ code: 'singleGateway', params: { device: 'r1', gateway: '10.0.0.1', host: l.item.host } });
  });

  it('the LAN link is a cut toward the gateway address, the WAN link toward the upstream', () => {
    const lan = byId(report, 'lan')?.losses.find((l) => l.item.key === 'srv1→gateway');
    expect(lan?.reason).toBe('every path from srv1 to its gateway 10.0.0.1 crosses link lan (sw1:eth3–r1:eth1)');
    expect(lan?.why).toEqual({ code: 'everyPath', params: { host: 'srv1', target: 'gateway', to: '10.0.0.1', elementKind: 'link', element: 'lan' } });
    const wan = byId(report, 'wan')?.losses.find((l) => l.item.key === 'srv2→upstream');
    expect(wan?.why).toEqual({ code: 'everyPath', params: { host: 'srv2', target: 'upstream', to: '', elementKind: 'link', element: 'wan' } });
  });
});

describe('when the gateway is a VRRP pair (vrrp-pair)', () => {
  const report = analyzeTopology(example('vrrp-pair'));

  it('neither core is a SPoF: failing the Master costs a transient outage (Master_Down_Interval), failing the Backup nothing', () => {
    const core1 = byId(report, 'core1');
    expect(core1?.isSpof).toBe(false);
    const gw = core1?.losses.find((l) => l.item.key === 'srv1→gateway');
    expect(gw?.duration).toBe('transient');
    expect(gw?.expected?.rule).toBe('vrrp.masterDownInterval');
    expect(gw?.outageMs).toBeGreaterThanOrEqual(2600);
    expect(gw?.outageMs).toBeLessThanOrEqual(3700);
    expect(byId(report, 'core2')?.losses).toEqual([]);
  });

  it('the access switch, the servers’ single links and core1’s single uplink are (VRRP does not track the uplink)', () => {
    expect(spofIds(report)).toEqual(['acc', 'w1', 'u1', 's1', 's2']);
    const w1 = byId(report, 'w1')?.losses.find((l) => l.item.key === 'srv1→upstream');
    expect(w1?.reason).toMatch(/still routes toward the upstream via 192\.0\.2\.2, but its only link to Internet is down/);
    expect(w1?.why).toEqual({ code: 'staticRoute', params: { router: 'core1', toward: 'upstream', host: 'srv1', via: '192.0.2.2', hop: 'internet', hopState: 'linkDown' } });
    // u1: the gateway comes back through core2 (transient), but the internet still routes replies to core1.
    const u1 = byId(report, 'u1');
    expect(u1?.losses.find((l) => l.item.key === 'srv1→gateway')?.duration).toBe('transient');
    expect(u1?.losses.find((l) => l.item.key === 'srv1→upstream')?.reason).toMatch(/^Internet still routes back to srv1 via 192\.0\.2\.1/);
    expect(u1?.losses.find((l) => l.item.key === 'srv1→upstream')?.why).toEqual({ code: 'staticRoute', params: { router: 'internet', toward: 'host', host: 'srv1', via: '192.0.2.1', hop: 'core1', hopState: 'noWayOn' } });
    expect(byId(report, 'acc')?.losses[0]?.why).toEqual({ code: 'noSecondUplink', params: { host: 'srv1', device: 'acc' } });
  });
});

describe('when the chapter’s lab runs (reference-lab)', () => {
  const report = analyzeTopology(example('reference-lab'));

  it('no core and no server cable is a SPoF: a core failure costs at most a probe or two', () => {
    for (const id of ['core1', 'core2', 's1a', 's1b', 's2a', 's2b', 'pl1', 'ka']) expect(byId(report, id)?.isSpof, id).toBe(false);
    for (const l of byId(report, 'core1')?.losses ?? []) expect(l.outageMs).toBeLessThanOrEqual(500);
  });

  it('what is left: each core’s single uplink, and the peer-link LAG as a whole (the internet still routes to the suspended secondary)', () => {
    expect(spofIds(report)).toEqual(['w1', 'w2', 'core1/po100']);
    expect(byId(report, 'core1/po100')?.losses[0]?.reason).toMatch(/peer-link of MC-LAG vpc10/);
    expect(byId(report, 'core1/po100')?.losses[0]?.why).toEqual({ code: 'peerLink', params: { mclag: 'vpc10' } });
    expect(byId(report, 'core1/po100')?.element.sides).toEqual([
      { device: 'core1', lag: 'po100' },
      { device: 'core2', lag: 'po100' },
    ]);
  });
});

describe('when a lab looks redundant but is not (looks-redundant)', () => {
  const report = analyzeTopology(example('looks-redundant'));

  it('flags SW1 with the bond as the reason, and costs nothing for any single cable or for SW2', () => {
    const sw1 = byId(report, 'sw1');
    expect(sw1?.isSpof).toBe(true);
    for (const l of sw1?.losses ?? []) expect(l.reason).toBe('bond bond0 of srv (mode active-backup) has both members on sw1: two NICs, one switch');
    for (const l of sw1?.losses ?? []) expect(l.why).toEqual({ code: 'bondOneSwitch', params: { bond: 'bond0', host: 'srv', mode: 'active-backup', members: 2, device: 'sw1' } });
    for (const id of ['sw2', 's1', 's2', 'isl1', 'isl2', 'c1', 'c2']) expect(byId(report, id)?.isSpof, id).toBe(false);
    expect(spofIds(report)).toEqual(['sw1', 'sw1/po1']);
  });

  it('the inter-switch LAG strands the client on its active slave: eth0 to SW2 keeps carrier, so MII monitoring never fails it over (bonding.rst: miimon checks carrier only)', () => {
    const po1 = byId(report, 'sw1/po1');
    expect(po1?.element.sides).toEqual([
      { device: 'sw1', lag: 'po1' },
      { device: 'sw2', lag: 'po1' },
    ]);
    const why = { code: 'activeBackupStranded', params: { bond: 'bond0', host: 'client', slave: 'eth0', device: 'sw2', target: 'device', to: 'srv', other: 'eth1' } };
    // Both ways: the client sends into SW2, and frames for it reach only SW1, where the client's backup slave drops them.
    expect(po1?.losses.find((l) => l.item.key === 'flow:to-server')?.why).toEqual(why);
    expect(po1?.losses.find((l) => l.item.key === 'flow:to-client')?.why).toEqual(why);
    expect(po1?.losses.find((l) => l.item.key === 'flow:to-server')?.reason).toBe(
      'bond bond0 of client (active-backup) stays on eth0 to SW2: that link is up, so MII monitoring sees nothing wrong, but SW2 can no longer reach srv, while eth1 still could (ARP monitoring, arp_ip_target, would fail over)',
    );
  });
});

describe('when a loss has a reason, it has the same reason as data (the UI words it)', () => {
  it('gives `why` exactly when it gives `reason`, and the English is worded from it', () => {
    for (const name of ['single-gateway', 'vrrp-pair', 'looks-redundant', 'reference-lab']) {
      const report = analyzeTopology(example(name));
      const valid = validateTopology(example(name));
      if (!valid.ok) throw new Error(`${name} must be valid`);
      const topology = resolveTopology(valid.topology);
      const deviceName = (id: string) => topology.devices.find((d) => d.id === id)?.name ?? id;
      for (const r of report.elements) {
        for (const l of r.losses) {
          expect(l.why === undefined, `${name} ${r.element.id} ${l.item.key}`).toBe(l.reason === undefined);
          if (l.why) expect(l.reason).toBe(reasonText(l.why, { deviceName, elementLabel: r.element.label }));
        }
      }
    }
  });
});

describe('when the analysis runs step by step (the worker’s way)', () => {
  it('runs one Simulation per step with done/total, and gives the same report as the one-shot call', () => {
    const a = new SpofAnalysis(example('looks-redundant'));
    const seen: string[] = [];
    for (let p = a.step(); p; p = a.step()) seen.push(`${p.done}/${p.total}`);
    expect(seen[0]).toBe(`1/${a.total}`);
    expect(seen.at(-1)).toBe(`${a.total}/${a.total}`);
    expect(seen).toHaveLength(a.total);
    expect(JSON.stringify(a.report())).toBe(JSON.stringify(analyzeTopology(example('looks-redundant'))));
  });

  it('is deterministic: the same document gives the same report twice, byte for byte', () => {
    expect(JSON.stringify(analyzeTopology(example('vrrp-pair')))).toBe(JSON.stringify(analyzeTopology(example('vrrp-pair'))));
  });

  it('reports the wall time only from a clock passed in', () => {
    let now = 0;
    const report = analyzeTopology(example('single-switch-lag'), { clock: () => (now += 7) });
    expect(report.timeMs).toBe(7);
    expect(analyzeTopology(example('single-switch-lag')).timeMs).toBeUndefined();
  });

  it('refuses an invalid document before running anything', () => {
    expect(() => new SpofAnalysis({ version: 1, devices: 'no' })).toThrow(SimulationInputError);
  });
});
