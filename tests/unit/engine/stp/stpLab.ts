/**
 * Small spanning-tree labs for the conformance tests: switches with fixed MACs (so the Bridge
 * Identifiers — and the root — are known in advance), a triangle, and a driver that answers
 * questions about `stp` and `bpdu` events.
 */
import type { BpduEvent, SimEvent, StpEvent } from '../../../../src/engine';
import { Simulation } from '../../../../src/engine';
import { encodeEthernet, parseMac } from '../../../../src/engine/codecs';
import { macKeyAt } from '../../../../src/engine/l2/macTable';
import type { StpPortSnapshot } from '../../../../src/engine/stp';
import type { Topology } from '../../../../src/model';

export type Mode = 'stp' | 'rstp';
type Device = Topology['devices'][number];
type Port = Device['ports'][number];

/** sw1 < sw2 < sw3 < sw4 < sw5 by MAC, so with equal priorities sw1 is the root. */
export function macOf(id: string): string {
  const n = Number(id.replace(/\D/g, '')) || 9;
  return `02:00:00:00:${n.toString(16).padStart(2, '0')}:00`;
}

/** A switch whose ports are eth1..ethN plus named extras (edge ports for hosts). */
export function sw(id: string, mode: Mode | 'off', ports: (string | Port)[], stp: Partial<NonNullable<Device['stp']>> = {}): Device {
  return { id, type: 'switch', mac: macOf(id), ports: ports.map((p) => (typeof p === 'string' ? { id: p } : p)), stp: { mode, ...stp } };
}

export function host(id: string, n: number): Device {
  return { id, type: 'host', ip: `10.0.0.${n}/24`, ports: [{ id: 'eth1' }] };
}

export function link(id: string, a: string, b: string): Topology['links'][number] {
  const [ad = '', ap = ''] = a.split(':');
  const [bd = '', bp = ''] = b.split(':');
  return { id, a: { device: ad, port: ap }, b: { device: bd, port: bp } };
}

export interface TriangleOptions {
  priorities?: Partial<Record<'sw1' | 'sw2' | 'sw3', number>>;
  /** One host per switch on an edge port `h` (h1 on sw1, h2 on sw2, h3 on sw3). */
  hosts?: boolean;
}

/**
 * sw1:eth1—sw2:eth1 (l12), sw1:eth2—sw3:eth1 (l13), sw2:eth2—sw3:eth2 (l23). With equal
 * priorities sw1 is root, both others' root ports are eth1, and on l23 sw2 (lower id) is
 * designated, so sw3:eth2 is the one port the standard blocks.
 */
export function triangle(mode: Mode | 'off', opts: TriangleOptions = {}): Topology {
  const extra: Port[] = opts.hosts ? [{ id: 'h', stp: { edge: true } }] : [];
  const prio = (id: 'sw1' | 'sw2' | 'sw3') => (opts.priorities?.[id] !== undefined ? { priority: opts.priorities[id] } : {});
  const devices: Device[] = [sw('sw1', mode, ['eth1', 'eth2', ...extra], prio('sw1')), sw('sw2', mode, ['eth1', 'eth2', ...extra], prio('sw2')), sw('sw3', mode, ['eth1', 'eth2', ...extra], prio('sw3'))];
  const links = [link('l12', 'sw1:eth1', 'sw2:eth1'), link('l13', 'sw1:eth2', 'sw3:eth1'), link('l23', 'sw2:eth2', 'sw3:eth2')];
  if (opts.hosts) {
    devices.push(host('h1', 1), host('h2', 2), host('h3', 3));
    links.push(link('a1', 'h1:eth1', 'sw1:h'), link('a2', 'h2:eth1', 'sw2:h'), link('a3', 'h3:eth1', 'sw3:h'));
  }
  return { version: 1, devices, links };
}

export class StpLab {
  readonly sim: Simulation;
  readonly events: SimEvent[] = [];

  constructor(doc: Topology) {
    this.sim = new Simulation(doc);
    this.sim.onEvent((e) => this.events.push(e));
  }

  run(untilMs: number): this {
    this.sim.runUntil(untilMs);
    return this;
  }

  at(atMs: number, action: 'fail' | 'restore' | 'mute' | 'unmute', target: string): this {
    this.sim.scheduleFault(atMs, action, target);
    return this;
  }

  /** The device's resolved timers (ms): tests derive every expected time from them. */
  timers(device = 'sw1'): { helloMs: number; maxAgeMs: number; forwardDelayMs: number } {
    const d = this.sim.topology.devices.find((x) => x.id === device);
    if (!d) throw new Error(`no device ${device}`);
    return d.stp;
  }

  stp(device?: string, port?: string): StpEvent[] {
    return this.events.filter((e): e is StpEvent => e.type === 'stp' && (device === undefined || e.device === device) && (port === undefined || e.port === port));
  }

  bpdus(filter: Partial<{ device: string; port: string; link: string }> = {}): BpduEvent[] {
    return this.events.filter(
      (e): e is BpduEvent =>
        e.type === 'bpdu' &&
        (filter.device === undefined || e.from.device === filter.device) &&
        (filter.port === undefined || e.from.port === filter.port) &&
        (filter.link === undefined || e.link === filter.link),
    );
  }

  /** First `stp` event of a port at or after `fromMs` matching `pred`. */
  first(device: string, port: string, pred: (e: StpEvent) => boolean, fromMs = 0): StpEvent | undefined {
    return this.stp(device, port).find((e) => e.t >= fromMs && pred(e));
  }

  /** The port as spanning tree holds it now. */
  port(device: string, port: string): StpPortSnapshot {
    const p = this.sim.spanningTree(device)?.ports().find((x) => x.port === port);
    if (!p) throw new Error(`no STP port ${device}:${port}`);
    return p;
  }

  /** Every STP port of a device now, by name. */
  ports(device: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.sim.spanningTree(device)?.ports() ?? []) out[p.port] = `${p.role}/${p.state}`;
    return out;
  }

  mac(device: string): string {
    return this.sim.topology.devices.find((d) => d.id === device)?.mac ?? '';
  }

  /** A host puts one frame (src = its MAC) on its link now and the lab runs 1 ms. */
  sendFrom(hostId: string, dst = 'ff:ff:ff:ff:ff:ff'): void {
    const frame = encodeEthernet({ src: this.mac(hostId), dst, etherType: 0x88b5 }, new Uint8Array(46));
    this.sim.network.send(this.sim.network.port(hostId, 'eth1'), frame);
    this.sim.runUntil(this.sim.nowMs + 1);
  }

  /** Where a switch's filtering database puts a host's MAC now (undefined: unknown or aged). */
  learned(device: string, hostId: string): string | undefined {
    const key = macKeyAt(parseMac(this.mac(hostId)), 0);
    return this.sim.bridge(device)?.macs.lookup(key, this.sim.scheduler.now);
  }
}
