/**
 * The stored compiled glossary (schema 4, `compiledIndex`): one row, written
 * after a compile and read when the service worker wakes; and one row of the
 * search index, which the popup reads (lib/stored-search.ts). Each row is a cache
 * of `entries`: writing it never touches an entry, and it is written only
 * while the revision it was compiled from is still the current one, so a
 * compile that raced a change never stores a stale index as current.
 *
 * The compiled glossary's packed bytes are kept as a Blob: a woken worker
 * gets a large termbase's index back from a Blob row in well under half the
 * time the same bytes take as an ArrayBuffer row, which IndexedDB copies
 * through its value deserialisation (measured in Chromium's service worker).
 */
import type { AtaZanDatabase, CompiledIndexRow } from './database';
import { COMPILED_INDEX_KEY as KEY, SEARCH_INDEX_KEY } from '../lib/database-names';
import { getRevision } from './glossary-store';

/**
 * The current glossary revision and the stored index (any revision; undefined
 * when none), its bytes read from their Blob. Bytes that cannot be read come
 * back as null, which no index is: the caller rebuilds it.
 */
export async function readCompiledIndex(
  db: AtaZanDatabase,
): Promise<{ revision: number; stored: { revision: number; value: unknown } | undefined }> {
  const { revision, row } = await db.transaction('r', db.meta, db.compiledIndex, async () => {
    const [revision, row] = await Promise.all([getRevision(db), db.compiledIndex.get(KEY)]);
    return { revision, row };
  });
  // Read after the transaction: it would end while the Blob is read.
  if (!row) return { revision, stored: undefined };
  const value = row.value instanceof Blob ? await bytesOf(row.value) : row.value;
  return { revision, stored: { revision: row.revision, value } };
}

async function bytesOf(blob: Blob): Promise<ArrayBuffer | null> {
  try {
    return await blob.arrayBuffer();
  } catch (err) {
    console.warn('Ata Zan: the stored index could not be read', err);
    return null;
  }
}

/**
 * Store the index compiled from `revision` (packed bytes are kept as a Blob);
 * false (nothing written) when the glossary moved on.
 */
export function writeCompiledIndex(
  db: AtaZanDatabase,
  revision: number,
  value: unknown,
): Promise<boolean> {
  const kept = value instanceof ArrayBuffer ? new Blob([value]) : value;
  return writeIndexRow(db, KEY, revision, kept);
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
