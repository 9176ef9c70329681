/**
 * Bonds on the server cards (issue 4 item 5): in the active-backup vs 802.3ad example, Server A's
 * badge names its active slave and moves the star to eth1 when its link to SW1 fails at 10 s.
 */
import { describe, expect } from 'vitest';
import { byTestId, it, loadExample, screenshot, setSpeed, waitForAttr } from '../helpers/e2ePage';

describe('when the bonding example runs', () => {
  it('badges each bond with its mode and moves the active slave on failover', async ({ lab }) => {
    const { page } = await lab();
    await loadExample(page, 'bond-mode1-vs-mode4');
    await waitForAttr(page, 'bond-srv-ab-bond0', 'data-bond-active-slave', 'eth0');
    await expect.poll(() => byTestId(page, 'bond-srv-ab-bond0').innerText(), { timeout: 5_000 }).toMatch(/bond0\s*·\s*active-backup\s*·\s*★ eth0/);
    // Server B's LACP forms in about 3 s.
    await expect.poll(() => byTestId(page, 'bond-srv-lacp-bond0').innerText(), { timeout: 10_000 }).toMatch(/bond0\s*·\s*802\.3ad\s*·\s*2\/2/);
    for (const f of ['ab', 'lacp-a', 'lacp-b']) await waitForAttr(page, `flow-${f}`, 'data-state', 'ok');
    await screenshot(page, 'bond-mode1-vs-mode4');

    expect(await setSpeed(page, 5), 'speed-slider set to 5×').toMatch(/\b5\b/);
    // ab1 fails at 10.05 s; the MII monitor and downdelay move the bond to eth1 at 10.3 s.
    await waitForAttr(page, 'device-srv-ab', 'data-bond-active-slave', 'eth1', 20_000);
    await waitForAttr(page, 'port-srv-ab-eth0', 'data-bond', 'down', 5_000);
    await waitForAttr(page, 'flow-ab', 'data-state', 'ok', 5_000);
    await screenshot(page, 'bond-failover');
  });
});
