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
import type { StoredEntry } from '../../lib/protocol';
import { ScanEncoder } from '../../lib/scan-wire';
import { unpackData } from '../../lib/packed-data';

/** Bump when what is stored beside the matcher changes shape. */
const CONTEXT_LAYOUT = 3;

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
}

/** What compiling needs of the glossary: its revision and its entries. */
export interface GlossarySource {
  revision: number;
  entries: StoredEntry[];
}

function assemble(
  revision: number,
  matcher: Matcher,
  entries: readonly RuledEntry[],
  personal: readonly string[],
): Compiled {
  const context = new ContextResolver(matcher, entries);
  return { revision, matcher, context, encoder: new ScanEncoder(context.terms, new Set(personal)) };
}

/** A compiled glossary, and the data to store it (made when asked: it costs time). */
export interface CompiledGlossary {
  compiled: Compiled;
  stored: () => StoredIndex;
}

/** Compile a glossary from its entries, and the data to store it. */
export function compileGlossary(
  source: GlossarySource,
  compile: (entries: GlossarySource['entries']) => Matcher = (entries) =>
    compileMatcher(entries.map(matchableOf)),
): CompiledGlossary {
  return glossaryOf(source, compile(source.entries));
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
  return glossaryOf(source, await compileMatcherInSlices(source.entries.map(matchableOf), pause));
}

function glossaryOf(source: GlossarySource, matcher: Matcher): CompiledGlossary {
  const ruled = source.entries.map(ruledOf);
  const compiled = assemble(source.revision, matcher, ruled, personalIds(source.entries));
  return {
    compiled,
    stored: () => ({
      format: INDEX_FORMAT,
      revision: source.revision,
      matcher: serializeMatcher(compiled.matcher),
      ids: ruled.map((e) => e.id),
      ruled: ruled.filter(hasContextRules),
      personal: Uint8Array.from(source.entries, (e) => (e.source === 'personal' ? 1 : 0)),
      updatedAt: Float64Array.from(source.entries, (e) => e.updatedAt),
    }),
  };
}

/**
 * The glossary `previous` was compiled from plus `added`, its new entries,
 * compiled alone and scanned beside it (glossary/matcher combineMatchers): a
 * saved entry costs its own compilation, not the whole glossary's. The
 * context step is rebuilt over all of `source`'s entries.
 */
export function extendGlossary(
  previous: Compiled,
  source: GlossarySource,
  added: GlossarySource['entries'],
): Compiled {
  const matcher = combineMatchers([previous.matcher, compileMatcher(added.map(matchableOf))]);
  return assemble(
    source.revision,
    matcher,
    source.entries.map(ruledOf),
    personalIds(source.entries),
  );
}

function personalIds(entries: GlossarySource['entries']): string[] {
  return entries.filter((e) => e.source === 'personal').map((e) => e.id);
}

/** Why a stored index was not used. */
export class StaleIndexError extends Error {
  constructor(message: string) {
    super(`stored index not used: ${message}`);
    this.name = 'StaleIndexError';
  }
}

/**
 * The glossary a stored index holds. Throws (StaleIndexError, or the
 * matcher's MatcherLoadError) when it is of another format or malformed; the
 * caller then compiles afresh.
 */
export function restoreGlossary(stored: unknown): Compiled {
  return restoreIndex(storedIndexOf(stored));
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

function restoreIndex(stored: unknown): Compiled {
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
  // The context step needs only the entries with rules (ContextResolver).
  return assemble(
    s.revision,
    loadMatcher(s.matcher),
    ruled,
    ids.filter((_, k) => personal[k] === 1),
  );
}

function stringList(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((v) => typeof v === 'string');
}

function isRuled(x: unknown): x is RuledEntry {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Partial<RuledEntry>;
  return typeof e.id === 'string' && stringList(e.kk) && stringList(e.ru);
}

/** The stamps of the entries a stored index was compiled from, by id. */
export function stampsOf(stored: StoredIndex): Map<string, EntryStamp> {
  return new Map(
    stored.ids.map((id, k): [string, EntryStamp] => [
      id,
      {
        source: stored.personal[k] === 1 ? 'personal' : 'bundled',
        updatedAt: stored.updatedAt[k]!,
      },
    ]),
  );
}
