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
  importEntries,
  listBatches,
  listEntries,
  resetEntry,
  restoreEntry,
  saveEntry,
  undoBatch,
  type Change,
} from '../../db/glossary-store';
import { getSettings, setSettings } from '../../db/settings-store';
import {
  dropCompiledIndex,
  readCompiledIndex,
  writeCompiledIndex,
} from '../../db/compiled-index-store';

/** The requests that need the browser, not the database (answered in index.ts). */
export type BrowserRequest = 'options/open' | 'pdf/native' | 'reader/open';
export type DatabaseRequest = Exclude<RequestType, BrowserRequest>;

export class GlossaryService {
  private snapshot: Promise<GlossarySnapshot> | null = null;
  private revision: Promise<number> | null = null;
  private settings: Promise<Settings> | null = null;
  /** The compiled matcher follows the revision; it is stored, so a woken worker need not read every entry. */
  readonly matcher: MatcherCache;

  constructor(private readonly db: AtaZanDatabase) {
    this.matcher = new MatcherCache(() => this.getSnapshot(), undefined, {
      revision: () => this.getRevision(),
      store: {
        read: () => readCompiledIndex(db),
        write: (revision, value) => writeCompiledIndex(db, revision, value),
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
    return {
      response: change.result,
      broadcasts: [{ type: 'glossary/changed', revision: change.revision }],
    };
  }
}
