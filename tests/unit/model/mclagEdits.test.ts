import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src/model';
import { resolveTopology } from '../../../src/model';
import {
  dissolveMcLag,
  keepaliveCandidates,
  makeBond,
  makeLag,
  makeMcLag,
  makeMcLagPort,
  mclagDownstreams,
  setMcLagMember,
  updateMcLag,
} from '../../../src/model/edits';
import { example, ok, refused } from './editHelpers';

const ports = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `eth${i + 1}` }));

/**
 * sw1 and sw2: l1, l2 (eth1, eth2) for the peer-link, ka (eth3) for the keepalive; srv1 on eth5 of
 * both; sw3 on eth6 of both; sw4 only on sw1.
 */
function lab(): Topology {
  const wire = (id: string, a: string, ap: string, b: string, bp: string) => ({ id, a: { device: a, port: ap }, b: { device: b, port: bp } });
  return {
    version: 1,
    devices: [
      { id: 'sw1', type: 'switch', ports: ports(8) },
      { id: 'sw2', type: 'switch', ports: ports(8) },
      { id: 'sw3', type: 'switch', ports: ports(4) },
      { id: 'sw4', type: 'switch', ports: ports(2) },
      { id: 'srv1', type: 'host', ports: ports(2) },
    ],
    links: [
      wire('l1', 'sw1', 'eth1', 'sw2', 'eth1'),
      wire('l2', 'sw1', 'eth2', 'sw2', 'eth2'),
      wire('ka', 'sw1', 'eth3', 'sw2', 'eth3'),
      wire('s1', 'srv1', 'eth1', 'sw1', 'eth5'),
      wire('s2', 'srv1', 'eth2', 'sw2', 'eth5'),
      wire('d1', 'sw3', 'eth1', 'sw1', 'eth6'),
      wire('d2', 'sw3', 'eth2', 'sw2', 'eth6'),
      wire('o1', 'sw4', 'eth1', 'sw1', 'eth7'),
    ],
  };
}

/** The lab with the peer-link LAG po1 on both switches. */
const withPeerLink = () => ok(makeLag(lab(), ['l1', 'l2']));
/** The lab paired as domain mlag1 (domain id 1). */
const paired = () => ok(makeMcLag(withPeerLink(), 'sw1', 'sw2'));

