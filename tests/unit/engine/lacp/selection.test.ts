import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../../src/model';
import { TestLab, pairLab } from '../../../helpers/testLab';

describe('when more members qualify than maxActive', () => {
  // SW2 has the better System ID (priority 100 < 32768), so its port priorities decide
  // (802.1AX 5.4.14 / 5.6.1); SW1's own port priorities are ignored.
  const doc = pairLab(3, { maxActive: 2, portPriorities: { eth1: 1 } }, { maxActive: 2, systemPriority: 100, portPriorities: { eth1: 50000 } });
  const lab = new TestLab(doc).fail('l2', 10_000).run(12_000);

  it('the better system ranks the members by its own Port ID; the worst is hot-standby on both ends', () => {
    const before = lab.lagEvents('sw1').filter((e) => e.up && e.t < 10_000).pop();
    expect(before?.active).toEqual(['eth2', 'eth3']);
    expect(before?.standby).toEqual(['eth1']);
    expect(lab.lagEvents('sw2').filter((e) => e.up && e.t < 10_000).pop()?.standby).toEqual(['eth1']);
  });

  it('a standby member keeps exchanging LACPDUs in WAITING, out of sync (5.4.15)', () => {
    const standbyPdus = lab.pdus({ device: 'sw1', port: 'eth1' }).filter((e) => e.t > 5_000 && e.t < 10_000);
    expect(standbyPdus.length).toBeGreaterThan(3);
    expect(standbyPdus.every((e) => (e.actor.state & 0x08) === 0)).toBe(true);
  });

  it('when an active member fails the standby member takes its place without Aggregate_Wait_Time (already Ready_N)', () => {
    const t = lab.firstStatus('sw1', 'eth1', 'distributing', 10_000) as number;
    expect(t).toBeGreaterThanOrEqual(10_000);
    expect(t).toBeLessThan(10_001);
    expect(lab.sim.lag('sw2', 'po1')?.active).toEqual(['eth1', 'eth3']);
  });
});

describe('when one member runs at a different speed', () => {
  const lab = new TestLab({ ...pairLab(3, {}, {}), links: pairLab(3, {}, {}).links.map((l) => (l.id === 'l3' ? { ...l, speedMbps: 100 as const } : l)) }).run(6_000);

  it('it gets another operational key and cannot join: 802.1AX 5.3.5 (same key only for ports that can aggregate)', () => {
    expect(lab.member('sw1', 'eth3').reason).toBe('speedMismatch');
    expect(lab.member('sw1', 'eth3').status).toBe('suspended');
    const pdu = lab.pdus({ device: 'sw1', port: 'eth3' }).at(-1);
    expect(pdu?.actor.key).not.toBe(lab.pdus({ device: 'sw1', port: 'eth1' }).at(-1)?.actor.key);
  });

  it('the LAG forms with the members at the common speed', () => {
    expect(lab.sim.lag('sw1', 'po1')?.active).toEqual(['eth1', 'eth2']);
    expect(lab.sim.lag('sw2', 'po1')?.active).toEqual(['eth1', 'eth2']);
  });
});

describe('when the members of one LAG go to two different switches (no MC-LAG)', () => {
  const doc: Topology = {
    version: 1,
    devices: [
      { id: 'srv', type: 'host', ports: [{ id: 'eth1' }, { id: 'eth2' }, { id: 'eth3' }] },
      { id: 'swA', type: 'switch', ports: [{ id: 'eth1' }, { id: 'eth2' }] },
      { id: 'swB', type: 'switch', ports: [{ id: 'eth1' }] },
    ],
    links: [
      { id: 'l1', a: { device: 'srv', port: 'eth1' }, b: { device: 'swA', port: 'eth1' } },
      { id: 'l2', a: { device: 'srv', port: 'eth2' }, b: { device: 'swA', port: 'eth2' } },
      { id: 'l3', a: { device: 'srv', port: 'eth3' }, b: { device: 'swB', port: 'eth1' } },
    ],
    lags: [
      { id: 'bond0', device: 'srv', members: ['eth1', 'eth2', 'eth3'], mode: 'active', rate: 'fast' },
      { id: 'po1', device: 'swA', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' },
      { id: 'po1', device: 'swB', members: ['eth1'], mode: 'active', rate: 'fast' },
    ],
  };
  const lab = new TestLab(doc).run(6_000);

  it('ports with different partner System IDs get different LAG IDs (802.1AX 5.3.6); the aggregate keeps the larger group', () => {
    expect(lab.sim.lag('srv', 'bond0')?.active).toEqual(['eth1', 'eth2']);
    expect(lab.member('srv', 'eth3', 'bond0').reason).toBe('partnerMismatch');
  });

  it('the lone switch never gets Partner Sync, so its LAG stays down', () => {
    expect(lab.sim.lag('swB', 'po1')?.up).toBe(false);
    expect(lab.member('swB', 'eth1').status).toBe('attached');
  });
});

describe('when a member port is half duplex', () => {
  it('LACP is disabled on it and it is not aggregated: 802.1AX 5.4.12 LACP_DISABLED', () => {
    const doc = pairLab(2, {}, {});
    const sw1 = doc.devices[0];
    if (sw1) sw1.ports = [{ id: 'eth1' }, { id: 'eth2', duplex: 'half' }];
    const lab = new TestLab(doc).run(6_000);
    expect(lab.member('sw1', 'eth2').rx).toBe('LACP_DISABLED');
    expect(lab.member('sw1', 'eth2').reason).toBe('halfDuplex');
    expect(lab.pdus({ device: 'sw1', port: 'eth2' })).toHaveLength(0);
    expect(lab.sim.lag('sw1', 'po1')?.active).toEqual(['eth1']);
  });
});

describe('when a PDU carries our own System ID', () => {
  it('a LAG looped back onto itself never aggregates (Linux illegal loopback check)', () => {
    const doc: Topology = {
      version: 1,
      devices: [{ id: 'sw1', type: 'switch', ports: [{ id: 'eth1' }, { id: 'eth2' }] }],
      links: [{ id: 'l1', a: { device: 'sw1', port: 'eth1' }, b: { device: 'sw1', port: 'eth2' } }],
      lags: [{ id: 'po1', device: 'sw1', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' }],
    };
    const lab = new TestLab(doc).run(6_000);
    expect(lab.sim.lag('sw1', 'po1')?.up).toBe(false);
    expect(lab.member('sw1', 'eth1').rx).toBe('DEFAULTED');
  });
});
