/**
 * VRRP (RFC 5798) wired into the running lab: advertisements as real frames through the bridges,
 * the election and failover timers on the lab's clock, the data plane following the Master.
 * Expected numbers: shared/reference/protocols.md §5.2 and §7.1.
 */
import { describe, expect, it } from 'vitest';
import type { FlowEvent, SimEvent, VrrpAdvertEvent, VrrpEvent } from '../../../../src/engine';
import { msToUs } from '../../../../src/engine';
import { decodeArpFrame } from '../../../../src/engine/codecs/arp';
import { decodeVrrpFrame } from '../../../../src/engine/codecs/vrrp';
import { macKeyAt } from '../../../../src/engine/l2/macTable';
import { parseMac } from '../../../../src/engine/codecs/mac';
import { TestLab } from '../../../helpers/testLab';
import { vrrpPair } from './labs';

const vrrp = (events: readonly SimEvent[], device?: string) => events.filter((e): e is VrrpEvent => e.type === 'vrrp' && (device === undefined || e.device === device));
const adverts = (events: readonly SimEvent[]) => events.filter((e): e is VrrpAdvertEvent => e.type === 'vrrpAdvert');
const becameMaster = (events: readonly SimEvent[], device: string, fromMs = 0) => vrrp(events, device).find((e) => e.state === 'master' && e.t >= fromMs);
/** When core2 last heard an advertisement from core1 before `beforeMs`. */
const lastHeard = (events: readonly SimEvent[], beforeMs: number) => Math.max(...adverts(events).filter((e) => e.link === 'u2' && e.device === 'core1' && e.arrive <= beforeMs).map((e) => e.arrive));
const VMAC = '00:00:5e:00:01:0a';

describe('when the lab starts (RFC 5798 §6.4.1–6.4.2)', () => {
  const t = new TestLab(vrrpPair()).run(6_000);

  it('both members start in Backup; priority 200 becomes Master after its Master_Down_Interval (3 × 1 s + Skew_Time 0.219 s)', () => {
    expect(vrrp(t.events).filter((e) => e.t === 0).map((e) => `${e.device} ${e.state} ${e.priority} ${e.reason}`)).toEqual(['core1 backup 200 startup', 'core2 backup 100 startup']);
    expect(becameMaster(t.events, 'core1')).toMatchObject({ t: 3218.75, reason: 'masterDown', masterIp: '10.0.0.2', group: 'gw' });
    expect(becameMaster(t.events, 'core2')).toBeUndefined();
    expect(vrrp(t.events, 'core2').at(-1)).toMatchObject({ state: 'backup', reason: 'newMaster', masterIp: '10.0.0.2' });
  });

  it('advertisements are real frames from the virtual MAC to 224.0.0.18, TTL 255, flooded by the access switch', () => {
    const frames: { link: string; frame: Uint8Array }[] = [];
    const lab = new TestLab(vrrpPair());
    lab.sim.onFrame((link, _from, _t, frame) => frames.push({ link: link.id, frame }));
    lab.run(4_000);
    const first = frames.find((f) => f.frame[23] === 112);
    const d = decodeVrrpFrame(first?.frame ?? new Uint8Array());
    expect(d).toMatchObject({ src: VMAC, dst: '01:00:5e:00:00:12', ip: { src: '10.0.0.2', dst: '224.0.0.18', ttl: 255 }, vrrp: { version: 3, vrid: 10, priority: 200, maxAdverIntCs: 100, addresses: ['10.0.0.1'] } });
    const firstRound = adverts(lab.events).filter((e) => e.t < 3_219);
    expect(firstRound.map((e) => `${e.link} ${e.from.device}→${e.to.device}`)).toEqual(['u1 core1→acc', 'a1 acc→h1', 'u2 acc→core2']);
    expect(firstRound[0]).toMatchObject({ frame: 1, vrid: 10, priority: 200, advertIntervalCs: 100, group: 'gw', device: 'core1' });
  });

  it('only the Master answers the host\'s ARP for the virtual IP, with the virtual MAC (RFC 5798 §6.4.3, §6.4.2)', () => {
    const frames: { from: string; frame: Uint8Array }[] = [];
    const lab = new TestLab(vrrpPair());
    lab.sim.onFrame((_link, from, _t, frame) => frames.push({ from: from.device.id, frame }));
    lab.run(5_100);
    const replies = frames.filter((f) => f.frame[12] === 0x08 && f.frame[13] === 0x06 && decodeArpFrame(f.frame).arp.op === 2 && decodeArpFrame(f.frame).arp.senderIp === '10.0.0.1');
    expect(replies.map((f) => f.from)).toEqual(['core1', 'acc']);
    expect(decodeArpFrame(replies[0]?.frame ?? new Uint8Array())).toMatchObject({ src: VMAC, arp: { senderMac: VMAC } });
    expect(t.events.find((e) => e.type === 'arp' && e.device === 'h1')).toMatchObject({ ip: '10.0.0.1', mac: VMAC });
  });
});

