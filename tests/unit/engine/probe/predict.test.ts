/** The standard's predicted outage for a named fault (probe/predict.ts): protocols.md §7. */
import { describe, expect, it } from 'vitest';
import type { FaultFact } from '../../../../src/engine/probe';
import { predictOutage } from '../../../../src/engine/probe';
import type { Topology } from '../../../../src/model';
import { resolveTopology } from '../../../../src/model';
import en from '../../../../src/ui/i18n/en/inspector.json';
import ko from '../../../../src/ui/i18n/ko/inspector.json';
import { vrrpPair } from '../gateway/labs';

const predict = (doc: Topology, fault: FaultFact, host: string, masters: Record<string, string> = {}) => predictOutage({ topology: resolveTopology(doc), fault, host, masters: new Map(Object.entries(masters)) });
const fail = (target: string, kind: FaultFact['kind'] = 'device'): FaultFact => ({ target, kind, action: 'fail' });

/** h1 bonded (eth1, eth2) to sw1 and sw2, which join sw3; `bond` sets the bond's mode and timers. */
function bonded(bond: Partial<NonNullable<Topology['bonds']>[number]>, stp?: 'stp' | 'rstp'): Topology {
  const sw = (id: string) => ({ id, type: 'switch' as const, ports: [{ id: 'eth1' }, { id: 'eth2' }, { id: 'eth3' }], ...(stp ? { stp: { mode: stp } } : {}) });
  return {
    version: 1,
    devices: [{ id: 'h1', type: 'host', ip: '10.0.0.10/24', ports: [{ id: 'eth1' }, { id: 'eth2' }] }, sw('sw1'), sw('sw2'), sw('sw3')],
    links: [
      { id: 'b1', a: { device: 'h1', port: 'eth1' }, b: { device: 'sw1', port: 'eth1' } },
      { id: 'b2', a: { device: 'h1', port: 'eth2' }, b: { device: 'sw2', port: 'eth1' } },
      { id: 's13', a: { device: 'sw1', port: 'eth2' }, b: { device: 'sw3', port: 'eth1' } },
      { id: 's23', a: { device: 'sw2', port: 'eth2' }, b: { device: 'sw3', port: 'eth2' } },
    ],
    bonds: [{ id: 'bond0', device: 'h1', members: ['eth1', 'eth2'], mode: 'active-backup', ...bond }],
  };
}

describe('when the Master of the host\'s gateway group fails (RFC 5798 §6.1)', () => {
  it('predicts the best backup\'s Master_Down_Interval: 3.609 s for priority 100, as a range one interval wide', () => {
    expect(predict(vrrpPair(), fail('core1'), 'h1', { gw: 'core1' })).toMatchObject({ ms: 3609.375, minMs: 2609.375, rule: 'vrrp.masterDownInterval' });
  });

  it('with backups of priority 100 and 150, the 150 one wins: 3.414 s (protocols.md §7.1)', () => {
    const doc = vrrpPair();
    doc.devices.push({ id: 'core3', type: 'switch', ip: '10.0.0.4/24', ports: [{ id: 'eth1' }] });
    doc.vrrp?.[0]?.members.push({ device: 'core3', priority: 150 });
    expect(predict(doc, fail('core1'), 'h1', { gw: 'core1' })?.ms).toBeCloseTo(3414.0625, 2);
  });

  it('the Backup failing, or a host whose gateway is another address, gets no VRRP prediction', () => {
    expect(predict(vrrpPair(), fail('core2'), 'h1', { gw: 'core1' })).toBeUndefined();
    const other = vrrpPair();
    const h1 = other.devices.find((d) => d.id === 'h1');
    if (h1) h1.gateway = '10.0.0.2';
    expect(predict(other, fail('core1'), 'h1', { gw: 'core1' })).toBeUndefined();
  });

  it('a routed member port\'s link counts as the Master\'s failure too', () => {
    const doc = vrrpPair();
    const g = doc.vrrp?.[0];
    doc.devices.push({ id: 'r9', type: 'router', ports: [{ id: 'eth1', ip: '10.0.0.9/24' }] });
    doc.links.push({ id: 'r9l', a: { device: 'r9', port: 'eth1' }, b: { device: 'acc', port: 'eth3' } });
    doc.links = doc.links.filter((l) => l.id !== 'u2');
    g?.members.push({ device: 'r9', port: 'eth1', priority: 250 });
    expect(predict(doc, fail('r9l', 'link'), 'h1', { gw: 'r9' })).toMatchObject({ rule: 'vrrp.masterDownInterval', ms: 3218.75 });
  });
});

