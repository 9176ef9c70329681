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
