/**
 * Small labs for the bonding tests, and a frame recorder. Not a test file (no `.test.ts`).
 */
import type { SimEvent } from '../../../../src/engine';
import { Simulation } from '../../../../src/engine';
import type { Bond as BondImpl } from '../../../../src/engine/bond';
import type { Bond, Flow, Topology } from '../../../../src/model';

export type BondOptions = Omit<Bond, 'id' | 'device' | 'members'> & { members?: string[] };

export const SRV_IP = '10.0.0.1';
export const CLI_IP = '10.0.0.2';

/**
 * srv bonds eth0 → sw1 and eth1 → sw2 (link a1, a2); sw1 and sw2 are joined by `isl`; cli sits
 * on sw1 (link c1). The classic switch-independent active-backup design.
 */
export function twoSwitchLab(bond: BondOptions, flows: Flow[] = []): Topology {
  return {
    version: 1,
    devices: [
      { id: 'srv', type: 'host', ip: `${SRV_IP}/24`, ports: [{ id: 'eth0' }, { id: 'eth1' }] },
      { id: 'cli', type: 'host', ip: `${CLI_IP}/24`, ports: [{ id: 'eth0' }] },
      { id: 'sw1', type: 'switch', ports: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }] },
      { id: 'sw2', type: 'switch', ports: [{ id: 'p1' }, { id: 'p2' }] },
    ],
    links: [
      { id: 'a1', a: { device: 'srv', port: 'eth0' }, b: { device: 'sw1', port: 'p1' } },
      { id: 'a2', a: { device: 'srv', port: 'eth1' }, b: { device: 'sw2', port: 'p1' } },
      { id: 'isl', a: { device: 'sw1', port: 'p2' }, b: { device: 'sw2', port: 'p2' } },
      { id: 'c1', a: { device: 'sw1', port: 'p3' }, b: { device: 'cli', port: 'eth0' } },
    ],
    bonds: [{ id: 'bond0', device: 'srv', members: ['eth0', 'eth1'], ...bond }],
    flows,
  };
}

/**
 * srv bonds eth0..eth{n-1} to sw1 p1..pn (links a1..an); cli on sw1 (link c1). The switch side
 * is a LAG: `on` (static EtherChannel, modes 0/2/3) or `active` (LACP, mode 4), or none.
 */
export function oneSwitchLab(bond: BondOptions, flows: Flow[] = [], switchLag: 'on' | 'active' | null = 'on', n = 2): Topology {
  const idx = Array.from({ length: n }, (_, i) => i);
  return {
    version: 1,
    devices: [
      { id: 'srv', type: 'host', ip: `${SRV_IP}/24`, ports: idx.map((i) => ({ id: `eth${i}` })) },
      { id: 'cli', type: 'host', ip: `${CLI_IP}/24`, ports: [{ id: 'eth0' }] },
      { id: 'sw1', type: 'switch', ports: [...idx.map((i) => ({ id: `p${i + 1}` })), { id: 'pc' }] },
    ],
    links: [
      ...idx.map((i) => ({ id: `a${i + 1}`, a: { device: 'srv', port: `eth${i}` }, b: { device: 'sw1', port: `p${i + 1}` } })),
      { id: 'c1', a: { device: 'sw1', port: 'pc' }, b: { device: 'cli', port: 'eth0' } },
    ],
    lags: switchLag === null ? [] : [{ id: 'po1', device: 'sw1', members: idx.map((i) => `p${i + 1}`), mode: switchLag, rate: 'fast' }],
    bonds: [{ id: 'bond0', device: 'srv', members: idx.map((i) => `eth${i}`), ...bond }],
    flows,
  };
}

/** A frame some port put on a link. */
export interface WireFrame {
  t: number;
  link: string;
  device: string;
  port: string;
  frame: Uint8Array;
}

export const etherType = (f: Uint8Array) => ((f[12] ?? 0) << 8) | (f[13] ?? 0);
export const isUdp = (f: Uint8Array) => etherType(f) === 0x0800 && f[23] === 17;
export const isArp = (f: Uint8Array) => etherType(f) === 0x0806;

/** Runs a lab and records every event and every frame on the wire. */
export class BondLab {
  readonly sim: Simulation;
  readonly events: SimEvent[] = [];
  readonly frames: WireFrame[] = [];

  constructor(doc: Topology) {
    this.sim = new Simulation(doc);
    this.sim.onEvent((e) => this.events.push(e));
    this.sim.onFrame((link, from, t, frame) => this.frames.push({ t: t / 1000, link: link.id, device: from.device.id, port: from.id, frame }));
  }

  fail(target: string, atMs: number): this {
    this.sim.scheduleFault(atMs, 'fail', target);
    return this;
  }

  restore(target: string, atMs: number): this {
    this.sim.scheduleFault(atMs, 'restore', target);
    return this;
  }

  run(untilMs: number): this {
    this.sim.runUntil(untilMs);
    return this;
  }

  bondEvents(): Extract<SimEvent, { type: 'bond' }>[] {
    return this.events.filter((e): e is Extract<SimEvent, { type: 'bond' }> => e.type === 'bond');
  }

  flowEvents(): Extract<SimEvent, { type: 'flow' }>[] {
    return this.events.filter((e): e is Extract<SimEvent, { type: 'flow' }> => e.type === 'flow');
  }

  /** Frames srv put on the wire (optionally only those matching `pick`). */
  sent(pick: (f: Uint8Array) => boolean = () => true, device = 'srv'): WireFrame[] {
    return this.frames.filter((w) => w.device === device && pick(w.frame));
  }

  bond(device = 'srv'): BondImpl {
    return this.sim.network.devices.get(device)?.services.bond as BondImpl;
  }

  mac(device: string): string {
    const d = this.sim.topology.devices.find((x) => x.id === device);
    if (!d) throw new Error(`no device ${device}`);
    return d.mac;
  }

  portMac(device: string, port: string): string {
    return this.sim.network.port(device, port).mac;
  }
}

/** The first poll at or after `t` (polls run at multiples of miimon from t = 0). */
export function nextPoll(tMs: number, miimonMs: number): number {
  return Math.ceil(tMs / miimonMs) * miimonMs;
}
