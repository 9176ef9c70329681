import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import lacpLab from '../../examples/lacp-lab.json';
import type { Topology } from '../../src/model';
import { validateTopology } from '../../src/model';
import { DEFAULT_LAB } from '../../src/store/persistence';
import { resetTopologyStore, selectLinksBetween, useTopologyStore } from '../../src/store/topologyStore';
import { Capture } from '../../src/store/topologyTypes';

const store = () => useTopologyStore.getState();
const empty: Topology = { version: 1, devices: [], links: [] };
const lacp = validateTopology(lacpLab);
if (!lacp.ok) throw new Error('examples/lacp-lab.json must be valid');
/** The LACP lab (core1, core2, srv1, acc1; links l1…), which these tests edit. */
const LACP_LAB = lacp.topology;

beforeEach(() => resetTopologyStore(empty));

describe('when the store starts', () => {
  it('holds the default lab', () => {
    resetTopologyStore();
    expect(store().doc).toBe(DEFAULT_LAB);
    expect(store().doc.meta?.title).toMatch(/Reference lab/);
    expect(store().canUndo()).toBe(false);
  });
});

describe('when editing', () => {
  it('undoes and redoes add, connect and makeLag one step each', () => {
    expect(store().addDevice('switch', { x: 0, y: 0 })).toBe('sw1');
    expect(store().addDevice('switch', { x: 200, y: 0 })).toBe('sw2');
    expect(store().connect({ device: 'sw1', port: 'eth1' }, { device: 'sw2', port: 'eth1' })).toBe(true);
    expect(store().makeLag(['l1'])).toBe(true);
    expect(store().doc.lags).toHaveLength(2);
    expect(store().history).toEqual({ undo: 4, redo: 0 });

    store().undo();
    expect(store().doc.lags).toBeUndefined();
    store().undo();
    expect(store().doc.links).toEqual([]);
    store().undo();
    expect(store().doc.devices.map((d) => d.id)).toEqual(['sw1']);
    expect(store().canRedo()).toBe(true);
    expect(store().history).toEqual({ undo: 1, redo: 3 });

    store().redo();
    store().redo();
    store().redo();
    expect(store().doc.lags?.map((l) => l.id)).toEqual(['po1', 'po1']);
    expect(store().canRedo()).toBe(false);
  });

  it('makes a whole drag ONE undo step, committed at drag end', () => {
    store().addDevice('router', { x: 0, y: 0 });
    const before = store().doc;
    for (let i = 1; i <= 10; i++) store().moveDevices([{ id: 'r1', position: { x: i * 10, y: i } }], Capture.never);
    expect(store().history.undo).toBe(1);
    store().commitMove();
    expect(store().history.undo).toBe(2);
    expect(store().doc.devices[0]?.position).toEqual({ x: 100, y: 10 });
    store().undo();
    expect(store().doc).toBe(before);
    store().redo();
    expect(store().doc.devices[0]?.position).toEqual({ x: 100, y: 10 });
  });

  it('adds no step for a drag that ends where it began', () => {
    store().addDevice('router', { x: 0, y: 0 });
    store().commitMove();
    expect(store().history.undo).toBe(1);
  });

  it('makes a plain move one step', () => {
    store().addDevice('host', { x: 0, y: 0 });
    store().moveDevices([{ id: 'srv1', position: { x: 40, y: 40 } }]);
    expect(store().history.undo).toBe(2);
  });

  it('sets a notice, keeps the doc and returns false on a refused edit', () => {
    store().addDevice('switch', { x: 0, y: 0 });
    const doc = store().doc;
    expect(store().connect({ device: 'sw1', port: 'eth1' }, { device: 'sw1', port: 'eth2' })).toBe(false);
    expect(store().doc).toBe(doc);
    expect(store().notice).toEqual({ key: 'errors.edit.sameDevice', params: { device: 'sw1' }, level: 'error' });
    expect(store().history.undo).toBe(1);
    expect(store().updateLag('sw1', 'po1', { maxActive: 99 })).toBe(false);
    expect(store().notice?.key).toBe('errors.edit.unknownLag');
    expect(store().addDevice('toaster' as 'switch', { x: 0, y: 0 })).toBe('');
    store().addPort('sw1');
    expect(store().notice).toBeNull();
  });

  it('deletes the selection: devices with their links, links, and a LAG', () => {
    resetTopologyStore(LACP_LAB);
    store().select({ lag: { device: 'acc1', id: 'po1' } });
    store().deleteSelection();
    expect(store().doc.lags?.some((l) => l.device === 'acc1')).toBe(false);
    expect(store().selection.lag).toBeNull();

    store().select({ devices: ['srv1'], links: ['l1'] });
    store().deleteSelection();
    expect(store().doc.devices.map((d) => d.id)).toEqual(['core1', 'core2', 'acc1']);
    expect(store().doc.links.map((l) => l.id)).toEqual(['l2', 'l5', 'l6']);
    expect(store().selection).toEqual({ devices: [], links: [], lag: null });
    store().undo();
    expect(store().doc.devices).toHaveLength(4);
  });

  it('replaces only the given selection parts and drops parts an undo removes', () => {
    store().addDevice('switch', { x: 0, y: 0 });
    store().select({ devices: ['sw1'] });
    store().select({ links: [] });
    expect(store().selection.devices).toEqual(['sw1']);
    store().undo();
    expect(store().selection.devices).toEqual([]);
  });

  it('replaces the lab with setDoc as one step, or none with never', () => {
    store().setDoc(DEFAULT_LAB);
    expect(store().history.undo).toBe(1);
    store().setDoc(empty, Capture.never);
    expect(store().history.undo).toBe(1);
    store().setDoc({ version: 1, devices: [{ id: '1bad', type: 'switch', ports: [] }], links: [] });
    expect(store().notice?.key).toBe('errors.edit.invalid');
    expect(store().doc).toBe(empty);
    store().setDoc(DEFAULT_LAB, Capture.never);
    expect(store().notice?.key).toBe('errors.edit.invalid'); // a new lab keeps the message about the last one
  });

  it('keeps at most 100 undo steps', () => {
    store().addDevice('switch', { x: 0, y: 0 });
    for (let i = 0; i < 120; i++) store().moveDevices([{ id: 'sw1', position: { x: i + 1, y: 0 } }]);
    expect(store().history.undo).toBe(100);
  });
});

