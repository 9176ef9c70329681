import { describe, expect, it } from 'vitest';
import { MAX_FLOW_ROWS, deviceL2Of, infoSize } from '../../../src/ui/canvas/deviceL2';
import { highlightedLinks } from '../../../src/ui/canvas/flowHighlight';
import { utilLoad, utilisationPct } from '../../../src/ui/canvas/utilisation';
import { STORM_FPS, bondSlaveState, bridgeIndex, isStorm, isStpBlocked, mclagTone, parseTrafficKey, roundRate, stpOf, stpTone, trafficKey } from '../../../src/ui/canvas/l2View';
import { CARD_MIN_WIDTH, INFO_ROW, STRIP_HEIGHT, layoutAll } from '../../../src/ui/canvas/layout';
import { labFeatures } from '../../../src/ui/canvas/labFeatures';
import { smallLab } from './fixtures';
import { STP_CONVERGED, l2Lab } from './l2Fixtures';

describe('when a spanning-tree port is judged', () => {
  it('is blocked as an Alternate or Backup port, or while it discards or blocks (802.1D-2004 17.30, 802.1D-1998 8.4)', () => {
    expect(isStpBlocked({ role: 'alternate', state: 'discarding' })).toBe(true);
    expect(isStpBlocked({ role: 'backup', state: 'discarding' })).toBe(true);
    expect(isStpBlocked({ role: 'designated', state: 'blocking' })).toBe(true);
    expect(isStpBlocked({ role: 'designated', state: 'forwarding' })).toBe(false);
    expect(isStpBlocked({ role: 'root', state: 'learning' })).toBe(false);
    // A Disabled port's link is down: shown down, not blocked.
    expect(isStpBlocked({ role: 'disabled', state: 'discarding' })).toBe(false);
    expect(isStpBlocked(undefined)).toBe(false);
  });

  it('colours states: forwarding, on its way (listening / learning), blocking', () => {
    expect(stpTone('forwarding')).toBe('forwarding');
    expect(stpTone('listening')).toBe('learning');
    expect(stpTone('learning')).toBe('learning');
    expect(stpTone('discarding')).toBe('blocking');
    expect(stpTone('blocking')).toBe('blocking');
    expect(stpTone('disabled')).toBe('off');
  });

  it('finds a LAG member’s STP port under the LAG id, a plain port under its own', () => {
    const stp = { 'sw1:po1': STP_CONVERGED['sw3:eth2']!, 'sw1:eth3': STP_CONVERGED['sw1:eth3']! };
    expect(stpOf(stp, 'sw1', 'eth1', 'po1')?.role).toBe('alternate');
    expect(stpOf(stp, 'sw1', 'eth3', null)?.role).toBe('designated');
    expect(stpOf(stp, 'sw1', 'eth9', null)).toBeUndefined();
  });

  it('sums up each bridge once per version of the map: root, root port, cost', () => {
    const index = bridgeIndex(STP_CONVERGED);
    expect(index.get('sw1')).toEqual({ isRoot: true, rootPort: null, rootCost: 0 });
    expect(index.get('sw3')).toEqual({ isRoot: false, rootPort: 'eth1', rootCost: 20000 });
    expect(bridgeIndex(STP_CONVERGED)).toBe(index);
  });
});

describe('when bonds and MC-LAG peers are judged', () => {
  const bond = { active: ['eth1'], activeSlave: 'eth1', down: ['eth3'], mii: { eth1: 'up', eth2: 'back', eth3: 'down', eth4: 'up' } as const };

  it('tells active, failing, down and backup slaves apart', () => {
    expect(bondSlaveState(bond, 'eth1')).toBe('active');
    expect(bondSlaveState(bond, 'eth2')).toBe('failing');
    expect(bondSlaveState(bond, 'eth3')).toBe('down');
    expect(bondSlaveState(bond, 'eth4')).toBe('backup');
    expect(bondSlaveState({ active: ['eth1', 'eth2'], down: [] }, 'eth2')).toBe('active');
    expect(bondSlaveState(undefined, 'eth1')).toBeNull();
  });

  it('gives each MC-LAG state its tone', () => {
    expect(mclagTone({ role: 'primary', state: 'ok' })).toBe('ok');
    expect(mclagTone({ role: 'primary', state: 'peerLinkDown' })).toBe('warn');
    expect(mclagTone({ role: 'primary', state: 'peerDead' })).toBe('warn');
    expect(mclagTone({ role: 'secondary', state: 'suspended' })).toBe('suspended');
    expect(mclagTone({ role: 'primary', state: 'dualActive' })).toBe('split');
    expect(mclagTone({ role: 'down', state: 'ok' })).toBe('down');
  });
});

