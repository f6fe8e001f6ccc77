/**
 * The background's compiled glossary, kept for the current revision. Tabs
 * send their text here to be scanned (`text/scan`) instead of each compiling
 * the glossary. Each answer goes through the context step
 * (glossary/context.ts: senses, quiet words, abbreviations in capitals), the
 * same the CLI runs, so a page highlights what `npm run scan` reports.
 *
 * A service worker is stopped when idle and started again by the next page,
 * so the compiled glossary is also stored (./stored-index.ts, through an
 * IndexStore): a woken worker loads it in one read, and compiles only when the
 * stored one is missing, of another revision or format, or unreadable (then
 * it is rebuilt and stored again). A large termbase is stored as a part of
 * its own, after the bundled entries' part: a woken worker answers tabs from
 * the first part as soon as it is loaded, while it reads and loads the
 * termbase's, and tells those tabs to scan again once the whole glossary
 * answers (`rescanEarlyTabs`); so too while an import is compiled, from the
 * glossary compiled before it, with any entry saved meanwhile beside it. Kept
 * free of browser APIs for the unit tests.
 */
import type { Matcher } from '../../glossary/matcher';
import type { StoredIndexPart } from '../../db/compiled-index-store';
import type { GlossarySnapshot, StoredEntry } from '../../lib/protocol';
import type { ScanResult } from '../../lib/scan-wire';
import { lazily, pending } from '../../lib/once';
import { addedAfter, addedTo } from './added-entries';
import { pauseBetweenSlices } from './next-task';
import {
  compileGlossary,
  compileGlossaryInSlices,
  extendGlossary,
  glossaryOfParts,
  loadPart,
  restoreGlossary,
  stampsOf,
  storedIndexOf,
  type Compiled,
  type CompiledGlossary,
  type EntryStamp,
  type LoadedPart,
  type StoredIndex,
} from './stored-index';

export type { Compiled } from './stored-index';

/** Where the compiled glossary is kept between worker starts (db/compiled-index-store.ts). */
export interface IndexStore {
  /** The current glossary revision, and the stored index's parts with the revision each was compiled from. */
  read(): Promise<{ revision: number; stored: StoredIndexPart[] }>;
  /** Store the index compiled from `revision`, part by part, unless the glossary moved on. */
  write(revision: number, parts: StoredIndex[]): Promise<boolean>;
  /** Forget an index that could not be loaded. */
  drop(): Promise<void>;
}

export interface MatcherCacheOptions {
  /** The current revision, cheaper than a snapshot (default: the snapshot's). */
  revision?: () => Promise<number>;
  store?: IndexStore;
  /** What a whole compile awaits between its slices (default: pauseBetweenSlices). */
  pause?: () => Promise<void>;
}

/**
 * A glossary answering tabs until the whole one is ready: a stored index's
 * first part, or the glossary compiled before an import.
 */
interface Early {
  glossary: Compiled;
  /** The tabs it answered. */
  tabs: Set<number>;
  /** While an import is compiled: the snapshot being compiled. */
  compiling?: GlossarySnapshot;
  /** What the tabs get at a later revision `at`: `glossary` with the entries saved since `compiling` beside it, or alone. */
  withSaved?: { at: number; glossary: Compiled };
}

/** How the glossary was last made ready: loaded from the store, compiled, or extended by the entries added. */
export type BuildKind = 'stored' | 'compiled' | 'extended';

/**
 * Added entries beyond this many, or a glossary already extended this many
 * times, are compiled with the rest instead: each extra index is one more
 * lookup per word.
 */
const MAX_ADDED = 500;
const MAX_EXTENSIONS = 8;
/** After a change, the glossary is made ready once the worker has had no request for this long. */
const WARM_IDLE_MS = 1500;
/** After an extension, the whole glossary is compiled (and stored) once the worker is idle this long. */
const REFOLD_DELAY_MS = 3000;
/**
 * A compiled glossary is stored once no tab has asked for a scan for this
 * long, or after the longer wait at the latest.
 */
