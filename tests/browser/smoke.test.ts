import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, GECKO_ID, launch, type ExtensionBrowser } from './driver';

describe.each(BROWSERS)('%s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the built extension loads, its background runs and its popup opens', async () => {
    if (name === 'chromium') {
      expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
      expect(browser.origin).toBe(`chrome-extension://${browser.extensionId}`);
    } else {
      expect(browser.extensionId).toBe(GECKO_ID);
      expect(browser.origin).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}$/);
    }
    expect(await browser.backgroundUrl()).toMatch(new RegExp(`^${browser.origin}/`));
    const page = await browser.openExtensionPage('popup.html');
    await expect.poll(() => page.text('#app')).toContain('Ata Zan');
    await page.close();
  });
});
