import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../src/engine';
import { decodeLacpduFrame, lacpStateNames } from '../../../../src/engine/codecs';
import type { LacpduEvent } from '../../../../src/engine';
import { FAST_PERIODIC_TIME, MAX_TX_PER_FAST_PERIODIC } from '../../../../src/engine/lacp';
import { example } from '../../../helpers/testLab';

const names = readdirSync(new URL('../../../../examples/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

describe('when LACPDUs go on the wire', () => {
  it.each(names)('%s: every frame is a 124-byte LACPDU whose bytes decode to the event (802.1AX 5.4.2.2)', (name) => {
    const sim = new Simulation(example(name));
    const frames: { link: string; frame: Uint8Array; src: string }[] = [];
    const pdus: LacpduEvent[] = [];
    // Only Slow Protocols frames: labs with hosts also carry ARP, data and keepalives.
    sim.onFrame((link, from, _t, frame) => {
      if (frame[12] === 0x88 && frame[13] === 0x09) frames.push({ link: link.id, frame, src: from.mac });
    });
    sim.onEvent((e) => {
      if (e.type === 'lacpdu') pdus.push(e);
    });
    sim.runUntil(40_000);
    expect(frames).toHaveLength(pdus.length);
    frames.forEach(({ link, frame, src }, i) => {
      const ev = pdus[i] as LacpduEvent;
      expect(frame.length).toBe(124);
      const decoded = decodeLacpduFrame(frame);
      expect(decoded.dst).toBe('01:80:c2:00:00:02');
      expect(decoded.src).toBe(src);
      expect(link).toBe(ev.link);
      expect(decoded.pdu.actor.state).toBe(ev.actor.state);
      expect(lacpStateNames(decoded.pdu.partner.state)).toEqual(ev.partner.flags);
      expect(decoded.pdu.actor.system).toBe(ev.actor.system);
      expect(decoded.pdu.partner.port).toBe(ev.partner.port);
    });
  });

  it.each(names)('%s: no port sends more than 3 LACPDUs in any Fast_Periodic_Time (802.1AX 5.4.16)', (name) => {
    const sim = new Simulation(example(name));
    const byPort = new Map<string, number[]>();
    sim.onEvent((e) => {
      if (e.type !== 'lacpdu') return;
      const key = `${e.from.device}:${e.from.port}`;
      byPort.set(key, [...(byPort.get(key) ?? []), e.t]);
    });
    sim.runUntil(120_000);
    for (const times of byPort.values()) {
      for (let i = MAX_TX_PER_FAST_PERIODIC; i < times.length; i++) {
        expect((times[i] as number) - (times[i - MAX_TX_PER_FAST_PERIODIC] as number)).toBeGreaterThanOrEqual(FAST_PERIODIC_TIME / 1000);
      }
    }
  });

  it('the actor Port is the port number and the System is the device MAC (802.1AX 5.3.2, 5.3.4)', () => {
    const sim = new Simulation(example('active-active'));
    const pdus: LacpduEvent[] = [];
    sim.onEvent((e) => {
      if (e.type === 'lacpdu') pdus.push(e);
    });
    sim.runUntil(100);
    const sw1 = sim.topology.devices.find((d) => d.id === 'sw1');
    const fromEth2 = pdus.find((e) => e.from.device === 'sw1' && e.from.port === 'eth2');
    expect(fromEth2?.actor.port).toBe(2);
    expect(fromEth2?.actor.system).toBe(sw1?.mac);
    expect(fromEth2?.actor.systemPriority).toBe(32768);
  });
});
