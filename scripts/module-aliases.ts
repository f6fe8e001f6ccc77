/**
 * Module aliases the build (wxt.config.ts) and the unit tests (vitest.config.ts)
 * share, so the tests run the code the extension ships.
 *
 * Dexie from its ES module build: the package's entry wraps its UMD bundle,
 * which the bundler cannot trim and which a new service worker compiles whole.
 */
export const MODULE_ALIASES = [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }];
