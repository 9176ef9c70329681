import { describe, expect, it } from 'vitest';
import { decodeArpFrame } from '../../../../src/engine/codecs/arp';
import { parseMac } from '../../../../src/engine/codecs/mac';
import { macKeyAt } from '../../../../src/engine/l2/macTable';
import { BondLab, SRV_IP, isArp, isUdp, nextPoll, twoSwitchLab } from './labs';

const FAIL_AT = 10_037;
const macKey = (mac: string) => macKeyAt(parseMac(mac), 0);
const flow = (pps = 100) => [{ id: 'f1', from: 'srv', to: 'cli', pps }];

describe('when the active slave of an active-backup bond loses its link (bonding.rst: miimon, downdelay)', () => {
  it.each([
    { miimon: 100, downdelay: 0, failAt: FAIL_AT },
    { miimon: 100, downdelay: 200, failAt: FAIL_AT },
    { miimon: 100, downdelay: 0, failAt: 10_099 },
    { miimon: 50, downdelay: 150, failAt: 10_001 },
    { miimon: 250, downdelay: 500, failAt: 10_120 },
  ])('fails over at the first poll after the failure + downdelay, within miimon + downdelay ($miimon ms, downdelay $downdelay, failure at $failAt)', ({ miimon, downdelay, failAt }) => {
    const t = new BondLab(twoSwitchLab({ mode: 'active-backup', miimon, downdelay })).fail('a1', failAt).run(failAt + 2_000);
    const noticed = nextPoll(failAt, miimon);
    const expected = noticed + downdelay;
    const after = t.bondEvents().filter((e) => e.t >= failAt);
    const failover = after.find((e) => e.activeSlave === 'eth1');
    expect(failover?.t).toBe(expected);
    expect(failover?.down).toEqual(['eth0']);
    expect(expected - failAt).toBeLessThanOrEqual(miimon + downdelay);
    // Never before the next poll: the first bond event after the failure is at that poll.
    expect(after[0]?.t).toBe(noticed);
    if (downdelay > 0) expect(after[0]?.mii?.eth0).toBe('fail');
  });

  it('sends num_grat_arp gratuitous ARPs from the new active slave, one per poll, with the bond (host) MAC and IP (fail_over_mac=none)', () => {
    const t = new BondLab(twoSwitchLab({ mode: 'active-backup', numGratArp: 3 })).fail('a1', FAIL_AT).run(FAIL_AT + 2_000);
    const failover = nextPoll(FAIL_AT, 100);
    const garps = t.sent(isArp).filter((w) => w.t >= FAIL_AT);
    expect(garps.map((w) => [w.t, w.link, w.port])).toEqual([0, 1, 2].map((k) => [failover + k * 100, 'a2', 'eth1']));
    for (const { frame } of garps) {
      const { dst, src, arp } = decodeArpFrame(frame);
      expect(dst).toBe('ff:ff:ff:ff:ff:ff');
      expect(src).toBe(t.mac('srv'));
      expect(arp).toEqual({ op: 1, senderMac: t.mac('srv'), senderIp: SRV_IP, targetMac: '00:00:00:00:00:00', targetIp: SRV_IP });
    }
  });

  it('the gratuitous ARP moves the host MAC in both switches to the path through the new slave (802.1D learning)', () => {
    const t = new BondLab(twoSwitchLab({ mode: 'active-backup' })).run(FAIL_AT - 1);
    const key = macKey(t.mac('srv'));
    const at = (sw: string) => t.sim.bridge(sw)?.macs.lookup(key, t.sim.scheduler.now);
    expect([at('sw1'), at('sw2')]).toEqual(['p:p1', 'p:p2']);
    t.fail('a1', FAIL_AT);
    // No flow runs: only the GARP (sent at the failover poll) can teach the switches; 0.1 ms later it has crossed both.
    t.run(nextPoll(FAIL_AT, 100) + 0.1);
    expect([at('sw1'), at('sw2')]).toEqual(['p:p2', 'p:p1']);
  });

  it('a flow loses at most the datagrams sent in the detection window, then a flow event shows the new path', () => {
    const pps = 100;
    const t = new BondLab(twoSwitchLab({ mode: 'active-backup' }, flow(pps))).fail('a1', FAIL_AT).run(FAIL_AT + 3_000);
    const failover = nextPoll(FAIL_AT, 100);
    // Datagrams carry consecutive IPv4 ids (those sent into the dead slave never reach a wire): gaps are losses.
    const ids = t.frames.filter((w) => w.link === 'c1' && w.device === 'sw1' && isUdp(w.frame)).map((w) => ((w.frame[18] ?? 0) << 8) | (w.frame[19] ?? 0));
    const lost = (ids.at(-1) ?? 0) - (ids[0] ?? 0) + 1 - ids.length;
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBeLessThanOrEqual(Math.ceil(((failover - FAIL_AT) * pps) / 1000));
    const after = t.flowEvents().filter((e) => e.t >= FAIL_AT);
    expect(after.map((e) => e.state)).toEqual(['lost', 'ok']);
    expect(after[1]?.path).toEqual(['a2', 'isl', 'c1']);
    expect(after[1]?.t).toBeGreaterThanOrEqual(failover);
    expect(after[1]?.t).toBeLessThan(failover + 1000 / pps + 1);
  });

  it('the primary becomes active again once its link is back and updelay has passed (primary_reselect=always)', () => {
    const restoreAt = 14_037;
    const t = new BondLab(twoSwitchLab({ mode: 'active-backup', primary: 'eth0', updelay: 300 })).fail('a1', FAIL_AT).restore('a1', restoreAt).run(20_000);
    const changes = t.bondEvents().filter((e) => e.t >= FAIL_AT && e.activeSlave !== undefined);
    const back = changes.find((e) => e.t >= restoreAt && e.activeSlave === 'eth0');
    expect(back?.t).toBe(nextPoll(restoreAt, 100) + 300);
    expect(changes.find((e) => e.t >= restoreAt && e.t < (back?.t ?? 0))?.mii?.eth0).toBe('back');
  });

  it('without a primary the returning slave stays a backup (no flapping back)', () => {
    const t = new BondLab(twoSwitchLab({ mode: 'active-backup' })).fail('a1', FAIL_AT).restore('a1', 14_037).run(20_000);
    expect(t.bondEvents().at(-1)).toMatchObject({ activeSlave: 'eth1', down: [], mii: { eth0: 'up', eth1: 'up' } });
  });

  it('ignores updelay when no slave is up: the first slave back becomes active at the poll that sees it (bonding.rst §13.1)', () => {
    const t = new BondLab(twoSwitchLab({ mode: 'active-backup', updelay: 1_000 })).fail('a1', FAIL_AT).fail('a2', FAIL_AT).restore('a2', 12_037).run(15_000);
    expect(t.bondEvents().find((e) => e.t > 12_000 && e.activeSlave !== undefined)).toMatchObject({ t: 12_100, activeSlave: 'eth1' });
  });

  it('with miimon 0 the failure is never noticed: the bond keeps sending on the dead slave and the flow stays lost', () => {
    const t = new BondLab(twoSwitchLab({ mode: 'active-backup', miimon: 0 }, flow())).fail('a1', FAIL_AT).run(FAIL_AT + 30_000);
    expect(t.bondEvents().filter((e) => e.t >= FAIL_AT)).toEqual([]);
    expect(t.flowEvents().at(-1)).toMatchObject({ state: 'lost' });
    expect(t.bond().active).toBe(0);
  });

  it('drops frames received on the inactive slave (all_slaves_active=0) and takes them on the active one', () => {
    const t = new BondLab(twoSwitchLab({ mode: 'active-backup' })).run(1_000);
    const ask = (port: string, ip: string) => {
      const request = new Uint8Array(60);
      request.set(parseMac('ff:ff:ff:ff:ff:ff'), 0);
      request.set(parseMac('02:00:00:00:00:99'), 6);
      request.set([0x08, 0x06, 0, 1, 0x08, 0, 6, 4, 0, 1], 12);
      request.set(parseMac('02:00:00:00:00:99'), 22);
      request.set(ip.split('.').map(Number), 28);
      request.set(SRV_IP.split('.').map(Number), 38);
      t.sim.network.deliver(t.sim.network.port('srv', port), request);
    };
    ask('eth1', '10.0.0.98');
    ask('eth0', '10.0.0.99');
    const learned = t.events.filter((e) => e.type === 'arp' && e.device === 'srv').map((e) => e.type === 'arp' && e.ip);
    expect(learned).toEqual(['10.0.0.99']);
    expect(t.bond().accepts(t.sim.network.port('srv', 'eth1'))).toBe(false);
  });
});

describe('when an active-backup bond starts', () => {
  it('brings the first slave up at the first poll (t = 0) and announces the host with a GARP at the next poll', () => {
    const t = new BondLab(twoSwitchLab({ mode: 'active-backup', updelay: 200 })).run(1_000);
    expect(t.bondEvents()[0]).toMatchObject({ t: 0, active: ['eth0'], activeSlave: 'eth0', down: ['eth1'] });
    expect(t.bondEvents()[1]).toMatchObject({ t: 200, active: ['eth0'], down: [] });
    expect(t.sent(isArp).map((w) => [w.t, w.port])).toEqual([[100, 'eth0']]);
  });
});
