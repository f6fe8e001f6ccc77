/**
 * The extension's bundled glossary files (lib/bundled-glossary-file.ts),
 * served to the background's `fetch` as the built extension serves them,
 * made by the build's own code (scripts/bundled-files.ts): the unit tests run
 * the background's code without a build. Each is made on request only.
 */
import { vi } from 'vitest';
import { BUNDLED_FILES } from '../../../scripts/bundled-files';

/** How many times each file was asked for (the tests check what a start reads). */
export const bundledFileReads = new Map<string, number>();

const realFetch = globalThis.fetch;

vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = input instanceof Request ? input.url : String(input);
  const name = url.startsWith('chrome-extension:') ? url.slice(url.lastIndexOf('/') + 1) : '';
  const make = BUNDLED_FILES[name];
  if (!make) return realFetch(input, init);
  bundledFileReads.set(name, (bundledFileReads.get(name) ?? 0) + 1);
  return new Response(make());
});
