import { describe, expect, it } from 'vitest';
import { formatMac, parseMac } from '../../../../src/engine/codecs/mac';
import { frameHash } from '../../../../src/engine/l2/hash';
import { macKeyAt } from '../../../../src/engine/l2/macTable';
import type { Flow } from '../../../../src/model';
import type { WireFrame } from './labs';
import { BondLab, etherType, isUdp, nextPoll, oneSwitchLab } from './labs';

/** `n` flows srv → cli with distinct source ports, so layer3+4 can spread them. */
const flows = (n: number, startMs = 0, pps = 20): Flow[] => Array.from({ length: n }, (_, i) => ({ id: `f${i}`, from: 'srv', to: 'cli', pps, startMs, srcPort: 40_000 + 7 * i }));
const slaveLink = (i: number) => `a${i + 1}`;

describe('when a balance-rr bond transmits (mode 0)', () => {
  it('puts consecutive frames on the slaves in turn, starting with slave 1 (rr_tx_counter is incremented before use)', () => {
    const t = new BondLab(oneSwitchLab({ mode: 'balance-rr' }, flows(1, 0, 50))).run(3_000);
    const links = t.sent().map((w) => w.link);
    expect(links.length).toBeGreaterThan(100);
    expect(links[0]).toBe('a2');
    links.forEach((l, i) => expect(l).toBe(i % 2 === 0 ? 'a2' : 'a1'));
  });

  it("gives a dead slave's turn to the next slave that can transmit (bond_get_slave_by_id): with 3 slaves and the middle one down, 1 : 2", () => {
    const t = new BondLab(oneSwitchLab({ mode: 'balance-rr' }, flows(1, 0, 90), 'on', 3)).fail('a2', 2_037).run(8_000);
    const after = t.sent(isUdp).filter((w) => w.t > 2_037);
    const count = (link: string) => after.filter((w) => w.link === link).length;
    expect(count('a2')).toBe(0);
    expect(Math.abs(count('a3') - 2 * count('a1'))).toBeLessThanOrEqual(2);
  });
});

describe('when a hash mode places flows (xmit_hash_policy, bonding.rst §"xmit_hash_policy")', () => {
  it.each(['layer2+3', 'layer3+4'] as const)('balance-xor: each frame leaves on slave frameHash(frame, %s) % n, and the flows use both slaves', (policy) => {
    const doc = oneSwitchLab({ mode: 'balance-xor', xmitHashPolicy: policy }, flows(8, 1_000));
    // layer2+3 hashes addresses only: give the flows different destinations (cli plus extra hosts).
    const t = new BondLab(policy === 'layer3+4' ? doc : withPeers(doc, 8)).run(4_000);
    const data = t.sent(isUdp);
    expect(data.length).toBeGreaterThan(50);
    for (const w of data) expect(w.link).toBe(slaveLink(frameHash(w.frame, policy) % 2));
    expect(new Set(data.map((w) => w.link)).size).toBe(2);
    expect(linksPerFlow(data).every((links) => links.size === 1)).toBe(true);
  });

  it('balance-xor with layer2 (the default) puts all traffic to one peer on one slave', () => {
    const t = new BondLab(oneSwitchLab({ mode: 'balance-xor' }, flows(8, 1_000))).run(4_000);
    expect(new Set(t.sent(isUdp).map((w) => w.link)).size).toBe(1);
  });

  it('802.3ad: each frame leaves on distributing member frameHash(frame, layer3+4) % n once LACP has formed', () => {
    const t = new BondLab(oneSwitchLab({ mode: '802.3ad', lacpRate: 'fast', xmitHashPolicy: 'layer3+4' }, flows(8, 4_000), 'active')).run(7_000);
    const data = t.sent(isUdp);
    expect(data.length).toBeGreaterThan(50);
    for (const w of data) expect(w.link).toBe(slaveLink(frameHash(w.frame, 'layer3+4') % 2));
    expect(new Set(data.map((w) => w.link)).size).toBe(2);
    expect(linksPerFlow(data).every((links) => links.size === 1)).toBe(true);
  });

  it('802.3ad to one switch: a member failure moves its flows to the remaining member at once (carrier), the bond marks it down at the next poll', () => {
    const failAt = 6_037;
    const t = new BondLab(oneSwitchLab({ mode: '802.3ad', lacpRate: 'fast', xmitHashPolicy: 'layer3+4' }, flows(8, 4_000), 'active')).fail('a1', failAt).run(9_000);
    const after = t.sent(isUdp).filter((w) => w.t >= failAt);
    expect(after.length).toBeGreaterThan(50);
    expect(new Set(after.map((w) => w.link))).toEqual(new Set(['a2']));
    const events = t.bondEvents().filter((e) => e.t >= failAt);
    expect(events[0]).toMatchObject({ t: failAt, active: ['eth1'], down: [] });
    expect(events.find((e) => e.down.includes('eth0'))?.t).toBe(nextPoll(failAt, 100));
    const lost = t.flowEvents().filter((e) => e.t >= failAt && e.state === 'lost');
    expect(lost).toEqual([]);
  });
});

