/**
 * Journey 1 (DESIGN.md §1): the page opens on the reference lab (examples/reference-lab.json),
 * already running — LACPDUs move, the cores' peer-link distributes, the VRRP pair elects its
 * Master, the clock advances — and a LACPDU of the LACP lab opens in the packet inspector
 * (journey 4) with its raw bytes.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import {
  byTestId,
  clickAt,
  it,
  loadExample,
  readClock,
  screenshot,
  topmostAtCentre,
  waitForClockToStop,
  waitForLinkStatus,
} from '../helpers/e2ePage';

/** Every `pdu-dot` now: its link, frame and the centre of its box. */
function sampleDots(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="pdu-dot"]'), (el) => {
      const r = el.getBoundingClientRect();
      return { link: el.getAttribute('data-link'), frame: el.getAttribute('data-frame'), x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }),
  );
}

describe('when the page opens on the default lab', () => {
  it('shows LACPDU dots moving, the core LAG distributing and the clock running', async ({ lab }) => {
    const { page } = await lab();
    expect(await byTestId(page, 'device-core1').count(), 'the default lab (examples/reference-lab.json) is shown').toBe(1);
    expect(await byTestId(page, 'vrrp-core1-gw').count(), 'core1 shows its VRRP group').toBe(1);

    // Dots appear within a few seconds.
    await byTestId(page, 'pdu-dot').first().waitFor({ state: 'attached', timeout: 5_000 });

    // …and move: the same dot (link + frame) is seen at two places, or dots show on several
    // links at several places.
    const first = await sampleDots(page);
    const seen = new Map<string, string>();
    for (const d of first) seen.set(`${d.link}/${d.frame}`, `${Math.round(d.x)},${Math.round(d.y)}`);
    const places = new Set<string>();
    const links = new Set<string>();
    await expect
      .poll(
        async () => {
          for (const d of await sampleDots(page)) {
            const here = `${Math.round(d.x)},${Math.round(d.y)}`;
            const key = `${d.link}/${d.frame}`;
            places.add(here);
            if (d.link) links.add(d.link);
            const before = seen.get(key);
            if (before !== undefined && before !== here) return 'moved';
            seen.set(key, here);
          }
          return links.size >= 2 && places.size >= 4 ? 'several links' : 'still';
        },
        { message: 'LACPDU dots should move', timeout: 5_000, interval: 50 },
      )
      .not.toBe('still');

    // The cores' peer-link po100 forms (active/active, fast rate: well within 6 s of virtual time).
    await waitForLinkStatus(page, 'pl1', 'distributing');
    await waitForLinkStatus(page, 'pl2', 'distributing');

    // The clock advances.
    const t0 = await readClock(page);
    expect(t0.ms, `clock text "${t0.text}" should read as a time`).not.toBeNaN();
    await expect.poll(async () => (await readClock(page)).ms, { message: 'the clock should advance', timeout: 5_000 }).toBeGreaterThan(t0.ms);
    await screenshot(page, 'running');
  });

  it('opens a clicked LACPDU in the packet inspector with its raw bytes', async ({ lab }) => {
    const { page } = await lab();
    // The LACP lab: every dot is a LACPDU (the reference lab also flies VRRP advertisements).
    await loadExample(page, 'lacp-lab');
    await byTestId(page, 'pdu-dot').first().waitFor({ state: 'attached', timeout: 5_000 });

    // Pause so the dot stays put under the pointer (journey 4: pause, then read a LACPDU).
    await byTestId(page, 'btn-pause').click();
    await waitForClockToStop(page);
    // Dots can overlap (several frames in flight on one link): click one that is on top.
    let dot: Awaited<ReturnType<typeof topmostAtCentre>> = null;
    await expect
      .poll(async () => (dot = await topmostAtCentre(page, '[data-testid="pdu-dot"]')), { message: 'a pdu-dot the pointer can reach', timeout: 5_000 })
      .not.toBeNull();
    const { x, y, attrs } = dot!;
    expect(attrs['data-link'], 'pdu-dot has data-link').toBeTruthy();
    expect(attrs['data-frame'], 'pdu-dot has data-frame').toBeTruthy();
    await clickAt(page, { x, y });

    const inspector = byTestId(page, 'packet-inspector');
    await inspector.waitFor({ state: 'visible', timeout: 5_000 });
    // A LACPDU frame is 124 bytes without FCS: 14 of Ethernet header + 110 of LACPDU.
    await expect
      .poll(() => inspector.locator('[data-testid="hex-byte"]').count(), { message: 'hex-byte cells of a LACPDU', timeout: 5_000 })
      .toBeGreaterThanOrEqual(124);
    const bytes = await inspector.locator('[data-testid="hex-byte"]').allInnerTexts();
    // Slow-protocols destination MAC 01:80:c2:00:00:02, EtherType 0x8809, subtype 1 (LACP).
    expect(bytes.slice(0, 6).map((b) => b.trim().toLowerCase())).toEqual(['01', '80', 'c2', '00', '00', '02']);
    expect(bytes.slice(12, 15).map((b) => b.trim().toLowerCase())).toEqual(['88', '09', '01']);
    await screenshot(page, 'packet-inspector');
  });
});
