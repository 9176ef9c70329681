import { describe, expect, it } from 'vitest';
import { masterDownIntervalUs } from '../../../../src/engine/vrrp';
import { FakeLan, LAN_DELAY_US, ms } from './fakeLan';

const S = 1_000_000;

describe('when a single router starts (RFC 5798 §6.4.1, §6.4.2)', () => {
  const lan = new FakeLan();
  const a = lan.add('A', { priority: 100, primaryIp: '10.0.0.1' });
  lan.at(0, () => a.startup()).run(10 * S);

  it('§6.4.1: priority < 255 enters Backup at Startup with Master_Down_Timer = Master_Down_Interval', () => {
    expect(lan.eventsOf('A')[0]).toEqual({ t: 0, type: 'vrrp', device: 'A', vrid: 1, state: 'backup', priority: 100, reason: 'startup' });
  });

  it('§6.4.2: hearing nobody, it becomes Master exactly Master_Down_Interval later: 3.609375 s for priority 100 at 1 s', () => {
    expect(lan.entered('A', 'master')).toEqual({ t: 3609.375, type: 'vrrp', device: 'A', vrid: 1, state: 'master', priority: 100, masterIp: '10.0.0.1', reason: 'masterDown' });
  });

  it('§6.4.3: as Master it advertises every Advertisement_Interval (1 s) from the moment it took over', () => {
    expect(lan.adverts('A').map((x) => x.t)).toEqual([3_609_375, 4_609_375, 5_609_375, 6_609_375, 7_609_375, 8_609_375, 9_609_375]);
  });
});

describe('when two routers start together, priorities 200 and 100 (RFC 5798 §6.4.1–6.4.2)', () => {
  const lan = new FakeLan();
  const a = lan.add('A', { priority: 200, primaryIp: '10.0.0.2' });
  const b = lan.add('B', { priority: 100, primaryIp: '10.0.0.3' });
  lan.at(0, () => {
    a.startup();
    b.startup();
  }).run(30 * S);

  it('§6.4.2: the higher priority fires first, at its own Master_Down_Interval 3.21875 s', () => {
    expect(lan.entered('A', 'master')?.t).toBe(ms(masterDownIntervalUs(200, 100)));
    expect(lan.entered('A', 'master')?.t).toBe(3218.75);
  });

  it('§6.4.2: the other hears the advertisement before its own 3.609375 s and stays Backup, following A', () => {
    expect(lan.eventsOf('B').map((e) => [e.t, e.state, e.masterIp, e.reason])).toEqual([
      [0, 'backup', undefined, 'startup'],
      [ms(3_218_750 + LAN_DELAY_US), 'backup', '10.0.0.2', 'newMaster'],
    ]);
    expect(b.state).toBe('backup');
    expect(b.masterAdverIntervalCs).toBe(100);
    // Restarted by every advertisement: due one Master_Down_Interval after the last one arrived.
    const last = lan.adverts('A').at(-1)?.t ?? 0;
    expect(b.masterDownAt).toBe(last + LAN_DELAY_US + masterDownIntervalUs(100, 100));
  });

  it('exactly one Master at a time from then on', () => {
    expect(lan.adverts().every((x) => x.from === 'A')).toBe(true);
  });
});

describe('when three routers start together, priorities 200, 150, 100', () => {
  const lan = new FakeLan();
  for (const [d, p, ip] of [['A', 200, '10.0.0.2'], ['B', 150, '10.0.0.3'], ['C', 100, '10.0.0.4']] as const) lan.add(d, { priority: p, primaryIp: ip });
  lan.at(0, () => lan.routers.forEach((r) => r.startup())).run(10 * S);

  it('§6.1 Skew_Time: the best backup wins the race; the others hear it in time', () => {
    expect(['A', 'B', 'C'].map((d) => lan.get(d).state)).toEqual(['master', 'backup', 'backup']);
    expect(lan.entered('B', 'master')).toBeUndefined();
    expect(lan.entered('C', 'master')).toBeUndefined();
  });
});

