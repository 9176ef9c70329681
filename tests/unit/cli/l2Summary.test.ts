import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { L2Topology } from '../../../src/cli/l2Summary';
import { bridgeName, devicePath } from '../../../src/cli/l2Summary';
import { runCli } from '../../../src/cli/run';
import { Timeline } from '../../../src/cli/timeline';
import type { BondEvent, FlowEvent, SimEvent, StpEvent } from '../../../src/engine';

const example = (name: string): string => fileURLToPath(new URL(`../../../examples/${name}.json`, import.meta.url));

function lab(...argv: string[]): { code: number; stdout: string } {
  const out: string[] = [];
  const code = runCli(argv, { stdout: (s) => out.push(s), stderr: () => {}, writeFile: () => {} });
  return { code, stdout: out.join('') };
}

/** The lines of one section of the summary (from its heading to the next blank line). */
function section(stdout: string, heading: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

function stpEvent(t: number, device: string, port: string, role: StpEvent['role'], state: StpEvent['state'], rootBridge = '32768,02:00:00:00:01:00', rootCost = 0): StpEvent {
  return { t, type: 'stp', device, port, role, state, rootBridge, rootCost, isRoot: rootCost === 0 };
}

describe('when the summary shows spanning tree', () => {
  const out = lab('run', example('stp-two-uplinks')).stdout;

  it('names the root bridge, lists the blocked ports, and gives every switch its port roles and states', () => {
    const stp = section(out, 'Spanning tree at 90.000 s');
    expect(stp.slice(0, 3)).toEqual(['Spanning tree at 90.000 s', '  root bridge: dist1 (4096,02:d3:97:00:48:00)', '  blocked ports: acc eth2 (alternate)']);
    expect(stp).toContain('  acc (RSTP)  ·  root port eth1  ·  root path cost 20000');
    expect(stp).toContain('    eth2  alternate   discarding  blocked');
    expect(stp).toContain('  dist1 (RSTP)  ·  the root bridge');
  });

  it('puts role and state changes and root changes on the timeline', () => {
    expect(out).toContain('   0.000 s  acc eth2: STP designated discarding → alternate discarding (blocked)\n');
    expect(out).toContain('  10.000 s  acc eth2: STP alternate discarding (blocked) → root forwarding\n');
    expect(out).toContain('  10.000 s  acc: STP root path cost 20000 → 40000\n');
    expect(out).toContain('   0.000 s  acc: STP root bridge → dist1 (4096,02:d3:97:00:48:00), root path cost 20000\n');
  });

  it('shows each flow with its state and its path as devices (links in brackets), and flooded copies', () => {
    expect(section(out, 'Flows at 90.000 s')).toEqual([
      'Flows at 90.000 s (path: the devices and links the last datagram crossed)',
      '  flow     from → to  state  since     path',
      '  pc1-srv  pc1 → srv  ok     30.200 s  pc1 → acc → dist1 → srv (p1, up1, sl)',
      '  pc2-srv  pc2 → srv  ok     30.200 s  pc2 → acc → dist1 → srv (p2, up1, sl)',
      '  srv-pc1  srv → pc1  ok     30.100 s  srv → dist1 → acc → pc1 (sl, up1, p1)',
    ]);
    expect(out).toContain('  10.000 s  flow pc1-srv pc1 → srv: ok via pc1 → acc → dist2 → dist1 → srv (p1, up2, isl, sl); also flooded onto p2\n');
  });
});

describe('when the summary shows an MC-LAG pair running RSTP', () => {
  const out = lab('run', example('mclag-two-uplinks')).stdout;

  it('the pair is the one root bridge, no port is blocked, and the peer-link is no STP port', () => {
    const stp = section(out, 'Spanning tree at');
    expect(stp[1]).toBe('  root bridge: dist1 + dist2 (MC-LAG vpc10, 4096,00:23:04:ee:be:0a)');
    expect(stp[2]).toBe('  blocked ports: none — every STP port with a link forwards');
    expect(stp).toContain('    peer-link po100: inside the MC-LAG pair, not an STP port, always forwarding');
  });

  it("gives each peer's role, peer-link, keepalive and state", () => {
    expect(section(out, 'MC-LAG at')).toEqual([
      'MC-LAG at 90.000 s',
      '  domain  peer   role       peer-link  keepalive  state',
      '  vpc10   dist1  primary    up         up         ok: both peers forward',
      '  vpc10   dist2  secondary  up         up         ok: both peers forward',
    ]);
  });
});

describe('when the summary shows a peer-link failure and bonds', () => {
  const out = lab('run', example('mclag-peer-link-failure')).stdout;

  it('puts the suspension and the delay restore on the timeline', () => {
    expect(out).toContain('  13.000 s  sw2 MC-LAG vpc10: secondary, peer-link down, keepalive up — suspended: its MC-LAG ports are shut\n');
    expect(out).toContain('  32.000 s  sw2 MC-LAG vpc10: secondary, peer-link up, keepalive up — suspended: its MC-LAG ports are shut\n');
    expect(out).toContain('  62.000 s  sw2 MC-LAG vpc10: secondary, peer-link up, keepalive up — ok: both peers forward\n');
    expect(out).toContain('  13.000 s  srv1 bond0 (802.3ad): eth2 MII up → down; transmits on eth1, eth2 → eth1\n');
  });

  it('lists each bond: mode, active slave, the slaves it transmits on, the slaves down', () => {
    expect(section(out, 'Bonds at')).toEqual([
      'Bonds at 90.000 s',
      '  bond        mode     active slave  transmits on  slaves down',
      '  srv1 bond0  802.3ad  -             eth1, eth2    none',
      '  srv2 bond0  802.3ad  -             eth1, eth2    none',
    ]);
  });

  it('shows the active slave of an active-backup bond changing on failover', () => {
    const ab = lab('run', example('bond-mode1-vs-mode4')).stdout;
    expect(ab).toContain('  10.300 s  srv-ab bond0 (active-backup): eth0 MII failing (downdelay) → down; active slave eth0 → eth1\n');
    expect(section(ab, 'Bonds at')).toContain('  srv-ab bond0    active-backup  eth1          eth1          none');
  });
});

describe('when the summary shows a storm', () => {
  it('lists the busy links with how long they were busy and their peak', () => {
    const busy = section(lab('run', example('stp-off-storm')).stdout, 'Busy links');
    expect(busy[0]).toBe('Busy links (more than 1000 data frames in a second: a loop or a storm)');
    expect(busy).toContain('  l13   2.000 s to 10.000 s  5001 frames in the second up to 3.000 s');
  });

  it('says so in one line when the lab has no LAG, instead of a table of zeros', () => {
    expect(lab('run', example('stp-triangle')).stdout).toContain('\nLACPDUs sent: none (this lab has no LAG)\n');
  });
});

describe('when --json is given for the layer-2 examples', () => {
  it.each([
    ['stp-two-uplinks', ['stp', 'flow']],
    ['mclag-two-uplinks', ['stp', 'mclag', 'flow', 'lag']],
    ['mclag-peer-link-failure', ['mclag', 'bond', 'flow']],
    ['stp-off-storm', ['traffic', 'flow']],
  ])('%s streams its %s events, one JSON object per line', (name, types) => {
    const r = lab('run', example(name), '--json', '--no-pdus');
    expect(r.code).toBe(0);
    const events = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as SimEvent);
    for (const type of types) expect(events.some((e) => e.type === type)).toBe(true);
    expect(r.stdout).not.toContain('Spanning tree at');
  });
});

