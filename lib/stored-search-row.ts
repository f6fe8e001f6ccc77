/**
 * The stored search index's row read straight from IndexedDB, with nothing
 * but the browser's API: small enough for the popup's first chunk, so that
 * it opens the database as it starts, while a worker waking at the same time
 * opens it too. lib/stored-search.ts checks the row and searches it.
 */
import { DB_NAME, SEARCH_INDEX_KEY } from './database-names';

/** The row of the database's current revision, as read (checked by `storedSearchOf`). */
export interface StoredSearchRow {
  revision: number;
  value: unknown;
}

export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** The database if it exists (opening never creates it: the background owns its schema). */
function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const open = indexedDB.open(name);
    // Only a database that did not exist asks for an upgrade here: abort, and it is not made.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => {
      const db = open.result;
      // Never hold up the background's schema upgrade.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    open.onerror = () => resolve(null);
    open.onblocked = () => resolve(null);
  });
}

/** The database, when it exists and has the index store; null otherwise. */
export async function openStoredDatabase(name: string = DB_NAME): Promise<IDBDatabase | null> {
  const db = await openExisting(name);
  if (db && !db.objectStoreNames.contains('compiledIndex')) {
    db.close();
    return null;
  }
  return db;
}

/**
 * The stored search row when it is of the database's current revision; null
 * when there is none or it is stale. Rejects when it cannot be read (e.g. the
 * connection was closed for an upgrade).
 */
export async function readStoredSearchRow(db: IDBDatabase): Promise<StoredSearchRow | null> {
  const tx = db.transaction(['meta', 'compiledIndex'], 'readonly');
  const [meta, row] = await Promise.all([
    request(tx.objectStore('meta').get('revision') as IDBRequest<{ value?: unknown } | undefined>),
    request(
      tx.objectStore('compiledIndex').get(SEARCH_INDEX_KEY) as IDBRequest<
        { revision?: unknown; value?: unknown } | undefined
      >,
    ),
  ]);
  if (!row || typeof row.revision !== 'number' || meta?.value !== row.revision) return null;
  return { revision: row.revision, value: row.value };
}
