/**
 * The search index as the background stores it and the popup reads it: the
 * popup answers its first keystroke from this row, without waking the service
 * worker or building anything. The background writes it (packed, one
 * ArrayBuffer) after it builds the index of a revision; the popup uses it only
 * while that revision is still the database's, and asks the background
 * otherwise (a missing, stale or damaged row is never an error to the reader).
 */
import { openSearch, type IndexSearch } from '../glossary/search';
import {
  searchDataOf,
  SearchDataError,
  tableDefinitions,
  type SearchData,
} from '../glossary/search-data';
import { packData, unpackData } from './packed-data';
import {
  openStoredDatabase,
  readStoredSearchRow,
  request,
  type StoredSearchRow,
} from './stored-search-row';
import type { SearchAnswer, StoredEntry } from './protocol';

/** Index entries are named by [source, id], the entries store's primary key. */
export interface StoredSearchIndex {
  data: SearchData;
  ids: string[];
  /** 1 where the entry is the user's own row (a personal entry or a personal version of a bundled one). */
  personal: Uint8Array;
}

/** The row's value: the index with its definitions, and each entry's key. */
export function packSearchIndex(data: SearchData, entries: readonly StoredEntry[]): ArrayBuffer {
  data.definitions ??= tableDefinitions(entries);
  const index: StoredSearchIndex = {
    data,
    ids: entries.map((e) => e.id),
    personal: Uint8Array.from(entries, (e) => (e.source === 'personal' ? 1 : 0)),
  };
  return packData(index).buffer;
}

/** The row's value read back and checked; throws SearchDataError when it is not one. */
export function storedSearchIndexOf(buffer: unknown): StoredSearchIndex {
  if (!(buffer instanceof ArrayBuffer)) throw new SearchDataError('not an ArrayBuffer');
  let value: Partial<StoredSearchIndex>;
  try {
    value = unpackData(buffer) as Partial<StoredSearchIndex>;
  } catch (err) {
    throw new SearchDataError(String(err));
  }
  const data = searchDataOf(value.data);
  const { ids, personal } = value;
  if (
    !Array.isArray(ids) ||
    ids.length !== data.size ||
    !ids.every((id) => typeof id === 'string') ||
    !(personal instanceof Uint8Array) ||
    personal.length !== data.size ||
    !data.definitions
  )
    throw new SearchDataError('entry keys');
  return { data, ids, personal };
}

/**
 * The stored row's index over `entries`, the snapshot of the revision it was
 * stored at: its data, and the entries in the index's order (the snapshot's
 * own array when the orders agree). Throws SearchDataError when the row is
 * not an index or does not name each of the entries exactly once.
 */
export function storedIndexOver<E extends StoredEntry>(
  buffer: unknown,
  entries: readonly E[],
): { data: SearchData; entries: readonly E[] } {
  return indexOver(storedSearchIndexOf(buffer), entries);
}

/** `storedIndexOver` for a row already read and checked. */
export function indexOver<E extends StoredEntry>(
  { data, ids, personal }: StoredSearchIndex,
  entries: readonly E[],
): { data: SearchData; entries: readonly E[] } {
  if (ids.length !== entries.length) throw new SearchDataError('entry count');
  const sourceAt = (i: number) => (personal[i] ? 'personal' : 'bundled');
  if (entries.every((e, i) => e.id === ids[i] && e.source === sourceAt(i)))
    return { data, entries };
  // Another order: each stored key is taken from the snapshot once, so none is named twice.
  const byKey = new Map(entries.map((e) => [`${e.source}\u0000${e.id}`, e]));
  const ordered = ids.map((id, i) => {
    const key = `${sourceAt(i)}\u0000${id}`;
    const entry = byKey.get(key);
    if (!entry) throw new SearchDataError('entry keys');
    byKey.delete(key);
    return entry;
  });
  return { data, entries: ordered };
}

/** Search answered in the page from the stored index. */
export interface StoredSearch {
  /** The revision it was built from (the database's when it was opened). */
  readonly revision: number;
  /** Null when an entry it names is no longer there: the glossary moved on; ask the background. */
  search(query: string, limit: number): Promise<SearchAnswer | null>;
  close(): void;
}

/** Where the popup's read spends its time (performance.getEntriesByType('mark')). */
function mark(step: string): void {
  performance.mark(`atazan-popup-stored-${step}`);
}

/**
 * The search over a row read by `readStoredSearchRow` from `db`, or null when
 * the row is not a search index (and `db` is closed). The search keeps `db`
 * open to read the entries it finds.
 */
export function storedSearchOf(db: IDBDatabase, row: StoredSearchRow): StoredSearch | null {
  try {
    const index = storedSearchIndexOf(row.value);
    mark('checked');
    return storedSearch(db, row.revision, index, openSearch(index.data));
  } catch {
    db.close();
    return null;
  }
}

/**
 * The stored search index, when the database has one of its current
 * revision; null otherwise (none yet, stale, unreadable, or no database).
 * The popup takes the same steps itself, its code loading meanwhile
 * (entrypoints/popup/popup-search.ts).
 */
export async function openStoredSearch(name?: string): Promise<StoredSearch | null> {
  const db = await openStoredDatabase(name);
  if (!db) return null;
  const row = await readStoredSearchRow(db).catch(() => null);
  if (row) return storedSearchOf(db, row);
  db.close();
  return null;
}

function storedSearch(
  db: IDBDatabase,
  revision: number,
  index: StoredSearchIndex,
  engine: IndexSearch,
): StoredSearch {
  return {
    revision,
    async search(query, limit) {
      const ranked = engine.search(query, limit);
      const entries = db.transaction('entries', 'readonly').objectStore('entries');
      const rows = await Promise.all(
        ranked.map(
          (h) =>
            request(
              entries.get([index.personal[h.index] ? 'personal' : 'bundled', index.ids[h.index]!]),
            ) as Promise<(StoredEntry & { terms?: unknown }) | undefined>,
        ),
      );
      const hits: SearchAnswer['hits'] = [];
      for (let k = 0; k < ranked.length; k++) {
        const row = rows[k];
        if (!row) return null;
        const { terms: _terms, ...entry } = row;
        hits.push({ entry, kind: ranked[k]!.kind, score: ranked[k]!.score });
      }
      return { hits, size: engine.size, revision, complete: true };
    },
    close: () => db.close(),
  };
}
