/**
 * The bundled glossary as the background gets it: its version, known from the
 * build; its entries, read from the extension's own file on first need
 * (seeding a new version, searching before seeding ends); and its compiled
 * index, built with the extension (lib/bundled-glossary-file.ts), which pages
 * are scanned with right after install while the rows are being written.
 */
import { browser } from 'wxt/browser';
import type { Entry } from '../../glossary/types';
import {
  BUNDLED_GLOSSARY_FILE,
  BUNDLED_INDEX_FILE,
  BUNDLED_SEARCH_FILE,
  bundledRowsOf,
  type BundledGlossaryFile,
} from '../../lib/bundled-glossary-file';
import { createSearch, type GlossarySearch } from '../../glossary/search';
import { unpackData } from '../../lib/packed-data';
import { storedIndexOver } from '../../lib/stored-search';
import { once } from '../../lib/once';
import type { StoredEntry } from '../../lib/protocol';
import { compileGlossary, restoreGlossary, type Compiled, type StoredIndex } from './stored-index';

export const BUNDLED_VERSION: string = __ATAZAN_BUNDLED_VERSION__;

async function readFile(
  name: typeof BUNDLED_GLOSSARY_FILE | typeof BUNDLED_INDEX_FILE | typeof BUNDLED_SEARCH_FILE,
) {
  const res = await fetch(browser.runtime.getURL(`/${name}`));
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return res;
}

/** The bundled entries. */
export const bundledEntries = once(async (): Promise<readonly Entry[]> => {
  const file = (await (await readFile(BUNDLED_GLOSSARY_FILE)).json()) as BundledGlossaryFile;
  if (file.version !== BUNDLED_VERSION)
    throw new Error(`${BUNDLED_GLOSSARY_FILE}: version ${file.version}, not ${BUNDLED_VERSION}`);
  return file.entries;
});

/** The bundled entries as rows of the bundled source. */
export async function bundledRows(): Promise<StoredEntry[]> {
  return bundledRowsOf(await bundledEntries());
}

/** The compiled index built with the extension, as stored (its revision 0). */
export const bundledIndex = once(
  async (): Promise<StoredIndex> =>
    unpackData(await (await readFile(BUNDLED_INDEX_FILE)).arrayBuffer()) as StoredIndex,
);

/**
 * Whether this worker is being evaluated for an install or an update (its
 * ServiceWorker not yet installed): a woken worker is 'activated'. Unknown
 * (a background page, as in Firefox) counts as not.
 */
export function evaluatedForInstall(scope: unknown = globalThis): boolean {
  const state = (scope as { serviceWorker?: { state?: unknown } }).serviceWorker?.state;
  return state === 'parsed' || state === 'installing';
}

/** The search index built with the extension, packed as the background stores it. */
export const bundledSearchIndex = once(async (): Promise<ArrayBuffer> =>
  (await readFile(BUNDLED_SEARCH_FILE)).arrayBuffer(),
);

/**
 * The bundled glossary alone, searchable before its rows are written (an
 * install seeding) or before a woken worker has its own index: the search
 * index built with the extension over the bundled rows, or one built here if
 * that file cannot be used.
 */
export const bundledSearch = once(async (): Promise<GlossarySearch<StoredEntry>> => {
  const [rows, packed] = await Promise.all([
    bundledRows(),
    bundledSearchIndex().catch((err: unknown) => err),
  ]);
  try {
    const { data, entries } = storedIndexOver(packed, rows);
    return createSearch(entries, data);
  } catch (err) {
    console.debug('Ata Zan: the built search index of the bundled glossary is built again', err);
    return createSearch(rows);
  }
});

/** The bundled glossary ready to scan: its built index, or compiled here if that cannot be used. */
export const bundledGlossary = once(async (): Promise<Compiled> => {
  try {
    return restoreGlossary(await bundledIndex());
  } catch (err) {
    console.warn('Ata Zan: the built index of the bundled glossary is compiled again', err);
    return compileGlossary({ revision: 0, entries: await bundledRows() }).compiled;
  }
});