describe('when layer-2 events are folded', () => {
  it('takes the first report of an STP port and of a bridge root as silent baselines', () => {
    const tl = new Timeline();
    tl.add(stpEvent(0, 'sw1', 'eth1', 'designated', 'discarding'));
    expect(tl.entries()).toEqual([]);
  });

  it('merges changes of one port within a printed millisecond, from the first state to the last', () => {
    const tl = new Timeline();
    tl.add(stpEvent(0, 'sw2', 'eth1', 'designated', 'discarding'));
    tl.add(stpEvent(0.006, 'sw2', 'eth1', 'root', 'discarding', '4096,02:00:00:00:09:00', 20_000));
    tl.add(stpEvent(0.012, 'sw2', 'eth1', 'root', 'forwarding', '4096,02:00:00:00:09:00', 20_000));
    const e = tl.entries();
    expect(e.map((x) => x.kind)).toEqual(['stpRoot', 'stpPort']);
    expect(e[1]).toMatchObject({ from: { role: 'designated', state: 'discarding' }, to: { role: 'root', state: 'forwarding' } });
    expect(tl.l2.roots.get('sw2')).toEqual({ rootBridge: '4096,02:00:00:00:09:00', rootCost: 20_000, isRoot: false });
  });

  it('drops a bond report that changes nothing, and keeps the last state of each bond', () => {
    const tl = new Timeline();
    const bond = (t: number, active: string[]): BondEvent => ({ t, type: 'bond', device: 'h1', bond: 'bond0', mode: '802.3ad', active, down: [], mii: { eth0: 'up', eth1: 'up' } });
    tl.add(bond(0, []));
    tl.add(bond(3000, ['eth0', 'eth1']));
    tl.add(bond(4000, ['eth0', 'eth1']));
    expect(tl.entries().map((e) => e.t)).toEqual([3000]);
    expect(tl.l2.bonds.get('h1 bond0')?.active).toEqual(['eth0', 'eth1']);
  });
});

