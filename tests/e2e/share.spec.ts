/**
 * Journey 6 (DESIGN.md §1) and the bad-input bar (§8): a share link carries the whole lab into a
 * fresh browser; a corrupt link shows an error and never replaces the lab the student has.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Topology } from '../../src/model';
import { AUTOSAVE_KEY, byTestId, deviceIds, deviceTexts, it, linkIds, loadExample, savedLab, screenshot } from '../helpers/e2ePage';

/** A saved lab that differs from the default one: three switches, one link. */
const SAVED: Topology = {
  version: 1,
  devices: ['alpha', 'bravo', 'charlie'].map((id, i) => ({
    id,
    type: 'switch' as const,
    name: id.toUpperCase(),
    position: { x: 100 + 250 * i, y: 150 },
    ports: [{ id: 'eth1' }, { id: 'eth2' }],
  })),
  links: [{ id: 'l1', a: { device: 'alpha', port: 'eth1' }, b: { device: 'bravo', port: 'eth1' } }],
  lags: [],
};

async function shareUrl(page: Page): Promise<string> {
  await byTestId(page, 'btn-share').click();
  await byTestId(page, 'share-dialog').waitFor({ state: 'visible', timeout: 5_000 });
  const field = byTestId(page, 'share-url');
  await field.waitFor({ timeout: 5_000 });
  const tag = await field.evaluate((el) => el.tagName);
  const url = tag === 'INPUT' || tag === 'TEXTAREA' ? await field.inputValue() : (await field.innerText()).trim();
  return url;
}

describe('when a student shares a lab', () => {
  it('opens the same lab from the share link in a fresh browser', async ({ lab }) => {
    const { page } = await lab();
    // The LACP lab: its cards settle (the reference lab's count lost seconds, which never match).
    await loadExample(page, 'lacp-lab');
    const before = (await deviceIds(page)).length;
    await byTestId(page, 'palette-switch').click();
    await expect.poll(async () => (await deviceIds(page)).length, { message: 'a click on palette-switch adds one' }).toBe(before + 1);
    const names = await deviceTexts(page);
    const links = (await linkIds(page)).sort();

    const url = await shareUrl(page);
    expect(url, 'share-url holds a link to this app').toContain(new URL(page.url()).origin);
    await screenshot(page, 'share-dialog');

    const fresh = await lab({ url });
    await expect.poll(() => deviceTexts(fresh.page), { message: 'the shared lab (device ids, names, ports)' }).toEqual(names);
    expect((await linkIds(fresh.page)).sort()).toEqual(links);
    await screenshot(fresh.page, 'share-opened');
  });

  it('shows an error for a corrupt link and keeps the saved lab', async ({ lab }) => {
    const { page } = await lab({ url: '#lab=v1.garbage!!!', storage: { [AUTOSAVE_KEY]: savedLab(SAVED) } });
    const notice = byTestId(page, 'notice');
    await notice.first().waitFor({ state: 'visible', timeout: 5_000 });
    expect(await notice.first().getAttribute('data-level')).toBe('error');
    expect((await notice.first().innerText()).trim(), 'the notice says something').not.toBe('');
    expect((await deviceIds(page)).sort()).toEqual(['alpha', 'bravo', 'charlie']);
    await screenshot(page, 'share-corrupt');
  });
});
