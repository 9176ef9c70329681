import { describe, expect, it } from 'vitest';
import { encodeVrrpFrame } from '../../../../src/engine/codecs';
import { Scheduler } from '../../../../src/engine/scheduler';
import type { VrrpConfig, VrrpEvent } from '../../../../src/engine/vrrp';
import { VirtualRouter } from '../../../../src/engine/vrrp';
import { fromHex } from '../codecs/thrown';
import { FakeLan } from './fakeLan';

const S = 1_000_000;
const VIP = '10.0.0.254';

/** One router alone on a scheduler, recording what it sends, emits and which hooks it calls. */
function solo(config: Partial<VrrpConfig> = {}) {
  const scheduler = new Scheduler();
  const sent: { t: number; frame: Uint8Array }[] = [];
  const events: VrrpEvent[] = [];
  const hooks: string[] = [];
  const router = new VirtualRouter(scheduler, { device: 'R', port: 'eth1', vrid: 1, primaryIp: '10.0.0.2', virtualIps: [VIP], ...config }, {
    send: (frame) => sent.push({ t: scheduler.now, frame }),
    emit: (e) => events.push(e),
    becameMaster: () => hooks.push('master'),
    becameBackup: () => hooks.push('backup'),
    becameInitialize: () => hooks.push('initialize'),
  });
  return { scheduler, router, sent, events, hooks };
}

/** A peer's advertisement for VRID 1. */
const advert = (priority: number, src = '10.0.0.9', over: Partial<{ vrid: number; addresses: string[]; ttl: number }> = {}) =>
  encodeVrrpFrame({ vrid: over.vrid ?? 1, priority, maxAdverIntCs: 100, addresses: over.addresses ?? [VIP] }, { src, ttl: over.ttl ?? 255 });

describe('when a VRRP instance receives frames (RFC 5798 §7.1)', () => {
  it('§7.1: in Initialize it ignores everything', () => {
    const { router } = solo();
    expect(router.receive(advert(100))).toBe('notRunning');
  });

  it('§7.1: discards a TTL other than 255 and a corrupted checksum (codec checks) as malformed', () => {
    const { router, scheduler } = solo();
    router.startup();
    expect(router.receive(advert(200, '10.0.0.9', { ttl: 64 }))).toBe('malformed');
    const bad = advert(200);
    bad[40] = (bad[40] ?? 0) ^ 0xff;
    expect(router.receive(bad)).toBe('malformed');
    scheduler.runUntil(10 * S);
    expect(router.state).toBe('master');
  });

  it('§7.1: discards a VRID not configured here, VRRPv2, and its own advertisement looped back', () => {
    const { router } = solo();
    router.startup();
    expect(router.receive(advert(200, '10.0.0.9', { vrid: 2 }))).toBe('otherVrid');
    // PcapPlusPlus VRRP-V2.pcap: a valid VRRPv2 advertisement for VRID 1.
    const v2 = fromHex('01005e00001200005e00010108004500002800000000ff701a8dc0a8001ee000001221016403000138fac0a80001c0a80002c0a80003');
    expect(router.receive(v2)).toBe('otherVersion');
    expect(router.receive(advert(200, '10.0.0.2'))).toBe('own');
  });

  it('§7.1 MAY check: a different address list is logged as a misconfiguration but still processed', () => {
    const { router } = solo();
    router.startup();
    expect(router.receive(advert(200, '10.0.0.9', { addresses: ['10.0.0.253'] }))).toBe('misconfigured');
    expect(router.masterIp).toBe('10.0.0.9');
  });

  it('errata 8298 to RFC 9568 §7.1: the address owner processes advertisements instead of discarding them', () => {
    const { router } = solo({ priority: 255, primaryIp: VIP });
    router.startup();
    expect(router.receive(advert(255, '10.0.0.255'))).toBe('processed');
    expect(router.state).toBe('backup');
  });
});

