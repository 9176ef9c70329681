import { describe, expect, it } from 'vitest';
import type { RouterSettings } from './fakeLan';
import { FakeLan, LAN_DELAY_US, ms } from './fakeLan';

const S = 1_000_000;
/** Master_Down_Interval at 1 s: priority 100 and 200 (RFC 5798 §6.1; protocols.md §5.2). */
const MDI_100 = 3_609_375;
const MDI_200 = 3_218_750;
/** Skew_Time(100) at 1 s. */
const SKEW_100 = 609_375;

/** A (priority 200, 10.0.0.2) and B (priority 100, 10.0.0.3) started at 0: A is Master from 3.21875 s, advertising at 3.21875 + k s. */
function pair(a: Partial<RouterSettings> = {}, b: Partial<RouterSettings> = {}): FakeLan {
  const lan = new FakeLan();
  lan.add('A', { priority: 200, primaryIp: '10.0.0.2', ...a });
  lan.add('B', { priority: 100, primaryIp: '10.0.0.3', ...b });
  lan.at(0, (l) => l.routers.forEach((r) => r.startup()));
  return lan;
}

/** Arrival time of the last advertisement `from` sent at or before `us`. */
function lastArrival(lan: FakeLan, from: string, us: number): number {
  return (lan.adverts(from).filter((x) => x.t <= us).at(-1)?.t ?? NaN) + LAN_DELAY_US;
}

describe('when the Master goes silent (cable pulled at 10.5 s) (RFC 5798 §6.4.2)', () => {
  const lan = pair().at(10.5 * S, (l) => l.unplug('A')).run(20 * S);

  it('§6.4.2: the Backup becomes Master Master_Down_Interval after the last advertisement arrived: 10.21885 s + 3.609375 s', () => {
    expect(lastArrival(lan, 'A', 10.5 * S)).toBe(10_218_850);
    expect(lan.entered('B', 'master')).toMatchObject({ t: ms(10_218_850 + MDI_100), masterIp: '10.0.0.3', reason: 'masterDown' });
  });

  it('protocols.md §7.1: detection 2.61–3.61 s after the failure (here 3.33 s)', () => {
    const detection = (lan.entered('B', 'master')?.t ?? 0) - 10_500;
    expect(detection).toBeGreaterThanOrEqual(2609.375);
    expect(detection).toBeLessThanOrEqual(3609.475);
  });

  it('§6.4.2: on becoming Master it sends an ADVERTISEMENT and one gratuitous ARP per VIP with the virtual MAC', () => {
    const t = 10_218_850 + MDI_100;
    expect(lan.adverts('B')[0]).toMatchObject({ t, vrrp: { src: '00:00:5e:00:01:01', vrrp: { priority: 100 } } });
    expect(lan.garps('B')).toEqual([
      { t, src: '00:00:5e:00:01:01', dst: 'ff:ff:ff:ff:ff:ff', vlanTags: [], arp: { op: 1, senderMac: '00:00:5e:00:01:01', senderIp: '10.0.0.254', targetMac: '00:00:00:00:00:00', targetIp: '10.0.0.254' } },
    ]);
  });
});

describe('when the Master crashes (interface down at 10.5 s) and comes back at 20 s with preemption on (RFC 5798 §6.4.2–6.4.3)', () => {
  const lan = pair()
    .at(10.5 * S, (l) => l.get('A').interfaceDown())
    .at(20 * S, (l) => l.get('A').interfaceUp())
    .run(40 * S);

  it('the crashed router goes to Initialize without sending anything', () => {
    expect(lan.eventsOf('A').find((e) => e.state === 'initialize')).toMatchObject({ t: 10_500, reason: 'interfaceDown' });
    expect(lan.sent.filter((s) => s.from === 'A' && s.t === 10.5 * S)).toEqual([]);
  });

  it('§6.4.2: B takes over Master_Down_Interval after A\'s last advertisement', () => {
    expect(lan.entered('B', 'master')?.t).toBe(ms(10_218_850 + MDI_100));
  });

  it('§6.4.1 + §6.4.2 preempt: the returning higher priority starts in Backup, discards B\'s lower adverts, and is Master after its own MDI, 3.21875 s', () => {
    expect(lan.entered('A', 'backup', 20 * S)).toMatchObject({ t: 20_000, reason: 'startup' });
    expect(lan.entered('A', 'master', 20 * S)).toMatchObject({ t: ms(20 * S + MDI_200), reason: 'preempt' });
    expect(lan.received.filter((r) => r.to === 'A' && r.t > 20 * S && r.t < 20 * S + MDI_200).every((r) => r.result === 'processed')).toBe(true);
  });

  it('§6.4.3: the old Master sees a higher priority and falls back to Backup one LAN delay later', () => {
    expect(lan.entered('B', 'backup', 20 * S)).toMatchObject({ t: ms(20 * S + MDI_200 + LAN_DELAY_US), masterIp: '10.0.0.2', reason: 'higherPriority' });
    expect([lan.get('A').state, lan.get('B').state]).toEqual(['master', 'backup']);
  });
});

