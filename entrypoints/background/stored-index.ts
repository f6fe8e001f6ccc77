/**
 * What the background keeps of a compiled glossary so that a woken service
 * worker scans again after one read instead of inflecting and compiling every
 * entry: the matcher's index (glossary/matcher/serialize.ts) and what the
 * context step (glossary/context.ts) needs besides it. Kept free of browser
 * APIs and of the database; db/compiled-index-store.ts stores it.
 *
 * The context step reads an entry only for its sense and quiet rules; of
 * every other entry it needs the id alone. So only the entries with rules are
 * kept whole, in glossary order, and the rest as ids: the resolver rebuilt
 * from them is the one built from the whole glossary.
 *
 * A large termbase's entries are compiled apart from the bundled ones, which
 * come first in the glossary, and stored as a second part: a woken worker
 * answers pages from the first part as soon as it is loaded, while it reads
 * the termbase's (matcher-cache.ts). The two are scanned as one
 * (glossary/matcher combineMatchers).
 */
import { ContextResolver, hasContextRules, ruledOf, type RuledEntry } from '../../glossary/context';
import {
  MATCHER_FORMAT,
  combineMatchers,
  compileMatcher,
  compileMatcherInSlices,
  loadMatcher,
  matchableOf,
  serializeMatcher,
  type Matcher,
  type SerializedMatcher,
} from '../../glossary/matcher';
import { joinLists } from '../../glossary/lists';
import { runSteps, runStepsWithPauses, type Steps } from '../../glossary/steps';
import type { StoredEntry } from '../../lib/protocol';
import { ScanEncoder } from '../../lib/scan-wire';
import { unpackData } from '../../lib/packed-data';

/** Bump when what is stored beside the matcher changes shape. */
const CONTEXT_LAYOUT = 3;

/**
 * Personal entries from this many on, all after the bundled ones, are
 * compiled and stored as a part of their own: about as many as the bundled
 * glossary has, so that the first part is the smaller.
 */
export const PERSONAL_PART_FROM = 2000;

/** The format of a stored index: the matcher's own and the layout of the context data. */
export const INDEX_FORMAT = `${MATCHER_FORMAT}+context/${CONTEXT_LAYOUT}`;

/** A compiled glossary as plain, structured-cloneable data. */
export interface StoredIndex {
  format: string;
  /** The glossary revision it was compiled from. */
  revision: number;
  matcher: SerializedMatcher;
  /** Every entry id, in glossary order. */
  ids: string[];
  /** The entries that carry sense or quiet rules, whole, in glossary order. */
  ruled: RuledEntry[];
  /**
   * 1 for a personal entry (its highlights have their own colour), in the
   * order of `ids`: a termbase's ids are not stored a second time.
   */
  personal: Uint8Array;
  /** Each entry's last change (StoredEntry.updatedAt), in the order of `ids`: what an extension compares. */
  updatedAt: Float64Array;
}

/** What an entry was when its glossary was compiled: enough to tell that it has not changed since. */
export type EntryStamp = Pick<StoredEntry, 'source' | 'updatedAt'>;

/** A glossary ready to scan. */
export interface Compiled {
  revision: number;
  matcher: Matcher;
  /** The context step over the matcher's spans; its `terms` are the ones answers refer to. */
  context: ContextResolver;
  /** Packs answers over this glossary (personal entries flagged as such). */
  encoder: ScanEncoder;
  /** The entries the context step reads (at least those with rules), kept for an extension. */
  ruled: readonly RuledEntry[];
  /** The ids of the personal entries. */
  personal: ReadonlySet<string>;
}

/** What compiling needs of the glossary: its revision and its entries. */
export interface GlossarySource {
  revision: number;
  entries: StoredEntry[];
}

function assemble(
  revision: number,
  matcher: Matcher,
  ruled: readonly RuledEntry[],
  personal: ReadonlySet<string>,
  context = new ContextResolver(matcher, ruled),
): Compiled {
  const encoder = new ScanEncoder(context.terms, personal);
  return { revision, matcher, context, encoder, ruled, personal };
}

/** A compiled glossary, and the data to store it, part by part (made when asked: it costs time). */
export interface CompiledGlossary {
  compiled: Compiled;
  stored: () => StoredIndex[];
}

/**
 * The entries in the parts they are compiled in: the bundled ones and a
 * large termbase's apart (see PERSONAL_PART_FROM), else all in one.
 */
