/**
 * The bundled glossary ships as files beside the code, written at build time
 * (wxt.config.ts), not inside the background's script: a service worker woken
 * from idle then parses its code alone. The entries are read only to seed a
 * new version; the compiled index (entrypoints/background/stored-index.ts,
 * packed by lib/packed-data.ts) lets a page be scanned right after install
 * with nothing compiled in the browser; the search index lets the popup
 * search right after install without building one in the worker.
 */
import { buildSearchData } from '../glossary/search-data';
import type { Entry } from '../glossary/types';
import type { StoredEntry } from './protocol';
import { packSearchIndex } from './stored-search';

/** The entries' path in the extension. */
export const BUNDLED_GLOSSARY_FILE = 'bundled-glossary.json';

/** The compiled index's path in the extension. */
export const BUNDLED_INDEX_FILE = 'bundled-index.bin';

/** The search index's path in the extension (lib/stored-search.ts: the popup's first search after install). */
export const BUNDLED_SEARCH_FILE = 'bundled-search.bin';

/** The bundled entries as rows of the bundled source, as compiled before seeding (revision 0: the database's first is 1). */
export function bundledRowsOf(entries: readonly Entry[]): StoredEntry[] {
  return entries.map((e): StoredEntry => ({ ...e, source: 'bundled', createdAt: 0, updatedAt: 0 }));
}

/** What the file holds. */
export interface BundledGlossaryFile {
  version: string;
  entries: Entry[];
}

/**
 * The search index of the bundled glossary as the background would store it
 * right after seeding: its entries in the order the database lists them (by
 * id), so it ranks ties as the index the worker builds itself.
 */
export function bundledSearchFile(entries: readonly Entry[]): ArrayBuffer {
  const rows = bundledRowsOf(entries).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return packSearchIndex(buildSearchData(rows), rows);
}
