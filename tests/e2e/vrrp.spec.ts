/**
 * Journey 2 for the gateway (DESIGN.md §1, issue 5): on a VRRP pair, failing the Master by click
 * makes the Backup Master after Master_Down_Interval, and each server's card shows the outage it
 * measured next to the standard's prediction, within one probe interval of it. Also the default
 * page (the reference lab) and the anycast gateway, in English and Korean, for the screenshots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Topology } from '../../src/model';
import { ROOT } from '../helpers/e2eServer';
import { byTestId, importLabDoc, it, loadExample, screenshot, setSpeed, waitForAttr } from '../helpers/e2ePage';

/** examples/vrrp-pair.json without its scenario (it fails Core 1 at 10.22 s by itself). */
function vrrpPairByHand(): Topology {
  const doc = JSON.parse(readFileSync(join(ROOT, 'examples', 'vrrp-pair.json'), 'utf8')) as Topology;
  delete doc.scenario;
  return doc;
}

/** An element's text with its white space collapsed (chips lay their parts out as flex items). */
async function textOf(page: Page, id: string): Promise<string> {
  return ((await byTestId(page, id).first().textContent({ timeout: 5_000 })) ?? '').replace(/\s+/g, ' ').trim();
}

/** Loads the VRRP pair, waits for Core 1 to be Master and the servers to reach the internet, at 10×. */
async function electedPair(page: Page): Promise<void> {
  await importLabDoc(page, vrrpPairByHand(), 'vrrp-pair-by-hand.json');
  await byTestId(page, 'vrrp-core1-gw').waitFor({ timeout: 10_000 });
  expect(await setSpeed(page, 10), 'speed-slider set to 10×').toMatch(/10/);
  // Core 1 (priority 200) wins after its Master_Down_Interval, 3.219 s of virtual time.
  await waitForAttr(page, 'device-core1', 'data-vrrp-state', 'master');
  await waitForAttr(page, 'device-core2', 'data-vrrp-state', 'backup');
  for (const srv of ['srv1', 'srv2']) await waitForAttr(page, `device-${srv}`, 'data-reach-upstream', 'ok');
}

/** Fails Core 1 with the fail tool, as a student does. */
async function failCore1(page: Page): Promise<void> {
  const tool = byTestId(page, 'btn-fail-tool');
  await tool.click();
  await expect.poll(() => tool.getAttribute('aria-pressed'), { message: 'btn-fail-tool aria-pressed' }).toBe('true');
  await byTestId(page, 'device-core1').click();
  await waitForAttr(page, 'device-core1', 'data-failed', 'true', 5_000);
}

