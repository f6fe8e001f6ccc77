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
 *
 * A pack row is never changed in place: taking entries out of a pack deletes
 * it and adds the rest as a new pack. A key, once committed, is never given
 * again (IndexedDB's key generator only goes up), so the entries read under
 * a key stay true while the key exists. The packs read are therefore kept in
 * memory per connection, and a reader lists the keys (no entry is read) and
 * reads only the packs it has not seen: until the background has moved them,
 * a look-up by id or term costs no read of tens of thousands of entries.
 */
import Dexie from 'dexie';
import { joinLists } from '../glossary/lists';
import type { StoredEntry } from '../lib/protocol';
import { toRow, toStored, type AtaZanDatabase, type EntryRow } from './database';
import { normalizedTerms } from './terms';

/**
 * Entries per pack: a few hundred requests at most for a termbase, a look at
 * `cancelled` between them, and a move transaction short enough that a save
 * waiting behind it is not kept.
 */
export const PACK_SIZE = 500;

/** A pack's entries, and its look-ups made when first needed. */
class Pack {
  private ids: Map<string, StoredEntry> | null = null;
  private terms: Map<string, StoredEntry[]> | null = null;

  constructor(
    readonly key: number,
    readonly entries: readonly StoredEntry[],
  ) {}

  byId(id: string): StoredEntry | undefined {
    this.ids ??= new Map(this.entries.map((e) => [e.id, e]));
    return this.ids.get(id);
  }

  /** The entries with a term or variant that folds to `key` (db/terms.ts). */
  withTerm(key: string): readonly StoredEntry[] {
    if (!this.terms) {
      this.terms = new Map();
      for (const e of this.entries) {
        for (const t of normalizedTerms(e)) {
          const list = this.terms.get(t);
          if (list) list.push(e);
          else this.terms.set(t, [e]);
        }
      }
    }
    return this.terms.get(key) ?? [];
  }
}

/** Packs read (or written and committed), by key, per database connection. */
const seen = new WeakMap<object, Map<number, Pack>>();

function seenPacks(db: AtaZanDatabase): Map<number, Pack> {
  const connection = db.backendDB();
  let packs = seen.get(connection);
  if (!packs) seen.set(connection, (packs = new Map()));
  return packs;
}

/**
 * The packs the store holds, in key order; call inside a transaction that
 * includes `importPacks`. Only what a read-only transaction (or none) reads
 * is kept: a read-write one may read its own writes, which an abort undoes.
 */
async function currentPacks(db: AtaZanDatabase): Promise<Pack[]> {
  const keys = await db.importPacks.toCollection().primaryKeys();
  const known = seenPacks(db);
  const present = new Set(keys);
  for (const key of known.keys()) if (!present.has(key)) known.delete(key);
  const missing = keys.filter((k) => !known.has(k));
  const read = new Map<number, Pack>();
  if (missing.length > 0) {
    const keep = Dexie.currentTransaction?.mode !== 'readwrite';
    const rows = await db.importPacks.bulkGet(missing);
    rows.forEach((row, i) => {
      if (!row) return;
      const pack = new Pack(missing[i]!, row.entries);
      read.set(pack.key, pack);
      if (keep) known.set(pack.key, pack);
    });
  }
  return keys.map((k) => known.get(k) ?? read.get(k)).filter((p): p is Pack => p !== undefined);
}

/** The rows in primary key order once the packed entries are among them (personal ones by id). */
export function withPacked(
  rows: readonly EntryRow[],
  packed: readonly StoredEntry[],
): (EntryRow | StoredEntry)[] {
  if (packed.length === 0) return rows.slice();
  const bundled = rows.filter((r) => r.source !== 'personal');
  const personal = joinLists<EntryRow | StoredEntry>([
    rows.filter((r) => r.source === 'personal'),
    packed,
  ]);
  personal.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return joinLists([bundled, personal]);
}

/** Every packed entry, in pack order; call inside a transaction that includes `importPacks`. */
export async function packedEntries(db: AtaZanDatabase): Promise<StoredEntry[]> {
  return joinLists((await currentPacks(db)).map((p) => p.entries));
}

/** The packed entry `id`, if any; inside a transaction that includes `importPacks`. */
export async function packedEntry(
  db: AtaZanDatabase,
  id: string,
): Promise<StoredEntry | undefined> {
  for (const pack of await currentPacks(db)) {
    const e = pack.byId(id);
    if (e) return e;
  }
  return undefined;
}

/** The packed entries with a term or variant folded to `key`; inside a transaction that includes `importPacks`. */
export async function packedWithTerm(db: AtaZanDatabase, key: string): Promise<StoredEntry[]> {
  return (await currentPacks(db)).flatMap((p) => p.withTerm(key));
}

/**
 * Make each pack's look-ups by id and term now, a pack at a time with
 * `between` awaited after each (the background answers requests there), so
 * the first look-up after an import finds them made. Outside any transaction.
 */
export async function preparePacks(
  db: AtaZanDatabase,
  between: () => Promise<void>,
): Promise<void> {
  const keys = await db.importPacks.orderBy(':id').primaryKeys();
  const known = seenPacks(db);
  for (const key of keys) {
    let pack = known.get(key);
    if (!pack) {
      // A woken worker reads the packs one by one, never all in one task.
      const row = await db.importPacks.get(key);
      if (!row) continue;
      known.set(key, (pack = new Pack(key, row.entries)));
    }
    pack.byId('');
    pack.withTerm('');
    await between();
  }
}

/**
 * Write new personal entries as packs; call inside a rw transaction that
 * includes `importPacks`, entries whose keys are in no row or pack. `cancelled` is asked before
 * each pack (true throws, so the transaction is aborted). Returns what was
 * written, for `rememberPacks` once the transaction has committed.
 */
export async function writePacks(
  db: AtaZanDatabase,
  entries: readonly StoredEntry[],
  stopIfCancelled: () => void,
): Promise<WrittenPacks> {
  const written: Pack[] = [];
  for (let i = 0; i < entries.length; i += PACK_SIZE) {
    stopIfCancelled();
    const slice = entries.slice(i, i + PACK_SIZE);
    written.push(new Pack(await db.importPacks.add({ entries: slice }), slice));
  }
  return { db, written };
}

/** Packs a transaction wrote (`writePacks`). */
export interface WrittenPacks {
  db: AtaZanDatabase;
  written: readonly Pack[];
}

/** Keep packs written by a transaction that has committed: the next reader need not read them back. */
export function rememberPacks({ db, written }: WrittenPacks): void {
  // Inside a caller's transaction, which may still be aborted, they are read when needed.
  if (Dexie.currentTransaction || !db.isOpen()) return;
  const known = seenPacks(db);
  for (const pack of written) known.set(pack.key, pack);
}

/**
 * Take personal entries by id out of the packs, inside the caller's rw
 * transaction (which includes `importPacks`), and return them by id: a write
 * that then puts or deletes the row of such an id keeps every entry in one
 * place. Lists the pack keys and reads only packs not yet seen (none once
 * the background has moved them).
 */
export async function takeFromPacks(
  db: AtaZanDatabase,
  ids: readonly string[],
): Promise<Map<string, StoredEntry>> {
  const taken = new Map<string, StoredEntry>();
  if (ids.length === 0) return taken;
  const packs = await currentPacks(db);
  if (packs.length === 0) return taken;
  const wanted = new Set(ids);
  for (const pack of packs) {
    const hits = ids.filter((id) => pack.byId(id) !== undefined);
    if (hits.length === 0) continue;
    for (const id of hits) taken.set(id, pack.byId(id)!);
    const kept = pack.entries.filter((e) => !wanted.has(e.id));
    // Never changed in place (see above): the rest become a pack of their own.
    await db.importPacks.delete(pack.key);
    if (kept.length > 0) await db.importPacks.add({ entries: kept });
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

/** Options of `unpackImports`. */
export interface UnpackOptions {
  /** Awaited before each pack is moved: the background holds the move back while pages are asking. */
  pace?: () => Promise<void>;
}

/**
 * Move the packs into `entries`, one pack per transaction, until none is
 * left; a write that comes in between runs between two packs. Resolves true
 * when it moved any. Safe to run twice at once: each transaction moves the
 * pack it read, and a pack already moved is no longer read. The move changes
 * no entry as the glossary shows it, so it bumps no revision.
 */
export async function unpackImports(
  db: AtaZanDatabase,
  { pace }: UnpackOptions = {},
): Promise<boolean> {
  let moved = false;
  for (;;) {
    if (pace) await pace();
    const key = await db.transaction('rw', db.entries, db.importPacks, async () => {
      const [first] = await db.importPacks.orderBy(':id').limit(1).primaryKeys();
      if (first === undefined) return undefined;
      const pack = seenPacks(db).get(first)?.entries ?? (await db.importPacks.get(first))?.entries;
      await db.entries.bulkPut((pack ?? []).map(toRow));
      await db.importPacks.delete(first);
      return first;
    });
    if (key === undefined) return moved;
    // Its entries are rows now: the memory they held goes.
    if (db.isOpen()) seenPacks(db).delete(key);
    moved = true;
  }
}

/** A row or a packed entry as the glossary shows it (without the database-only fields). */
export function storedOf(r: EntryRow | StoredEntry): StoredEntry {
  return 'terms' in r ? toStored(r) : r;
}