describe('when the address owner (priority 255) starts (RFC 5798 §6.4.1)', () => {
  const lan = new FakeLan();
  const owner = lan.add('R1', { priority: 255, primaryIp: '10.0.0.254' });
  const b = lan.add('R2', { priority: 100, primaryIp: '10.0.0.3' });
  lan.at(0, () => {
    b.startup();
    owner.startup();
  }).run(5 * S);

  it('§6.4.1: it is Master at once, sending an advertisement and a gratuitous ARP at t = 0', () => {
    expect(lan.eventsOf('R1')).toEqual([{ t: 0, type: 'vrrp', device: 'R1', vrid: 1, state: 'master', priority: 255, masterIp: '10.0.0.254', reason: 'owner' }]);
    expect(lan.adverts('R1')[0]).toMatchObject({ t: 0, vrrp: { vrrp: { priority: 255 } } });
    expect(lan.garps('R1').map((g) => g.t)).toEqual([0]);
  });

  it('§6.4.2: the backup follows it from the first advertisement, 100 µs later', () => {
    expect(lan.eventsOf('R2').at(-1)).toMatchObject({ t: ms(LAN_DELAY_US), state: 'backup', masterIp: '10.0.0.254' });
  });
});

describe('when two routers have the same priority (RFC 5798 §6.4.3 tie-break)', () => {
  const lan = new FakeLan();
  // As strings "10.0.0.10" < "10.0.0.9"; as unsigned integers in network order 10.0.0.10 is greater.
  const low = lan.add('LOW', { priority: 100, primaryIp: '10.0.0.9' });
  const high = lan.add('HIGH', { priority: 100, primaryIp: '10.0.0.10' });
  lan.at(0, () => {
    low.startup();
    high.startup();
  }).run(10 * S);

  it('both time out at the same instant and both become Master', () => {
    expect(lan.entered('LOW', 'master')?.t).toBe(3609.375);
    expect(lan.entered('HIGH', 'master')?.t).toBe(3609.375);
  });

  it('§6.4.3: equal priority and a greater sender address (unsigned, network order) sends the other back to Backup', () => {
    expect(lan.eventsOf('LOW').at(-1)).toEqual({ t: ms(3_609_375 + LAN_DELAY_US), type: 'vrrp', device: 'LOW', vrid: 1, state: 'backup', priority: 100, masterIp: '10.0.0.10', reason: 'higherIp' });
    expect(high.state).toBe('master');
    expect(low.state).toBe('backup');
  });

  it('§6.4.3: the winner discards the loser\'s advertisement and keeps advertising', () => {
    expect(lan.eventsOf('HIGH').filter((e) => e.state === 'backup' && e.t > 0)).toEqual([]);
    expect(lan.adverts('HIGH').length).toBe(7);
  });
});

describe('when the Master advertises every 2 s and the backup is configured for 1 s (RFC 5798 §6.2, §6.4.2)', () => {
  const lan = new FakeLan();
  const a = lan.add('A', { priority: 200, primaryIp: '10.0.0.2', advertIntervalCs: 200 });
  const b = lan.add('B', { priority: 100, primaryIp: '10.0.0.3' });
  lan.at(0, () => a.startup())
    .at(10 * S, () => b.startup())
    .at(20 * S, () => lan.unplug('A'))
    .run(40 * S);

  it('§6.4.1: the Master started with Master_Adver_Interval = its own 200 cs: MDI(200) = 6 s + 0.4375 s', () => {
    expect(lan.entered('A', 'master')?.t).toBe(ms(masterDownIntervalUs(200, 200)));
    expect(lan.entered('A', 'master')?.t).toBe(6437.5);
  });

  it('§6.4.2: the backup learns Master_Adver_Interval = 200 cs from the advertisements and derives MDI(100) = 7.21875 s', () => {
    expect(b.masterAdverIntervalCs).toBe(200);
    expect(b.masterDownIntervalUs).toBe(7_218_750);
  });

  it('§6.4.2: so it takes over 7.21875 s after the last advertisement arrived, not 3.609375 s', () => {
    const last = lan.adverts('A').filter((x) => x.t <= 20 * S).at(-1)?.t ?? 0;
    expect(last).toBe(18_437_500);
    expect(lan.entered('B', 'master')?.t).toBe(ms(last + LAN_DELAY_US + 7_218_750));
  });
});