describe('when a student fails the VRRP Master', () => {
  it('makes the Backup Master and shows each server\'s outage next to Master_Down_Interval', async ({ lab }) => {
    const { page } = await lab();
    await electedPair(page);
    await failCore1(page);
    await waitForAttr(page, 'device-core1', 'data-vrrp-state', 'initialize', 5_000);

    // The servers lose their gateway while Core 2 waits for Master_Down_Interval…
    await waitForAttr(page, 'device-srv1', 'data-reach-gateway', 'lost', 5_000);
    // …then Core 2 becomes Master, sends its gratuitous ARP, and the servers are back.
    await waitForAttr(page, 'device-core2', 'data-vrrp-state', 'master', 10_000);
    await expect.poll(() => textOf(page, 'vrrp-core2-gw'), { message: 'vrrp-core2-gw text' }).toMatch(/VRRP 10 · Master · 100/);

    for (const srv of ['srv1', 'srv2']) {
      await waitForAttr(page, `device-${srv}`, 'data-reach-gateway', 'ok', 10_000);
      const outage = byTestId(page, `outage-${srv}-gateway`);
      await outage.waitFor({ timeout: 10_000 });
      const durationMs = Number(await outage.getAttribute('data-duration-ms'));
      const expected = byTestId(page, `outage-expected-${srv}`);
      await waitForAttr(page, `outage-expected-${srv}`, 'data-rule', 'vrrp.masterDownInterval', 5_000);
      const maxMs = Number(await expected.getAttribute('data-expected-ms'));
      const minMs = Number(await expected.getAttribute('data-expected-min-ms'));
      // RFC 5798 §6.1: Master_Down_Interval = 3 × 1 s + (256 − 100) / 256 s = 3.609 s after the
      // last advertisement, so 2.609–3.609 s after the fault; probes every 100 ms.
      expect(maxMs).toBeCloseTo(3609.375, 3);
      expect(minMs).toBeCloseTo(2609.375, 3);
      expect(durationMs, `${srv}'s measured outage`).toBeGreaterThanOrEqual(minMs - 100);
      expect(durationMs, `${srv}'s measured outage`).toBeLessThanOrEqual(maxMs + 100);
      expect(await expected.getAttribute('data-as-predicted')).toBe('true');
      expect(await textOf(page, `outage-${srv}-gateway`)).toMatch(/outage \d\.\d{3} s/);
      expect(await textOf(page, `outage-expected-${srv}`)).toMatch(/predicted 2\.609–3\.609 s Master_Down_Interval/);
    }
    await expect
      .poll(() => page.locator('[data-testid="timeline-mark"][data-kind="outage"]').count(), { message: 'outage spans on the timeline strip' })
      .toBeGreaterThanOrEqual(1);
    await screenshot(page, 'vrrp-failover');

    // The failover report (loaded on demand, with its texts) lists the fault and both servers' outages as predicted.
    await byTestId(page, 'btn-report').click();
    await byTestId(page, 'report-table').waitFor({ timeout: 10_000 });
    expect(await textOf(page, 'report-fault')).toMatch(/Core 1/);
    const gatewayRows = page.locator('[data-testid="report-row"][data-target="gateway"]');
    expect(await gatewayRows.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-host')}:${r.getAttribute('data-verdict')}`))).toEqual(['srv1:match', 'srv2:match']);
    expect(await gatewayRows.first().locator('[data-testid="report-expected"]').getAttribute('title')).toMatch(/^Master_Down_Interval of the best backup \(priority 100\)/);
    await screenshot(page, 'vrrp-failover-report');
  });

  it('says it in Korean', async ({ lab }) => {
    const { page } = await lab({ locale: 'ko-KR' });
    await electedPair(page);
    await failCore1(page);
    await waitForAttr(page, 'device-core2', 'data-vrrp-state', 'master', 10_000);
    await byTestId(page, 'outage-srv1-gateway').waitFor({ timeout: 10_000 });
    await waitForAttr(page, 'outage-expected-srv1', 'data-rule', 'vrrp.masterDownInterval', 5_000);
    expect(await textOf(page, 'vrrp-core2-gw')).toMatch(/마스터/);
    expect(await textOf(page, 'reach-srv1-gateway')).toMatch(/게이트웨이\s*중단 \d\.\d{3}초/);
    expect(await textOf(page, 'outage-expected-srv1')).toMatch(/예상값 2\.609–3\.609초/);
    await screenshot(page, 'vrrp-failover-ko');
    await byTestId(page, 'btn-report').click();
    await byTestId(page, 'report-table').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="report-row"][data-target="gateway"] [data-testid="report-expected"]').first().getAttribute('title')).toMatch(/^가장 좋은 백업\(우선순위 100\)의 Master_Down_Interval/);
    await screenshot(page, 'vrrp-failover-report-ko');
  });
});

describe('when the page opens on the reference lab', () => {
  for (const [locale, suffix] of [
    ['en-US', 'en'],
    ['ko-KR', 'ko'],
  ] as const) {
    it(`shows the gateway pair, the servers' reachability and the anycast gateway (${suffix})`, async ({ lab }) => {
      const { page } = await lab({ locale });
      // Active-active VRRP on the MC-LAG pair: Core 1 is Master, and both forward.
      await waitForAttr(page, 'device-core1', 'data-vrrp-state', 'master');
      await waitForAttr(page, 'device-core2', 'data-vrrp-state', 'backup');
      await byTestId(page, 'vrrp-aa-core2-gw').waitFor({ timeout: 5_000 });
      for (const srv of ['srv1', 'srv2']) await waitForAttr(page, `device-${srv}`, 'data-reach-upstream', 'ok');
      await screenshot(page, `reference-lab-${suffix}`);

      await loadExample(page, 'anycast-gateway');
      for (const leaf of ['leaf1', 'leaf2']) await byTestId(page, `anycast-${leaf}-agw`).waitFor({ timeout: 5_000 });
      for (const srv of ['srv1', 'srv2']) await waitForAttr(page, `device-${srv}`, 'data-reach-upstream', 'ok');
      await screenshot(page, `anycast-gateway-${suffix}`);
    });
  }
});
