import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    // Translated in public/_locales/{en,ru,kk}/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'activeTab',
      // The PDF viewer: redirect PDF navigations to it (Chromium; Firefox cannot match response headers).
      ...(browser === 'firefox' ? [] : ['declarativeNetRequestWithHostAccess']),
    ],
    // The PDF viewer fetches the PDF it shows, and the redirect needs access to the PDF's address.
    host_permissions: ['http://*/*', 'https://*/*'],
    // The redirect rule may only send a tab to a web-accessible page.
    web_accessible_resources: [
      { resources: ['pdf-viewer.html'], matches: ['http://*/*', 'https://*/*'] },
    ],
    // The hover card for the selected text (entrypoints/background.ts → content script).
    commands: {
      'show-card': {
        suggested_key: { default: 'Alt+Shift+Z' },
        description: '__MSG_commandShowCard__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'ata-zan@atazan.kz', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