describe('when editing hosts, spanning tree, bonds, MC-LAG and flows', () => {
  it('makes each network edit one undo step', () => {
    for (const x of [0, 200]) store().addDevice('switch', { x, y: 0 });
    store().addDevice('host', { x: 0, y: 200 });
    store().addDevice('host', { x: 200, y: 200 });
    for (const p of ['eth1', 'eth2', 'eth3']) store().connect({ device: 'sw1', port: p }, { device: 'sw2', port: p });
    store().connect({ device: 'srv1', port: 'eth1' }, { device: 'sw1', port: 'eth5' });
    store().connect({ device: 'srv1', port: 'eth2' }, { device: 'sw2', port: 'eth5' });
    store().makeLag(['l1', 'l2']);
    const steps: [string, () => boolean | string][] = [
      ['ip 1', () => store().setDeviceIp('srv1', '10.0.0.1/24')],
      ['ip 2', () => store().setDeviceIp('srv2', '10.0.0.2/24')],
      ['stp', () => store().updateStp('sw1', { mode: 'rstp', priority: 4096 })],
      ['port stp', () => store().updatePortStp('sw1', 'eth8', { edge: true })],
      ['mclag', () => store().makeMcLag('sw1', 'sw2')],
      ['mclag role', () => store().updateMcLag('mlag1', { rolePriority: { sw1: 10 } })],
      ['bond', () => store().makeBond('srv1', ['eth1', 'eth2'])],
      ['bond mode', () => store().updateBond('srv1', 'bond0', { miimon: 50 })],
      ['mclag port', () => store().makeMcLagPort('mlag1', 'srv1')],
      ['flow', () => store().addFlow('srv1', 'srv2', { pps: 20 })],
      ['flow rate', () => store().updateFlow('f1', { pps: 30 })],
    ];
    for (const [name, step] of steps) {
      const before = store().history.undo;
      expect(step(), name).toBeTruthy();
      expect(store().history.undo, name).toBe(before + 1);
    }
    expect(store().doc.bonds?.[0]?.mode).toBe('802.3ad');
    expect(store().doc.flows).toEqual([{ id: 'f1', from: 'srv1', to: 'srv2', pps: 30 }]);
    store().undo();
    expect(store().doc.flows?.[0]?.pps).toBe(20);
    store().undo();
    store().undo();
    expect(store().doc.lags?.some((l) => l.mclag !== undefined)).toBe(false);
    expect(store().doc.bonds?.[0]?.mode).toBe('active-backup');
    for (let i = 0; i < 3; i++) store().redo();
    expect(store().doc.flows).toHaveLength(1);
    expect(store().removeFlow('f1')).toBe(true);
    expect(store().setMcLagMember('sw1', 'po2', false)).toBe(true);
    expect(store().dissolveMcLag('mlag1')).toBe(true);
    expect(store().dissolveBond('srv1', 'bond0')).toBe(true);
    expect(store().doc.mclags).toEqual([]);
    store().undo();
    expect(store().doc.bonds).toHaveLength(1);
  });

  it('refuses with a notice and leaves the document alone', () => {
    store().addDevice('host', { x: 0, y: 0 });
    const doc = store().doc;
    expect(store().setDeviceIp('srv1', '10.0.0.0/24')).toBe(false);
    expect(store().notice).toEqual({ key: 'inspector.refused.ipNetwork', params: { ip: '10.0.0.0', subnet: '10.0.0.0/24' }, level: 'error' });
    expect(store().addFlow('srv1', 'srv1')).toBe('');
    expect(store().updateStp('srv1', { mode: 'rstp' })).toBe(false);
    expect(store().makeMcLag('srv1', 'sw9')).toBe(false);
    expect(store().doc).toBe(doc);
  });
});

