/**
 * The extension's IndexedDB database (Dexie), written only by the background
 * service worker.
 *
 * Bundled and personal rows live in one `entries` table under the compound
 * primary key [source+id]: a user's override of a bundled entry is a personal
 * row with the bundled entry's own id, so both can exist side by side and a
 * glossary update can replace the bundled row without touching the override.
 *
 * Schema history (never edit a shipped version; add a new one):
 * - 1: entries [source+id], id, source, *tags; settings; meta.
 * - 2: adds the multi-entry index `*terms` (every term and variant of both
 *   languages, normalised by glossary/normalize) so duplicates and lookups by
 *   term are index queries; the upgrade fills `terms` on every existing row.
 * - 3: adds `batches` (auto-increment id, createdAt): each import and each bulk
 *   delete, with the personal ids it created and the personal rows as they
 *   were before it overwrote or deleted them, so it can be undone in one
 *   transaction. Existing rows need no change: the upgrade only creates the
 *   empty store (tests/unit/background/requests.test.ts opens a version-2 database with it).
 * - 4: adds `compiledIndex` (key): the compiled glossary the background scans
 *   with, stored so a woken service worker loads it in one read
 *   (db/compiled-index-store.ts). A cache: it holds nothing the user wrote,
 *   and a missing, stale or corrupted row is rebuilt from `entries`.
 * - 5: adds `importPacks` (auto-increment id): the new personal entries of an
 *   import, written as a few large rows in the import's own transaction
 *   (IndexedDB costs about the same per row whatever its size, so a termbase
 *   of tens of thousands of rows took most of an import's time), then moved
 *   into `entries` a pack per transaction in the background
 *   (db/import-packs.ts). Existing rows need no change: the upgrade only
 *   creates the empty store.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { StoredEntry } from '../lib/protocol';
import type { Settings } from '../lib/settings';
import {
  COMPILED_INDEX_KEY,
  COMPILED_PERSONAL_KEY,
  DB_NAME,
  SEARCH_INDEX_KEY,
} from '../lib/database-names';
import { normalizedTerms } from './terms';

/** An entries row: a StoredEntry plus its normalised terms (schema 2). */
export interface EntryRow extends StoredEntry {
  terms: string[];
}

export interface SettingsRow {
  key: 'settings';
  value: Settings;
}

/** An import or a bulk delete that can be undone (schema 3). */
export interface BatchRow {
  id?: number;
  kind: 'import' | 'delete';
  /** The imported file's name ('' for a delete). */
  name: string;
  createdAt: number;
  /** Personal ids the batch created (an undo deletes them). */
  created: string[];
  /** Personal rows as they were before the batch overwrote or deleted them (an undo puts them back). */
  previous: StoredEntry[];
}

export type MetaRow =
  | { key: 'bundledVersion'; value: string }
  | { key: 'revision'; value: number }
  /** The revision of the stored search index (read without reading the index). */
  | { key: 'searchRevision'; value: number };

/** New personal entries of an import, not yet moved into `entries` (schema 5). */
export interface ImportPackRow {
  id?: number;
  /** Personal entries whose keys are in no `entries` row. */
  entries: StoredEntry[];
}

export { DB_NAME };
export const SCHEMA_VERSION = 5;

/** The stores of schema version 1, the first shipped; kept for the upgrade path and its test. */
export const SCHEMA_V1 = {
  entries: '[source+id], id, source, *tags',
  settings: 'key',
  meta: 'key',
} as const;

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  entries: '[source+id], id, source, *tags, *terms',
} as const;

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  batches: '++id, createdAt',
} as const;

export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  compiledIndex: 'key',
} as const;

export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  importPacks: '++id',
} as const;

/** The compiled glossary (schema 4); `value` is checked when read, never trusted. */
export interface CompiledIndexRow {
  /**
   * The compiled matcher (its first part, and the personal entries' part of
   * a large termbase), or the search index (lib/stored-search.ts).
   */
  key: typeof COMPILED_INDEX_KEY | typeof COMPILED_PERSONAL_KEY | typeof SEARCH_INDEX_KEY;
  /** The glossary revision it was compiled from. */
  revision: number;
  value: unknown;
  /** Of the compiled matcher's first row: how many parts it has (absent: one). */
  parts?: number;
}

export class AtaZanDatabase extends Dexie {
  entries!: Table<EntryRow, [string, string]>;
  batches!: Table<BatchRow, number>;
  settings!: EntityTable<SettingsRow, 'key'>;
  meta!: Table<MetaRow, string>;
  compiledIndex!: Table<CompiledIndexRow, string>;
  importPacks!: Table<ImportPackRow, number>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) =>
        tx
          .table<EntryRow, [string, string]>('entries')
          .toCollection()
          .modify((row) => {
            row.terms = normalizedTerms(row);
          }),
      );
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
  }
}

/** Strip the database-only fields from a row. */
export function toStored(row: EntryRow): StoredEntry {
  const { terms: _terms, ...entry } = row;
  return entry;
}

/** Add the database-only fields to an entry. */
export function toRow(entry: StoredEntry): EntryRow {
  return { ...entry, terms: normalizedTerms(entry) };
}
