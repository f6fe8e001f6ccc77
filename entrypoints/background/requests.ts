/**
 * The background's answer to every request of lib/protocol.ts, kept free of
 * browser APIs so the unit tests drive it against fake-indexeddb. It returns
 * the response and the broadcasts the caller must send. The effective
 * glossary snapshot is kept in memory between changes: the matcher is compiled
 * from it, and the popup and options page ask for it whenever they open.
 */
import { MatcherCache } from './matcher-cache';
import { PackMover } from './pack-mover';
import type { GlossarySnapshot, RequestType } from '../../lib/protocol';
import type { Settings } from '../../lib/settings';
import { answer, route, type Handled, type Handler, type Handlers } from './router';
import type { AtaZanDatabase } from '../../db/database';
import {
  deleteEntries,
  deleteEntry,
  findByTerm,
  getEntry,
  getRevision,
  getSnapshot,
  importEntries,
  importPlanned,
  type PlanMade,
  listBatches,
  listEntries,
  resetEntry,
  restoreEntry,
  saveEntry,
  withPersonalSaved,
  undoBatch,
  validateImport,
  type Change,
} from '../../db/glossary-store';
import { newPersonalId } from '../../db/personal-id';
import { storedOf } from '../../db/import-packs';
import { ImportPlan, readForPlan } from '../../db/import-plan';
import { getSettings, setSettings } from '../../db/settings-store';
import {
  dropCompiledIndex,
  readCompiledIndex,
  writeCompiledIndex,
  storedSearchRevision,
  writeSearchIndex,
} from '../../db/compiled-index-store';
import { ValidationError } from '../../glossary/entry-model';
import {
  createSearch,
  openSearch,
  type GlossarySearch,
  type IndexSearch,
} from '../../glossary/search';
import { buildSearchData, SearchDataError, type SearchData } from '../../glossary/search-data';
import {
  indexOver,
  packSearchIndex,
  storedSearchIndexOf,
  type StoredSearchIndex,
} from '../../lib/stored-search';
import { SEARCH_INDEX_KEY } from '../../lib/database-names';
import { EntryList, type FilterTextCache } from '../../glossary/entry-list';
import type { Entry } from '../../glossary/types';
import type { DuplicatePolicy, SearchAnswer, StoredEntry } from '../../lib/protocol';
import { bundledSearch } from './bundled-glossary';
import { packData } from '../../lib/packed-data';

/** The requests that need the browser, not the database (answered in index.ts). */
export type BrowserRequest = 'options/open' | 'pdf/native' | 'reader/open' | 'worker/wake';
export type DatabaseRequest = Exclude<RequestType, BrowserRequest>;

/** An import being received in chunks (`import/begin` … `import/commit`), held in memory until its commit. */
interface StagedImport {
  policy: DuplicatePolicy;
  name: string;
  /** The checked entries by the offset in the file of their chunk (chunks may arrive out of order). */
  chunks: Map<number, Entry[]>;
  /** How many entries the chunks hold. */
  received: number;
  /** Set by `import/cancel`; a running commit aborts its transaction at its next look. */
  cancelled: boolean;
  /**
   * The plan, made from the glossary as read at `import/begin` while the
   * chunks come (null when that read failed); the commit uses it only if the
   * glossary has not changed since.
   */
  plan: Promise<PlanMade | null>;
  /** How many entries, from the file's start, the plan has decided. */
  planned: number;
  /** A chunk came again for a place already planned: the commit plans again. */
  planStale: boolean;
  /** The plan's work on the chunks received so far. */
  planning: Promise<void>;
}

/** The stored search index as a woken worker read it (`GlossaryService.woken`). */
interface WokenIndex {
  revision: number;
  index: StoredSearchIndex;
  engine: IndexSearch;
}

/** After a change, the search index is rebuilt this long after, once tabs have repainted. */
const SEARCH_WARM_DELAY_MS = 1500;
/** Entries whose filter texts are folded in one go before other requests are answered. */
const FOLD_SLICE = 1000;
/** Imports cancelled this recently still answer `import.cancelled` (not `import.expired`). */
const MAX_CANCELLED_KEPT = 20;