describe('when pairing two switches', () => {
  it('takes the LAG between them as peer-link and the free link as keepalive', () => {
    const r = makeMcLag(withPeerLink(), 'sw1', 'sw2');
    const doc = ok(r);
    expect(r.ok && r.id).toBe('mlag1');
    expect(doc.mclags).toEqual([{ id: 'mlag1', domainId: 1, peers: ['sw1', 'sw2'], peerLink: 'po1', keepalive: 'ka' }]);
    expect(resolveTopology(doc).mclags[0]?.systemMac).toBe('00:23:04:ee:be:01');
  });

  it('takes the domain id and keepalive asked for, or none', () => {
    const doc = ok(makeMcLag(withPeerLink(), 'sw1', 'sw2', { domainId: 10, keepalive: null }));
    expect(doc.mclags?.[0]).toEqual({ id: 'mlag10', domainId: 10, peers: ['sw1', 'sw2'], peerLink: 'po1' });
    expect(keepaliveCandidates(withPeerLink(), 'sw1', 'sw2').map((l) => l.id)).toEqual(['ka']);
  });

  it('gives the peer-link one id on both peers, renaming one side', () => {
    let doc: Topology = { ...lab(), lags: [{ id: 'po1', device: 'sw2', members: ['eth6'], mode: 'active' }] };
    doc = ok(makeLag(doc, ['l1', 'l2']));
    expect(doc.lags?.filter((l) => l.members.includes('eth1')).map((l) => `${l.device}:${l.id}`)).toEqual(['sw1:po1', 'sw2:po2']);
    doc = ok(makeMcLag(doc, 'sw1', 'sw2'));
    expect(doc.lags?.filter((l) => l.members.includes('eth1')).map((l) => `${l.device}:${l.id}`)).toEqual(['sw1:po2', 'sw2:po2']);
    expect(doc.mclags?.[0]?.peerLink).toBe('po2');
  });

  it.each([
    ['no LAG between them', () => lab(), 'sw1', 'sw2', {}, { key: 'inspector.refused.mclagNoPeerLink', params: { a: 'sw1', b: 'sw2' } }],
    ['one switch twice', withPeerLink, 'sw1', 'sw1', {}, { key: 'inspector.refused.mclagSamePeer', params: { device: 'sw1' } }],
    ['a host', withPeerLink, 'sw1', 'srv1', {}, { key: 'inspector.refused.mclagSwitchOnly', params: { device: 'srv1' } }],
    ['a peer-link member as keepalive', withPeerLink, 'sw1', 'sw2', { keepalive: 'l1' }, { key: 'inspector.refused.mclagKeepalive', params: { link: 'l1' } }],
    ['a keepalive to a third switch', withPeerLink, 'sw1', 'sw2', { keepalive: 'o1' }, { key: 'inspector.refused.mclagKeepalive', params: { link: 'o1' } }],
    ['domain id 0', withPeerLink, 'sw1', 'sw2', { domainId: 0 }, { key: 'errors.edit.range', params: { field: 'domainId', min: 1, max: 1000 } }],
  ])('refuses %s', (_name, make, a, b, options, error) => {
    expect(refused(makeMcLag(make(), a, b, options))).toEqual(error);
  });

  it('refuses a switch already paired', () => {
    const doc = ok(makeLag(paired(), ['o1']));
    expect(refused(makeMcLag(doc, 'sw4', 'sw1'))).toEqual({ key: 'inspector.refused.mclagAlready', params: { device: 'sw1', domain: 'mlag1' } });
  });
});

describe('when changing or dissolving a domain', () => {
  it('sets role priorities, domain id and keepalive', () => {
    let doc = ok(updateMcLag(paired(), 'mlag1', { rolePriority: { sw2: 100 }, domainId: 42, keepalive: null }));
    expect(doc.mclags?.[0]).toEqual({ id: 'mlag1', domainId: 42, peers: ['sw1', 'sw2'], peerLink: 'po1', rolePriority: { sw2: 100 } });
    doc = ok(updateMcLag(doc, 'mlag1', { keepalive: 'ka', rolePriority: null }));
    expect(doc.mclags?.[0]?.keepalive).toBe('ka');
    expect(doc.mclags?.[0]).not.toHaveProperty('rolePriority');
  });

  it('refuses a role priority out of range or for a non-peer, a taken domain id, an unknown domain', () => {
    expect(refused(updateMcLag(paired(), 'mlag1', { rolePriority: { sw1: 0 } })).key).toBe('errors.edit.range');
    expect(refused(updateMcLag(paired(), 'mlag1', { rolePriority: { sw3: 10 } }))).toEqual({ key: 'inspector.refused.mclagNotPeer', params: { device: 'sw3' } });
    const two: Topology = { ...paired(), mclags: [...(paired().mclags ?? []), { id: 'x', domainId: 7, peers: ['sw3', 'sw4'], peerLink: 'po1' }] };
    expect(refused(updateMcLag(two, 'mlag1', { domainId: 7 }))).toEqual({ key: 'inspector.refused.mclagDomainTaken', params: { domainId: 7, domain: 'x' } });
    expect(refused(updateMcLag(paired(), 'nope', {})).key).toBe('inspector.refused.unknownMcLag');
  });

  it('dissolves a domain, leaving its MC-LAG ports as plain LAGs', () => {
    const doc = ok(dissolveMcLag(example('mclag-pair'), 'vpc10'));
    expect(doc.mclags).toEqual([]);
    expect(doc.lags?.filter((l) => l.mclag !== undefined)).toEqual([]);
    expect(doc.lags).toHaveLength(6);
  });
});

