/**
 * The background's answer to every request of lib/protocol.ts, kept free of
 * browser APIs so the unit tests drive it against fake-indexeddb. It returns
 * the response and the broadcasts the caller must send. The effective
 * glossary snapshot is kept in memory between changes: the matcher is compiled
 * from it, and the popup and options page ask for it whenever they open.
 */
import { MatcherCache } from './matcher-cache';
import { SearchCache } from './search-cache';
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
import { ImportPlan, readForPlan } from '../../db/import-plan';
import { defaultSettings, getSettings, setSettings } from '../../db/settings-store';
import {
  dropCompiledIndex,
  readCompiledIndex,
  writeCompiledIndex,
} from '../../db/compiled-index-store';
import { ValidationError } from '../../glossary/entry-model';
import { EntryList, type FilterTextCache } from '../../glossary/entry-list';
import type { Entry } from '../../glossary/types';
import type { DuplicatePolicy, StoredEntry } from '../../lib/protocol';
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
  private settingsSaved = false;
  /** An import's packs, moved into rows between requests. */
  private readonly packs: PackMover;
  /** The compiled matcher follows the revision; it is stored, so a woken worker need not read every entry. */
  readonly matcher: MatcherCache;
  /** The popup's search index, per revision. */
  readonly search: SearchCache;

  constructor(private readonly db: AtaZanDatabase) {
    // `matcher` is assigned below; these read it later, once an import has committed.
    this.packs = new PackMover(db, () => this.matcher.notCompiling());
    this.search = new SearchCache(
      db,
      () => this.getSnapshot(),
      () => this.getRevision(),
      // `matcher` is assigned below; these read it later, when the search index is built.
      { warmAfter: () => this.matcher.idle(), yieldTo: () => this.matcher.notCompiling() },
    );
    this.matcher = new MatcherCache(() => this.getSnapshot(), undefined, {
      revision: () => this.getRevision(),
      store: {
        read: () => readCompiledIndex(db),
        // Packed: one ArrayBuffer clones in and out of IndexedDB far faster than its object graph.
        write: (revision, parts) =>
          writeCompiledIndex(
            db,
            revision,
            parts.map((part) => packData(part).buffer),
          ),
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

  /**
   * The handlers, each counted while it answers, so that the packs move between
   * requests; each also puts off the matcher's warm-up (MatcherCache.warmWhenIdle).
   */
  private counted(handlers: Handlers<DatabaseRequest>): Handlers<DatabaseRequest> {
    const out: Partial<Record<DatabaseRequest, Handler<DatabaseRequest>>> = {};
    for (const type of Object.keys(handlers) as DatabaseRequest[]) {
      const handler = handlers[type] as Handler<DatabaseRequest>;
      out[type] = (params, sender) => {
        this.matcher.postponeWarm();
        return this.packs.track(() => handler(params, sender));
      };
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

  /**
   * On a first install (the browser lists no database of ours) nothing was
   * ever saved: the settings are the defaults, answered without waiting for
   * the database to be created. A setting saved meanwhile is kept.
   */
  settingsNeverSaved(): void {
    if (!this.settingsSaved) this.settings = Promise.resolve(defaultSettings());
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
    'text/scan': async ({ texts }, { tabId, page }) =>
      answer(await this.matcher.scan(texts, page ? tabId : undefined)),
    'search/query': async ({ query, limit }) => answer(await this.search.query(query, limit)),
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
      this.settingsSaved = true;
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
    this.matcher.warmWhenIdle();
    this.search.warmSearchSoon();
    return {
      response: change.result,
      broadcasts: [{ type: 'glossary/changed', revision: change.revision }],
    };
  }
}