describe('when a Master hears another router resign with priority 0 (RFC 5798 §6.4.3)', () => {
  it('§6.4.3: it sends an ADVERTISEMENT at once and restarts the Adver_Timer', () => {
    const { router, scheduler, sent } = solo();
    router.startup();
    scheduler.runUntil(5_000_000);
    expect(router.state).toBe('master');
    const before = sent.length;
    router.receive(advert(0));
    expect(sent.slice(before).map((s) => s.t)).toEqual([5_000_000]);
    scheduler.runUntil(6_500_000);
    expect(sent.slice(before).map((s) => s.t)).toEqual([5_000_000, 6_000_000]);
  });

  it('§6.4.3: it discards a lower-priority advertisement and stays Master', () => {
    const { router, scheduler } = solo({ priority: 150 });
    router.startup();
    scheduler.runUntil(5 * S);
    router.receive(advert(100));
    expect(router.state).toBe('master');
  });
});

describe('when the data plane asks the instance (RFC 5798 §6.4.2, §6.4.3)', () => {
  it('§6.4.2 Backup: no ARP answers for the VIPs, frames to the virtual MAC are not taken, packets to the VIPs not accepted', () => {
    const { router } = solo();
    router.startup();
    expect([router.answersArpFor(VIP), router.forwards('00:00:5e:00:01:01'), router.acceptsFor(VIP)]).toEqual([false, false, false]);
  });

  it('§6.4.3 Master: answers ARP for the VIPs (with the virtual MAC) and forwards frames to it; accepts packets to the VIPs only with Accept_Mode', () => {
    const { router, scheduler } = solo();
    router.startup();
    scheduler.runUntil(4 * S);
    expect(router.virtualMac).toBe('00:00:5e:00:01:01');
    expect([router.answersArpFor(VIP), router.answersArpFor('10.0.0.2'), router.forwards('00:00:5e:00:01:01'), router.acceptsFor(VIP)]).toEqual([true, false, true, false]);
    const accepting = solo({ acceptMode: true });
    accepting.router.startup();
    accepting.scheduler.runUntil(4 * S);
    expect(accepting.router.acceptsFor(VIP)).toBe(true);
  });

  it('§6.4.3: the address owner accepts packets to its address whatever Accept_Mode says', () => {
    const { router } = solo({ priority: 255, primaryIp: VIP });
    router.startup();
    expect(router.acceptsFor(VIP)).toBe(true);
  });

  it('calls the host hooks on each state change, in order', () => {
    const { router, scheduler, hooks } = solo();
    router.startup();
    scheduler.runUntil(4 * S);
    router.shutdown();
    expect(hooks).toEqual(['backup', 'master', 'initialize']);
  });
});

describe('when gratuitous ARPs are configured like keepalived (vrrp_garp_master_repeat 5, vrrp_garp_master_delay 5)', () => {
  const lan = new FakeLan();
  lan.add('A', { priority: 100, primaryIp: '10.0.0.2', virtualIps: ['10.0.0.254', '10.0.1.254'], garpRepeat: 5, garpRefreshDelayMs: 5000 });
  lan.at(0, (l) => l.get('A').startup()).run(20 * S);

  it('RFC 5798 §6.4.2 sends one per VIP; here 5 rounds for both VIPs at the transition and 5 more 5 s later, none after', () => {
    const t0 = 3_609_375;
    const garps = lan.garps('A');
    expect(garps.map((g) => g.t)).toEqual([...Array<number>(10).fill(t0), ...Array<number>(10).fill(t0 + 5 * S)]);
    expect(garps.slice(0, 2).map((g) => g.arp.targetIp)).toEqual(['10.0.0.254', '10.0.1.254']);
    expect(garps.every((g) => g.src === '00:00:5e:00:01:01' && g.arp.senderMac === '00:00:5e:00:01:01')).toBe(true);
  });

  it('the advertisement goes out before the GARPs (§6.4.2 order)', () => {
    const types = lan.sent.filter((s) => s.t === 3_609_375).map((s) => ((s.frame[12] ?? 0) << 8) | (s.frame[13] ?? 0));
    expect(types).toEqual([0x0800, ...Array<number>(10).fill(0x0806)]);
  });
});