describe('when a host bond loses a member (Linux bonding, protocols.md §7.2)', () => {
  it('active-backup: the next MII poll plus downdelay', () => {
    expect(predict(bonded({ miimon: 100, downdelay: 200 }), fail('b1', 'link'), 'h1')).toMatchObject({ ms: 300, minMs: 200, rule: 'bond.miimon' });
    expect(predict(bonded({ miimon: 100 }), fail('sw1'), 'h1')).toMatchObject({ ms: 100, minMs: 0, rule: 'bond.miimon' });
  });

  it('802.3ad and the other hash modes: at once (carrier)', () => {
    expect(predict(bonded({ mode: '802.3ad' }), fail('h1:eth2', 'port'), 'h1')).toMatchObject({ ms: 0, rule: 'bond.carrier' });
  });

  it('an 802.3ad partner that goes silent: the LACP timeout, 2–3 s fast, 60–90 s slow (802.1AX 5.4.12)', () => {
    const mute: FaultFact = { target: 'sw1', kind: 'device', action: 'mute' };
    expect(predict(bonded({ mode: '802.3ad', lacpRate: 'fast' }), mute, 'h1')).toMatchObject({ ms: 3000, minMs: 2000, rule: 'lacp.timeout.fast' });
    expect(predict(bonded({ mode: '802.3ad' }), mute, 'h1')).toMatchObject({ ms: 90_000, minMs: 60_000, rule: 'lacp.timeout.slow' });
    expect(predict(bonded({}), mute, 'h1')).toBeUndefined();
  });
});

describe('when a link between switches fails (protocols.md §7.3)', () => {
  it('RSTP: the Alternate port forwards at once; STP: 30 s, up to 50 s', () => {
    expect(predict(bonded({}, 'rstp'), fail('s13', 'link'), 'h1')).toMatchObject({ ms: 0, rule: 'rstp.alternate' });
    expect(predict(bonded({}, 'stp'), fail('s13', 'link'), 'h1')).toMatchObject({ ms: 50_000, minMs: 30_000, rule: 'stp.listenLearn' });
    expect(predict(bonded({}), fail('s13', 'link'), 'h1')).toBeUndefined();
  });

  it('a LAG member with others left: ~0', () => {
    const doc = bonded({});
    doc.lags = [
      { id: 'po1', device: 'sw1', members: ['eth2', 'eth3'], mode: 'active' },
      { id: 'po1', device: 'sw3', members: ['eth1', 'eth3'], mode: 'active' },
    ];
    expect(predict(doc, fail('s13', 'link'), 'h1')).toMatchObject({ ms: 0, rule: 'lag.memberLoss' });
  });
});

describe('when a UI words a prediction in its own language (expected.values)', () => {
  const lag = bonded({});
  lag.lags = [
    { id: 'po1', device: 'sw1', members: ['eth2', 'eth3'], mode: 'active' },
    { id: 'po1', device: 'sw3', members: ['eth1', 'eth3'], mode: 'active' },
  ];
  const mute: FaultFact = { target: 'sw1', kind: 'device', action: 'mute' };
  const all = [
    predict(vrrpPair(), fail('core1'), 'h1', { gw: 'core1' }),
    predict(bonded({ miimon: 100, downdelay: 200 }), fail('b1', 'link'), 'h1'),
    predict(bonded({ mode: '802.3ad' }), fail('h1:eth2', 'port'), 'h1'),
    predict(bonded({ mode: '802.3ad', lacpRate: 'fast' }), mute, 'h1'),
    predict(bonded({ mode: '802.3ad' }), mute, 'h1'),
    predict(bonded({}, 'rstp'), fail('s13', 'link'), 'h1'),
    predict(bonded({}, 'stp'), fail('s13', 'link'), 'h1'),
    predict(lag, fail('s13', 'link'), 'h1'),
  ];
  /** `inspector.outage.detail.<rule>` of a translation file. */
  const template = (tree: unknown, rule: string): string => ['outage', 'detail', ...rule.split('.')].reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree) as string;
  const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));
  const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it('covers every rule the engine names', () => {
    expect(all.map((e) => e?.rule).sort()).toEqual(['bond.carrier', 'bond.miimon', 'lacp.timeout.fast', 'lacp.timeout.slow', 'lag.memberLoss', 'rstp.alternate', 'stp.listenLearn', 'vrrp.masterDownInterval']);
  });

  it('the English template filled with the values is the engine\'s own sentence, and Korean uses the same numbers', () => {
    for (const e of all) {
      if (!e?.values) throw new Error(`no values for ${e?.rule}`);
      expect(fill(template(en, e.rule), e.values)).toBe(e.detail);
      expect(placeholders(template(ko, e.rule))).toEqual(placeholders(template(en, e.rule)));
    }
  });
});
