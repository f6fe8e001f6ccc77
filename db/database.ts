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
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { StoredEntry, Settings } from '../lib/protocol';
import { normalizedTerms } from './terms';

/** An entries row: a StoredEntry plus its normalised terms (schema 2). */
export interface EntryRow extends StoredEntry {
  terms: string[];
}

export interface SettingsRow {
  key: 'settings';
  value: Settings;
}

export type MetaRow = { key: 'bundledVersion'; value: string } | { key: 'revision'; value: number };

export const DB_NAME = 'atazan';
export const SCHEMA_VERSION = 2;

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

export class AtaZanDatabase extends Dexie {
  entries!: Table<EntryRow, [string, string]>;
  settings!: EntityTable<SettingsRow, 'key'>;
  meta!: Table<MetaRow, string>;

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