describe('when a link’s traffic is summed up', () => {
  const frames = (framesAB: number, framesBA: number, bytesAB = 0, bytesBA = 0) => ({ framesAB, framesBA, bytesAB, bytesBA });

  it('keys it by level, direction and a rounded rate', () => {
    expect(trafficKey(undefined)).toBe('');
    expect(trafficKey(frames(0, 0))).toBe('');
    expect(trafficKey(frames(10, 1))).toBe('low|ab|11|||ok|0');
    expect(trafficKey(frames(0, 120))).toBe('mid|ba|120|||ok|0');
    expect(trafficKey(frames(300, 290))).toBe('high|both|590|||ok|0');
    expect(trafficKey(frames(3666, 1001))).toBe('storm|both|4700|||ok|0');
    expect(parseTrafficKey('storm|both|4700|||ok|0')).toEqual({ level: 'storm', direction: 'both', fps: 4700, mbps: null, pct: null, load: 'ok', drop: 0 });
    expect(parseTrafficKey('')).toBeNull();
  });

  it('measures utilisation on the busier direction against the line rate (links are full duplex)', () => {
    // 500 datagrams/s of 1514-byte frames = 6.056 Mb/s: 60.6 % of 10 Mb/s, the N-1 table's figure.
    const oneStream = frames(500, 0, 500 * 1514, 0);
    expect(trafficKey(oneStream, 10)).toBe('high|ab|500|6.1|61|busy|0');
    expect(trafficKey(frames(500, 500, 500 * 1514, 500 * 1514), 10)).toBe('high|both|1000|6.1|61|busy|0');
    // Two streams on one 10 Mb/s NIC: 121 %, over capacity; on a 1 Gb/s link the same is 1.2 %.
    expect(trafficKey(frames(1000, 0, 1000 * 1514, 0), 10)).toBe('high|ab|1000|12|121|over|0');
    expect(trafficKey(frames(1000, 0, 1000 * 1514, 0), 1000)).toBe('high|ab|1000|12|1.2|ok|0');
    // The same two streams once the 10 Mb/s NIC carries its line rate: offered load (carried + dropped) is still 121 %, 19 % dropped.
    expect(trafficKey({ ...frames(813, 0, 813 * 1514, 0), dropsAB: 187, dropsBA: 0, dropBytesAB: 187 * 1514, dropBytesBA: 0 }, 10)).toBe('high|ab|810|12|121|over|19');
    expect(parseTrafficKey('high|ab|1000|12|121|over|0')).toEqual({ level: 'high', direction: 'ab', fps: 1000, mbps: 12, pct: 121, load: 'over', drop: 0 });
  });

  it('shows its label from 50 %, turns hot from 70 % and over capacity above 100 %', () => {
    expect(utilLoad(49.9)).toBe('ok');
    expect(utilLoad(50)).toBe('busy');
    expect(utilLoad(69.9)).toBe('busy');
    expect(utilLoad(70)).toBe('hot');
    expect(utilLoad(100)).toBe('hot');
    expect(utilLoad(100.01)).toBe('over');
    expect(utilisationPct({ bytesAB: 1_250_000, bytesBA: 0 }, 0)).toBe(0);
    expect(utilisationPct({ bytesAB: 0, bytesBA: 1_250_000 }, 10)).toBe(100);
  });

  it('rounds rates to two significant digits above 100, so a steady flow does not re-render each second', () => {
    expect(roundRate(42)).toBe(42);
    expect(roundRate(4397)).toBe(4400);
    expect(roundRate(1234)).toBe(1200);
    expect(roundRate(155)).toBe(160);
  });

  it('calls a storm past what flows can send (1,000 datagrams/s each) and under the storm bound (5,000 frames/s a switch)', () => {
    expect(STORM_FPS).toBeGreaterThan(1000);
    expect(STORM_FPS).toBeLessThan(5000);
    expect(isStorm({ framesAB: 1000, framesBA: 1000 })).toBe(false);
    expect(isStorm({ framesAB: 2000, framesBA: 1 })).toBe(true);
    expect(isStorm(undefined)).toBe(false);
  });
});

