import { describe, expect, it } from 'vitest';
import { runToEvents } from '../../../src/engine';
import { LOG_LIMIT, emptyOverlay, foldEvents } from '../../../src/store/overlayReducer';
import { example } from '../../helpers/testLab';

describe('when engine events are folded into the overlay', () => {
  const events = runToEvents(example('member-failure'), 12_000);

  it('keeps the latest state per link, port and LAG', () => {
    const s = foldEvents(emptyOverlay(), events);
    expect(s.links.l3).toBe('down');
    expect(s.links.l1).toBe('up');
    expect(s.ports['sw1:eth3']?.status).toBe('down');
    expect(s.ports['sw1:eth1']?.status).toBe('distributing');
    expect(s.lags['sw1:po1']?.active).toEqual(['eth1', 'eth2', 'eth4']);
    expect(s.pduCount.l1).toBe(events.filter((e) => e.type === 'lacpdu' && e.link === 'l1').length);
  });

  it('folding in several batches gives the same state as one batch', () => {
    const half = Math.floor(events.length / 2);
    const twice = foldEvents(foldEvents(emptyOverlay(), events.slice(0, half)), events.slice(half));
    const once = foldEvents(emptyOverlay(), events);
    expect(twice.ports).toEqual(once.ports);
    expect(twice.lags).toEqual(once.lags);
    expect(twice.log.map((e) => e.id)).toEqual(once.log.map((e) => e.id));
  });

  it('bounds the log to the newest LOG_LIMIT entries with increasing ids', () => {
    let s = emptyOverlay();
    const batch = runToEvents(example('active-active'), 60_000);
    while (s.nextLogId <= LOG_LIMIT + batch.length) s = foldEvents(s, batch);
    expect(s.log.length).toBe(LOG_LIMIT);
    expect(s.log[s.log.length - 1]?.id).toBe(s.nextLogId - 1);
  });

  it('marks device faults (fail / restore, mute / unmute)', () => {
    const s = foldEvents(emptyOverlay(), [
      { t: 1, type: 'fault', target: 'sw1', kind: 'device', action: 'fail' },
      { t: 2, type: 'fault', target: 'sw2', kind: 'device', action: 'mute' },
      { t: 3, type: 'fault', target: 'sw1', kind: 'device', action: 'restore' },
    ]);
    expect(s.devices).toEqual({ sw1: { isFailed: false, isMuted: false }, sw2: { isFailed: false, isMuted: true } });
  });
});

describe('when a frame folds a batch', () => {
  it('copies only the maps its events write', () => {
    const before = foldEvents(emptyOverlay(), [{ t: 1, type: 'link', link: 'l1', state: 'up' }]);
    const info = { systemPriority: 1, system: 'x', key: 1, portPriority: 1, port: 1, state: 0, flags: [] };
    const after = foldEvents(before, [{ t: 2, type: 'lacpdu', link: 'l1', from: { device: 'a', port: 'p' }, to: { device: 'b', port: 'p' }, arrive: 2, frame: 1, actor: info, partner: info }]);
    expect(after.links).toBe(before.links);
    expect(after.ports).toBe(before.ports);
    expect(after.pduCount).not.toBe(before.pduCount);
    expect(after.pduCount.l1).toBe(1);
    expect(before.pduCount.l1).toBeUndefined();
  });

  it('logs only the newest LOG_LIMIT entries of a huge batch, ids counting every event', () => {
    const events = Array.from({ length: LOG_LIMIT + 10 }, (_, i) => ({ t: i, type: 'link' as const, link: 'l1', state: 'up' as const }));
    const s = foldEvents(emptyOverlay(), events);
    expect(s.log.length).toBe(LOG_LIMIT);
    expect(s.log[0]?.event.t).toBe(10);
    expect(s.log[0]?.id).toBe(11);
    expect(s.nextLogId).toBe(LOG_LIMIT + 11);
  });
});

describe('when layer-2 events are folded into the overlay', () => {
  it('keeps the latest spanning-tree port, bond, MC-LAG peer, flow and busy-link traffic', () => {
    const s = foldEvents(emptyOverlay(), [
      { t: 1, type: 'stp', device: 'sw1', port: 'eth2', role: 'designated', state: 'learning', rootBridge: '32768,00:00:00:00:00:01', rootCost: 0, isRoot: true },
      { t: 2, type: 'stp', device: 'sw1', port: 'eth2', role: 'alternate', state: 'discarding', rootBridge: '4096,00:00:00:00:00:02', rootCost: 20000, isRoot: false },
      { t: 3, type: 'bond', device: 'srv1', bond: 'bond0', mode: 'active-backup', active: ['eth1'], activeSlave: 'eth1', down: [] },
      { t: 4, type: 'mclag', domain: 'd10', device: 'sw1', role: 'primary', peerLink: 'down', keepalive: 'up', state: 'peerLinkDown' },
      { t: 5, type: 'flow', flow: 'f1', from: 'srv1', to: 'srv2', state: 'ok', path: ['l1', 'l2'] },
      { t: 6, type: 'traffic', link: 'l1', framesAB: 10, framesBA: 0, bytesAB: 1000, bytesBA: 0 },
      { t: 7, type: 'traffic', link: 'l2', framesAB: 10, framesBA: 0, bytesAB: 1000, bytesBA: 0 },
      { t: 8, type: 'traffic', link: 'l2', framesAB: 0, framesBA: 0, bytesAB: 0, bytesBA: 0 },
    ]);
    expect(s.stp['sw1:eth2']).toMatchObject({ role: 'alternate', state: 'discarding', isRoot: false, rootCost: 20000 });
    expect(s.bonds['srv1:bond0']).toMatchObject({ mode: 'active-backup', activeSlave: 'eth1' });
    expect(s.mclags.sw1).toMatchObject({ role: 'primary', state: 'peerLinkDown', peerLink: 'down' });
    expect(s.flows.f1).toEqual({ from: 'srv1', to: 'srv2', state: 'ok', path: ['l1', 'l2'] });
    expect(s.traffic.l1?.framesAB).toBe(10);
    // The meter's "fell silent" event (zeros) clears the link.
    expect(s.traffic.l2).toBeUndefined();
  });

  it('a batch of layer-2 events copies only the maps it writes', () => {
    const before = emptyOverlay();
    const s = foldEvents(before, [{ t: 1, type: 'flow', flow: 'f1', from: 'a', to: 'b', state: 'lost', path: [] }]);
    expect(s.flows).not.toBe(before.flows);
    expect(s.stp).toBe(before.stp);
    expect(s.links).toBe(before.links);
  });
});
