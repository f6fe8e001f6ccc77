/**
 * The background's answer to every request of lib/protocol.ts, kept free of
 * browser APIs so the unit tests drive it against fake-indexeddb. It returns
 * the response and the broadcasts the caller must send. The effective
 * glossary snapshot is kept in memory between changes: the matcher is compiled
 * from it, and the popup and options page ask for it whenever they open.
 */
import { MatcherCache } from './matcher-cache';
import type { GlossarySnapshot, RequestType } from '../../lib/protocol';
import type { Settings } from '../../lib/settings';
import { answer, route, type Handled, type Handlers } from './router';
import type { AtaZanDatabase } from '../../db/database';
import {
  deleteEntries,
  deleteEntry,
  getEntry,
  getRevision,
  getSnapshot,
  importCheckedEntries,
  importEntries,
  listBatches,
  listEntries,
  resetEntry,
  restoreEntry,
  saveEntry,
  undoBatch,
  validateImport,
  type Change,
} from '../../db/glossary-store';
import { getSettings, setSettings } from '../../db/settings-store';
import {
  dropCompiledIndex,
  readCompiledIndex,
  writeCompiledIndex,
} from '../../db/compiled-index-store';
import { ValidationError } from '../../glossary/entry-model';
import { createSearch, type GlossarySearch } from '../../glossary/search';
import type { Entry } from '../../glossary/types';
import type { DuplicatePolicy, SearchAnswer, StoredEntry } from '../../lib/protocol';
import { bundledRows } from './bundled-glossary';
import { packData } from '../../lib/packed-data';

/** The requests that need the browser, not the database (answered in index.ts). */
export type BrowserRequest = 'options/open' | 'pdf/native' | 'reader/open';
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
}

/** After a change, the search index is rebuilt this long after, once tabs have repainted. */
const SEARCH_WARM_DELAY_MS = 1500;
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
  /** The last index built, and one of the bundled glossary alone (see `query`). */
  private searchReady: { revision: number; search: GlossarySearch<StoredEntry> } | null = null;
  private bundled: Promise<{ revision: number; search: GlossarySearch<StoredEntry> }> | null = null;
  private searchWarm: ReturnType<typeof setTimeout> | null = null;
  private readonly imports = new Map<string, StagedImport>();
  private settings: Promise<Settings> | null = null;
  /** The compiled matcher follows the revision; it is stored, so a woken worker need not read every entry. */
  readonly matcher: MatcherCache;

  constructor(private readonly db: AtaZanDatabase) {
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

  /** The search index of the current snapshot, built once per revision. */
  searchIndex(): Promise<{ revision: number; search: GlossarySearch<StoredEntry> }> {
    const of = this.getSnapshot();
    if (this.search?.of !== of) {
      const index = of.then((snapshot) => {
        const ready = { revision: snapshot.revision, search: createSearch(snapshot.entries) };
        this.searchReady = ready;
        return ready;
      });
      index.catch(() => (this.search = null));
      this.search = { of, index };
    }
    return this.search.index;
  }

  /**
   * Answer from the index there is: while the current one is still being made
   * (the worker just woke, or just installed and seeding), from the previous
   * one, else from the bundled glossary alone, marked incomplete so the page
   * asks again. A popup never waits for the database.
   */
  private async query(query: string, limit?: number): Promise<SearchAnswer> {
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

  private bundledSearch(): Promise<{ revision: number; search: GlossarySearch<StoredEntry> }> {
    this.bundled ??= bundledRows().then((rows) => ({ revision: 0, search: createSearch(rows) }));
    this.bundled.catch(() => (this.bundled = null));
    return this.bundled;
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

  private async commitImport(importId: string) {
    const staged = this.staged(importId);
    try {
      return await importCheckedEntries(this.db, inFileOrder(staged), staged.policy, staged.name, {
        cancelled: () => staged.cancelled,
      });
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
  readonly handlers: Handlers<DatabaseRequest> = {
    'glossary/get': async () => answer(await this.getSnapshot()),
    'entry/get': async ({ id }) => answer(await getEntry(this.db, id)),
    'entries/list': async ({ source }) => answer(await listEntries(this.db, source)),
    'entry/save': async ({ entry }) => this.changed(await saveEntry(this.db, entry)),
    'entry/delete': async ({ id }) => this.changed(await deleteEntry(this.db, id)),
    'entry/restore': async ({ entry }) => this.changed(await restoreEntry(this.db, entry)),
    'entry/reset': async ({ id }) => this.changed(await resetEntry(this.db, id)),
    'entries/import': async ({ entries, policy, name }) =>
      this.changed(await importEntries(this.db, entries, policy, name ?? '')),
    'entries/delete': async ({ ids }) => this.changed(await deleteEntries(this.db, ids)),
    'batches/list': async () => answer(await listBatches(this.db)),
    'batch/undo': async ({ id }) => this.changed(await undoBatch(this.db, id)),
    'text/scan': async ({ texts }) => answer(await this.matcher.scan(texts)),
    'search/query': async ({ query, limit }) => answer(await this.query(query, limit)),
    'import/begin': async ({ policy, name }) => {
      const importId = crypto.randomUUID();
      this.imports.set(importId, {
        policy,
        name: name ?? '',
        chunks: new Map(),
        received: 0,
        cancelled: false,
      });
      return answer({ importId });
    },
    'import/chunk': async ({ importId, entries, offset }) => {
      const staged = this.staged(importId);
      // Checked as they come, so a bad entry is named before the rest is sent.
      const checked = validateImport(entries, offset);
      staged.received += checked.length - (staged.chunks.get(offset)?.length ?? 0);
      staged.chunks.set(offset, checked);
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
  };

  private changed<T>(change: Change<T>): Handled<T> {
    if (change.revision === null) return answer(change.result);
    this.invalidate();
    this.warmSearchSoon();
    return {
      response: change.result,
      broadcasts: [{ type: 'glossary/changed', revision: change.revision }],
    };
  }
}