/** A staged import's entries in file order; a chunk that never arrived leaves a gap, and the import is refused. */
function inFileOrder(staged: StagedImport): Entry[] {
  const entries: Entry[] = [];
  for (const offset of [...staged.chunks.keys()].sort((x, y) => x - y)) {
    if (offset !== entries.length) throw new ValidationError('import.expired');
    for (const e of staged.chunks.get(offset)!) entries.push(e);
  }
  return entries;
}

export class GlossaryService {
  private snapshot: Promise<GlossarySnapshot> | null = null;
  private revision: Promise<number> | null = null;
  /** The search index of a snapshot (the very promise `getSnapshot` answered). */
  private search: {
    of: Promise<GlossarySnapshot>;
    index: Promise<{ revision: number; search: GlossarySearch<StoredEntry> }>;
  } | null = null;
  /** The last index built (see `query`). */
  private searchReady: { revision: number; search: GlossarySearch<StoredEntry> } | null = null;
  private searchWarm: ReturnType<typeof setTimeout> | null = null;
  /**
   * The stored search index as this worker read it when it woke (with no
   * index of its own yet): 'refused' when the row is there but not one.
   */
  private woken: Promise<WokenIndex | 'refused' | 'stale' | null> | null = null;
  /** The revision whose search index this worker stored. */
  private searchStoredAt: number | null = null;
  private searchSaving: Promise<void> = Promise.resolve();
  private readonly imports = new Map<string, StagedImport>();
  /** The personal entries of a snapshot as the options table lists them (the very promise `getSnapshot` answered). */
  private personal: {
    of: Promise<GlossarySnapshot>;
    list: Promise<{ revision: number; list: EntryList<StoredEntry> }>;
  } | null = null;
  /** The filter's folded texts, kept from list to list for the entries that did not change. */
  private readonly filterTexts: FilterTextCache = new Map();
  /** The list whose filter texts are being folded (`foldSoon`). */
  private folding: EntryList<StoredEntry> | null = null;
  private settings: Promise<Settings> | null = null;
  /** An import's packs, moved into rows between requests. */
  private readonly packs: PackMover;
  /** The compiled matcher follows the revision; it is stored, so a woken worker need not read every entry. */
  readonly matcher: MatcherCache;

  constructor(private readonly db: AtaZanDatabase) {
    this.packs = new PackMover(db);
    this.matcher = new MatcherCache(() => this.getSnapshot(), undefined, {
      revision: () => this.getRevision(),
      store: {
        read: () => readCompiledIndex(db),
        // Packed: one ArrayBuffer clones in and out of IndexedDB far faster than its object graph.
        write: (revision, value) => writeCompiledIndex(db, revision, packData(value).buffer),
        drop: () => dropCompiledIndex(db),
      },
    });
  }

  /** Move the packs of the last imports into rows a little later (PackMover.soon). */
  unpackSoon(delay?: number): void {
    this.packs.soon(delay);
  }

  /** Resolves when the packs moved by the last `unpackSoon` are rows (for tests). */
  packsMoved(): Promise<void> {
    return this.packs.moved();
  }

  /** The handlers, each counted while it answers, so that the packs move between requests. */
  private counted(handlers: Handlers<DatabaseRequest>): Handlers<DatabaseRequest> {
    const out: Partial<Record<DatabaseRequest, Handler<DatabaseRequest>>> = {};
    for (const type of Object.keys(handlers) as DatabaseRequest[]) {
      const handler = handlers[type] as Handler<DatabaseRequest>;
      out[type] = (params, sender) => this.packs.track(() => handler(params, sender));
    }
    return out as Handlers<DatabaseRequest>;
  }

  /** Forget the cached snapshot (after a write made outside `handle`, e.g. seeding). */
  invalidate(): void {
    this.snapshot = null;
    this.revision = null;
  }

  /** The current revision: the snapshot's when it is read, else the database's. */
  getRevision(): Promise<number> {
    if (!this.revision) {
      this.revision = this.snapshot ? this.snapshot.then((s) => s.revision) : getRevision(this.db);
      this.revision.catch(() => (this.revision = null));
    }
    return this.revision;
  }

