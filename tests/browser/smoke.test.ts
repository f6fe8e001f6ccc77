import { describe, expect, test } from 'vitest';
import { BROWSERS, GECKO_ID } from './driver';
import { useExtension } from './setup';

describe.each(BROWSERS)('%s', (name) => {
  const { browser } = useExtension(name);

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

  test('the manifest asks for no more than the code uses, and names the Firefox it needs', () => {
    const m = browser.manifest as {
      manifest_version: number;
      permissions?: string[];
      host_permissions?: string[];
      background: { service_worker?: string; scripts?: string[] };
      browser_specific_settings?: {
        gecko?: { id: string; strict_min_version: string; data_collection_permissions?: unknown };
      };
    };
    expect(m.manifest_version).toBe(3);
    // The PDF viewer (lib/pdf-manifest.ts): host access to fetch the PDF it shows, on the
    // hosts the content script reads anyway; in Chromium the redirect by response header.
    const pdfRedirect = name === 'chromium' ? ['declarativeNetRequestWithHostAccess'] : [];
    // The page's terms: Chromium's side panel needs a permission, Firefox's sidebar none.
    const sidePanel = name === 'chromium' ? ['sidePanel'] : [];
    expect([...(m.permissions ?? [])].sort()).toEqual(
      [
        'activeTab',
        'contextMenus',
        'scripting',
        'unlimitedStorage',
        ...pdfRedirect,
        ...sidePanel,
      ].sort(),
    );
    expect([...(m.host_permissions ?? [])].sort()).toEqual(['http://*/*', 'https://*/*']);
    if (name === 'chromium') {
      expect(m.background.service_worker).toBe('background.js');
    } else {
      // Firefox MV3 runs the background as an event page, not a service worker.
      expect(m.background).toEqual({ scripts: ['background.js'] });
      const gecko = m.browser_specific_settings!.gecko!;
      expect(gecko.id).toBe(GECKO_ID);
      // CSS.highlights (the Custom Highlight API) arrived in Firefox 140.
      expect(Number.parseInt(gecko.strict_min_version, 10)).toBeGreaterThanOrEqual(140);
      expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    }
  });
});