const STORE_AFTER_SCANS_MS = 300;
const STORE_WAIT_MAX_MS = 10_000;

export class MatcherCache {
  private compiled: Compiled | null = null;
  private building: Promise<Compiled> | null = null;
  private saving: Promise<unknown> = Promise.resolve();
  private readonly revision: () => Promise<number>;
  private readonly store: IndexStore | null;
  private readonly pause: () => Promise<void>;
  /** How each glossary was made ready, in order (tests and the log). */
  readonly builds: BuildKind[] = [];
  /**
   * The entries `compiled` was compiled from: the snapshot, or from a stored
   * index their stamps by id, worked out only when an extension needs them,
   * so a woken worker's first answer does not wait for them.
   */
  private compiledFrom: GlossarySnapshot | (() => ReadonlyMap<string, EntryStamp>) | null = null;
  private extensions = 0;
  private refold: ReturnType<typeof setTimeout> | null = null;
  private warm: ReturnType<typeof setTimeout> | null = null;
  /** The warm-up's `get`, from the moment its timer fires (before `building` is set). */
  private warming: Promise<unknown> | null = null;
  /** Told which tabs were answered early, once the whole glossary answers. */
  private rescanEarly: ((tabs: readonly number[], revision: number) => void) | null = null;
  /** Resolves once a stored index's first part can answer, while the rest loads; replaced after. */
  private early = pending<Early>();
  /** When a tab last asked for a scan (Date.now()). */
  private lastScan = 0;

  constructor(
    private readonly snapshot: () => Promise<GlossarySnapshot>,
    /** How a snapshot's entries become a matcher (replaced in tests). */
    private readonly compile?: (entries: StoredEntry[]) => Matcher,
    options: MatcherCacheOptions = {},
  ) {
    this.revision = options.revision ?? (async () => (await this.snapshot()).revision);
    this.store = options.store ?? null;
    this.pause = options.pause ?? pauseBetweenSlices;
  }

  /** The glossary for the current revision (loaded or compiled on first use after a change). */
  async get(): Promise<Compiled> {
    for (;;) {
      const revision = await this.revision();
      if (this.compiled?.revision === revision) return this.compiled;
      this.building ??= this.build(revision).finally(() => (this.building = null));
      const built = await this.building;
      // A change landed while it was built: build again.
      if (built.revision === (await this.revision())) return built;
    }
  }

  /**
   * Make the current revision's glossary ready once the worker has had no
   * request for a moment (after a change), without a page asking: a termbase
   * just imported is compiled while the reader goes to a page, and not while
   * they go on using the options page or the popup (`postponeWarm`).
   */
  warmWhenIdle(): void {
    if (this.warm !== null) clearTimeout(this.warm);
    this.warm = setTimeout(() => {
      this.warm = null;
      this.warming = this.get()
        .catch((err: unknown) => console.warn('Ata Zan: no matcher', err))
        .finally(() => (this.warming = null));
    }, WARM_IDLE_MS);
  }

  /**
   * Resolves once no glossary is being compiled or loaded, nor stored (which
   * waits for the tabs' scans): what work that can wait (the search index's
   * warm-up) waits for, so pages get their highlights first.
   */
  async idle(): Promise<void> {
    for (;;) {
      await this.notCompiling();
      const saving = this.saving;
      await saving;
      if (saving === this.saving && !(this.warming ?? this.building)) return;
    }
  }

  /** Resolves once no glossary is being compiled or loaded (its storing aside). */
  async notCompiling(): Promise<void> {
    for (let busy = this.warming ?? this.building; busy; busy = this.warming ?? this.building)
      await busy.catch(() => undefined);
  }

  /** A request came: a pending warm-up waits for the next quiet moment. */
  postponeWarm(): void {
    if (this.warm !== null) this.warmWhenIdle();
  }