describe('when names are given to bridges and paths', () => {
  const topo: L2Topology = {
    devices: [
      { id: 'h1', mac: '02:00:00:00:00:01', stp: { mode: 'off' } },
      { id: 'sw1', mac: '02:00:00:00:01:00', stp: { mode: 'rstp' } },
      { id: 'sw2', mac: '02:00:00:00:02:00', stp: { mode: 'rstp' } },
    ],
    links: [
      { id: 'a', a: { device: 'h1', port: 'eth0' }, b: { device: 'sw1', port: 'p1' } },
      { id: 'b', a: { device: 'sw1', port: 'p2' }, b: { device: 'sw2', port: 'p1' } },
      { id: 'c', a: { device: 'sw1', port: 'p3' }, b: { device: 'h9', port: 'eth0' } },
    ],
    mclags: [{ id: 'vpc1', peers: ['sw1', 'sw2'], peerLink: 'po9', systemMac: '00:23:04:ee:be:01' }],
    flows: [],
  };

  it('a Bridge Identifier becomes its device, or its MC-LAG pair', () => {
    expect(bridgeName(topo, '4096,02:00:00:00:02:00')).toBe('sw2 (4096,02:00:00:00:02:00)');
    expect(bridgeName(topo, '8192,00:23:04:EE:BE:01')).toBe('sw1 + sw2 (MC-LAG vpc1, 8192,00:23:04:EE:BE:01)');
    expect(bridgeName(topo, '0,02:99:00:00:00:00')).toBe('0,02:99:00:00:00:00');
  });

  it('a flow path walks from the source; links that lead elsewhere are flooded copies', () => {
    const flow: FlowEvent = { t: 1, type: 'flow', flow: 'f', from: 'h1', to: 'sw2', state: 'ok', path: ['a', 'c', 'b'] };
    expect(devicePath(topo, flow)).toEqual({ devices: ['h1', 'sw1', 'sw2'], links: ['a', 'b'], flooded: ['c'] });
  });
});

describe('when a link is offered more than its line rate (n-minus-1)', () => {
  const out = lab('run', example('n-minus-1'), '--until', '45s').stdout;

  it('lists the frames its full transmit buffer dropped, and when', () => {
    const dropped = section(out, 'Dropped data frames');
    expect(dropped[0]).toBe('Dropped data frames (more offered than the line rate: the transmit buffer was full)');
    expect(dropped[1]).toMatch(/^ {2}link\s+dropped\s+when\s+most in one second$/);
    // s1a fails at 20 s, both streams (1,000 datagrams/s) share s1b until LACP puts s1a back at 42 s.
    expect(dropped[2]).toMatch(/^ {2}s1b\s+\d{4} frames\s+20\.000 s to 42\.000 s\s+18\d$/);
    expect(dropped).toHaveLength(3);
  });

  it('has no such section for a lab that never overflows a link', () => {
    expect(section(lab('run', example('mclag-pair')).stdout, 'Dropped data frames')).toEqual([]);
  });
});
