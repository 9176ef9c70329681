/**
 * The SPoF panel in the browser (issue 6): the analysis runs in the worker with its progress
 * shown, lists the single points of failure and highlights them on the canvas (`data-spof`),
 * only while the result is about the lab on the canvas.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { byTestId, it, loadExample, screenshot, waitForAttr } from '../helpers/e2ePage';

/** Records every `data-done` / `data-total` the progress bar shows, from now on. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { spofProgress: string[] }).spofProgress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="analysis-progress"]');
      const v = bar ? `${bar.getAttribute('data-done')}/${bar.getAttribute('data-total')}` : null;
      if (v !== null && seen.at(-1) !== v) seen.push(v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { spofProgress: string[] }).spofProgress);

/** Opens the panel (if needed), runs the analysis and waits for its result. */
async function runAnalysis(page: Page): Promise<void> {
  if ((await byTestId(page, 'analysis-panel').count()) === 0) await byTestId(page, 'btn-analysis').click();
  await byTestId(page, 'analysis-panel').waitFor({ timeout: 10_000 });
  await watchProgress(page);
  await byTestId(page, 'analysis-run').click();
  await waitForAttr(page, 'analysis-panel', 'data-status', 'done', 60_000);
}

/** The element ids of the rows in a list of the panel. */
const rowsOf = (page: Page, list: string) => page.locator(`[data-testid="${list}"] [data-testid="analysis-row"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-element')));

describe('when a student looks for single points of failure', () => {
  it('single gateway: progress runs to the end, R1 is listed and highlighted on the canvas', async ({ lab }) => {
    const { page } = await lab();
    await loadExample(page, 'single-gateway');
    await byTestId(page, 'device-r1').waitFor({ timeout: 10_000 });
    await runAnalysis(page);
    // Before the worker has counted the elements the bar shows 0/0 (indeterminate).
    const seen = (await progressSeen(page)).filter((v) => !v.endsWith('/0'));
    expect(seen[0], 'the progress bar starts at 0 of 7 (the baseline and 6 elements)').toBe('0/7');
    expect(seen.at(-1), 'and reaches the total').toBe('7/7');
    const done = seen.map((v) => Number(v.split('/')[0]));
    expect(done, 'progress only goes up').toEqual([...done].sort((a, b) => a - b));
    expect(await rowsOf(page, 'analysis-spofs')).toEqual(['r1', 'sw1', 'wan', 'lan', 's1', 's2']);
    const r1 = page.locator('[data-testid="analysis-spofs"] [data-element="r1"]');
    await expect.poll(() => r1.textContent()).toContain('single gateway R1');
    await waitForAttr(page, 'device-r1', 'data-spof', 'true');
    await waitForAttr(page, 'link-wan', 'data-spof', 'true');
    expect(await byTestId(page, 'device-internet').getAttribute('data-spof')).toBeNull();
    await r1.locator('button').click();
    await expect.poll(() => page.locator('.react-flow__node.selected [data-testid="device-r1"]').count(), { message: 'the row selects R1' }).toBe(1);
    await screenshot(page, 'spof-single-gateway');
  });

  it('n-minus-1: no SPoF, but both 10 Mb/s NICs overflow after one failure — the N-1 table says so and the canvas badges them', async ({ lab }) => {
    const { page } = await lab();
    await loadExample(page, 'n-minus-1');
    await runAnalysis(page);
    await byTestId(page, 'analysis-none').waitFor({ timeout: 5_000 });
    expect(await byTestId(page, 'analysis-none-capacity').textContent()).toContain('2 links or LAGs');
    const over = await page.locator('[data-testid="analysis-capacity-row"][data-over="true"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(over.sort()).toEqual(['s1a', 's1b']);
    for (const link of ['s1a', 's1b']) await waitForAttr(page, `link-n1-${link}`, 'data-pct', '121.12');
    expect(await byTestId(page, 'link-n1-s1a').locator('text').textContent()).toBe('N-1 121 %');
    expect(await page.locator('[data-testid^="link-n1-"]').count(), 'only the two NICs').toBe(2);
    await screenshot(page, 'spof-n-minus-1');
  });

  it('reference lab: each core\'s single uplink and the MC-LAG peer-link are SPoFs; a change of lab clears the highlight', async ({ lab }) => {
    const { page } = await lab();
    await loadExample(page, 'reference-lab');
    await runAnalysis(page);
    expect(await rowsOf(page, 'analysis-spofs')).toEqual(['w1', 'w2', 'core1/po100']);
    await waitForAttr(page, 'link-w1', 'data-spof', 'true');
    await waitForAttr(page, 'link-w2', 'data-spof', 'true');
    expect(await byTestId(page, 'device-core1').getAttribute('data-spof')).toBeNull();
    await screenshot(page, 'spof-reference-lab');
    await loadExample(page, 'single-gateway');
    await byTestId(page, 'analysis-stale').waitFor({ timeout: 10_000 });
    expect(await page.locator('.react-flow [data-spof="true"]').count(), 'no highlight on another lab').toBe(0);
  });
});