  /**
   * Scan the texts, packed for the message (lib/scan-wire.ts). A scan for a
   * tab (`tab`, which can be told to scan again: see rescanEarlyTabs) may be
   * answered early: from the first part of a stored index while the rest
   * loads, or while an import is compiled, from the glossary compiled before.
   */
  async scan(texts: readonly string[], tab?: number): Promise<ScanResult> {
    this.lastScan = Date.now();
    const whole = this.get();
    if (tab === undefined || !this.rescanEarly) return scanWith(await whole, texts);
    const ready = await Promise.race([whole, this.early.promise]);
    if (!('tabs' in ready)) return scanWith(ready, texts);
    ready.tabs.add(tab);
    return scanWith(await this.earlyWithSaved(ready), texts);
  }

  /**
   * The early glossary, with any entries saved while an import is compiled
   * beside it (as `extend` does), so a term the reader adds meanwhile is
   * highlighted at once rather than after the whole compile; the glossary
   * alone when something else changed.
   */
  private async earlyWithSaved(early: Early): Promise<Compiled> {
    const { compiling } = early;
    if (!compiling) return early.glossary;
    const revision = await this.revision();
    if (revision === compiling.revision) return early.glossary;
    if (early.withSaved?.at === revision) return early.withSaved.glossary;
    const snap = await this.snapshot();
    const added = addedAfter(compiling, snap);
    // Worked out once per revision, whatever the answer: a scan comes for every chunk of a page.
    const glossary =
      added && added.length <= MAX_ADDED
        ? extendGlossary(early.glossary, snap.revision, added)
        : early.glossary;
    early.withSaved = { at: snap.revision, glossary };
    return glossary;
  }

  /** Tabs may be answered early; `rescan` tells them to scan again once the whole glossary answers. */
  rescanEarlyTabs(rescan: (tabs: readonly number[], revision: number) => void): void {
    this.rescanEarly = rescan;
  }

  /**
   * Any stored glossary, whatever its revision, or null: what to scan with
   * while the database is being seeded or updated (it already holds the
   * user's entries; the tabs rescan when the update lands).
   */
  async storedAnyRevision(): Promise<Compiled | null> {
    if (this.compiled) return this.compiled;
    if (!this.store) return null;
    try {
      const { stored } = await this.store.read();
      if (stored.length === 0) return null;
      const parts = await Promise.all(
        stored.map(async (p) => loadPart(storedIndexOf(await p.value()))),
      );
      return glossaryOfParts(parts);
    } catch {
      return null;
    }
  }

  /**
   * Serve `revision` with a stored index made elsewhere (the bundled
   * glossary's, built with the extension) when its entries are exactly the
   * snapshot's, and store it under that revision; otherwise leave the next
   * `get` to compile. Never throws: a compile is the fallback.
   */
  async adopt(revision: number, index: () => Promise<StoredIndex>): Promise<boolean> {
    try {
      const [stored, snap] = await Promise.all([index(), this.snapshot()]);
      if (snap.revision !== revision || this.compiled?.revision === revision) return false;
      const byId = new Map(snap.entries.map((e) => [e.id, e]));
      const same =
        !stored.personal.includes(1) &&
        snap.entries.length === stored.ids.length &&
        snap.entries.every((e) => e.source === 'bundled') &&
        stored.ids.every((id) => byId.has(id));
      if (!same) return false;
      const value: StoredIndex = {
        ...stored,
        revision,
        updatedAt: Float64Array.from(stored.ids, (id) => byId.get(id)!.updatedAt),
      };
      this.compiled = restoreGlossary(value);
      this.compiledFrom = lazily(() => stampsOf([value]));
      this.builds.push('stored');
      performance.mark('atazan-worker-adopted');
      if (this.store) {
        const store = this.store;
        this.saving = store
          .write(revision, [value])
          .catch((err: unknown) => console.warn('Ata Zan: the bundled index was not stored', err));
      }
      return true;
    } catch (err) {
      console.warn('Ata Zan: the bundled index was not adopted', err);
      return false;
    }
  }