describe('when the Master returns with preemption off (RFC 5798 §6.1 Preempt_Mode = False, §6.4.2)', () => {
  const lan = pair({ preempt: false })
    .at(10.5 * S, (l) => l.get('A').interfaceDown())
    .at(20 * S, (l) => l.get('A').interfaceUp())
    .run(60 * S);

  it('§6.4.2: it accepts the lower-priority Master\'s advertisements and stays Backup', () => {
    expect(lan.eventsOf('A').filter((e) => e.t >= 20_000).map((e) => [e.state, e.masterIp, e.reason])).toEqual([
      ['backup', undefined, 'startup'],
      ['backup', '10.0.0.3', 'newMaster'],
    ]);
    expect(lan.get('B').state).toBe('master');
  });
});

describe('when the returning Master has a 10 s preempt delay (vendor: keepalived preempt_delay, Cisco preempt delay)', () => {
  const lan = pair({ preemptDelayMs: 10_000 })
    .at(10.5 * S, (l) => l.get('A').interfaceDown())
    .at(20 * S, (l) => l.get('A').interfaceUp())
    .run(60 * S);

  it('it follows the lower-priority Master for 10 s after first hearing it, then preempts at its Master_Down_Interval', () => {
    const heard = lan.adverts('B').map((x) => x.t + LAN_DELAY_US).filter((t) => t > 20 * S);
    const first = heard[0] ?? NaN;
    expect(first).toBe(20_828_325);
    const lastAccepted = heard.filter((t) => t < first + 10 * S).at(-1) ?? NaN;
    expect(lastAccepted).toBe(29_828_325);
    expect(lan.entered('A', 'master', 20 * S)).toMatchObject({ t: ms(lastAccepted + MDI_200), reason: 'preempt' });
    expect(lan.entered('A', 'master', 20 * S)?.t).toBe(33_047.075);
  });
});

describe('when the Master shuts down gracefully (RFC 5798 §6.4.3 Shutdown, §6.4.2 priority 0)', () => {
  const lan = pair().at(10.5 * S, (l) => l.get('A').shutdown()).run(20 * S);

  it('§6.4.3: the Master sends an ADVERTISEMENT with priority 0 and goes to Initialize', () => {
    expect(lan.adverts('A').at(-1)).toMatchObject({ t: 10.5 * S, vrrp: { vrrp: { priority: 0 } } });
    expect(lan.eventsOf('A').at(-1)).toEqual({ t: 10_500, type: 'vrrp', device: 'A', vrid: 1, state: 'initialize', priority: 200, reason: 'shutdown' });
  });

  it('§6.4.2: the Backup sets Master_Down_Timer to Skew_Time and takes over 0.609375 s later (protocols.md §7.1)', () => {
    expect(lan.entered('B', 'master')).toMatchObject({ t: ms(10.5 * S + LAN_DELAY_US + SKEW_100), reason: 'masterResigned' });
  });
});

describe('when a Backup shuts down (RFC 5798 §6.4.2 Shutdown)', () => {
  const lan = pair().at(10 * S, (l) => l.get('B').shutdown()).at(12 * S, (l) => l.unplug('A')).run(30 * S);

  it('§6.4.2: it cancels the Master_Down_Timer and goes to Initialize, silently', () => {
    expect(lan.eventsOf('B').at(-1)).toMatchObject({ t: 10_000, state: 'initialize', reason: 'shutdown' });
    expect(lan.get('B').masterDownAt).toBe(-1);
    expect(lan.sent.filter((s) => s.from === 'B')).toEqual([]);
  });
});

