/**
 * TestLab: a headless driver for engine tests. Builds small labs in one line, runs them on the
 * virtual clock and answers questions about the event stream.
 */
import { readFileSync } from 'node:fs';
import type { LacpEvent, LacpduEvent, LagEvent, SimEvent } from '../../src/engine';
import { Simulation } from '../../src/engine';
import type { Topology } from '../../src/model';

type LagOptions = Partial<NonNullable<Topology['lags']>[number]>;

/** Two switches `a` and `b` joined by `n` links l1..ln (ethK ↔ ethK), each with LAG po1. */
export function pairLab(n: number, a: LagOptions, b: LagOptions, extra: Partial<Topology> = {}): Topology {
  const ports = Array.from({ length: n }, (_, i) => ({ id: `eth${i + 1}` }));
  const members = ports.map((p) => p.id);
  return {
    version: 1,
    devices: [
      { id: 'sw1', type: 'switch', ports },
      { id: 'sw2', type: 'switch', ports },
    ],
    links: members.map((id, i) => ({ id: `l${i + 1}`, a: { device: 'sw1', port: id }, b: { device: 'sw2', port: id } })),
    lags: [
      { id: 'po1', device: 'sw1', members, mode: 'active', rate: 'fast', ...a },
      { id: 'po1', device: 'sw2', members, mode: 'active', rate: 'fast', ...b },
    ],
    ...extra,
  };
}

/** Reads a shipped example. */
export function example(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
}

export class TestLab {
  readonly sim: Simulation;
  readonly events: SimEvent[] = [];

  constructor(doc: unknown) {
    this.sim = new Simulation(doc);
    this.sim.onEvent((e) => this.events.push(e));
  }

  run(untilMs: number): this {
    this.sim.runUntil(untilMs);
    return this;
  }

  fail(target: string, atMs: number): this {
    this.sim.scheduleFault(atMs, 'fail', target);
    return this;
  }

  restore(target: string, atMs: number): this {
    this.sim.scheduleFault(atMs, 'restore', target);
    return this;
  }

  mute(target: string, atMs: number): this {
    this.sim.scheduleFault(atMs, 'mute', target);
    return this;
  }

  pdus(filter: Partial<{ device: string; port: string; link: string }> = {}): LacpduEvent[] {
    return this.events.filter(
      (e): e is LacpduEvent =>
        e.type === 'lacpdu' &&
        (filter.device === undefined || e.from.device === filter.device) &&
        (filter.port === undefined || e.from.port === filter.port) &&
        (filter.link === undefined || e.link === filter.link),
    );
  }

  lacp(device: string, port?: string): LacpEvent[] {
    return this.events.filter((e): e is LacpEvent => e.type === 'lacp' && e.device === device && (port === undefined || e.port === port));
  }

  lagEvents(device: string, lag = 'po1'): LagEvent[] {
    return this.events.filter((e): e is LagEvent => e.type === 'lag' && e.device === device && e.lag === lag);
  }

  /** First time a member reached `status` (after `fromMs`), or undefined. */
  firstStatus(device: string, port: string, status: LacpEvent['status'], fromMs = 0): number | undefined {
    return this.lacp(device, port).find((e) => e.status === status && e.t >= fromMs)?.t;
  }

  /** First time the receive machine entered `rx` (after `fromMs`). */
  firstRx(device: string, port: string, rx: string, fromMs = 0): number | undefined {
    return this.lacp(device, port).find((e) => e.rx === rx && e.t >= fromMs)?.t;
  }

  /** The member's status now. */
  status(device: string, port: string, lag = 'po1'): string | undefined {
    return this.sim.lag(device, lag)?.members.find((m) => m.port === port)?.status;
  }

  member(device: string, port: string, lag = 'po1') {
    const m = this.sim.lag(device, lag)?.members.find((x) => x.port === port);
    if (!m) throw new Error(`no member ${device}:${port} in ${lag}`);
    return m;
  }
}
