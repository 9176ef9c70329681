import { describe, expect, it } from 'vitest';
import { CS_US, csToUs, masterDownIntervalUs, skewTimeUs } from '../../../../src/engine/vrrp';

/** protocols.md §5.2, Advertisement_Interval 1 s: priority, Skew_Time (µs, exact then floored), Master_Down_Interval as printed there. */
const TABLE: [priority: number, skewUs: number, mdiPrinted: string][] = [
  [254, 7_812, '3.008'],
  [200, 218_750, '3.219'],
  [150, 414_062, '3.414'],
  [100, 609_375, '3.609'],
  [50, 804_687, '3.805'],
  [1, 996_093, '3.996'],
];

describe('when deriving the VRRP timers (RFC 5798 §6.1)', () => {
  it('1 cs is exactly 10 000 µs (Max Adver Int unit, §5.2.7)', () => {
    expect(CS_US).toBe(10_000);
    expect(csToUs(100)).toBe(1_000_000);
    expect(csToUs(4095)).toBe(40_950_000);
  });

  it.each(TABLE)('§6.1 priority %i at 100 cs: Skew_Time = ((256 − P) × 100 cs)/256 = %i µs, Master_Down_Interval = 3 s + skew ≈ %s s (protocols.md §5.2)', (p, skew, printed) => {
    expect(skewTimeUs(p, 100)).toBe(skew);
    expect(skewTimeUs(p, 100)).toBe(Math.floor(((256 - p) * 1_000_000) / 256));
    expect(masterDownIntervalUs(p, 100)).toBe(3_000_000 + skew);
    expect((masterDownIntervalUs(p, 100) / 1e6).toFixed(3)).toBe(printed);
  });

  it('§6.1: the exact values where the product divides by 16: priority 100 → 609 375 µs / 3 609 375 µs, priority 200 → 218 750 µs / 3 218 750 µs', () => {
    expect([skewTimeUs(100, 100), masterDownIntervalUs(100, 100)]).toEqual([609_375, 3_609_375]);
    expect([skewTimeUs(200, 100), masterDownIntervalUs(200, 100)]).toEqual([218_750, 3_218_750]);
  });

  it('§6.1 with other intervals: 10 cs → MDI(100) = 360 937 µs (protocols.md §7.1 "0.361 s"); 200 cs → MDI(100) = 7 218 750 µs', () => {
    expect(masterDownIntervalUs(100, 10)).toBe(360_937);
    expect(masterDownIntervalUs(100, 200)).toBe(7_218_750);
    expect(masterDownIntervalUs(255, 4095)).toBe(3 * 40_950_000 + 159_960);
  });

  it('§6.1: higher priority ⇒ shorter skew ⇒ the best backup fires first', () => {
    const mdis = TABLE.map(([p]) => masterDownIntervalUs(p, 100));
    expect([...mdis].sort((a, b) => a - b)).toEqual(mdis);
  });
});