describe('when three routers run and the Master fails (protocols.md §7.1: backups 150 and 100)', () => {
  function trio(): FakeLan {
    const lan = new FakeLan();
    lan.add('A', { priority: 200, primaryIp: '10.0.0.2' });
    lan.add('B', { priority: 150, primaryIp: '10.0.0.3' });
    lan.add('C', { priority: 100, primaryIp: '10.0.0.4' });
    return lan.at(0, (l) => l.routers.forEach((r) => r.startup()));
  }

  it('§6.1/§6.4.2 crash: the 150 router wins at MDI(150) = 3.414062 s after the last advert; the 100 one hears it before its 3.609375 s', () => {
    const lan = trio().at(10.5 * S, (l) => l.unplug('A')).run(20 * S);
    expect(lan.entered('B', 'master')?.t).toBe(ms(10_218_850 + 3_414_062));
    expect(lan.entered('C', 'master')).toBeUndefined();
    expect(lan.get('C').masterIp).toBe('10.0.0.3');
  });

  it('§6.4.2 priority 0: after a graceful shutdown the 150 router fires at Skew_Time(150) = 0.414062 s, before the 100 one (0.609375 s)', () => {
    const lan = trio().at(10.5 * S, (l) => l.get('A').shutdown()).run(20 * S);
    expect(lan.entered('B', 'master')).toMatchObject({ t: ms(10.5 * S + LAN_DELAY_US + 414_062), reason: 'masterResigned' });
    expect(lan.entered('C', 'master')).toBeUndefined();
  });
});

describe('when the Master tracks its uplink with decrement 150 (vendor: Cisco track … decrement; RFC 5798 §6.4.2 preemption)', () => {
  const lan = pair({ tracks: [{ object: 'uplink', decrement: 150 }] })
    .at(10.5 * S, (l) => l.get('A').trackDown('uplink'))
    .at(20 * S, (l) => l.get('A').trackUp('uplink'))
    .run(40 * S);

  it('the priority drops to 50 at once (event) and the next advertisements carry it', () => {
    expect(lan.eventsOf('A').find((e) => e.reason === 'priorityChanged')).toEqual({ t: 10_500, type: 'vrrp', device: 'A', vrid: 1, state: 'master', priority: 50, masterIp: '10.0.0.2', reason: 'priorityChanged' });
    expect(lan.adverts('A').filter((x) => x.t > 10.5 * S && x.t < 14 * S).map((x) => x.vrrp.vrrp.priority)).toEqual([50, 50, 50]);
  });

  it('§6.4.2: the preempting Backup discards the lower adverts and takes over at MDI(100) after the last priority-200 advert', () => {
    expect(lan.entered('B', 'master')).toMatchObject({ t: ms(10_218_850 + MDI_100), reason: 'preempt' });
  });

  it('§6.4.3: the tracked router hears priority 100 > 50 and becomes Backup', () => {
    expect(lan.entered('A', 'backup', 11 * S)).toMatchObject({ t: ms(10_218_850 + MDI_100 + LAN_DELAY_US), priority: 50, reason: 'higherPriority' });
  });

  it('when the uplink returns, priority 200 is restored and A preempts back when the timer set by the last accepted advert runs out', () => {
    const last = lastArrival(lan, 'B', 20 * S);
    expect(lan.eventsOf('A').find((e) => e.t === 20_000)).toMatchObject({ state: 'backup', priority: 200, reason: 'priorityChanged' });
    // §6.4.2 recomputes Master_Down_Interval only when it accepts an advertisement: the timer still runs
    // with the value computed at priority 50, MDI(50) = 3.804687 s, from B's last advert before 20 s.
    expect(lan.entered('A', 'master', 20 * S)).toMatchObject({ t: ms(last + 3_804_687), priority: 200, reason: 'preempt' });
    expect(lan.get('B').state).toBe('backup');
  });
});
