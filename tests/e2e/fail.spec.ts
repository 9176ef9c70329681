/**
 * Journey 2 (DESIGN.md §1): with the fail tool, clicking a core switch fails it — its links go
 * down and the event log records the fault — and clicking again restores it. On the LACP lab
 * (examples/lacp-lab.json); vrrp.spec.ts fails a gateway.
 */
import { describe, expect } from 'vitest';
import { byTestId, it, loadExample, screenshot, setSpeed, waitForLinkStatus } from '../helpers/e2ePage';

const CORE2_LINKS = ['l1', 'l2', 'l5', 'l6'];

describe('when a student fails core2 with the fail tool', () => {
  it('takes its links down, logs the fault, and brings them back on restore', async ({ lab }) => {
    const { page } = await lab();
    await loadExample(page, 'lacp-lab');
    expect(await setSpeed(page, 10), 'speed-slider set to 10×').toMatch(/\b10\b/);
    for (const l of CORE2_LINKS) await waitForLinkStatus(page, l, 'distributing');

    const tool = byTestId(page, 'btn-fail-tool');
    await tool.click();
    await expect.poll(() => tool.getAttribute('aria-pressed'), { message: 'btn-fail-tool aria-pressed' }).toBe('true');

    const core2 = byTestId(page, 'device-core2');
    await core2.click();
    await expect.poll(() => core2.getAttribute('data-failed'), { message: 'device-core2 data-failed' }).toBe('true');
    for (const l of CORE2_LINKS) await waitForLinkStatus(page, l, 'down', 5_000);
    // core1 ↔ srv1 does not touch core2 and stays up.
    await waitForLinkStatus(page, 'l3', 'distributing', 5_000);

    const faults = byTestId(page, 'event-log').locator('[data-testid="log-entry"][data-type="fault"]');
    await expect.poll(() => faults.count(), { message: 'a fault entry in the event log' }).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'fail-core2');

    await core2.click();
    await expect.poll(() => core2.getAttribute('data-failed'), { message: 'device-core2 data-failed after restore' }).not.toBe('true');
    for (const l of CORE2_LINKS) await waitForLinkStatus(page, l, 'distributing');
    await expect.poll(() => faults.count(), { message: 'a second fault entry (restore)' }).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'restore-core2');
  });
});
