/**
 * The extension's bundled glossary files (lib/bundled-glossary-file.ts),
 * served to the background's `fetch` as the built extension serves them,
 * made the way wxt.config.ts makes them: the unit tests run the background's
 * code without a build. Each is made on first request only.
 */
import { vi } from 'vitest';
import { compileGlossary } from '../../../entrypoints/background/stored-index';
import { BUNDLED_ENTRIES, BUNDLED_VERSION } from '../../../glossary/data';
import {
  BUNDLED_GLOSSARY_FILE,
  BUNDLED_INDEX_FILE,
  BUNDLED_SEARCH_FILE,
  bundledRowsOf,
  bundledSearchFile,
  type BundledGlossaryFile,
} from '../../../lib/bundled-glossary-file';
import { packData } from '../../../lib/packed-data';

const FILES: Record<string, () => BodyInit> = {
  [BUNDLED_GLOSSARY_FILE]: () => {
    const file: BundledGlossaryFile = { version: BUNDLED_VERSION, entries: BUNDLED_ENTRIES };
    return JSON.stringify(file);
  },
  [BUNDLED_INDEX_FILE]: () => {
    const { stored } = compileGlossary({ revision: 0, entries: bundledRowsOf(BUNDLED_ENTRIES) });
    return packData(stored());
  },
  [BUNDLED_SEARCH_FILE]: () => bundledSearchFile(BUNDLED_ENTRIES),
};

/** How many times each file was asked for (the tests check what a start reads). */
export const bundledFileReads = new Map<string, number>();

const realFetch = globalThis.fetch;

vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = input instanceof Request ? input.url : String(input);
  const name = url.startsWith('chrome-extension:') ? url.slice(url.lastIndexOf('/') + 1) : '';
  const make = FILES[name];
  if (!make) return realFetch(input, init);
  bundledFileReads.set(name, (bundledFileReads.get(name) ?? 0) + 1);
  return new Response(make());
});