describe('when the Master fails (RFC 5798 §6.4.2 Master_Down_Timer)', () => {
  const t = new TestLab(vrrpPair()).fail('core1', 10_220).run(16_000);

  it('the Backup becomes Master Master_Down_Interval (3.609375 s for priority 100) after the last advertisement it heard', () => {
    const took = becameMaster(t.events, 'core2');
    expect(took?.reason).toBe('masterDown');
    expect((took?.t ?? 0) - lastHeard(t.events, 10_220)).toBeCloseTo(3609.375, 6);
  });

  it('the failed Master goes to Initialize at once, sending nothing', () => {
    expect(vrrp(t.events, 'core1').find((e) => e.t === 10_220)).toMatchObject({ state: 'initialize', reason: 'interfaceDown' });
    expect(adverts(t.events).filter((e) => e.device === 'core1' && e.t >= 10_220)).toEqual([]);
  });

  it('the new Master sends a gratuitous ARP with the virtual MAC, and the access switch moves the virtual MAC to its port', () => {
    const took = becameMaster(t.events, 'core2')?.t ?? 0;
    const acc = t.sim.bridge('acc');
    const vmac = macKeyAt(parseMac(VMAC), 0);
    expect(acc?.macs.dump(msToUs(took + 1)).find(([mac]) => mac === vmac)?.[1]).toBe('p:eth3');
  });

  it('the host\'s flow resumes through core2 and its ARP entry for the gateway never changes', () => {
    const flows = t.events.filter((e): e is FlowEvent => e.type === 'flow');
    expect(flows.map((e) => `${e.state} ${e.path.join(',')}`)).toEqual(['ok a1,u1,w1', 'lost ', 'ok a1,u2,w2']);
    expect(t.events.filter((e) => e.type === 'arp' && e.device === 'h1')).toHaveLength(1);
  });
});

describe('when the Master shuts VRRP down gracefully (RFC 5798 §6.4.3 priority 0)', () => {
  it('it sends priority 0 and the Backup takes over after Skew_Time (0.609375 s for priority 100)', () => {
    const t = new TestLab(vrrpPair());
    t.sim.scheduler.at(msToUs(10_500), () => t.sim.vrrp()?.group('gw')[0]?.vr.shutdown());
    t.run(12_000);
    const resign = adverts(t.events).find((e) => e.device === 'core1' && e.priority === 0 && e.link === 'u2');
    expect(resign?.t).toBeGreaterThanOrEqual(10_500);
    const took = becameMaster(t.events, 'core2');
    expect(took?.reason).toBe('masterResigned');
    expect((took?.t ?? 0) - (resign?.arrive ?? 0)).toBeCloseTo(609.375, 6);
  });
});

