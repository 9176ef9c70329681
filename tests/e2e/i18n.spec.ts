/**
 * Journey 7 (DESIGN.md §1): the interface speaks Korean and English. A Korean browser gets
 * Korean; the language switch flips to English.
 */
import { describe, expect } from 'vitest';
import { byTestId, it, screenshot } from '../helpers/e2ePage';

const HANGUL = /[\u3131-\u318e\uac00-\ud7a3]/;

describe('when the browser prefers Korean', () => {
  it('shows the UI in Korean and the language switch flips it to English', async ({ lab }) => {
    const { page } = await lab({ locale: 'ko-KR' });
    const label = byTestId(page, 'palette-switch');
    const korean = (await label.innerText()).trim();
    expect(korean, 'palette-switch label in Korean').not.toMatch(/\bswitch\b/i);
    expect(korean, 'palette-switch label in Korean').toMatch(HANGUL);
    await screenshot(page, 'i18n-ko');

    const lang = byTestId(page, 'lang-switch');
    if ((await lang.evaluate((el) => el.tagName)) === 'SELECT') await lang.selectOption('en');
    else await lang.click();
    await expect.poll(async () => (await label.innerText()).trim(), { message: 'palette-switch label in English' }).toMatch(/switch/i);
    expect((await label.innerText()).trim()).not.toMatch(HANGUL);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'i18n-en');
  });
});
