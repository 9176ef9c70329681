/**
 * A guided lesson in the browser (issue 6 item 4), opened from a shared `#lesson=` link: the N-1
 * lesson's lab runs, the links show their utilisation, the scenario's failure overloads the other
 * NIC (red, frames dropped), the goal card stays ✗ while the bond cannot lose a member, and turns
 * ✓ once the student gives the server faster NICs in the inspector; the lesson list then counts
 * it done (kept in localStorage across a reload).
 */
import { describe, expect } from 'vitest';
import { byTestId, it, screenshot, setSpeed, waitForAttr } from '../helpers/e2ePage';

describe('when a student follows the N-1 capacity lesson from a shared link', () => {
  it('sees 61 % on each 10 Mb/s NIC, a goal not met, then meets it by making the NICs 100 Mb/s', async ({ lab }) => {
    const { page } = await lab({ url: '#lesson=n-minus-1' });
    await byTestId(page, 'lesson-card').waitFor({ timeout: 10_000 });
    await byTestId(page, 'device-srv1').waitFor({ timeout: 10_000 });
    expect(await byTestId(page, 'lesson-card').textContent()).toContain('N-1 capacity');
    await setSpeed(page, 10);
    // The flows start at 4 s: each NIC then carries one 6.06 Mb/s stream, 61 % of 10 Mb/s.
    await waitForAttr(page, 'traffic-s1a', 'data-util', '61', 20_000);
    await waitForAttr(page, 'traffic-s1b', 'data-load', 'busy');
    expect(await byTestId(page, 'traffic-s1b').textContent(), 'a busy link keeps its label on screen').toBe('6.1 Mb/s · 61 %');
    await waitForAttr(page, 'lesson-card', 'data-met', 'false');
    await expect.poll(() => byTestId(page, 'lesson-goal-detail').textContent()).toContain('only 10 Mb/s is left after one member fails');
    await screenshot(page, 'lesson-n-minus-1-start');
    // The scenario fails s1a at 20 s: s1b is offered both streams, 121 %, and drops what does not fit.
    await waitForAttr(page, 'traffic-s1b', 'data-load', 'over', 20_000);
    await expect.poll(() => byTestId(page, 'traffic-s1b').textContent()).toMatch(/^⚠ 121 % of 10 Mb\/s · 1\d % dropped$/);
    await expect.poll(() => byTestId(page, 'flow-backup1').getAttribute('data-drop'), { message: 'the flow row names the drops' }).toMatch(/^1\d$/);
    await waitForAttr(page, 'lesson-card', 'data-met', 'false');
    await screenshot(page, 'lesson-n-minus-1-overloaded');

    await byTestId(page, 'device-srv1').click();
    for (const port of ['eth1', 'eth2']) await byTestId(page, `field-port-speed-${port}`).selectOption('100');
    await waitForAttr(page, 'traffic-s1a', 'data-util', '6.1', 20_000);
    expect(await byTestId(page, 'traffic-s1a').textContent()).toBe('6.1 Mb/s · 6.1 %');
    await waitForAttr(page, 'lesson-card', 'data-met', 'true');
    await screenshot(page, 'lesson-n-minus-1-met');

    await byTestId(page, 'btn-lessons').click();
    const item = page.locator('[data-testid="lesson-item"][data-lesson="n-minus-1"]');
    await expect.poll(() => item.getAttribute('data-done')).toBe('true');
    expect(await byTestId(page, 'lessons-progress').textContent()).toBe('1 of 10 done');
    await page.reload();
    await byTestId(page, 'btn-lessons').click();
    await expect.poll(() => page.locator('[data-testid="lesson-item"][data-lesson="n-minus-1"]').getAttribute('data-done'), { message: 'progress survives a reload' }).toBe('true');
  });
});
