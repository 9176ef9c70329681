import { describe, expect, it } from 'vitest';
import type { LacpEvent, LacpPortStatus, LacpReason } from '../../../src/engine';
import { Timeline } from '../../../src/cli/timeline';

function lacp(t: number, port: string, status: LacpPortStatus, reason?: LacpReason, churn?: boolean): LacpEvent {
  return {
    t,
    type: 'lacp',
    device: 'sw1',
    port,
    lag: 'po1',
    rx: 'CURRENT',
    mux: 'DETACHED',
    selected: 'UNSELECTED',
    periodic: 'FAST_PERIODIC',
    status,
    ...(reason ? { reason } : {}),
    ...(churn ? { churn } : {}),
    actor: { state: 0, flags: [], key: 1 },
    partner: { system: '00:00:00:00:00:00', key: 0, port: 0, state: 0, flags: [] },
  };
}

describe('when member reports are folded', () => {
  it('takes the first report of a port as a silent baseline', () => {
    const tl = new Timeline();
    tl.add(lacp(0, 'eth1', 'down', 'linkDown'));
    expect(tl.entries()).toEqual([]);
  });

  it('keeps only status / reason / churn changes, not other state changes', () => {
    const tl = new Timeline();
    tl.add(lacp(0, 'eth1', 'down', 'linkDown'));
    tl.add(lacp(5, 'eth1', 'suspended', 'noPartner'));
    tl.add(lacp(3000, 'eth1', 'suspended', 'noPartner'));
    tl.add(lacp(60_000, 'eth1', 'suspended', 'noPartner', true));
    expect(tl.entries().map((e) => (e.kind === 'member' ? [e.t, e.from.status, e.to.status, e.to.churn] : e.kind))).toEqual([
      [5, 'down', 'suspended', false],
      [60_000, 'suspended', 'suspended', true],
    ]);
  });

  it('merges changes within one printed millisecond into one line, and drops a net no-change', () => {
    const tl = new Timeline();
    tl.add(lacp(0, 'eth1', 'down', 'linkDown'));
    tl.add(lacp(0, 'eth2', 'down', 'linkDown'));
    tl.add(lacp(2000, 'eth1', 'waiting'));
    tl.add(lacp(2000.007, 'eth1', 'attached'));
    tl.add(lacp(2000.014, 'eth1', 'collecting'));
    tl.add(lacp(2000.1, 'eth2', 'waiting'));
    tl.add(lacp(2000.2, 'eth2', 'down', 'linkDown'));
    const entries = tl.entries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'member', t: 2000, port: 'eth1', from: { status: 'down' }, to: { status: 'collecting' } });
  });

  it('counts LACPDUs per link and sender, and tracks muted devices', () => {
    const tl = new Timeline();
    const info = { systemPriority: 1, system: 'x', key: 1, portPriority: 1, port: 1, state: 0, flags: [] };
    const pdu = (from: string, to: string) => ({ t: 1, type: 'lacpdu' as const, link: 'l1', from: { device: from, port: 'eth1' }, to: { device: to, port: 'eth1' }, arrive: 1, frame: 1, actor: info, partner: info });
    tl.add(pdu('sw1', 'sw2'));
    tl.add(pdu('sw1', 'sw2'));
    tl.add(pdu('sw2', 'sw1'));
    tl.add({ t: 10, type: 'fault', target: 'sw2', kind: 'device', action: 'mute' });
    expect(tl.pdus.get('l1')).toEqual(new Map([['sw1', 2], ['sw2', 1]]));
    expect(tl.pduTotal).toBe(3);
    expect(tl.muted.get('sw2')).toBe(10);
    tl.add({ t: 20, type: 'fault', target: 'sw2', kind: 'device', action: 'unmute' });
    expect(tl.muted.has('sw2')).toBe(false);
  });
});
