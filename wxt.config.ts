import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Ata Zan — Ата Заң',
    description:
      'Kazakh–Russian legal glossary in the page: inflection-aware term highlighting, hover cards with Constitution citations, fuzzy search.',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab'],
    // The hover card for the selected text (entrypoints/background.ts → content script).
    commands: {
      'show-card': {
        suggested_key: { default: 'Alt+Shift+Z' },
        description: 'Show the Ata Zan card for the selected term',
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
