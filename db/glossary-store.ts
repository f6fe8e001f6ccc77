/**
 * Reads and writes of glossary entries. Every write runs in one Dexie
 * transaction and bumps the revision in the same transaction, so a reader
 * never sees entries and revision out of step. Callers broadcast the change.
 */
import { foldTerm } from '../glossary/normalize';
import type { Entry, Lang } from '../glossary/types';
import type {
  BatchInfo,
  DeleteSummary,
  DuplicatePolicy,
  GlossarySnapshot,
  ImportSummary,
  StoredEntry,
  UndoSummary,
} from '../lib/protocol';
import { toRow, toStored, type AtaZanDatabase, type BatchRow, type EntryRow } from './database';
import { ImportPlan } from './import-plan';
import { newPersonalId } from './personal-id';
import {
  packedEntries,
  packedEntry,
  packedWithTerm,
  rememberPacks,
  removeFromPacks,
  storedOf,
  takeFromPacks,
  takePersonal,
  withPacked,
  writePacks,
  type WrittenPacks,
} from './import-packs';
import { CodedError } from '../glossary/errors';
import { validateEntry, ValidationError } from '../glossary/entry-model';

export const BUNDLED = 'bundled';
export const PERSONAL = 'personal';

export async function getRevision(db: AtaZanDatabase): Promise<number> {
  const row = await db.meta.get('revision');
  return row?.key === 'revision' ? row.value : 0;
}

export async function getBundledVersion(db: AtaZanDatabase): Promise<string> {
  const row = await db.meta.get('bundledVersion');
  return row?.key === 'bundledVersion' ? row.value : '';
}

/** Bump the revision; call inside a rw transaction that includes `meta`. */
export async function bumpRevision(db: AtaZanDatabase): Promise<number> {
  const revision = (await getRevision(db)) + 1;
  await db.meta.put({ key: 'revision', value: revision });
  return revision;
}

/** The effective glossary: bundled rows with personal overrides applied, then personal rows. */
export async function getSnapshot(db: AtaZanDatabase): Promise<GlossarySnapshot> {
  return db.transaction('r', db.entries, db.meta, db.importPacks, async () => {
    const [rows, packed, revision, bundledVersion] = await Promise.all([
      db.entries.toArray(),
      packedEntries(db),
      getRevision(db),
      getBundledVersion(db),
    ]);
    return { revision, bundledVersion, entries: effective(withPacked(rows, packed)) };
  });
}

/** `rows` in primary key order, packed entries among them (db/import-packs.ts). */
function effective(rows: readonly (EntryRow | StoredEntry)[]): StoredEntry[] {
  const overridden = new Set<string>();
  for (const r of rows) if (r.source === PERSONAL && r.overrides) overridden.add(r.overrides);
  const out: StoredEntry[] = [];
  for (const r of rows) if (r.source === BUNDLED && !overridden.has(r.id)) out.push(storedOf(r));
  for (const r of rows) if (r.source === PERSONAL) out.push(storedOf(r));
  return out;
}

/**
 * The effective entries once `saved` (a personal row just put) is among them,
 * in `effective`'s order: what `getSnapshot` would read now, without reading
 * every row again after one save.
 */
export function withPersonalSaved(
  entries: readonly StoredEntry[],
  saved: StoredEntry,
): StoredEntry[] {
  const out: StoredEntry[] = [];
  let placed = false;
  for (const e of entries) {
    if (e.source === BUNDLED) {
      if (e.id !== saved.overrides) out.push(e);
      continue;
    }
    if (e.id === saved.id) continue;
    // Personal rows follow the bundled ones in key order, as the database gives them.
    if (!placed && saved.id < e.id) {
      out.push(saved);
      placed = true;
    }
    out.push(e);
  }
  if (!placed) out.push(saved);
  return out;
}

/** The effective entry with this id: the personal row (or override) first, else the bundled row. */
export async function getEntry(db: AtaZanDatabase, id: string): Promise<StoredEntry | null> {
  return db.transaction('r', db.entries, db.importPacks, async () => {
    const personal = await db.entries.get([PERSONAL, id]);
    if (personal) return toStored(personal);
    const packed = await packedEntry(db, id);
    if (packed) return packed;
    const bundled = await db.entries.get([BUNDLED, id]);
    return bundled ? toStored(bundled) : null;
  });
}

/**
 * The first entry of the effective glossary (bundled before personal, each by
 * id, as the snapshot lists them) whose term or a variant in `lang` folds to
 * the same as `term`, other than `except`: one read of the `terms` index.
 */