describe('when the events are read (the vrrp event of the stream)', () => {
  it('each carries t in ms, device, port, vrid, state, priority, masterIp when known, and why', () => {
    const { router, scheduler, events } = solo();
    router.startup();
    scheduler.runUntil(4 * S);
    expect(events).toEqual([
      { t: 0, type: 'vrrp', device: 'R', port: 'eth1', vrid: 1, state: 'backup', priority: 100, reason: 'startup' },
      { t: 3609.375, type: 'vrrp', device: 'R', port: 'eth1', vrid: 1, state: 'master', priority: 100, masterIp: '10.0.0.2', reason: 'masterDown' },
    ]);
  });

  it('a run is deterministic: the same scenario gives the same events and the same bytes', () => {
    const run = () => {
      const lan = new FakeLan();
      lan.add('A', { priority: 200, primaryIp: '10.0.0.2', tracks: [{ object: 'up', decrement: 120 }] });
      lan.add('B', { priority: 100, primaryIp: '10.0.0.3' });
      lan.add('C', { priority: 100, primaryIp: '10.0.0.4' });
      lan.at(0, (l) => l.routers.forEach((r) => r.startup()))
        .at(8 * S, (l) => l.get('A').trackDown('up'))
        .at(15 * S, (l) => l.get('B').shutdown())
        .at(25 * S, (l) => l.get('A').trackUp('up'))
        .run(40 * S);
      return JSON.stringify({ events: lan.events, frames: lan.sent.map((s) => [s.t, s.from, Array.from(s.frame)]) });
    };
    expect(run()).toBe(run());
  });
});

describe('when the configuration is given or edited', () => {
  it('applies the RFC 5798 §6.1 defaults: priority 100, 100 cs, Preempt_Mode true, Accept_Mode false', () => {
    const { router } = solo();
    expect(router.config).toMatchObject({ priority: 100, advertIntervalCs: 100, preempt: true, acceptMode: false, preemptDelayUs: 0, garpRepeat: 1 });
  });

  it('rejects what the protocol cannot carry (VRID 0, priority 0 or 256, interval 0 or 4096 cs, no VIP, a bad address)', () => {
    for (const bad of [{ vrid: 0 }, { priority: 0 }, { priority: 256 }, { advertIntervalCs: 0 }, { advertIntervalCs: 4096 }, { virtualIps: [] }, { primaryIp: '10.0.0' }]) {
      expect(() => solo(bad)).toThrow(RangeError);
    }
  });

  it('a live priority change is reported and advertised from the next advertisement; the VRID cannot change', () => {
    const { router, scheduler, events } = solo();
    router.startup();
    scheduler.runUntil(4 * S);
    router.update({ device: 'R', port: 'eth1', vrid: 1, primaryIp: '10.0.0.2', virtualIps: [VIP], priority: 120 });
    expect(events.at(-1)).toMatchObject({ state: 'master', priority: 120, reason: 'configChanged' });
    expect(() => router.update({ device: 'R', vrid: 2, primaryIp: '10.0.0.2', virtualIps: [VIP] })).toThrow(RangeError);
  });

  it('tracking never takes a backup below priority 1, and ignores objects it does not track', () => {
    const { router } = solo({ priority: 100, tracks: [{ object: 'a', decrement: 80 }, { object: 'b', decrement: 80 }] });
    router.trackDown('a');
    router.trackDown('b');
    router.trackDown('c');
    expect(router.priority).toBe(1);
    router.trackUp('a');
    expect(router.priority).toBe(20);
  });

  it('destroy stops every timer: nothing more is sent or emitted', () => {
    const { router, scheduler, sent, events } = solo();
    router.startup();
    scheduler.runUntil(4 * S);
    const [n, m] = [sent.length, events.length];
    router.destroy();
    scheduler.runUntil(20 * S);
    expect([sent.length, events.length]).toEqual([n, m]);
  });
});