  getSnapshot(): Promise<GlossarySnapshot> {
    if (!this.snapshot) {
      this.snapshot = getSnapshot(this.db);
      // Do not keep a failed read around.
      this.snapshot.catch(() => (this.snapshot = null));
    }
    return this.snapshot;
  }

  /**
   * The search index of the current snapshot, once per revision: a worker
   * with none yet (just woken) takes the stored one when it is the snapshot's,
   * and builds it otherwise.
   */
  searchIndex(): Promise<{ revision: number; search: GlossarySearch<StoredEntry> }> {
    const of = this.getSnapshot();
    if (this.search?.of !== of) {
      // Read beside the snapshot; a running worker's stored row is older than its glossary.
      const row = this.searchReady ? Promise.resolve(null) : this.wokenIndex();
      const index = Promise.all([of, row]).then(([snapshot, stored]) => {
        // From now on the index answers; the row's copy need not be kept for `fromWokenIndex`.
        this.woken = null;
        const restored =
          typeof stored === 'object' && stored && this.restoreSearch(snapshot, stored);
        if (restored) {
          this.searchStoredAt = snapshot.revision;
          this.searchReady = restored;
          return restored;
        }
        const data = buildSearchData(snapshot.entries);
        const ready = { revision: snapshot.revision, search: createSearch(snapshot.entries, data) };
        this.searchReady = ready;
        // A row read and refused (stale or damaged) is written over.
        const refused = stored !== null;
        // After this answer: the popup reads the stored index as it opens.
        this.searchSaving = new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
          this.storeSearch(snapshot, data, refused),
        );
        return ready;
      });
      index.catch(() => (this.search = null));
      this.search = { of, index };
    }
    return this.search.index;
  }

  /** The personal entries of the current snapshot, as the options table lists them. */
  personalList(): Promise<{ revision: number; list: EntryList<StoredEntry> }> {
    const of = this.getSnapshot();
    if (this.personal?.of !== of) {
      const list = of.then((s) => ({
        revision: s.revision,
        list: new EntryList(
          s.entries.filter((e) => e.source === 'personal'),
          this.filterTexts,
        ),
      }));
      list.catch(() => (this.personal = null));
      // Fold the filter's texts once the page that asked has its answer: the first filter need not.
      list.then(({ list }) => this.foldSoon(list)).catch(() => undefined);
      this.personal = { of, list };
    }
    return this.personal.list;
  }

  /**
   * Fold a list's filter texts a slice at a time (other requests are answered
   * between slices), until they all are or a newer list replaced it.
   */
  private foldSoon(list: EntryList<StoredEntry>): void {
    this.folding = list;
    const step = () => {
      if (this.folding !== list) return;
      if (list.fold(FOLD_SLICE)) this.folding = null;
      else setTimeout(step, 0);
    };
    setTimeout(step, 0);
  }

  /**
   * Answer from the index there is: while the current one is still being made
   * (the worker just woke, or just installed and seeding), from the previous
   * one, else from the bundled glossary alone, marked incomplete so the page
   * asks again. A popup never waits for the database.
   */
  private async query(query: string, limit?: number): Promise<SearchAnswer> {
    if (!this.search) {
      const woken = await this.fromWokenIndex(query, limit);
      if (woken) return woken;
    }
    const current = this.searchIndex();
    const settled = await Promise.race([current, Promise.resolve(null)]);
    if (settled) return { ...this.answer(settled, query, limit), complete: true };
    const stand = this.searchReady ?? (await this.bundledSearch());
    return { ...this.answer(stand, query, limit), complete: false };
  }

  private answer(
    index: { revision: number; search: GlossarySearch<StoredEntry> },
    query: string,
    limit?: number,
  ) {
    return {
      hits: index.search.search(query, limit),
      size: index.search.size,
      revision: index.revision,
    };
  }

  /** The bundled glossary alone (bundled-glossary.ts): a woken worker's stand-in costs no build. */
  private bundledSearch(): Promise<{ revision: number; search: GlossarySearch<StoredEntry> }> {
    return bundledSearch().then((search) => ({ revision: 0, search }));
  }

  /**
   * Store a search index made elsewhere (the bundled glossary's, built with
   * the extension) as `revision`'s when it names exactly the snapshot's
   * entries in the snapshot's order: right after an install the popup then
   * searches it without the worker building one. False (nothing written) otherwise.
   */
  async adoptSearch(revision: number, index: () => Promise<ArrayBuffer>): Promise<boolean> {
    try {
      const [buffer, snap] = await Promise.all([index(), this.getSnapshot()]);
      if (snap.revision !== revision) return false;
      const { ids, personal } = storedSearchIndexOf(buffer);
      const same =
        snap.entries.length === ids.length &&
        snap.entries.every((e, i) => e.source === 'bundled' && e.id === ids[i]) &&
        personal.every((p) => p === 0);
      if (!same || !(await writeSearchIndex(this.db, revision, buffer))) return false;
      this.searchStoredAt = revision;
      return true;
    } catch (err) {
      console.warn('Ata Zan: the bundled search index was not adopted', err);
      return false;
    }
  }

  /** Resolves when the last search index built has been stored (or needed not be, or could not be). */
  searchSaved(): Promise<void> {
    return this.searchSaving;
  }

  /**
   * The stored search row read and checked, once per waking (see `woken`);
   * 'stale', unread, when the revision stored with it is not the database's
   * (a worker stopped before it stored its last change's index).
   */
  private wokenIndex(): Promise<WokenIndex | 'refused' | 'stale' | null> {
    const current = () =>
      Promise.all([storedSearchRevision(this.db), getRevision(this.db)]).then(
        ([stored, revision]) => stored === revision,
      );
    this.woken ??= current()
      .then(async (fresh) => {
        if (!fresh) return 'stale' as const;
        return this.db.compiledIndex.get(SEARCH_INDEX_KEY);
      })
      .then(
        (row) => {
          if (row === 'stale') return row;
          if (!row) return null;
          try {
            if (typeof row.revision !== 'number') throw new SearchDataError('revision');
            const index = storedSearchIndexOf(row.value);
            return { revision: row.revision, index, engine: openSearch(index.data) };
          } catch (err) {
            // Built again from the entries, and stored over the damaged row.
            console.debug('Ata Zan: stored search index refused', err);
            return 'refused' as const;
          }
        },
        (err: unknown) => {
          console.debug('Ata Zan: stored search index not read', err);
          return null;
        },
      );
    return this.woken;
  }

  /** The stored index over the snapshot when it is of its revision and names its entries; null otherwise. */
  private restoreSearch(
    snapshot: GlossarySnapshot,
    stored: WokenIndex,
  ): { revision: number; search: GlossarySearch<StoredEntry> } | null {
    if (stored.revision !== snapshot.revision) return null;
    try {
      const { data, entries } = indexOver(stored.index, snapshot.entries);
      return { revision: snapshot.revision, search: createSearch(entries, data) };
    } catch (err) {
      console.debug('Ata Zan: stored search index refused', err);
      return null;
    }
  }

  /**
   * A woken worker's answer from the stored index alone, each hit's entry
   * read by its key: no reading of every entry (the popup's own read of the
   * database is not queued behind it). Null when that index is not the
   * current revision's, or an entry it names is not a row (an import's
   * entries still in packs): the snapshot's index answers then.
   */
  private async fromWokenIndex(query: string, limit?: number): Promise<SearchAnswer | null> {
    // Packed entries are no rows to read by key: the snapshot is read at once, not after the row.
    if ((await this.db.importPacks.count()) > 0) return null;
    const stored = await this.wokenIndex();
    if (typeof stored !== 'object' || !stored || stored.revision !== (await this.getRevision()))
      return null;
    const ranked = stored.engine.search(query, limit);
    const { ids, personal } = stored.index;
    const rows = await this.db.entries.bulkGet(
      ranked.map(
        (h) => [personal[h.index] ? 'personal' : 'bundled', ids[h.index]!] as [string, string],
      ),
    );
    const hits: SearchAnswer['hits'] = [];
    for (let k = 0; k < ranked.length; k++) {
      const row = rows[k];
      if (!row) return null;
      hits.push({ entry: storedOf(row), kind: ranked[k]!.kind, score: ranked[k]!.score });
    }
    // The revision is read again: a change made meanwhile is answered from its own index.
    if ((await this.getRevision()) !== stored.revision) return null;
    return { hits, size: stored.engine.size, revision: stored.revision, complete: true };
  }

  /**
   * Store a revision's search index once (the popup searches it without
   * waking the worker); `overwrite` when the row of this revision was refused.
   */
  private async storeSearch(
    snapshot: GlossarySnapshot,
    data: SearchData,
    overwrite = false,
  ): Promise<void> {
    if (this.searchStoredAt === snapshot.revision) return;
    try {
      // A running worker's earlier build may have stored this revision already.
      if (!overwrite && (await storedSearchRevision(this.db)) === snapshot.revision) {
        this.searchStoredAt = snapshot.revision;
        return;
      }
      const written = await writeSearchIndex(
        this.db,
        snapshot.revision,
        packSearchIndex(data, snapshot.entries),
      );
      if (written) this.searchStoredAt = snapshot.revision;
    } catch (err) {
      // The popup then asks the background, as before the index was stored.
      console.debug('Ata Zan: search index not stored', err);
    }
  }

  /** Build the search index a little later, off the path of the request that changed the glossary. */
  warmSearchSoon(): void {
    if (this.searchWarm !== null) clearTimeout(this.searchWarm);
    this.searchWarm = setTimeout(() => {
      this.searchWarm = null;
      this.searchIndex().catch(() => undefined);
    }, SEARCH_WARM_DELAY_MS);
  }

  private staged(importId: string): StagedImport {
    const staged = this.imports.get(importId);
    // A worker restarted since `import/begin` has lost what was sent.
    if (!staged) throw new ValidationError('import.expired');
    if (staged.cancelled) throw new ValidationError('import.cancelled');
    return staged;
  }

  /** Let the plan decide the chunks that now follow what it has decided, in file order. */
  private planReceived(staged: StagedImport): void {
    staged.planning = staged.planning.then(async () => {
      // After the chunk's answer is on its way: the page sends the next meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const made = await staged.plan;
      if (!made || staged.cancelled) return;
      for (let next = staged.chunks.get(staged.planned); next;) {
        made.plan.add(next);
        staged.planned += next.length;
        next = staged.chunks.get(staged.planned);
      }
    });
  }

  private async commitImport(importId: string) {
    const staged = this.staged(importId);
    try {
      const entries = inFileOrder(staged);
      await staged.planning;
      const made = await staged.plan;
      // A cancel that came while the plan finished: its chunks are gone, nothing is written.
      if (staged.cancelled) throw new ValidationError('import.cancelled');
      const whole = made && !staged.planStale && staged.planned === entries.length;
      const change = await importPlanned(
        this.db,
        staged.policy,
        staged.name,
        { cancelled: () => staged.cancelled },
        entries,
        whole ? made : undefined,
      );
      if (change.revision !== null) this.packs.imported();
      return change;
    } finally {
      if (!staged.cancelled) this.imports.delete(importId);
    }
  }

  private cancelImport(importId: string): void {
    const staged = this.imports.get(importId);
    if (!staged) return;
    staged.cancelled = true;
    staged.chunks.clear();
    // Keep the last few cancelled ones, so a late chunk or commit reads "cancelled".
    const cancelled = [...this.imports].filter(([, s]) => s.cancelled);
    for (const [id] of cancelled.slice(0, -MAX_CANCELLED_KEPT)) this.imports.delete(id);
  }

  getSettings(): Promise<Settings> {
    if (!this.settings) {
      this.settings = getSettings(this.db);
      this.settings.catch(() => (this.settings = null));
    }
    return this.settings;
  }

  /** Answer one raw message (as the router does, with this service's handlers only). */
  handle(raw: unknown): Promise<Handled> {
    return route(this.handlers, raw);
  }

  /** The requests the database answers; the background adds those that need the browser. */
  readonly handlers: Handlers<DatabaseRequest> = this.counted({
    'glossary/get': async () => answer(await this.getSnapshot()),
    'entry/get': async ({ id }) => answer(await getEntry(this.db, id)),
    'entries/list': async ({ source }) => answer(await listEntries(this.db, source)),
    'entries/page': async (query) => {
      const { list, revision } = await this.personalList();
      return answer({ ...list.page(query), revision });
    },
    'entries/ids': async ({ filter }) => answer((await this.personalList()).list.ids(filter)),
    'entries/with-term': async ({ lang, term, except }) =>
      answer(await findByTerm(this.db, lang, term, except)),
    'entry/save': async ({ entry }) => {
      const change = await saveEntry(this.db, entry);
      return this.changed(change, (entries) => withPersonalSaved(entries, change.result));
    },
    'entry/delete': async ({ id }) => this.changed(await deleteEntry(this.db, id)),
    'entry/restore': async ({ entry }) => this.changed(await restoreEntry(this.db, entry)),
    'entry/reset': async ({ id }) => this.changed(await resetEntry(this.db, id)),
    'entries/import': async ({ entries, policy, name }) => {
      const change = await importEntries(this.db, entries, policy, name ?? '');
      if (change.revision !== null) this.packs.imported();
      return this.changed(change);
    },
    'entries/delete': async ({ ids }) => this.changed(await deleteEntries(this.db, ids)),
    'batches/list': async () => answer(await listBatches(this.db)),
    'batch/undo': async ({ id }) => this.changed(await undoBatch(this.db, id)),
    'text/scan': async ({ texts }) => answer(await this.matcher.scan(texts)),
    'search/query': async ({ query, limit }) => answer(await this.query(query, limit)),
    'import/begin': async ({ policy, name }) => {
      const importId = crypto.randomUUID();
      const plan = readForPlan(this.db).then(
        ({ revision, rows }) => ({
          revision,
          plan: new ImportPlan(rows, policy, Date.now(), newPersonalId),
        }),
        () => null,
      );
      this.imports.set(importId, {
        policy,
        name: name ?? '',
        chunks: new Map(),
        received: 0,
        cancelled: false,
        plan,
        planned: 0,
        planStale: false,
        planning: Promise.resolve(),
      });
      return answer({ importId });
    },
    'import/chunk': async ({ importId, entries, offset }) => {
      const staged = this.staged(importId);
      // Checked as they come, so a bad entry is named before the rest is sent.
      const checked = validateImport(entries, offset);
      staged.received += checked.length - (staged.chunks.get(offset)?.length ?? 0);
      if (offset < staged.planned) staged.planStale = true;
      staged.chunks.set(offset, checked);
      this.planReceived(staged);
      return answer({ received: staged.received });
    },
    'import/commit': async ({ importId }) => this.changed(await this.commitImport(importId)),
    'import/cancel': async ({ importId }) => {
      this.cancelImport(importId);
      return answer(null);
    },
    'settings/get': async () => answer(await this.getSettings()),
    'settings/set': async ({ patch }) => {
      const settings = await setSettings(this.db, patch);
      this.settings = Promise.resolve(settings);
      return { response: settings, broadcasts: [{ type: 'settings/changed', settings }] };
    },
  });

  /**
   * After a write: the change is broadcast, and the snapshot is read again, or
   * (`patch`) made from the one cached when it was of the revision just before.
   */
  private changed<T>(
    change: Change<T>,
    patch?: (entries: readonly StoredEntry[]) => StoredEntry[],
  ): Handled<T> {
    if (change.revision === null) return answer(change.result);
    const previous = this.snapshot;
    this.invalidate();
    if (patch && previous) {
      const revision = change.revision;
      const next = previous.then(
        (s) =>
          s.revision === revision - 1
            ? { ...s, revision, entries: patch(s.entries) }
            : getSnapshot(this.db),
        () => getSnapshot(this.db),
      );
      next.catch(() => (this.snapshot = null));
      this.snapshot = next;
    }
    this.warmSearchSoon();
    return {
      response: change.result,
      broadcasts: [{ type: 'glossary/changed', revision: change.revision }],
    };
  }
}
