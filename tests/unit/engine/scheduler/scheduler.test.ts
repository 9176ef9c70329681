import { describe, expect, it } from 'vitest';
import { Rng, Scheduler, Timer, msToUs, usToMs } from '../../../../src/engine/scheduler';

describe('when events are scheduled', () => {
  it('runs them in time order, and simultaneous ones in insertion order (stable ordering)', () => {
    const s = new Scheduler();
    const log: string[] = [];
    s.at(20, () => log.push('c'));
    s.at(10, () => log.push('a'));
    s.at(20, () => log.push('d'));
    s.at(10, () => log.push('b'));
    s.runUntil(100);
    expect(log).toEqual(['a', 'b', 'c', 'd']);
    expect(s.now).toBe(100);
  });

  it('an event scheduled for now from inside an event runs after the ones already queued for now', () => {
    const s = new Scheduler();
    const log: string[] = [];
    s.at(5, () => {
      log.push('first');
      s.at(5, () => log.push('third'));
    });
    s.at(5, () => log.push('second'));
    s.runUntil(5);
    expect(log).toEqual(['first', 'second', 'third']);
  });

  it('skips cancelled events and never runs one in the past', () => {
    const s = new Scheduler();
    const log: number[] = [];
    const ev = s.at(10, () => log.push(10));
    s.at(30, () => log.push(s.now));
    ev.cancel();
    s.runUntil(20);
    s.at(5, () => log.push(s.now));
    s.runUntil(40);
    expect(log).toEqual([20, 30]);
  });

  it('step() runs exactly one live event and reports when none is left', () => {
    const s = new Scheduler();
    let n = 0;
    s.at(1, () => n++).cancel();
    s.at(2, () => n++);
    expect(s.nextTime()).toBe(2);
    expect(s.step()).toBe(true);
    expect(s.step()).toBe(false);
    expect(n).toBe(1);
  });

  it('keeps 10 000 random events sorted (heap property)', () => {
    const s = new Scheduler();
    const rng = new Rng(3);
    const seen: number[] = [];
    for (let i = 0; i < 10_000; i++) s.at(rng.int(1_000_000), () => seen.push(s.now));
    s.runUntil(1_000_000);
    expect(seen).toHaveLength(10_000);
    for (let i = 1; i < seen.length; i++) expect(seen[i] as number).toBeGreaterThanOrEqual(seen[i - 1] as number);
  });

  it('converts ms to integer µs and back', () => {
    expect(msToUs(0.007)).toBe(7);
    expect(msToUs(1.0004)).toBe(1000);
    expect(usToMs(3_000_007)).toBe(3000.007);
  });
});

describe('when a timer is restarted', () => {
  it('expires at the last deadline set, once, whether restarted later or earlier', () => {
    const s = new Scheduler();
    const fired: number[] = [];
    const t = new Timer(s, () => fired.push(s.now));
    t.start(100);
    s.runUntil(50);
    t.start(100); // later deadline: 150
    s.runUntil(120);
    t.start(10); // earlier deadline: 130
    s.runUntil(1000);
    expect(fired).toEqual([130]);
    expect(t.isRunning).toBe(false);
  });

  it('does not fire after stop()', () => {
    const s = new Scheduler();
    let fired = false;
    const t = new Timer(s, () => (fired = true));
    t.start(10);
    t.stop();
    s.runUntil(100);
    expect(fired).toBe(false);
  });
});

describe('when random numbers are drawn', () => {
  it('the same seed gives the same sequence, another seed another one', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('next() stays in [0, 1) and int(n) in [0, n) with every value reachable', () => {
    const r = new Rng(1);
    const hits = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      hits.add(r.int(6));
    }
    expect([...hits].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
