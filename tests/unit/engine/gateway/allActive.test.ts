/**
 * All-active first hops on an MC-LAG pair (protocols.md §7.5): VRRP with both peers forwarding
 * (vPC peer-gateway / Arista active-active VRRP) and an anycast gateway (RFC 9135 §4), against
 * plain VRRP where only the Master routes.
 */
import { describe, expect, it } from 'vitest';
import type { FlowEvent, OutageEvent, ProbeEvent, SimEvent } from '../../../../src/engine';
import { decodeArpFrame } from '../../../../src/engine/codecs/arp';
import { TestLab } from '../../../helpers/testLab';
import { mclagGateway } from './labs';

interface Counted {
  /** IPv4 data frames (VRRP advertisements excluded) on the peer-link between 10 s and 20 s. */
  peerLinkData: number;
  lab: TestLab;
}

function run(options: Parameters<typeof mclagGateway>[0], failAt?: number): Counted {
  const lab = new TestLab(mclagGateway(options));
  let peerLinkData = 0;
  lab.sim.onFrame((link, _from, us, frame) => {
    const isIpv4 = frame[12] === 0x08 && frame[13] === 0x00;
    if (us > 10e6 && us < 20e6 && link.id.startsWith('pl') && isIpv4 && frame[23] !== 112) peerLinkData++;
  });
  if (failAt !== undefined) lab.fail('core1', failAt);
  lab.run(30_000);
  return { peerLinkData, lab };
}

const outages = (events: readonly SimEvent[]) => events.filter((e): e is OutageEvent => e.type === 'outage');
const lostProbes = (events: readonly SimEvent[]) => events.filter((e): e is ProbeEvent => e.type === 'probe' && e.state === 'lost' && e.t > 10_000);
const lostFlows = (events: readonly SimEvent[]) => events.filter((e): e is FlowEvent => e.type === 'flow' && e.state === 'lost');

describe('when plain VRRP runs on an MC-LAG pair', () => {
  it('frames the bonds hash to the Backup cross the peer-link to the Master', () => {
    expect(run({ activeActive: false }).peerLinkData).toBeGreaterThan(100);
  });

  it('the Master\'s failure costs Master_Down_Interval', () => {
    const { lab } = run({ activeActive: false }, 20_220);
    expect(outages(lab.events).map((o) => o.durationMs)).toEqual([3600, 3600, 3600, 3600]);
    expect(outages(lab.events)[0]?.expected?.rule).toBe('vrrp.masterDownInterval');
  });
});

describe('when VRRP is active-active on the MC-LAG pair (vPC peer-gateway)', () => {
  it('in steady state no data frame crosses the peer-link: each peer routes what its member receives', () => {
    const { peerLinkData, lab } = run({ activeActive: true });
    expect(peerLinkData).toBe(0);
    const paths = new Set(lab.events.filter((e): e is FlowEvent => e.type === 'flow' && e.t < 10_000).map((e) => e.path.join(',')));
    expect([...paths].sort()).toEqual(['s1a,w1', 's1b,w2', 's2a,w1', 's2b,w2']);
  });

  it('the election still runs: one Master advertises, the Backup stays Backup', () => {
    const { lab } = run({ activeActive: true });
    const last = (device: string) => lab.events.filter((e) => e.type === 'vrrp' && e.device === device).at(-1);
    expect(last('core1')).toMatchObject({ state: 'master' });
    expect(last('core2')).toMatchObject({ state: 'backup' });
  });

  it('a peer\'s failure costs only the member loss: no flow is lost and no probe beyond one interval, not Master_Down_Interval', () => {
    const { lab } = run({ activeActive: true }, 20_220);
    expect(lostFlows(lab.events)).toEqual([]);
    for (const o of outages(lab.events)) expect(o.durationMs).toBeLessThanOrEqual(o.intervalMs);
    expect(lostProbes(lab.events).length).toBeLessThanOrEqual(4);
    expect(lab.events.find((e) => e.type === 'vrrp' && e.device === 'core2' && e.state === 'master')?.t).toBeCloseTo(23_828, 0);
  });
});

describe('when the pair is an anycast gateway (RFC 9135 §4)', () => {
  it('both switches answer ARP for the gateway with the shared MAC; there is no election at all', () => {
    const lab = new TestLab(mclagGateway({ anycast: true }));
    const replies: { from: string; mac: string }[] = [];
    lab.sim.onFrame((_link, from, _t, frame) => {
      if (frame[12] !== 0x08 || frame[13] !== 0x06) return;
      const { arp } = decodeArpFrame(frame);
      if (arp.op === 2 && arp.senderIp === '10.0.0.1' && (from.device.id === 'core1' || from.device.id === 'core2')) replies.push({ from: from.device.id, mac: arp.senderMac });
    });
    lab.run(6_000);
    expect(new Set(replies.map((r) => r.from))).toEqual(new Set(['core1', 'core2']));
    expect(new Set(replies.map((r) => r.mac))).toEqual(new Set(['00:1c:73:00:00:99']));
    expect(lab.events.filter((e) => e.type === 'vrrp' || e.type === 'vrrpAdvert')).toEqual([]);
  });

  it('no data on the peer-link, and a switch failure costs only the member loss', () => {
    expect(run({ anycast: true }).peerLinkData).toBe(0);
    const { lab } = run({ anycast: true }, 20_220);
    expect(lostFlows(lab.events)).toEqual([]);
    for (const o of outages(lab.events)) expect(o.durationMs).toBeLessThanOrEqual(o.intervalMs);
  });
});
