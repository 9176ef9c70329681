import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src/model';
import { dissolveBond, makeBond, suggestBondMode, updateBond } from '../../../src/model/edits';
import { ok, refused } from './editHelpers';

/** srv1 (eth0, eth1, eth2) wired to sw1 p1 and sw2 p1; sw3 has LAG po1 on p1+p2 toward srv2. */
function lab(): Topology {
  return {
    version: 1,
    devices: [
      { id: 'srv1', type: 'host', ports: [{ id: 'eth0' }, { id: 'eth1' }, { id: 'eth2' }] },
      { id: 'srv2', type: 'host', ports: [{ id: 'eth0' }, { id: 'eth1' }] },
      { id: 'sw1', type: 'switch', ports: [{ id: 'p1' }] },
      { id: 'sw2', type: 'switch', ports: [{ id: 'p1' }] },
      { id: 'sw3', type: 'switch', ports: [{ id: 'p1' }, { id: 'p2' }] },
    ],
    links: [
      { id: 'a1', a: { device: 'srv1', port: 'eth0' }, b: { device: 'sw1', port: 'p1' } },
      { id: 'a2', a: { device: 'srv1', port: 'eth1' }, b: { device: 'sw2', port: 'p1' } },
      { id: 'b1', a: { device: 'srv2', port: 'eth0' }, b: { device: 'sw3', port: 'p1' } },
      { id: 'b2', a: { device: 'srv2', port: 'eth1' }, b: { device: 'sw3', port: 'p2' } },
    ],
    lags: [{ id: 'po1', device: 'sw3', members: ['p1', 'p2'], mode: 'active', rate: 'fast' }],
  };
}

describe('when making a bond', () => {
  it('makes bond0 from ports in port order, active-backup when the switches run no LAG', () => {
    const r = makeBond(lab(), 'srv1', ['eth1', 'eth0']);
    const doc = ok(r);
    expect(r.ok && r.id).toBe('bond0');
    expect(doc.bonds).toEqual([{ id: 'bond0', device: 'srv1', members: ['eth0', 'eth1'], mode: 'active-backup' }]);
  });

  it('picks 802.3ad when every port is wired into an LACP LAG, balance-xor for a static one', () => {
    expect(suggestBondMode(lab(), 'srv2', ['eth0', 'eth1'])).toBe('802.3ad');
    const doc: Topology = { ...lab(), lags: [{ id: 'po1', device: 'sw3', members: ['p1', 'p2'], mode: 'on' }] };
    expect(suggestBondMode(doc, 'srv2', ['eth0', 'eth1'])).toBe('balance-xor');
    expect(suggestBondMode(lab(), 'srv1', ['eth0', 'eth2'])).toBe('active-backup');
  });

  it('takes the mode asked for and the next free name', () => {
    let doc = ok(makeBond(lab(), 'srv1', ['eth0'], 'balance-rr'));
    const r = makeBond(doc, 'srv1', ['eth1', 'eth2'], '802.3ad');
    doc = ok(r);
    expect(r.ok && r.id).toBe('bond1');
    expect(doc.bonds?.map((b) => b.mode)).toEqual(['balance-rr', '802.3ad']);
  });

  it('refuses ports already in a bond or a LAG, and no ports at all', () => {
    const doc = ok(makeBond(lab(), 'srv1', ['eth0', 'eth1']));
    expect(refused(makeBond(doc, 'srv1', ['eth1', 'eth2']))).toEqual({ key: 'errors.edit.alreadyInLag', params: { port: 'srv1:eth1', lag: 'bond0' } });
    const withLag: Topology = { ...lab(), lags: [{ id: 'bond0', device: 'srv1', members: ['eth2'], mode: 'active' }] };
    expect(refused(makeBond(withLag, 'srv1', ['eth2']))).toEqual({ key: 'errors.edit.alreadyInLag', params: { port: 'srv1:eth2', lag: 'bond0' } });
    expect(ok(makeBond(withLag, 'srv1', ['eth0'])).bonds?.[0]?.id).toBe('bond1');
    expect(refused(makeBond(lab(), 'srv1', []))).toEqual({ key: 'inspector.refused.bondEmpty' });
  });

  it('refuses a switch, an unknown port and an unknown mode', () => {
    expect(refused(makeBond(lab(), 'sw3', ['p1']))).toEqual({ key: 'inspector.refused.bondHostOnly', params: { device: 'sw3' } });
    expect(refused(makeBond(lab(), 'srv1', ['eth7'])).key).toBe('errors.edit.unknownPort');
    expect(refused(makeBond(lab(), 'srv1', ['eth0'], 'mode9' as '802.3ad')).key).toBe('errors.edit.choice');
  });
});

describe('when changing or dissolving a bond', () => {
  const bonded = () => ok(makeBond(lab(), 'srv1', ['eth0', 'eth1']));

  it('sets and resets options', () => {
    let doc = ok(updateBond(bonded(), 'srv1', 'bond0', { mode: '802.3ad', miimon: 50, downdelay: 200, lacpRate: 'fast', xmitHashPolicy: 'layer3+4', primary: 'eth1' }));
    expect(doc.bonds?.[0]).toEqual({ id: 'bond0', device: 'srv1', members: ['eth0', 'eth1'], mode: '802.3ad', miimon: 50, downdelay: 200, lacpRate: 'fast', xmitHashPolicy: 'layer3+4', primary: 'eth1' });
    doc = ok(updateBond(doc, 'srv1', 'bond0', { miimon: null, primary: null }));
    expect(doc.bonds?.[0]).not.toHaveProperty('miimon');
    expect(doc.bonds?.[0]).not.toHaveProperty('primary');
  });

  it('refuses a primary that is not a slave, options out of range and resetting the mode', () => {
    expect(refused(updateBond(bonded(), 'srv1', 'bond0', { primary: 'eth2' }))).toEqual({ key: 'errors.edit.notMember', params: { port: 'eth2', lag: 'bond0' } });
    expect(refused(updateBond(bonded(), 'srv1', 'bond0', { updelay: 60_001 })).key).toBe('errors.edit.range');
    expect(refused(updateBond(bonded(), 'srv1', 'bond0', { xmitHashPolicy: 'encap3+4' as 'layer2' })).key).toBe('errors.edit.choice');
    expect(refused(updateBond(bonded(), 'srv1', 'bond0', { mode: null })).key).toBe('errors.edit.choice');
    expect(refused(updateBond(bonded(), 'srv1', 'bond7', {}))).toEqual({ key: 'inspector.refused.unknownBond', params: { device: 'srv1', bond: 'bond7' } });
  });

  it('dissolves a bond, leaving its ports free', () => {
    const doc = ok(dissolveBond(bonded(), 'srv1', 'bond0'));
    expect(doc.bonds).toEqual([]);
    expect(ok(makeBond(doc, 'srv1', ['eth0'])).bonds?.[0]?.id).toBe('bond0');
    expect(refused(dissolveBond(doc, 'srv1', 'bond0')).key).toBe('inspector.refused.unknownBond');
  });
});