describe('when the old Master returns (RFC 5798 §6.4.2 preemption)', () => {
  it('with Preempt_Mode (the default) it takes over again its own Master_Down_Interval (3.219 s) after it is back', () => {
    const t = new TestLab(vrrpPair()).fail('core1', 10_220).restore('core1', 20_000).run(30_000);
    expect(vrrp(t.events, 'core1').find((e) => e.t >= 20_000)).toMatchObject({ t: 20_000, state: 'backup', reason: 'startup' });
    expect(becameMaster(t.events, 'core1', 20_000)).toMatchObject({ t: 23_218.75, reason: 'preempt' });
    expect(vrrp(t.events, 'core2').find((e) => e.t > 23_000)).toMatchObject({ state: 'backup', reason: 'higherPriority' });
  });

  it('without preemption it stays Backup behind the lower-priority Master', () => {
    const t = new TestLab(vrrpPair({ core1: { preempt: false } })).fail('core1', 10_220).restore('core1', 20_000).run(40_000);
    expect(becameMaster(t.events, 'core1', 20_000)).toBeUndefined();
    expect(vrrp(t.events, 'core1').at(-1)).toMatchObject({ state: 'backup', masterIp: '10.0.0.3' });
  });

  it('a preempt delay (keepalived semantics) holds the takeover back by that long', () => {
    const t = new TestLab(vrrpPair({ core1: { preemptDelayMs: 5_000 } })).fail('core1', 10_220).restore('core1', 20_000).run(40_000);
    const back = becameMaster(t.events, 'core1', 20_000)?.t ?? 0;
    expect(back).toBeGreaterThan(25_000);
    expect(back).toBeLessThan(25_000 + 3_700);
  });
});

describe('when a tracked uplink fails (vendor tracking: priority − decrement)', () => {
  const t = new TestLab(vrrpPair({ core1: { tracks: [{ target: 'w1', decrement: 150 }] } })).fail('w1', 10_220).run(20_000);

  it('the Master\'s priority drops to 50 and the preempting Backup takes over one Master_Down_Interval after the last advertisement it accepted', () => {
    expect(vrrp(t.events, 'core1').find((e) => e.t === 10_220)).toMatchObject({ priority: 50, reason: 'priorityChanged', state: 'master' });
    const took = becameMaster(t.events, 'core2');
    expect(took?.reason).toBe('preempt');
    expect((took?.t ?? 0) - lastHeard(t.events, 10_220)).toBeCloseTo(3609.375, 6);
    expect(vrrp(t.events, 'core1').at(-1)).toMatchObject({ state: 'backup', priority: 50 });
  });

  it('the host reaches the upstream through core2 afterwards', () => {
    const flows = t.events.filter((e): e is FlowEvent => e.type === 'flow');
    expect(flows.at(-1)).toMatchObject({ state: 'ok', path: ['a1', 'u2', 'w2'] });
  });
});

describe('when the virtual IP is pinged (RFC 5798 §6.4.3 Accept_Mode)', () => {
  function pingVip(doc: ReturnType<typeof vrrpPair>): number {
    const t = new TestLab(doc);
    let replies = 0;
    t.sim.scheduler.at(msToUs(5_000), () => {
      const h1 = t.sim.hostStack('h1');
      if (!h1) return;
      h1.probeListener = { arpFrom: () => {}, echoReply: () => replies++ };
      h1.sendEcho('10.0.0.1', { id: 1, seq: 1, data: new Uint8Array(8) });
    });
    t.run(6_000);
    return replies;
  }

  it('a non-owner Master does not answer by default, answers with Accept_Mode, and the owner (255) always does', () => {
    expect(pingVip(vrrpPair())).toBe(0);
    expect(pingVip(vrrpPair({ group: { acceptMode: true } }))).toBe(1);
    const owner = vrrpPair({ core1: { priority: 255 } });
    const core1 = owner.devices.find((d) => d.id === 'core1');
    if (core1) core1.ip = '10.0.0.1/24';
    expect(pingVip(owner)).toBe(1);
  });

  it('the address owner is Master at startup, without waiting (RFC 5798 §6.4.1)', () => {
    const owner = vrrpPair({ core1: { priority: 255 } });
    const core1 = owner.devices.find((d) => d.id === 'core1');
    if (core1) core1.ip = '10.0.0.1/24';
    const t = new TestLab(owner).run(1_000);
    expect(becameMaster(t.events, 'core1')).toMatchObject({ t: 0, reason: 'owner', priority: 255 });
  });
});

describe('when the same lab runs twice', () => {
  it('the event stream is identical, byte for byte', () => {
    const run = () => JSON.stringify(new TestLab(vrrpPair()).fail('core1', 10_220).restore('core1', 20_000).run(30_000).events);
    expect(run()).toBe(run());
  });
});