export async function findByTerm(
  db: AtaZanDatabase,
  lang: Lang,
  term: string,
  except?: string,
): Promise<StoredEntry | null> {
  const key = foldTerm(term);
  if (!key) return null;
  return db.transaction('r', db.entries, db.importPacks, async () => {
    const rows: (EntryRow | StoredEntry)[] = await db.entries.where('terms').equals(key).toArray();
    rows.push(...(await packedWithTerm(db, key)));
    rows.sort(compareKeys);
    const inLang = (r: StoredEntry) =>
      [r[lang].term, ...r[lang].variants].some((v) => foldTerm(v) === key);
    const personal = new Set(rows.filter((r) => r.source === PERSONAL).map((r) => r.id));
    for (const r of rows) {
      if (r.id === except || !inLang(r)) continue;
      // A bundled row under a personal override (a row or packed) is not in the effective glossary.
      if (
        r.source === BUNDLED &&
        (personal.has(r.id) ||
          (await db.entries.get([PERSONAL, r.id])) ||
          (await packedEntry(db, r.id)))
      ) {
        continue;
      }
      return storedOf(r);
    }
    return null;
  });
}

export async function listEntries(
  db: AtaZanDatabase,
  source?: StoredEntry['source'],
): Promise<StoredEntry[]> {
  return db.transaction('r', db.entries, db.importPacks, async () => {
    const rows = withPacked(await db.entries.toArray(), await packedEntries(db));
    return source ? rows.filter((r) => r.source === source).map(storedOf) : effective(rows);
  });
}

/**
 * Store `entry` as personal, inside a transaction: an override when its id is
 * a bundled id, an update when it is an existing personal id, otherwise a new
 * personal entry ("p-…" ids are kept, any other id is replaced by a fresh one).
 */
async function putPersonal(db: AtaZanDatabase, entry: Entry, now: number): Promise<StoredEntry> {
  let id = entry.id;
  let overrides: string | undefined;
  let createdAt = now;
  // A packed entry becomes a row: taken out of its pack first.
  const existing = id ? await takePersonal(db, id) : undefined;
  if (existing) {
    createdAt = existing.createdAt;
    overrides = existing.overrides;
  } else if (id && (await db.entries.get([BUNDLED, id]))) {
    overrides = id;
  } else if (!id.startsWith('p-') || id.length < 3) {
    id = newPersonalId();
  }
  const stored: StoredEntry = { ...entry, id, source: PERSONAL, createdAt, updatedAt: now };
  if (overrides) stored.overrides = overrides;
  await db.entries.put(toRow(stored));
  return stored;
}

export interface Change<T> {
  result: T;
  /** The new revision, or null when nothing changed. */
  revision: number | null;
}

export async function saveEntry(db: AtaZanDatabase, input: unknown): Promise<Change<StoredEntry>> {
  const entry = validateEntry(input);
  return db.transaction('rw', db.entries, db.meta, db.importPacks, async () => {
    const result = await putPersonal(db, entry, Date.now());
    return { result, revision: await bumpRevision(db) };
  });
}

/** Delete a personal entry or override; returns the deleted row for undo. Bundled rows cannot be deleted. */
export async function deleteEntry(
  db: AtaZanDatabase,
  id: string,
): Promise<Change<StoredEntry | null>> {
  return db.transaction('rw', db.entries, db.meta, db.importPacks, async () => {
    const row = await takePersonal(db, id);
    if (!row) {
      if (await db.entries.get([BUNDLED, id])) {
        throw new ValidationError('entry.bundledDelete', { id });
      }
      return { result: null, revision: null };
    }
    await db.entries.delete([PERSONAL, id]);
    return { result: storedOf(row), revision: await bumpRevision(db) };
  });
}

/** Undo of a delete: put the row back as it was (id, override and timestamps kept). */
export async function restoreEntry(
  db: AtaZanDatabase,
  input: unknown,
): Promise<Change<StoredEntry>> {
  const entry = validateEntry(input);
  const raw = input as Partial<StoredEntry>;
  if (!entry.id) throw new ValidationError('entry.restoreNeedsId');
  const now = Date.now();
  const stored: StoredEntry = {
    ...entry,
    source: PERSONAL,
    createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : now,
    updatedAt: typeof raw.updatedAt === 'number' ? raw.updatedAt : now,
  };
  if (typeof raw.overrides === 'string' && raw.overrides) stored.overrides = raw.overrides;
  return db.transaction('rw', db.entries, db.meta, db.importPacks, async () => {
    await takeFromPacks(db, [stored.id]);
    await db.entries.put(toRow(stored));
    return { result: stored, revision: await bumpRevision(db) };
  });
}