describe('when a broadcast bond transmits (mode 3)', () => {
  it('sends every frame on every slave', () => {
    const t = new BondLab(oneSwitchLab({ mode: 'broadcast' }, flows(1, 0, 20), null)).run(3_000);
    const sent = t.sent();
    const byFrame = new Map<Uint8Array, string[]>();
    for (const w of sent) byFrame.set(w.frame, [...(byFrame.get(w.frame) ?? []), w.link]);
    expect(byFrame.size).toBeGreaterThan(40);
    for (const links of byFrame.values()) expect(links.sort()).toEqual(['a1', 'a2']);
  });
});

describe('when a balance-tlb / balance-alb bond transmits (modes 5, 6)', () => {
  it.each(['balance-tlb', 'balance-alb'] as const)('%s: flows spread by load after the 10 s rebalance; frames on a non-current slave carry that slave’s own MAC', (mode) => {
    const t = new BondLab(withPeers(oneSwitchLab({ mode, xmitHashPolicy: 'layer3+4' }, flows(8, 1_000), null), 8)).run(14_000);
    // Buckets never used have no load history, so until the first rebalance (BOND_TLB_REBALANCE_INTERVAL) every new flow lands on slave 0.
    expect(new Set(t.sent(isUdp).filter((w) => w.t < 10_000).map((w) => w.link))).toEqual(new Set(['a1']));
    const data = t.sent(isUdp).filter((w) => w.t > 10_000);
    const current = t.bond().active;
    expect(current).toBe(0);
    expect(new Set(data.map((w) => w.link)).size).toBe(2);
    for (const w of data) expect(formatMac(w.frame, 6)).toBe(w.link === 'a1' ? t.mac('srv') : t.portMac('srv', 'eth1'));
  });

  it('balance-tlb: when the current slave fails, the next one takes the bond MAC and sends a learning packet; the switch moves the MAC', () => {
    const failAt = 5_037;
    const t = new BondLab(oneSwitchLab({ mode: 'balance-tlb' }, [], null)).fail('a1', failAt).run(failAt + 500);
    const failover = nextPoll(failAt, 100);
    expect(t.bondEvents().find((e) => e.t >= failAt && e.activeSlave === 'eth1')?.t).toBe(failover);
    const lp = t.sent((f) => etherType(f) === 0x9000).find((w) => w.t === failover);
    expect(lp?.link).toBe('a2');
    expect(formatMac(lp?.frame ?? new Uint8Array(12), 0)).toBe(t.mac('srv'));
    expect(formatMac(lp?.frame ?? new Uint8Array(12), 6)).toBe(t.mac('srv'));
    const key = macKeyAt(parseMac(t.mac('srv')), 0);
    expect(t.sim.bridge('sw1')?.macs.lookup(key, t.sim.scheduler.now)).toBe('p:p2');
    expect(t.bond().accepts(t.sim.network.port('srv', 'eth1'))).toBe(true);
    expect(t.bond().accepts(t.sim.network.port('srv', 'eth0'))).toBe(false);
  });
});

/** The links each flow (told apart by UDP source port) used. */
function linksPerFlow(frames: readonly WireFrame[]): Set<string>[] {
  const byFlow = new Map<number, Set<string>>();
  for (const w of frames) {
    const srcPort = ((w.frame[34] ?? 0) << 8) | (w.frame[35] ?? 0);
    byFlow.set(srcPort, (byFlow.get(srcPort) ?? new Set()).add(w.link));
  }
  return [...byFlow.values()];
}

/** Adds `n` more hosts on extra switch ports and spreads the flows' destinations over them. */
function withPeers(doc: ReturnType<typeof oneSwitchLab>, n: number): ReturnType<typeof oneSwitchLab> {
  const sw = doc.devices.find((d) => d.id === 'sw1');
  if (!sw) throw new Error('no sw1');
  const peers = Array.from({ length: n }, (_, i) => `h${i}`);
  return {
    ...doc,
    devices: [...doc.devices.map((d) => (d === sw ? { ...sw, ports: [...sw.ports, ...peers.map((p) => ({ id: `x${p}` }))] } : d)), ...peers.map((p, i) => ({ id: p, type: 'host' as const, ip: `10.0.0.${20 + i}/24`, ports: [{ id: 'eth0' }] }))],
    links: [...doc.links, ...peers.map((p) => ({ id: `l${p}`, a: { device: 'sw1', port: `x${p}` }, b: { device: p, port: 'eth0' } }))],
    flows: (doc.flows ?? []).map((f, i) => ({ ...f, to: peers[i % n] ?? 'cli' })),
  };
}
