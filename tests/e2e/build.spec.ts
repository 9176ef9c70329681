/**
 * Journey 3 (DESIGN.md §1): from an empty lab, drag two switches from the palette, wire two
 * links port to port, select both and make a LAG: it forms in the running simulation.
 */
import { describe, expect } from 'vitest';
import {
  AUTOSAVE_KEY,
  EMPTY_LAB,
  byTestId,
  clickLink,
  deviceIds,
  dragFromPalette,
  it,
  linkIds,
  portIds,
  savedLab,
  screenshot,
  setSpeed,
  testIdsWithPrefix,
  waitForLinkStatus,
  wire,
} from '../helpers/e2ePage';

describe('when a student builds a LAG from scratch', () => {
  it('drags two switches, wires two links, makes a LAG and sees it distribute 2/2', async ({ lab }) => {
    const { page } = await lab({ storage: { [AUTOSAVE_KEY]: savedLab(EMPTY_LAB) } });
    expect(await deviceIds(page), 'the lab starts empty (autosave restored)').toEqual([]);
    expect(await setSpeed(page, 10), 'speed-slider set to 10×').toMatch(/\b10\b/);

    await dragFromPalette(page, 'switch', { x: 250, y: 250 });
    await expect.poll(() => deviceIds(page), { message: 'a switch dropped from the palette' }).toHaveLength(1);
    await dragFromPalette(page, 'switch', { x: 700, y: 250 });
    await expect.poll(() => deviceIds(page), { message: 'a second switch dropped from the palette' }).toHaveLength(2);
    const [a, b] = (await deviceIds(page)) as [string, string];

    const portsA = await portIds(page, a);
    const portsB = await portIds(page, b);
    expect(portsA.length, `port handles port-${a}-*`).toBeGreaterThanOrEqual(2);
    expect(portsB.length, `port handles port-${b}-*`).toBeGreaterThanOrEqual(2);
    await wire(page, { device: a, port: portsA[0]! }, { device: b, port: portsB[0]! });
    await expect.poll(() => linkIds(page), { message: 'the first wired link' }).toHaveLength(1);
    await wire(page, { device: a, port: portsA[1]! }, { device: b, port: portsB[1]! });
    await expect.poll(() => linkIds(page), { message: 'the second wired link' }).toHaveLength(2);
    const [l1, l2] = (await linkIds(page)) as [string, string];
    // Plain links come up before there is any LAG.
    await waitForLinkStatus(page, l1, ['up', 'individual']);
    await waitForLinkStatus(page, l2, ['up', 'individual']);
    await screenshot(page, 'build-wired');

    await clickLink(page, l1);
    await clickLink(page, l2, ['Shift']);
    await byTestId(page, 'btn-make-lag').click();

    await waitForLinkStatus(page, l1, 'distributing');
    await waitForLinkStatus(page, l2, 'distributing');
    const lags = await testIdsWithPrefix(page, 'lag-');
    expect(lags.length, 'a lag-<device>-<lag> bundle label').toBeGreaterThanOrEqual(1);
    await expect
      .poll(() => byTestId(page, `lag-${lags[0]}`).innerText(), { message: `lag-${lags[0]} label` })
      .toMatch(/2\s*\/\s*2/);
    await screenshot(page, 'build-lag');
  });
});