export function partsOf(entries: readonly StoredEntry[]): StoredEntry[][] {
  const first = entries.findIndex((e) => e.source === 'personal');
  if (first < 0 || entries.length - first < PERSONAL_PART_FROM) return [entries.slice()];
  const personal = entries.slice(first);
  if (!personal.every((e) => e.source === 'personal')) return [entries.slice()];
  return [entries.slice(0, first), personal];
}

/** Compile a glossary from its entries, and the data to store it. */
export function compileGlossary(
  source: GlossarySource,
  compile: (entries: GlossarySource['entries']) => Matcher = (entries) =>
    compileMatcher(entries.map(matchableOf)),
): CompiledGlossary {
  return runSteps(
    glossarySteps(
      source,
      partsOf(source.entries).map((entries) => ({
        entries,
        matcher: compile(entries),
        ...runSteps(ruledPartSteps(entries)),
      })),
    ),
  );
}

/**
 * compileGlossary's glossary, its matcher compiled in slices with `pause()`
 * awaited between them (compileMatcherInSlices): the worker answers other
 * requests meanwhile.
 */
export async function compileGlossaryInSlices(
  source: GlossarySource,
  pause: () => Promise<void>,
): Promise<CompiledGlossary> {
  const parts: CompiledPart[] = [];
  for (const entries of partsOf(source.entries)) {
    const ruled = await runStepsWithPauses(ruledPartSteps(entries), pause);
    // The entries as the context step reads them hold what the matcher reads: no second copy.
    const matcher = await compileMatcherInSlices(ruled.ruled, pause);
    parts.push({ entries, matcher, ...ruled });
    await pause();
  }
  return runStepsWithPauses(glossarySteps(source, parts), pause);
}

/** A part's entries, their matcher and what the context step keeps of them. */
interface CompiledPart extends RuledPart {
  entries: readonly StoredEntry[];
  matcher: Matcher;
}

/** A part's entries as the context step reads them (each entry's rules read once per compile). */
interface RuledPart {
  ruled: RuledEntry[];
  /** The ones with sense or quiet rules: stored whole. */
  withRules: RuledEntry[];
  /** The ids of the personal ones. */
  personal: string[];
}

/** Entries whose rules are looked for between two pauses: a termbase's take a while to fold. */
export const RULES_SLICE = 500;

function* ruledPartSteps(entries: readonly StoredEntry[]): Steps<RuledPart> {
  const ruled: RuledEntry[] = [];
  const withRules: RuledEntry[] = [];
  const personal: string[] = [];
  for (let k = 0; k < entries.length; k++) {
    if (k > 0 && k % RULES_SLICE === 0) yield;
    const entry = ruledOf(entries[k]!);
    ruled.push(entry);
    if (hasContextRules(entry)) withRules.push(entry);
    if (entries[k]!.source === 'personal') personal.push(entry.id);
  }
  return { ruled, withRules, personal };
}

/** The glossary of compiled parts, in steps: a termbase's take tens of milliseconds each. */
function* glossarySteps(
  source: GlossarySource,
  parts: readonly CompiledPart[],
): Steps<CompiledGlossary> {
  const matcher = scannedAsOne(parts.map((p) => p.matcher));
  yield;
  const ruled = joinLists(parts.map((p) => p.ruled));
  const personal = new Set(joinLists(parts.map((p) => p.personal)));
  yield;
  const context = new ContextResolver(matcher, ruled);
  yield;
  return {
    compiled: assemble(source.revision, matcher, ruled, personal, context),
    stored: () => parts.map((part) => storedPart(source.revision, part)),
  };
}

/** The parts' matchers scanned as one (a single part's as it is). */
function scannedAsOne(matchers: readonly Matcher[]): Matcher {
  return matchers.length === 1 ? matchers[0]! : combineMatchers(matchers);
}

function storedPart(
  revision: number,
  { entries, matcher, ruled, withRules }: CompiledPart,
): StoredIndex {
  const personal = new Uint8Array(entries.length);
  const updatedAt = new Float64Array(entries.length);
  entries.forEach((e, k) => {
    personal[k] = e.source === 'personal' ? 1 : 0;
    updatedAt[k] = e.updatedAt;
  });
  return {
    format: INDEX_FORMAT,
    revision,
    matcher: serializeMatcher(matcher),
    ids: ruled.map((e) => e.id),
    ruled: withRules,
    personal,
    updatedAt,
  };
}

/**
 * `previous` plus `added`, new entries, as the glossary of `revision`: they
 * are compiled alone and scanned beside it (glossary/matcher
 * combineMatchers), and the context step reads `previous`'s entries and
 * theirs, so a saved entry costs its own compilation, not the whole
 * glossary's. (A new entry's sense comes after its group's others until the
 * whole glossary is compiled again.)
 */
