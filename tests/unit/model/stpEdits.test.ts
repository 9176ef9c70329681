import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src/model';
import { stpTimersError, updatePortStp, updateStp } from '../../../src/model/edits';
import { ok, refused } from './editHelpers';

/** sw1 with three ports, eth2 and eth3 in LAG po1; a host. */
function bridge(): Topology {
  return {
    version: 1,
    devices: [
      { id: 'sw1', type: 'switch', ports: [{ id: 'eth1' }, { id: 'eth2' }, { id: 'eth3' }] },
      { id: 'srv1', type: 'host', ports: [{ id: 'eth1' }] },
    ],
    links: [],
    lags: [{ id: 'po1', device: 'sw1', members: ['eth2', 'eth3'], mode: 'active' }],
  };
}

describe('when changing a switch spanning tree', () => {
  it('sets the mode and priority, and drops settings that are all default', () => {
    let doc = ok(updateStp(bridge(), 'sw1', { mode: 'rstp', priority: 4096 }));
    expect(doc.devices[0]?.stp).toEqual({ mode: 'rstp', priority: 4096 });
    doc = ok(updateStp(doc, 'sw1', { priority: null }));
    expect(doc.devices[0]?.stp).toEqual({ mode: 'rstp' });
    doc = ok(updateStp(doc, 'sw1', { mode: 'off' }));
    expect(doc.devices[0]).not.toHaveProperty('stp');
  });

  it('keeps a priority set while spanning tree is off', () => {
    const doc = ok(updateStp(bridge(), 'sw1', { priority: 8192 }));
    expect(doc.devices[0]?.stp).toEqual({ mode: 'off', priority: 8192 });
  });

  it('refuses a bridge priority that is not a multiple of 4096 (802.1D-2004 Table 17-2)', () => {
    expect(refused(updateStp(bridge(), 'sw1', { priority: 1000 }))).toEqual({ key: 'inspector.refused.step', params: { field: 'priority', step: 4096 } });
    expect(refused(updateStp(bridge(), 'sw1', { priority: 65536 })).key).toBe('errors.edit.range');
  });

  it('refuses timers outside the 802.1D ranges', () => {
    expect(refused(updateStp(bridge(), 'sw1', { helloS: 0 }))).toEqual({ key: 'errors.edit.range', params: { field: 'helloS', min: 1, max: 10 } });
    expect(refused(updateStp(bridge(), 'sw1', { forwardDelayS: 31 })).key).toBe('errors.edit.range');
    expect(refused(updateStp(bridge(), 'sw1', { mode: 'mstp' as 'stp' })).key).toBe('errors.edit.choice');
  });

  it('keeps 2 × (Forward Delay − 1) ≥ Max Age ≥ 2 × (Hello Time + 1) (802.1D-2004 §17.14)', () => {
    expect(refused(updateStp(bridge(), 'sw1', { forwardDelayS: 10 }))).toEqual({ key: 'inspector.refused.stpMaxAgeHigh', params: { maxAge: 20, forwardDelay: 10, max: 18 } });
    expect(refused(updateStp(bridge(), 'sw1', { helloS: 10 }))).toEqual({ key: 'inspector.refused.stpMaxAgeLow', params: { maxAge: 20, hello: 10, min: 22 } });
    const doc = ok(updateStp(bridge(), 'sw1', { mode: 'rstp', helloS: 1, maxAgeS: 6, forwardDelayS: 4 }));
    expect(doc.devices[0]?.stp).toEqual({ mode: 'rstp', helloS: 1, maxAgeS: 6, forwardDelayS: 4 });
    expect(stpTimersError({ helloS: 2, maxAgeS: 20, forwardDelayS: 15 })).toBeUndefined();
  });

  it('refuses a host (not a bridge)', () => {
    expect(refused(updateStp(bridge(), 'srv1', { mode: 'rstp' }))).toEqual({ key: 'inspector.refused.stpBridgeOnly', params: { device: 'srv1' } });
  });
});

describe('when changing a bridge port', () => {
  it('sets cost, priority and edge on a port, and clears them', () => {
    let doc = ok(updatePortStp(bridge(), 'sw1', 'eth1', { cost: 4, priority: 64, edge: true }));
    expect(doc.devices[0]?.ports[0]).toEqual({ id: 'eth1', stp: { cost: 4, priority: 64, edge: true } });
    doc = ok(updatePortStp(doc, 'sw1', 'eth1', { cost: null, priority: null, edge: null }));
    expect(doc.devices[0]?.ports[0]).toEqual({ id: 'eth1' });
  });

  it('sets them on a LAG, which is one bridge port, and refuses its members', () => {
    const doc = ok(updatePortStp(bridge(), 'sw1', 'po1', { cost: 10000 }));
    expect(doc.lags?.[0]?.stp).toEqual({ cost: 10000 });
    expect(refused(updatePortStp(bridge(), 'sw1', 'eth2', { cost: 1 }))).toEqual({ key: 'inspector.refused.stpLagMember', params: { port: 'eth2', lag: 'po1' } });
  });

  it('refuses a port priority that is not a multiple of 16, a zero cost and unknown ports', () => {
    expect(refused(updatePortStp(bridge(), 'sw1', 'eth1', { priority: 100 }))).toEqual({ key: 'inspector.refused.step', params: { field: 'priority', step: 16 } });
    expect(refused(updatePortStp(bridge(), 'sw1', 'eth1', { cost: 0 })).key).toBe('errors.edit.range');
    expect(refused(updatePortStp(bridge(), 'sw1', 'eth9', { cost: 1 })).key).toBe('errors.edit.unknownPort');
  });
});