  /** Resolves when the last compiled glossary has been stored (or could not be). */
  saved(): Promise<unknown> {
    return this.saving;
  }

  private async build(revision: number): Promise<Compiled> {
    try {
      return await this.buildAnew(revision);
    } finally {
      // Also when it failed: the tabs' scans then ask for the glossary again.
      this.endEarly(revision);
    }
  }

  private async buildAnew(revision: number): Promise<Compiled> {
    // A running worker stored the last index itself: reading it back could only find an older one.
    const restored = this.compiled ? null : await this.restore(revision);
    if (restored) {
      performance.mark('atazan-worker-restored');
      this.builds.push('stored');
      return (this.compiled = restored);
    }
    const snap = await this.snapshot();
    const added = this.addedSince(snap);
    const extended = this.extend(snap, added);
    if (extended) return extended;
    // Entries only added, too many to extend with (an import): tabs are answered meanwhile
    // from the glossary compiled before, which lacks only them.
    if (added && this.compiled) this.answerEarly(this.compiled, snap);
    return this.keepWhole(snap, await this.compileWhole(snap));
  }

  /**
   * Resolves in a later task once no scan has been asked for STORE_AFTER_SCANS_MS
   * (at most STORE_WAIT_MAX_MS from now).
   */
  private async scansQuiet(): Promise<void> {
    const latest = Date.now() + STORE_WAIT_MAX_MS;
    // A task first: the tabs answered early are told to scan again (endEarly) once the compile returns.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (;;) {
      const wait = Math.min(this.lastScan + STORE_AFTER_SCANS_MS, latest) - Date.now();
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Tabs are answered from `glossary` until the whole one answers (endEarly). */
  private answerEarly(glossary: Compiled, compiling?: GlossarySnapshot): void {
    this.early.resolve({ glossary, tabs: new Set(), ...(compiling && { compiling }) });
    performance.mark('atazan-worker-early');
  }

  /** The whole glossary answers: tabs answered early are told to scan again. */
  private endEarly(revision: number): void {
    const { settled } = this.early;
    if (!settled) return;
    this.early = pending<Early>();
    if (settled.tabs.size === 0 || !this.rescanEarly) return;
    // Their scans are about to come: storing the glossary waits for them.
    this.lastScan = Date.now();
    this.rescanEarly([...settled.tabs], revision);
  }

  /**
   * Compile every entry of the snapshot, in slices between which the worker
   * answers other requests (a termbase's compile takes seconds); at once with
   * the tests' own compile.
   */
  private compileWhole(snap: GlossarySnapshot): Promise<CompiledGlossary> {
    return this.compile
      ? Promise.resolve(compileGlossary(snap, this.compile))
      : compileGlossaryInSlices(snap, this.pause);
  }

  /** Keep a whole compile of `snap`, and store it once the waiting answer is sent. */
  private keepWhole(snap: GlossarySnapshot, { compiled, stored }: CompiledGlossary): Compiled {
    this.builds.push('compiled');
    performance.mark('atazan-worker-compiled');
    this.compiled = compiled;
    this.compiledFrom = snap;
    this.extensions = 0;
    const store = this.store;
    if (store) {
      // Once the tabs' scans waiting for this compile (or told to scan again) are answered:
      // cloning the index into the database holds the worker a while.
      this.saving = this.scansQuiet()
        .then(() => store.write(snap.revision, stored()))
        .catch((err: unknown) =>
          console.warn('Ata Zan: the compiled glossary was not stored', err),
        );
    }
    return compiled;
  }

  /**
   * When the snapshot only adds entries to the one compiled last (a saved
   * entry, a small import), the compiled glossary with the added entries
   * beside it; null otherwise. The whole glossary is compiled and stored
   * again once the worker is idle, so extensions never pile up.
   */
  private extend(snap: GlossarySnapshot, added: StoredEntry[] | null): Compiled | null {
    const previous = this.compiled;
    if (
      !added ||
      !previous ||
      this.compile ||
      this.extensions >= MAX_EXTENSIONS ||
      added.length > MAX_ADDED
    )
      return null;
    const compiled = extendGlossary(previous, snap.revision, added);
    this.builds.push('extended');
    this.compiled = compiled;
    this.compiledFrom = snap;
    this.extensions++;
    if (this.refold !== null) clearTimeout(this.refold);
    this.refold = setTimeout(() => {
      this.refold = null;
      // Compiled whole, replacing the extended one of the same revision (answers go on
      // meanwhile, from the extended one), and stored; dropped if a change came since.
      void (async () => {
        const latest = await this.snapshot();
        if (this.compiled !== compiled || latest.revision !== compiled.revision) return;
        const whole = await this.compileWhole(latest);
        if (this.compiled === compiled) this.keepWhole(latest, whole);
      })().catch((err: unknown) => console.warn('Ata Zan: the glossary was not compiled', err));
    }, REFOLD_DELAY_MS);
    return compiled;
  }

  /**
   * The entries `snap` adds to the glossary compiled last, when it only adds
   * some; null when it deletes or changes one, adds none, or none is compiled.
   */
  private addedSince(snap: GlossarySnapshot): StoredEntry[] | null {
    const from = this.compiledFrom;
    if (!from || !this.compiled) return null;
    return typeof from === 'function' ? addedTo(from(), snap) : addedAfter(from, snap);
  }

  /**
   * The stored glossary when it is of this revision and loads; null
   * otherwise. Of two parts, the first answers tabs early (`scan`) while the
   * second is read and loaded.
   */
  private async restore(revision: number): Promise<Compiled | null> {
    if (!this.store) return null;
    let stored: StoredIndexPart[];
    try {
      ({ stored } = await this.store.read());
    } catch (err) {
      console.warn('Ata Zan: the stored glossary could not be read', err);
      return null;
    }
    if (stored.length === 0 || stored.some((p) => p.revision !== revision)) return null;
    try {
      const parts: LoadedPart[] = [];
      let reading = stored[0]!.value();
      for (let k = 0; k < stored.length; k++) {
        const bytes = await reading;
        // The next part is read while this one loads.
        if (k + 1 < stored.length) reading = stored[k + 1]!.value();
        if (k === stored.length - 1) performance.mark('atazan-worker-index-read');
        const value = storedIndexOf(bytes);
        if (k === stored.length - 1) performance.mark('atazan-worker-index-unpacked');
        // Tabs waiting are answered early before each step that holds the worker.
        if (k > 0) await this.pause();
        parts.push(loadPart(value));
        if (k === 0 && stored.length > 1) this.answerEarly(glossaryOfParts(parts));
      }
      if (parts.length > 1) await this.pause();
      const compiled = glossaryOfParts(parts);
      if (compiled.revision === revision) {
        // A later save is compiled alone beside it (extend), as after a compile.
        this.compiledFrom = lazily(() => stampsOf(parts.map((p) => p.stored)));
        this.extensions = 0;
        return compiled;
      }
    } catch (err) {
      // Stale code or a damaged row: compile, and the new index replaces it.
      console.warn('Ata Zan: the stored glossary is rebuilt', err);
      await this.store.drop().catch(() => undefined);
    }
    return null;
  }
}

/** Scan the texts with a compiled glossary, packed for the message (lib/scan-wire.ts). */
export function scanWith(
  { revision, matcher, context, encoder }: Compiled,
  texts: readonly string[],
): ScanResult {
  return encoder.encode(
    revision,
    texts.map((text) => {
      const resolved = context.resolve(text, matcher.scanSpans(text));
      return { spans: resolved, senses: resolved.senses };
    }),
  );
}