export function extendGlossary(
  previous: Compiled,
  revision: number,
  added: readonly StoredEntry[],
): Compiled {
  const ruled = added.map(ruledOf);
  const matcher = combineMatchers([previous.matcher, compileMatcher(ruled)]);
  const personal = new Set(previous.personal);
  for (const e of added) if (e.source === 'personal') personal.add(e.id);
  return assemble(revision, matcher, joinLists([previous.ruled, ruled]), personal);
}

/** Why a stored index was not used. */
export class StaleIndexError extends Error {
  constructor(message: string) {
    super(`stored index not used: ${message}`);
    this.name = 'StaleIndexError';
  }
}

/**
 * The glossary a stored index of one part holds. Throws (StaleIndexError, or
 * the matcher's MatcherLoadError) when it is of another format or malformed;
 * the caller then compiles afresh.
 */
export function restoreGlossary(stored: unknown): Compiled {
  return glossaryOfParts([loadPart(storedIndexOf(stored))]);
}

/** A stored part (checked) and its matcher, loaded. */
export interface LoadedPart {
  stored: StoredIndex;
  matcher: Matcher;
}

/**
 * The glossary of stored parts, loaded (loadPart), in order; each part alone
 * is a glossary too (the first answers early). Throws StaleIndexError when
 * their revisions differ.
 */
export function glossaryOfParts(parts: readonly LoadedPart[]): Compiled {
  const [first] = parts;
  if (!first) throw new StaleIndexError('no part');
  const { revision } = first.stored;
  if (parts.some((p) => p.stored.revision !== revision))
    throw new StaleIndexError('parts of different revisions');
  return assemble(
    revision,
    scannedAsOne(parts.map((p) => p.matcher)),
    joinLists(parts.map((p) => p.stored.ruled)),
    personalIds(parts.map((p) => p.stored)),
  );
}

/** The ids of the user's own entries in stored parts. */
function personalIds(parts: readonly StoredIndex[]): Set<string> {
  const ids = new Set<string>();
  for (const { ids: all, personal } of parts)
    for (let k = 0; k < all.length; k++) if (personal[k] === 1) ids.add(all[k]!);
  return ids;
}

/**
 * A stored index as kept: packed (lib/packed-data.ts). An object is passed on
 * as it is; rows written as objects before are refused then by their format.
 */
export function storedIndexOf(stored: unknown): unknown {
  if (!(stored instanceof ArrayBuffer)) return stored;
  try {
    return unpackData(stored);
  } catch (err) {
    throw new StaleIndexError(err instanceof Error ? err.message : String(err));
  }
}

/**
 * A stored part, unpacked (storedIndexOf), checked and its matcher loaded.
 * Throws as restoreGlossary does.
 */
export function loadPart(stored: unknown): LoadedPart {
  if (typeof stored !== 'object' || stored === null) throw new StaleIndexError('not an object');
  const s = stored as Partial<StoredIndex>;
  if (s.format !== INDEX_FORMAT) throw new StaleIndexError(`format ${String(s.format)}`);
  if (typeof s.revision !== 'number') throw new StaleIndexError('no revision');
  const { ids, ruled, personal, updatedAt } = s;
  if (!stringList(ids) || !Array.isArray(ruled) || !ruled.every(isRuled))
    throw new StaleIndexError('malformed context data');
  if (!(personal instanceof Uint8Array) || personal.length !== ids.length)
    throw new StaleIndexError('malformed personal flags');
  if (!(updatedAt instanceof Float64Array) || updatedAt.length !== ids.length)
    throw new StaleIndexError('malformed entry stamps');
  return { stored: s as StoredIndex, matcher: loadMatcher(s.matcher) };
}

function stringList(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((v) => typeof v === 'string');
}

function isRuled(x: unknown): x is RuledEntry {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Partial<RuledEntry>;
  return typeof e.id === 'string' && stringList(e.kk) && stringList(e.ru);
}

/** The stamps of the entries a stored index was compiled from (its parts), by id. */
export function stampsOf(parts: readonly StoredIndex[]): Map<string, EntryStamp> {
  const stamps = new Map<string, EntryStamp>();
  for (const stored of parts)
    stored.ids.forEach((id, k) =>
      stamps.set(id, {
        source: stored.personal[k] === 1 ? 'personal' : 'bundled',
        updatedAt: stored.updatedAt[k]!,
      }),
    );
  return stamps;
}
