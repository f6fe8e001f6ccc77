/**
 * The popup's search in the background: the search index of the current
 * glossary snapshot, built once per revision and stored for the popup (and
 * for the next woken worker, which takes it instead of building it again),
 * and the answers given while it is being made.
 */
import type { AtaZanDatabase } from '../../db/database';
import { storedOf } from '../../db/import-packs';
import { getRevision } from '../../db/glossary-store';
import { storedSearchRevision, writeSearchIndex } from '../../db/compiled-index-store';
import {
  createSearch,
  openSearch,
  type GlossarySearch,
  type IndexSearch,
} from '../../glossary/search';
import {
  buildSearchDataInSlices,
  SearchDataError,
  tableDefinitionsInSlices,
  type SearchData,
} from '../../glossary/search-data';
import { SEARCH_INDEX_KEY } from '../../lib/database-names';
import type { GlossarySnapshot, SearchAnswer, StoredEntry } from '../../lib/protocol';
import {
  indexOver,
  packSearchIndex,
  storedSearchIndexOf,
  type StoredSearchIndex,
} from '../../lib/stored-search';
import { bundledSearch } from './bundled-glossary';
import { pauseBetweenSlices } from './next-task';

/** The stored search index as a woken worker read it (`SearchCache.woken`). */
interface WokenIndex {
  revision: number;
  index: StoredSearchIndex;
  engine: IndexSearch;
}

export interface SearchCacheOptions {
  /** Awaited between slices of a build (default: the next task). */
  pause?: () => Promise<void>;
  /** What the warm-up after a change waits for: the page's highlights come first. */
  warmAfter?: () => Promise<void>;
  /** What a build waits for between its slices (the popup is answered meanwhile). */
  yieldTo?: () => Promise<void>;
}

/** After a change, the search index is rebuilt this long after, once tabs have repainted. */
const SEARCH_WARM_DELAY_MS = 1500;

export class SearchCache {
  /** The search index of a snapshot (the very promise `getSnapshot` answered). */
  private search: {
    of: Promise<GlossarySnapshot>;
    index: Promise<{ revision: number; search: GlossarySearch<StoredEntry> }>;
  } | null = null;
  /** The last index built (see `query`). */
  private searchReady: { revision: number; search: GlossarySearch<StoredEntry> } | null = null;
  /** The index being built, its terms in and its definitions' words not yet (see `query`). */
  private termsReady: { revision: number; search: GlossarySearch<StoredEntry> } | null = null;
  private searchWarm: ReturnType<typeof setTimeout> | null = null;
  /**
   * The stored search index as this worker read it when it woke (with no
   * index of its own yet): 'refused' when the row is there but not one.
   */
  private woken: Promise<WokenIndex | 'refused' | 'stale' | null> | null = null;
  /** The revision whose search index this worker stored. */
  private searchStoredAt: number | null = null;
  private searchSaving: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: AtaZanDatabase,
    /** The current snapshot and revision, as the request handlers cache them. */
    private readonly getSnapshot: () => Promise<GlossarySnapshot>,
    private readonly getRevision: () => Promise<number>,
    private readonly options: SearchCacheOptions = {},
  ) {}

  /**
   * Awaited between slices of a build: a termbase's index takes seconds, and
   * requests go on meanwhile; a glossary being compiled for the pages goes first.
   */
  private async pause(): Promise<void> {
    await (this.options.pause ?? pauseBetweenSlices)();
    await this.options.yieldTo?.();
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
      const index = Promise.all([of, row]).then(async ([snapshot, stored]) => {
        // From now on the index answers; the row's copy need not be kept for `fromWokenIndex`.
        this.woken = null;
        const restored =
          typeof stored === 'object' && stored && this.restoreSearch(snapshot, stored);
        if (restored) {
          this.searchStoredAt = snapshot.revision;
          this.searchReady = restored;
          return restored;
        }
        // Meanwhile `query` answers from the index there was, then from this one's terms,
        // marked incomplete.
        const data = await buildSearchDataInSlices(snapshot.entries, () => this.pause());
        const ready = {
          revision: snapshot.revision,
          search: createSearch(snapshot.entries, data, () => data.definitions),
        };
        const newest = (index: { revision: number } | null) =>
          (index?.revision ?? -1) <= ready.revision;
        if (newest(this.termsReady)) this.termsReady = ready;
        data.definitions = await tableDefinitionsInSlices(snapshot.entries, () => this.pause());
        if (this.termsReady === ready) this.termsReady = null;
        // A build of an older snapshot that ends late does not replace a newer index.
        if (newest(this.searchReady)) this.searchReady = ready;
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

  /**
   * Answer from the index there is: while the current one is still being made
   * (the worker just woke, or just installed and seeding), from its terms once
   * they are in, or the previous one, else from the bundled glossary alone,
   * marked incomplete so the page asks again. A popup never waits for the
   * database, nor for an index being built.
   */
  async query(query: string, limit?: number): Promise<SearchAnswer> {
    if (!this.search) {
      const woken = await this.fromWokenIndex(query, limit);
      if (woken) return woken;
    }
    const current = this.searchIndex();
    const settled = await Promise.race([current, Promise.resolve(null)]);
    if (settled) return { ...this.answer(settled, query, limit), complete: true };
    const stand = this.termsReady ?? this.searchReady ?? (await this.bundledSearch());
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
      const first = this.options.warmAfter?.() ?? Promise.resolve();
      void first.then(() => this.searchIndex()).catch(() => undefined);
    }, SEARCH_WARM_DELAY_MS);
  }
}
