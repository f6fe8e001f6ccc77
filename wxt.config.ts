import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { addPdfViewerManifest } from './lib/pdf-manifest';

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifestVersion: 3,
  hooks: {
    // The PDF viewer's permissions and web-accessible page (lib/pdf-manifest.ts).
    'build:manifestGenerated': (wxt, manifest) =>
      addPdfViewerManifest(manifest as never, wxt.config.browser),
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    // Translated in public/_locales/{en,ru,kk}/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab'],
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