describe('when making MC-LAG ports', () => {
  it('lists the devices wired to both peers', () => {
    const doc = paired();
    expect(mclagDownstreams(doc, doc.mclags?.[0] ?? { id: '', domainId: 1, peers: ['a', 'b'], peerLink: '' })).toEqual(['sw3', 'srv1']);
  });

  it('bundles both peers toward a host and gives the host an 802.3ad bond', () => {
    const r = makeMcLagPort(paired(), 'mlag1', 'srv1');
    const doc = ok(r);
    expect(r.ok && r.id).toBe('po2');
    expect(doc.lags?.filter((l) => l.id === 'po2')).toEqual([
      { id: 'po2', device: 'sw1', members: ['eth5'], mode: 'active', rate: 'fast', mclag: 'mlag1' },
      { id: 'po2', device: 'sw2', members: ['eth5'], mode: 'active', rate: 'fast', mclag: 'mlag1' },
    ]);
    expect(doc.bonds).toEqual([{ id: 'bond0', device: 'srv1', members: ['eth1', 'eth2'], mode: '802.3ad', lacpRate: 'fast' }]);
  });

  it('switches an existing host bond to 802.3ad, and gives a switch below a LAG', () => {
    let doc = ok(makeBond(paired(), 'srv1', ['eth1', 'eth2']));
    doc = ok(makeMcLagPort(doc, 'mlag1', 'srv1'));
    expect(doc.bonds?.[0]?.mode).toBe('802.3ad');
    doc = ok(makeMcLagPort(doc, 'mlag1', 'sw3'));
    expect(doc.lags?.find((l) => l.device === 'sw3')).toEqual({ id: 'po1', device: 'sw3', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' });
  });

  it('refuses a device wired to one peer only, and ports already in a LAG', () => {
    expect(refused(makeMcLagPort(paired(), 'mlag1', 'sw4'))).toEqual({ key: 'inspector.refused.mclagNoPorts', params: { device: 'sw2', downstream: 'sw4' } });
    const doc = ok(makeMcLagPort(paired(), 'mlag1', 'srv1'));
    expect(refused(makeMcLagPort(doc, 'mlag1', 'srv1'))).toEqual({ key: 'errors.edit.alreadyInLag', params: { port: 'sw1:eth5', lag: 'po2' } });
  });

  it('marks and unmarks an existing LAG pair, making the twin when the other peer has none', () => {
    let doc = ok(makeLag(paired(), ['d1']));
    expect(doc.lags?.find((l) => l.device === 'sw1' && l.members.includes('eth6'))?.id).toBe('po2');
    doc = ok(setMcLagMember(doc, 'sw1', 'po2', true));
    expect(doc.lags?.filter((l) => l.id === 'po2' && l.device !== 'sw3').map((l) => [l.device, l.members, l.mclag])).toEqual([
      ['sw1', ['eth6'], 'mlag1'],
      ['sw2', ['eth6'], 'mlag1'],
    ]);
    doc = ok(setMcLagMember(doc, 'sw2', 'po2', false));
    expect(doc.lags?.filter((l) => l.mclag !== undefined)).toEqual([]);
  });

  it('refuses the peer-link, a non-peer and a LAG the other peer cannot twin', () => {
    expect(refused(setMcLagMember(paired(), 'sw1', 'po1', true))).toEqual({ key: 'inspector.refused.mclagIsPeerLink', params: { lag: 'po1' } });
    expect(refused(setMcLagMember(paired(), 'sw3', 'po1', true))).toEqual({ key: 'inspector.refused.mclagNotPeer', params: { device: 'sw3' } });
    const doc = ok(makeLag(paired(), ['o1']));
    expect(refused(setMcLagMember(doc, 'sw1', 'po2', true))).toEqual({ key: 'inspector.refused.mclagNoTwin', params: { lag: 'po2', device: 'sw2' } });
  });
});