describe('when a card reserves its info rows', () => {
  it('gives a row to STP, MC-LAG, each bond and each flow, and widens the card to fit', () => {
    const l2 = deviceL2Of(l2Lab);
    const sw1Doc = l2Lab.devices[0]!;
    const srv1 = l2Lab.devices[3]!;
    expect(infoSize(l2(sw1Doc)).rows).toBe(2);
    expect(infoSize(l2(srv1)).rows).toBe(2);
    expect(infoSize(deviceL2Of(smallLab)(smallLab.devices[0]!))).toEqual({ rows: 0, minWidth: 0 });
    const layouts = layoutAll(l2Lab);
    const plain = layoutAll(smallLab).get('sw1')!;
    // Port strips differ with where each lab's peers sit; the info rows add the rest.
    const strips = (l: { top: unknown[]; bottom: unknown[] }) => (l.top.length > 0 ? STRIP_HEIGHT : 0) + (l.bottom.length > 0 ? STRIP_HEIGHT : 0);
    const sw1 = layouts.get('sw1')!;
    expect(sw1.height - strips(sw1) - (plain.height - strips(plain))).toBe(2 * INFO_ROW + 6);
    expect(layouts.get('sw1')!.width).toBeGreaterThan(CARD_MIN_WIDTH);
    expect(plain.infoRows).toBe(0);
  });

  it('lists at most MAX_FLOW_ROWS flows and counts the rest', () => {
    const flows = Array.from({ length: MAX_FLOW_ROWS + 3 }, (_, i) => ({ id: `f${i}`, from: 'srv1', to: 'srv2' }));
    const info = deviceL2Of({ ...l2Lab, flows })(l2Lab.devices[3]!);
    expect(info.flows).toHaveLength(MAX_FLOW_ROWS);
    expect(info.moreFlows).toBe(3);
    expect(info.flows[0]?.toName).toBe('Server 2');
  });
});

describe('when flow paths are highlighted', () => {
  const flows = { f1: { from: 'srv1', to: 'srv2', state: 'ok' as const, path: ['s1', 'l13', 's3'] }, f2: { from: 'srv2', to: 'srv1', state: 'lost' as const, path: [] } };

  it('takes a hovered flow, else a hovered host, else the selected hosts', () => {
    expect([...highlightedLinks(flows, l2Lab, [], null, 'f1')].sort()).toEqual(['l13', 's1', 's3']);
    expect([...highlightedLinks(flows, l2Lab, [], 'srv2', null)].sort()).toEqual(['l13', 's1', 's3']);
    expect([...highlightedLinks(flows, l2Lab, ['srv1', 'sw1'], null, null)].sort()).toEqual(['l13', 's1', 's3']);
    expect(highlightedLinks(flows, l2Lab, ['sw1'], null, null).size).toBe(0);
    expect(highlightedLinks(flows, l2Lab, [], 'sw1', null).size).toBe(0);
  });
});

describe('when the legend asks what a lab has', () => {
  it('finds LACP, STP, MC-LAG, bonds and flows', () => {
    const noGateway = { hasVrrp: false, hasAnycast: false, hasProbes: false };
    expect(labFeatures(l2Lab)).toEqual({ hasLacp: true, hasStp: true, hasMcLag: true, hasBonds: true, hasFlows: true, ...noGateway });
    expect(labFeatures(smallLab)).toEqual({ hasLacp: true, hasStp: false, hasMcLag: false, hasBonds: false, hasFlows: false, ...noGateway });
  });
});