describe('when editing addresses, routes, VRRP, anycast gateways and probes', () => {
  it('makes each gateway edit one undo step', () => {
    store().addDevice('router', { x: 0, y: 0 });
    store().addDevice('router', { x: 200, y: 0 });
    store().addDevice('host', { x: 0, y: 200 });
    const steps: [string, () => boolean | string][] = [
      ['r1 eth1', () => store().setPortIp('r1', 'eth1', '10.0.0.2/24')],
      ['r2 eth1', () => store().setPortIp('r2', 'eth1', '10.0.0.3/24')],
      ['r1 eth2', () => store().setPortIp('r1', 'eth2', '192.0.2.1/30')],
      ['host ip', () => store().setDeviceIp('srv1', '10.0.0.11/24')],
      ['gateway', () => store().setHostGateway('srv1', '10.0.0.1')],
      ['route', () => store().addRoute('r1', { to: 'default', via: '192.0.2.2' })],
      ['route change', () => store().updateRoute('r1', 0, { to: '10.9.0.0/16', via: '192.0.2.2' })],
      ['vrrp', () => store().makeVrrpGroup(['r1', 'r2'])],
      ['vrrp vip', () => store().updateVrrpGroup('vrrp1', { advertIntervalCs: 50 })],
      ['vrrp member', () => store().updateVrrpMember('vrrp1', 'r2', { priority: 120, preempt: false })],
      ['track', () => store().addVrrpTrack('vrrp1', 'r1', 'r1:eth2', 20)],
      ['track change', () => store().updateVrrpTrack('vrrp1', 'r1', 0, 30)],
      ['track out', () => store().removeVrrpTrack('vrrp1', 'r1', 0)],
      ['member out', () => store().removeVrrpMember('vrrp1', 'r2')],
      ['member in', () => store().addVrrpMember('vrrp1', 'r2')],
      ['probes', () => store().updateProbes({ intervalMs: 50 })],
      ['route out', () => store().removeRoute('r1', 0)],
      ['dissolve', () => store().dissolveVrrpGroup('vrrp1')],
    ];
    for (const [name, step] of steps) {
      const before = store().history.undo;
      expect(step(), name).toBeTruthy();
      expect(store().history.undo, name).toBe(before + 1);
    }
    expect(store().doc.vrrp).toBeUndefined();
    store().undo();
    expect(store().doc.vrrp?.[0]).toMatchObject({ id: 'vrrp1', vip: '10.0.0.1', advertIntervalCs: 50 });
    store().undo();
    store().undo();
    expect(store().doc.probes).toBeUndefined();
    expect(store().doc.devices[0]?.routes).toEqual([{ to: '10.9.0.0/16', via: '192.0.2.2' }]);
  });

  it('makes and edits an anycast gateway one step each', () => {
    for (const x of [0, 200]) store().addDevice('switch', { x, y: 0 });
    store().setDeviceIp('sw1', '10.0.0.2/24');
    store().setDeviceIp('sw2', '10.0.0.3/24');
    const before = store().history.undo;
    expect(store().makeAnycastGateway(['sw1', 'sw2'])).toBe('agw1');
    expect(store().updateAnycastGateway('agw1', { ip: '10.0.0.254' })).toBe(true);
    expect(store().setAnycastMember('agw1', 'sw2', false)).toBe(true);
    expect(store().dissolveAnycastGateway('agw1')).toBe(true);
    expect(store().history.undo).toBe(before + 4);
    store().undo();
    expect(store().doc.anycastGateways).toEqual([{ id: 'agw1', ip: '10.0.0.254', devices: ['sw1'] }]);
  });

  it('refuses with a notice, and says when a host lost its gateway', () => {
    store().addDevice('host', { x: 0, y: 0 });
    store().setDeviceIp('srv1', '10.0.0.11/24');
    store().setHostGateway('srv1', '10.0.0.1');
    const doc = store().doc;
    expect(store().setHostGateway('srv1', '10.1.0.1')).toBe(false);
    expect(store().notice).toEqual({ key: 'inspector.refused.gatewaySubnet', params: { gateway: '10.1.0.1', device: 'srv1', subnet: '10.0.0.0/24' }, level: 'error' });
    expect(store().makeVrrpGroup(['srv1'])).toBe('');
    expect(store().updateProbes({ intervalMs: 1 })).toBe(false);
    expect(store().doc).toBe(doc);
    expect(store().setDeviceIp('srv1', '10.1.0.11/24')).toBe(true);
    expect(store().doc.devices[0]?.gateway).toBeUndefined();
    expect(store().notice).toEqual({ key: 'inspector.gateway.dropped', params: { device: 'srv1', gateway: '10.0.0.1' }, level: 'info' });
  });
});

describe('when selecting from the document', () => {
  it('gives the links between two devices, stable while links do not change', () => {
    resetTopologyStore(LACP_LAB);
    const select = selectLinksBetween('core2', 'core1');
    const first = select(store());
    expect(first.map((l) => l.id)).toEqual(['l1', 'l2']);
    store().select({ devices: ['core1'] });
    expect(select(store())).toBe(first);
  });
});

describe('when a component reads the history', () => {
  it('re-renders canUndo / canRedo selectors on every edit, undo and redo', () => {
    const { result } = renderHook(() => [useTopologyStore((s) => s.canUndo()), useTopologyStore((s) => s.canRedo())]);
    expect(result.current).toEqual([false, false]);
    act(() => void store().addDevice('switch', { x: 0, y: 0 }));
    expect(result.current).toEqual([true, false]);
    act(() => store().undo());
    expect(result.current).toEqual([false, true]);
    act(() => store().redo());
    expect(result.current).toEqual([true, false]);
  });
});
