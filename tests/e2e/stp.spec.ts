/**
 * Spanning tree on the canvas (issue 4 item 3): on the RSTP triangle exactly one port is drawn
 * blocked, the root bridge wears its crown, and with STP off the same loop is drawn as a
 * broadcast storm.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Topology } from '../../src/model';
import stpTriangle from '../../examples/stp-triangle.json';
import { byTestId, importLabDoc, it, loadExample, screenshot, waitForAttr } from '../helpers/e2ePage';

/** Every link drawn blocked, with the end its ⊘ sits at. */
function blockedLinks(page: Page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('[data-testid^="link-"][data-stp-blocked]'), (el) => `${el.getAttribute('data-testid')}:${el.getAttribute('data-stp-blocked')}`));
}

describe('when the RSTP triangle runs', () => {
  it('draws exactly one blocked port, SW3 eth2, and crowns SW1 as the root bridge', async ({ lab }) => {
    const { page } = await lab();
    await loadExample(page, 'stp-triangle');
    await waitForAttr(page, 'port-sw3-eth2', 'data-stp-role', 'alternate');
    await expect.poll(() => blockedLinks(page), { message: 'the blocked links' }).toEqual(['link-l23:b']);
    await expect.poll(() => byTestId(page, 'link-l23').getAttribute('data-status')).toBe('blocked');
    expect(await byTestId(page, 'link-blocked-l23-b').count()).toBe(1);
    expect(await byTestId(page, 'port-sw3-eth2').getAttribute('data-stp-state')).toBe('discarding');

    await waitForAttr(page, 'device-sw1', 'data-stp-root', 'true');
    for (const sw of ['sw2', 'sw3']) expect(await byTestId(page, `device-${sw}`).getAttribute('data-stp-root')).toBe('false');
    expect(await byTestId(page, 'stp-root-sw1').innerText()).toContain('Root bridge');
    expect(await byTestId(page, 'stp-root-sw2').count()).toBe(0);
    await waitForAttr(page, 'flow-f1', 'data-state', 'ok');
    await screenshot(page, 'stp-triangle');
  });
});

describe('when the same triangle runs with STP off', () => {
  it('shows the loop as a broadcast storm', async ({ lab }) => {
    const { page } = await lab();
    const doc = structuredClone(stpTriangle) as unknown as Topology;
    doc.meta = { title: 'A loop without spanning tree' };
    for (const d of doc.devices) if (d.stp) d.stp = { mode: 'off' };
    await importLabDoc(page, doc, 'storm.json');
    // The first broadcast (H2's ARP request at 1 s) loops for ever.
    await waitForAttr(page, 'link-l23', 'data-storm', 'true');
    for (const l of ['l12', 'l13']) await waitForAttr(page, `link-${l}`, 'data-storm', 'true', 5_000);
    expect(await blockedLinks(page)).toEqual([]);
    await expect.poll(() => byTestId(page, 'traffic-l23').textContent(), { message: 'the storm badge', timeout: 5_000 }).toMatch(/STORM · [\d,]+ fr\/s/);
    await screenshot(page, 'stp-off-storm');
  });
});
