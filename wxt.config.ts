import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Firefox keys the add-on, its storage and its listing by this id: never change it
 * (tests/browser/driver.ts checks the installed add-on has it).
 */
const GECKO_ID = 'ata-zan@atazan.kz';

/**
 * Firefox settings, in both builds. 140: the first Firefox with the CSS Custom
 * Highlight API (`CSS.highlights`), which the highlighting needs, and the first
 * to read `data_collection_permissions` (Firefox for Android: 142). Nothing is
 * collected or sent anywhere: the glossary, personal entries and settings stay in
 * the browser's IndexedDB.
 */
const GECKO = {
  id: GECKO_ID,
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};
const GECKO_ANDROID = { strict_min_version: '142.0' };

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
    // unlimitedStorage: the Dexie database (IndexedDB) is never evicted;
    // contextMenus: "Add to Ata Zan glossary"; activeTab: the popup reads the
    // active tab's site for its per-site switch. Pages are read by the content
    // script's own match patterns, nothing else.
    permissions: ['unlimitedStorage', 'contextMenus', 'activeTab'],
    // The hover card for the selected text (entrypoints/background.ts → content script).
    commands: {
      'show-card': {
        suggested_key: { default: 'Alt+Shift+Z' },
        description: '__MSG_commandShowCard__',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: GECKO, gecko_android: GECKO_ANDROID } }
      : {}),
  }),
});
