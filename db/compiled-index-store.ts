/**
 * The stored compiled glossary (schema 4, `compiledIndex`): one row, or two
 * when a large termbase's entries are compiled apart (the first row says how
 * many), written after a compile and read when the service worker wakes; and
 * one row of the search index, which the popup reads (lib/stored-search.ts).
 * Each row is a cache
 * of `entries`: writing it never touches an entry, and it is written only
 * while the revision it was compiled from is still the current one, so a
 * compile that raced a change never stores a stale index as current.
 *
 * The compiled glossary's packed bytes are kept as a Blob: a woken worker
 * gets a large termbase's index back from a Blob row in well under half the
 * time the same bytes take as an ArrayBuffer row, which IndexedDB copies
 * through its value deserialisation (measured in Chromium's service worker).
 */
import type { AtaZanDatabase } from './database';
import {
  COMPILED_INDEX_KEY as KEY,
  COMPILED_PERSONAL_KEY as PERSONAL_KEY,
  SEARCH_INDEX_KEY,
} from '../lib/database-names';
import { getRevision } from './glossary-store';

/** A part of the stored index as a woken worker first sees it: its bytes are read when asked for. */
export interface StoredIndexPart {
  revision: number;
  /** The value, its bytes read from their Blob: null when they cannot be read, which no index is. */
  value(): Promise<unknown>;
}

/**
 * The current glossary revision and the stored index's parts, in order (any
 * revision; none when nothing is stored, or a part is missing).
 */
export async function readCompiledIndex(
  db: AtaZanDatabase,
): Promise<{ revision: number; stored: StoredIndexPart[] }> {
  const { revision, rows } = await db.transaction('r', db.meta, db.compiledIndex, async () => {
    const [revision, rows] = await Promise.all([
      getRevision(db),
      db.compiledIndex.bulkGet([KEY, PERSONAL_KEY]),
    ]);
    return { revision, rows };
  });
  const [first, personal] = rows;
  if (!first) return { revision, stored: [] };
  const parts = first.parts === 2 ? [first, personal] : [first];
  if (parts.some((row) => !row)) return { revision, stored: [] };
  return {
    revision,
    stored: parts.map((row) => ({
      revision: row!.revision,
      // Read after the transaction: it would end while the Blob is read.
      value: async () => (row!.value instanceof Blob ? bytesOf(row!.value) : row!.value),
    })),
  };
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
 * Store the index compiled from `revision`, its parts in order (packed bytes
 * are kept as Blobs), in one transaction; false (nothing written) when the
 * glossary moved on.
 */
export function writeCompiledIndex(
  db: AtaZanDatabase,
  revision: number,
  parts: readonly unknown[],
): Promise<boolean> {
  if (parts.length < 1 || parts.length > 2) throw new RangeError('an index has one or two parts');
  const kept = parts.map((value) => (value instanceof ArrayBuffer ? new Blob([value]) : value));
  return db.transaction('rw', db.meta, db.compiledIndex, async () => {
    if ((await getRevision(db)) !== revision) return false;
    await db.compiledIndex.put({ key: KEY, revision, value: kept[0], parts: kept.length });
    if (kept.length === 2)
      await db.compiledIndex.put({ key: PERSONAL_KEY, revision, value: kept[1] });
    else await db.compiledIndex.delete(PERSONAL_KEY);
    return true;
  });
}

/** Forget the stored index (it could not be loaded). */
export async function dropCompiledIndex(db: AtaZanDatabase): Promise<void> {
  await db.compiledIndex.bulkDelete([KEY, PERSONAL_KEY]);
}

/** Store the search index built from `revision` (lib/stored-search.ts), under the same rule. */
export async function writeSearchIndex(
  db: AtaZanDatabase,
  revision: number,
  value: ArrayBuffer,
): Promise<boolean> {
  return db.transaction('rw', db.meta, db.compiledIndex, async () => {
    if ((await getRevision(db)) !== revision) return false;
    await db.compiledIndex.put({ key: SEARCH_INDEX_KEY, revision, value });
    await db.meta.put({ key: 'searchRevision', value: revision });
    return true;
  });
}

/** The revision of the stored search index, or null when none is stored. */
export async function storedSearchRevision(db: AtaZanDatabase): Promise<number | null> {
  const row = await db.meta.get('searchRevision');
  return row?.key === 'searchRevision' ? row.value : null;
}
