/**
 * MC-LAG (issue 4): the example pair keeps both servers reachable when one peer dies. The
 * student loads examples/mclag-pair.json, waits for the flows, fails the primary SW2 with the
 * fail tool (before the example's own scenario fails SW1 at 20 s) and watches the survivor SW1
 * take over: its badge says primary · peer dead, and both flows stay (or come back) delivered.
 */
import { describe, expect } from 'vitest';
import { byTestId, it, loadExample, screenshot, waitForAttr } from '../helpers/e2ePage';

describe('when a student fails one MC-LAG peer', () => {
  it('keeps the servers reachable through the survivor, which says primary · peer dead', async ({ lab }) => {
    const { page } = await lab();
    await loadExample(page, 'mclag-pair');
    await waitForAttr(page, 'device-sw2', 'data-mclag-role', 'primary');
    await waitForAttr(page, 'device-sw1', 'data-mclag-role', 'secondary');
    // The flows start at 4 s (virtual) once both bonds have formed.
    for (const f of ['f1', 'f2']) await waitForAttr(page, `flow-${f}`, 'data-state', 'ok');
    await expect.poll(() => byTestId(page, 'mclag-sw2').innerText(), { message: 'SW2 badge', timeout: 5_000 }).toMatch(/MC-LAG 10\s*·\s*primary/);
    await expect.poll(() => byTestId(page, 'bond-srv1-bond0').innerText(), { message: 'Server 1 bond badge', timeout: 5_000 }).toMatch(/bond0\s*·\s*802\.3ad\s*·\s*2\/2/);
    await screenshot(page, 'mclag-pair');

    await byTestId(page, 'btn-fail-tool').click();
    await byTestId(page, 'device-sw2').click();
    await waitForAttr(page, 'device-sw2', 'data-failed', 'true', 5_000);
    await waitForAttr(page, 'device-sw2', 'data-mclag-role', 'down', 5_000);

    // The survivor takes over once the keepalive has been silent for its timeout (3 s).
    await waitForAttr(page, 'device-sw1', 'data-mclag-role', 'primary', 10_000);
    await waitForAttr(page, 'device-sw1', 'data-mclag-state', 'peerDead', 10_000);
    await expect.poll(() => byTestId(page, 'mclag-sw1').innerText(), { message: 'SW1 badge', timeout: 5_000 }).toMatch(/primary\s*·\s*peer dead/);
    await expect.poll(() => byTestId(page, 'mclag-sw1').getAttribute('data-tone')).toBe('warn');
    // Both servers still reach each other, over SW1 alone.
    for (const f of ['f1', 'f2']) await waitForAttr(page, `flow-${f}`, 'data-state', 'ok', 5_000);
    await expect.poll(() => byTestId(page, 'bond-srv1-bond0').innerText(), { message: 'the bond lost its member to SW2', timeout: 5_000 }).toMatch(/1\/2/);
    await screenshot(page, 'mclag-peer-dead');
  });
});