/** Drop a personal override; returns the bundled entry that shows again. */
export async function resetEntry(
  db: AtaZanDatabase,
  id: string,
): Promise<Change<StoredEntry | null>> {
  return db.transaction('rw', db.entries, db.meta, db.importPacks, async () => {
    const override = await takePersonal(db, id);
    const bundled = await db.entries.get([BUNDLED, id]);
    if (!override?.overrides) return { result: bundled ? toStored(bundled) : null, revision: null };
    await db.entries.delete([PERSONAL, id]);
    return { result: bundled ? toStored(bundled) : null, revision: await bumpRevision(db) };
  });
}

/** How many batches are kept for undo; older ones are dropped as new ones come. */
export const MAX_BATCHES = 20;

async function recordBatch(db: AtaZanDatabase, batch: Omit<BatchRow, 'id'>): Promise<number> {
  const id = await db.batches.add(batch);
  const count = await db.batches.count();
  if (count > MAX_BATCHES) {
    const old = await db.batches
      .orderBy('id')
      .limit(count - MAX_BATCHES)
      .primaryKeys();
    await db.batches.bulkDelete(old);
  }
  return id;
}

/** The entries of an import, each checked by the entry model; the first bad one names its place. */
export function validateImport(inputs: unknown, offset = 0): Entry[] {
  if (!Array.isArray(inputs)) throw new ValidationError('import.notList');
  return inputs.map((e, i) => {
    try {
      return validateEntry(e);
    } catch (err) {
      if (err instanceof CodedError) {
        throw err.at({ code: 'where.entry', params: { n: offset + i + 1 } });
      }
      throw err;
    }
  });
}

/** Rows are written in slices of this many, with a look at `cancelled` between them. */
const WRITE_SLICE = 2000;

export interface ImportOptions {
  /** Asked between slices of writes; true aborts the transaction (`import.cancelled`), nothing written. */
  cancelled?: () => boolean;
}

/**
 * Import entries in one transaction: all or nothing. An entry is a duplicate
 * when its id is in the glossary, or when an entry has the same Kazakh and the
 * same Russian term (normalised). Duplicates are skipped, overwritten (the
 * existing entry's id is kept, so a bundled one gets an override) or added
 * beside the existing one. The import is recorded as a batch — the ids it
 * created and the personal rows it overwrote, as they were — so `undoBatch`
 * can take it back in one step.
 */
export async function importEntries(
  db: AtaZanDatabase,
  inputs: unknown,
  policy: DuplicatePolicy,
  name = '',
  options: ImportOptions = {},
): Promise<Change<ImportSummary>> {
  if (!Array.isArray(inputs)) throw new ValidationError('import.notList');
  return importCheckedEntries(db, validateImport(inputs), policy, name, options);
}

/**
 * `importEntries` for entries `validateImport` has already passed (the
 * streamed import checks each chunk as it arrives, so the commit does not
 * check them again).
 *
 * The glossary is read once, in the transaction (one read of every row costs
 * far less than a lookup per entry of the file); the decisions are made in
 * memory in file order — a later entry of the file meets an earlier one as it
 * would in the database — and the rows are written in bulk: added where the
 * key is new, put only where a personal row is overwritten.
 */
export async function importCheckedEntries(
  db: AtaZanDatabase,
  entries: readonly Entry[],
  policy: DuplicatePolicy,
  name = '',
  options: ImportOptions = {},
): Promise<Change<ImportSummary>> {
  return importPlanned(db, policy, name, options, entries);
}

/** A plan made before the commit, from the glossary at `revision` (the streamed import's). */
export interface PlanMade {
  revision: number;
  plan: ImportPlan;
}

/** The plan of `entries` against the glossary as `rows` hold it. */
export function planImport(
  rows: readonly (EntryRow | StoredEntry)[],
  entries: readonly Entry[],
  policy: DuplicatePolicy,
): ImportPlan {
  const plan = new ImportPlan(rows, policy, Date.now(), newPersonalId);
  plan.add(entries);
  return plan;
}

/**
 * Write an import in one transaction: `made`, when the glossary is still at
 * the revision it was made from (nothing it decided from has changed), else
 * a plan of `entries` made in the transaction.
 */
