/**
 * The stored compiled glossary (schema 4, `compiledIndex`): one row, written
 * after a compile and read when the service worker wakes; and one row of the
 * search index, which the popup reads (lib/stored-search.ts). Each row is a cache
 * of `entries`: writing it never touches an entry, and it is written only
 * while the revision it was compiled from is still the current one, so a
 * compile that raced a change never stores a stale index as current.
 */
import type { AtaZanDatabase, CompiledIndexRow } from './database';
import { COMPILED_INDEX_KEY as KEY, SEARCH_INDEX_KEY } from '../lib/database-names';
import { getRevision } from './glossary-store';

/** The current glossary revision and the stored index (any revision; undefined when none). */
export async function readCompiledIndex(
  db: AtaZanDatabase,
): Promise<{ revision: number; stored: { revision: number; value: unknown } | undefined }> {
  return db.transaction('r', db.meta, db.compiledIndex, async () => {
    const [revision, row] = await Promise.all([getRevision(db), db.compiledIndex.get(KEY)]);
    return { revision, stored: row && { revision: row.revision, value: row.value } };
  });
}

/** Store the index compiled from `revision`; false (nothing written) when the glossary moved on. */
export function writeCompiledIndex(
  db: AtaZanDatabase,
  revision: number,
  value: unknown,
): Promise<boolean> {
  return writeIndexRow(db, KEY, revision, value);
}

/** Forget the stored index (it could not be loaded). */
export async function dropCompiledIndex(db: AtaZanDatabase): Promise<void> {
  await db.compiledIndex.delete(KEY);
}

/** Store the search index built from `revision` (lib/stored-search.ts), under the same rule. */
export async function writeSearchIndex(
  db: AtaZanDatabase,
  revision: number,
  value: ArrayBuffer,
): Promise<boolean> {
  return db.transaction('rw', db.meta, db.compiledIndex, async () => {
    if (!(await writeIndexRow(db, SEARCH_INDEX_KEY, revision, value))) return false;
    await db.meta.put({ key: 'searchRevision', value: revision });
    return true;
  });
}

/** The revision of the stored search index, or null when none is stored. */
export async function storedSearchRevision(db: AtaZanDatabase): Promise<number | null> {
  const row = await db.meta.get('searchRevision');
  return row?.key === 'searchRevision' ? row.value : null;
}

async function writeIndexRow(
  db: AtaZanDatabase,
  key: CompiledIndexRow['key'],
  revision: number,
  value: unknown,
): Promise<boolean> {
  return db.transaction('rw', db.meta, db.compiledIndex, async () => {
    if ((await getRevision(db)) !== revision) return false;
    await db.compiledIndex.put({ key, revision, value });
    return true;
  });
}
