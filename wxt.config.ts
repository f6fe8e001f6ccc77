import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { addPdfViewerManifest } from './lib/pdf-manifest';
import { BUNDLED_VERSION } from './glossary/data';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUNDLED_GLOSSARY_FILE,
  BUNDLED_INDEX_FILE,
  BUNDLED_SEARCH_FILE,
} from './lib/bundled-glossary-file';
import { BUNDLED_BINARY_FILES, bundledGlossaryJson } from './scripts/bundled-files';
import { MODULE_ALIASES } from './scripts/module-aliases';

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
    resolve: { alias: MODULE_ALIASES },
    // The background knows the bundled glossary's version without reading the file.
    define: { __ATAZAN_BUNDLED_VERSION__: JSON.stringify(BUNDLED_VERSION) },
  }),
  manifest: ({ browser }) => ({
    // Translated in public/_locales/{en,ru,kk}/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: the Dexie database (IndexedDB) is never evicted;
    // contextMenus: "Add to Ata Zan glossary"; activeTab: the popup reads the
    // active tab's site for its per-site switch; scripting: the content script
    // is injected into tabs already open when Ata Zan is installed or updated
    // (entrypoints/background/inject.ts). Pages are read by the content
    // script's own match patterns, nothing else. WXT adds `sidePanel` for Chromium's
    // side panel (entrypoints/sidepanel/; Firefox gets `sidebar_action`, no permission).
    permissions: ['unlimitedStorage', 'contextMenus', 'activeTab', 'scripting'],
    // The hover card for the selected text (entrypoints/background/index.ts → content script).
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
  zip: {
    // The sources archive for addons.mozilla.org (`npm run zip:firefox`): what rebuilds
    // the package with `npm install && npm run build:firefox`. WXT already leaves out
    // node_modules, .output, hidden files and *.test.* files; the tests' helpers, the
    // benchmarks and local scratch go too (scripts/lint-ext.mjs checks the result).
    excludeSources: [
      'tests/**',
      'bench/**',
      'coverage/**',
      'tmp/**',
      'web-ext-artifacts/**',
      '**/*.log',
      'stats.html',
    ],
  },
  hooks: {
    // The bundled glossary as a file of its own (lib/bundled-glossary-file.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: BUNDLED_GLOSSARY_FILE, contents: bundledGlossaryJson() });
    },
    // …and its compiled index and search index, binary, so written once the rest is built.
    'build:done': (wxt) => {
      for (const [name, make] of Object.entries(BUNDLED_BINARY_FILES)) {
        writeFileSync(join(wxt.config.outDir, name), make());
      }
    },
    // All known to `browser.runtime.getURL`'s types.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(BUNDLED_GLOSSARY_FILE, BUNDLED_INDEX_FILE, BUNDLED_SEARCH_FILE);
    },
    // The Chrome package passes `web-ext lint` too (npm run lint:ext): it names the
    // gecko id and gives the service worker Firefox's fallback, `background.scripts`,
    // which Chrome ignores when `service_worker` is present (Chrome 121+).
    'build:manifestGenerated': (wxt, manifest) => {
      // The PDF viewer's permissions and web-accessible page (lib/pdf-manifest.ts).
      addPdfViewerManifest(manifest as never, wxt.config.browser);
      if (wxt.config.browser === 'firefox') return;
      const m = manifest as typeof manifest & {
        browser_specific_settings?: { gecko: typeof GECKO; gecko_android: typeof GECKO_ANDROID };
        background?: { service_worker?: string; scripts?: string[]; type?: string };
      };
      m.browser_specific_settings = { gecko: GECKO, gecko_android: GECKO_ANDROID };
      if (m.background?.service_worker && !m.background.scripts) {
        m.background.scripts = [m.background.service_worker];
      }
    },
  },
});
