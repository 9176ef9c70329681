/**
 * The bad-input bar (DESIGN.md §8): the lab the student has is never lost — an edit is
 * autosaved and is still there after a reload.
 */
import { describe, expect } from 'vitest';
import { autosavedDoc, byTestId, deviceIds, it, screenshot, waitForCanvas } from '../helpers/e2ePage';

describe('when a student reloads the page', () => {
  it('keeps an added device (autosave)', async ({ lab }) => {
    const { page } = await lab();
    const before = await deviceIds(page);
    expect(before.length, 'the default lab has devices').toBeGreaterThan(0);
    await byTestId(page, 'palette-switch').click();
    await expect.poll(() => deviceIds(page), { message: 'a click on palette-switch adds one' }).toHaveLength(before.length + 1);
    const after = await deviceIds(page);

    // Autosave may be debounced: wait until it has written the new device, then reload.
    await expect
      .poll(async () => (await autosavedDoc(page))?.devices.length, { message: 'topolab.lab.v1 holds the new device' })
      .toBe(after.length);
    await page.reload();
    await waitForCanvas(page);
    await expect.poll(async () => (await deviceIds(page)).sort(), { message: 'the devices after reload' }).toEqual([...after].sort());
    await screenshot(page, 'reload');
  });
});
