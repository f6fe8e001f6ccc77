/**
 * Import packs (schema 5): an import's new personal entries written as a few
 * large rows, so the import's transaction makes a handful of IndexedDB
 * requests instead of one per entry, then moved into `entries` one pack per
 * transaction in the background.
 *
 * Invariants: a packed entry's key is in no `entries` row, and no entry is in
 * two packs. Only the import writes packs, and only entries whose keys are in
 * no row or pack; every write of a personal row first takes that id out of
 * the packs, in its own transaction (`takeFromPacks`). Readers merge packs
 * and rows (`withPacked`), so an entry reads the same whether packed or moved.
 */
import type { StoredEntry } from '../lib/protocol';
import { toRow, toStored, type AtaZanDatabase, type EntryRow } from './database';

/** Entries per pack: a few requests for a termbase, and a look at `cancelled` between them. */
export const PACK_SIZE = 2000;

/** The rows in primary key order once the packed entries are among them (personal ones by id). */
export function withPacked(
  rows: readonly EntryRow[],
  packed: readonly StoredEntry[],
): (EntryRow | StoredEntry)[] {
  if (packed.length === 0) return [...rows];
  const bundled = rows.filter((r) => r.source !== 'personal');
  const personal: (EntryRow | StoredEntry)[] = rows.filter((r) => r.source === 'personal');
  for (const e of packed) personal.push(e);
  personal.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...bundled, ...personal];
}

/** Every packed entry, in pack order; call inside a transaction that includes `importPacks`. */
export async function packedEntries(db: AtaZanDatabase): Promise<StoredEntry[]> {
  const packs = await db.importPacks.toArray();
  return packs.flatMap((p) => p.entries);
}

/**
 * Write new personal entries as packs; call inside a rw transaction that
 * includes `importPacks`, entries whose keys are in no row or pack. `cancelled` is asked before
 * each pack (true throws, so the transaction is aborted).
 */
export async function writePacks(
  db: AtaZanDatabase,
  entries: readonly StoredEntry[],
  stopIfCancelled: () => void,
): Promise<void> {
  for (let i = 0; i < entries.length; i += PACK_SIZE) {
    stopIfCancelled();
    await db.importPacks.add({ entries: entries.slice(i, i + PACK_SIZE) });
  }
}

/**
 * Take personal entries by id out of the packs, inside the caller's rw
 * transaction (which includes `importPacks`), and return them by id: a write
 * that then puts or deletes the row of such an id keeps every entry in one
 * place. Reads only the packs (none once the background has moved them).
 */
export async function takeFromPacks(
  db: AtaZanDatabase,
  ids: readonly string[],
): Promise<Map<string, StoredEntry>> {
  const taken = new Map<string, StoredEntry>();
  const packs = await db.importPacks.toArray();
  if (packs.length === 0 || ids.length === 0) return taken;
  const wanted = new Set(ids);
  for (const pack of packs) {
    const kept = pack.entries.filter((e) => !wanted.has(e.id));
    if (kept.length === pack.entries.length) continue;
    for (const e of pack.entries) if (wanted.has(e.id)) taken.set(e.id, e);
    if (kept.length === 0) await db.importPacks.delete(pack.id!);
    else await db.importPacks.put({ ...pack, entries: kept });
  }
  return taken;
}

/**
 * The user's entry `id` (a personal row, or a packed entry taken out of its
 * pack), for a write that then puts or deletes its row; inside a rw
 * transaction that includes `entries` and `importPacks`.
 */
export async function takePersonal(
  db: AtaZanDatabase,
  id: string,
): Promise<StoredEntry | EntryRow | undefined> {
  return (await takeFromPacks(db, [id])).get(id) ?? (await db.entries.get(['personal', id]));
}

/**
 * Remove personal entries by id from the packs, inside the caller's rw
 * transaction; the ids that were in no pack are returned (they may be rows).
 */
export async function removeFromPacks(
  db: AtaZanDatabase,
  ids: readonly string[],
): Promise<string[]> {
  const taken = await takeFromPacks(db, ids);
  return ids.filter((id) => !taken.has(id));
}

/**
 * Move the packs into `entries`, one pack per transaction, until none is
 * left; a write that comes in between runs between two packs. Resolves true
 * when it moved any. Safe to run twice at once: each transaction moves the
 * pack it read, and a pack already moved is no longer read.
 */
export async function unpackImports(db: AtaZanDatabase): Promise<boolean> {
  let moved = false;
  for (;;) {
    const more = await db.transaction('rw', db.entries, db.importPacks, async () => {
      const pack = await db.importPacks.orderBy(':id').first();
      if (!pack) return false;
      await db.entries.bulkPut(pack.entries.map(toRow));
      await db.importPacks.delete(pack.id!);
      return true;
    });
    if (!more) return moved;
    moved = true;
  }
}

/** A row or a packed entry as the glossary shows it (without the database-only fields). */
export function storedOf(r: EntryRow | StoredEntry): StoredEntry {
  return 'terms' in r ? toStored(r) : r;
}
