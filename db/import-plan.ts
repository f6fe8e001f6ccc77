/**
 * What an import will write, decided in memory from the glossary as read:
 * each entry of the file, in file order, is new, a duplicate skipped, an
 * overwrite or a copy kept beside (the duplicate policy), and a later entry
 * of the file meets an earlier one as it would in the database. Entries can
 * be added a chunk at a time, so the streamed import decides while the rest
 * of the file is still on its way; its commit writes the plan only if the
 * glossary is still at the revision it was made from.
 */
import { duplicateKey } from '../glossary/entry-model';
import type { Entry } from '../glossary/types';
import type { DuplicatePolicy, ImportSummary, StoredEntry } from '../lib/protocol';
import { toRow, type AtaZanDatabase, type EntryRow } from './database';
import { packedEntries, storedOf, withPacked } from './import-packs';

const PERSONAL = 'personal';
const BUNDLED = 'bundled';

/** A fresh personal id, as the store makes them (passed in: the store owns the id pool). */
type NewId = () => string;

export class ImportPlan {
  readonly summary: ImportSummary = { added: 0, updated: 0, skipped: 0 };
  /** Personal ids the import creates (an undo deletes them). */
  readonly created: string[] = [];
  /** Personal entries as they were before the import overwrote them (an undo puts them back). */
  readonly previous: StoredEntry[] = [];
  /** Personal entries by id as the database holds them. */
  private readonly stored = new Map<string, StoredEntry>();
  /** Personal entries this import writes, by id, as it leaves them so far. */
  private readonly writes = new Map<string, StoredEntry>();
  private readonly bundled = new Set<string>();
  /** The id of the first entry with these terms. */
  private readonly byTerms = new Map<string, string>();
  /** Personal ids this import has already written (created or saved the previous version of). */
  private readonly touched = new Set<string>();

  /** `rows`: the whole glossary in primary key order (bundled before personal, as the duplicate rule meets them). */
  constructor(
    rows: readonly (EntryRow | StoredEntry)[],
    private readonly policy: DuplicatePolicy,
    readonly now: number,
    private readonly newId: NewId,
  ) {
    for (const r of rows) {
      if (r.source === PERSONAL) this.stored.set(r.id, storedOf(r));
      else if (r.source === BUNDLED) this.bundled.add(r.id);
      const key = duplicateKey(r);
      if (key !== null && !this.byTerms.has(key)) this.byTerms.set(key, r.id);
    }
  }

  private personalRow(id: string): StoredEntry | undefined {
    return this.writes.get(id) ?? this.stored.get(id);
  }

  /** Write `entry`, whose terms give `key` (folded once per entry of the file). */
  private put(entry: Entry, key: string | null): StoredEntry {
    let id = entry.id;
    let overrides: string | undefined;
    let createdAt = this.now;
    const existing = id ? this.personalRow(id) : undefined;
    if (existing) {
      createdAt = existing.createdAt;
      overrides = existing.overrides;
    } else if (id && this.bundled.has(id)) {
      overrides = id;
    } else if (!id.startsWith('p-') || id.length < 3) {
      id = this.newId();
    }
    const row: StoredEntry = {
      ...entry,
      id,
      source: PERSONAL,
      createdAt,
      updatedAt: this.now,
    };
    if (overrides) row.overrides = overrides;
    this.writes.set(id, row);
    if (key !== null && !this.byTerms.has(key)) this.byTerms.set(key, id);
    return row;
  }

  /** Decide the next entries of the file, in file order. */
  add(entries: readonly Entry[]): void {
    const { summary, touched } = this;
    for (const entry of entries) {
      const key = duplicateKey(entry);
      const duplicateId =
        entry.id && (this.personalRow(entry.id) || this.bundled.has(entry.id))
          ? entry.id
          : key === null
            ? null
            : (this.byTerms.get(key) ?? null);
      if (duplicateId === null || this.policy === 'keep-both') {
        const written = this.put(duplicateId === null ? entry : { ...entry, id: '' }, key);
        if (!touched.has(written.id)) this.created.push(written.id);
        touched.add(written.id);
        summary.added++;
      } else if (this.policy === 'skip') {
        summary.skipped++;
      } else {
        if (!touched.has(duplicateId)) {
          const before = this.personalRow(duplicateId);
          if (before) this.previous.push(before);
          else this.created.push(duplicateId); // a new override of a bundled entry
          touched.add(duplicateId);
        }
        this.put({ ...entry, id: duplicateId }, key);
        summary.updated++;
      }
    }
  }

  /**
   * The writes: rows put over the personal entries the database holds (their
   * keys exist), and new entries, whose keys are in no row (for packs).
   */
  split(): { replaced: EntryRow[]; added: StoredEntry[] } {
    const replaced: EntryRow[] = [];
    const added: StoredEntry[] = [];
    for (const e of this.writes.values()) {
      if (this.stored.has(e.id)) replaced.push(toRow(e));
      else added.push(e);
    }
    return { replaced, added };
  }
}

/** The whole glossary (packed entries among the rows) and its revision, read in one transaction. */
export async function readForPlan(
  db: AtaZanDatabase,
): Promise<{ revision: number; rows: (EntryRow | StoredEntry)[] }> {
  return db.transaction('r', db.entries, db.meta, db.importPacks, async () => {
    const [rows, packed, meta] = await Promise.all([
      db.entries.toArray(),
      packedEntries(db),
      db.meta.get('revision'),
    ]);
    const revision = meta?.key === 'revision' ? meta.value : 0;
    return { revision, rows: withPacked(rows, packed) };
  });
}