export async function importPlanned(
  db: AtaZanDatabase,
  policy: DuplicatePolicy,
  name: string,
  options: ImportOptions,
  entries: readonly Entry[],
  made?: PlanMade,
): Promise<Change<ImportSummary>> {
  if (policy !== 'skip' && policy !== 'overwrite' && policy !== 'keep-both') {
    throw new ValidationError('import.policy');
  }
  const cancelled = options.cancelled ?? (() => false);
  let packs: WrittenPacks | null = null;
  const tables = [db.entries, db.meta, db.batches, db.importPacks];
  const change = await db.transaction('rw', tables, async () => {
    // Packs moved into rows since the plan was made leave the glossary (and its revision) as it was.
    const plan =
      made && made.revision === (await getRevision(db))
        ? made.plan
        : planImport(
            withPacked(await db.entries.toArray(), await packedEntries(db)),
            entries,
            policy,
          );
    const stopIfCancelled = () => {
      if (cancelled()) throw new ValidationError('import.cancelled');
    };
    stopIfCancelled();
    const { summary, created, previous } = plan;
    if (summary.added + summary.updated === 0) return { result: summary, revision: null };
    // An entry whose key is in no row goes into packs (a few requests, however many entries);
    // a personal row it overwrites is put in place.
    const { replaced, added } = plan.split();
    // What it overwrites may still be packed (an earlier import's): taken out, put as rows.
    await takeFromPacks(
      db,
      replaced.map((r) => r.id),
    );
    for (let i = 0; i < replaced.length; i += WRITE_SLICE) {
      stopIfCancelled();
      await db.entries.bulkPut(replaced.slice(i, i + WRITE_SLICE));
    }
    packs = await writePacks(db, added, stopIfCancelled);
    stopIfCancelled();
    const batchId = await recordBatch(db, {
      kind: 'import',
      name,
      createdAt: plan.now,
      created,
      previous,
    });
    return { result: { ...summary, batchId }, revision: await bumpRevision(db) };
  });
  // Committed: the readers that follow (the new snapshot first) need not read the packs back.
  if (packs) rememberPacks(packs);
  return change;
}

/** Delete many personal entries (or overrides) in one transaction, recorded as a batch for undo. */
export async function deleteEntries(
  db: AtaZanDatabase,
  ids: unknown,
): Promise<Change<DeleteSummary>> {
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string')) {
    throw new ValidationError('request.ids');
  }
  return db.transaction('rw', db.entries, db.meta, db.batches, db.importPacks, async () => {
    const packed = await takeFromPacks(db, ids);
    const inRows = (
      await db.entries.bulkGet(
        ids.filter((id) => !packed.has(id)).map((id): [string, string] => [PERSONAL, id]),
      )
    ).filter((r): r is EntryRow => r !== undefined);
    const rows = [...packed.values(), ...inRows.map(toStored)];
    if (rows.length === 0) return { result: { deleted: 0 }, revision: null };
    await db.entries.bulkDelete(inRows.map((r): [string, string] => [PERSONAL, r.id]));
    const batchId = await recordBatch(db, {
      kind: 'delete',
      name: '',
      createdAt: Date.now(),
      created: [],
      previous: rows,
    });
    return { result: { deleted: rows.length, batchId }, revision: await bumpRevision(db) };
  });
}

/** The batches that can still be undone, newest first. */
export async function listBatches(db: AtaZanDatabase): Promise<BatchInfo[]> {
  const rows = await db.batches.orderBy('id').reverse().toArray();
  return rows.map((b) => ({
    id: b.id!,
    kind: b.kind,
    name: b.name,
    createdAt: b.createdAt,
    created: b.created.length,
    previous: b.previous.length,
  }));
}

/**
 * Undo an import or a bulk delete: remove the personal entries it created and
 * put back, as they were, the rows it overwrote or deleted. One transaction;
 * the batch is then forgotten.
 */
export async function undoBatch(db: AtaZanDatabase, id: unknown): Promise<Change<UndoSummary>> {
  if (typeof id !== 'number') throw new ValidationError('batch.notFound');
  return db.transaction('rw', db.entries, db.meta, db.batches, db.importPacks, async () => {
    const batch = await db.batches.get(id);
    if (!batch) throw new ValidationError('batch.notFound');
    // Packed entries are taken out of their packs (a termbase just imported is undone
    // without first being moved into rows); the rest are rows. What was overwritten goes
    // back as rows, so it is taken out of the packs too.
    const rows = await removeFromPacks(db, [...batch.created, ...batch.previous.map((p) => p.id)]);
    const created = new Set(batch.created);
    const stillRows = rows.filter((c) => created.has(c));
    await db.entries.bulkDelete(stillRows.map((c): [string, string] => [PERSONAL, c]));
    await db.entries.bulkPut(batch.previous.map(toRow));
    await db.batches.delete(id);
    return {
      result: { removed: batch.created.length, restored: batch.previous.length },
      revision: await bumpRevision(db),
    };
  });
}

/** The primary key order [source+id]. */
function compareKeys(a: StoredEntry, b: StoredEntry): number {
  return a.source < b.source
    ? -1
    : a.source > b.source
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;
}
