/**
 * The term matcher: compiles glossary entries once into an index of every way
 * their terms may appear, then finds them in a text in one pass, whatever the
 * glossary size (never one pass per term).
 *
 * - Each term becomes surface patterns (glossary/morphology): Russian terms all
 *   their declined forms; Kazakh terms the stems of their last word, each with
 *   the set of suffix chains it may take (suffix-sets.ts).
 * - Each word of each pattern goes into the word table (word-table.ts), keyed
 *   by its keys in a lossy alphabet (chars.ts KEY: folded, Kazakh letters
 *   degraded to their Russian substitutes) and the state its phrase has
 *   reached; one lookup finds exact candidates and those typed with
 *   substitutes. Each pattern's stem ends in a terminal (terminals.ts).
 * - The scan (scan.ts) reads the text once, word by word (words.ts), and
 *   verifies every candidate against its term letter by letter (verify.ts);
 *   one that needed a substitute letter is reported `approximate`.
 */
import { forgetKazakhWords, kazakhPatterns } from '../morphology/kazakh';
import { AMBIGUOUS_FORMS } from '../morphology/kazakh-rules';
import { forgetRussianWords, russianForms } from '../morphology/russian';
import type { SuffixSet, SurfacePattern } from '../morphology/types';
import { runSteps, runStepsWithPauses, type Steps } from '../steps';
import type { Entry, Lang, MatchableEntry } from '../types';
import { assembleMatcher, type Matcher } from './assemble';
import { KEY } from './char-tables';
import { SuffixSets } from './suffix-sets';
import { ENDS_WORD, TAKES_SUFFIX, TerminalsBuilder } from './terminals';
import { WordTableBuilder } from './word-table';

export type { MatchedTerm, ScanSpans } from '../spans';
export { unpackSpans } from '../spans';
export { combineMatchers, type Matcher, type MatcherIndex } from './assemble';
export {
  MATCHER_FORMAT,
  MatcherLoadError,
  loadMatcher,
  serializeMatcher,
  type SerializedMatcher,
} from './serialize';

export interface MatcherOptions {
  /** Where the surface patterns of a term come from; the morphologies by default. */
  patterns?: (lang: Lang, term: string) => SurfacePattern[];
  /**
   * The word memo holds 2^memoBits slots (half of them words) before it
   * forgets everything: 15 by default; the tests make it tiny.
   */
  memoBits?: number;
}

/** The terms of an entry the matcher looks for: the term and its variants, per language. */
export function matchableOf(entry: Entry): MatchableEntry {
  return {
    id: entry.id,
    kk: [entry.kk.term, ...entry.kk.variants].filter((t) => t.trim() !== ''),
    ru: [entry.ru.term, ...entry.ru.variants].filter((t) => t.trim() !== ''),
  };
}

/**
 * The patterns of each term, kept across compilations: the extension
 * recompiles when a user saves an entry, and then only the new term is
 * inflected. A Russian term keeps just its forms (each a stem that takes no
 * suffix). Bounded, so a long session cannot grow them without limit.
 */
const kazakhCache = new Map<string, SurfacePattern[]>();
const russianCache = new Map<string, string[]>();
const PATTERN_CACHE_LIMIT = 50_000;

/**
 * Forget the cached patterns, and what the morphologies remember of words:
 * the benchmark measures compilations from nothing.
 */
export function clearPatternCache(): void {
  kazakhCache.clear();
  russianCache.clear();
  forgetKazakhWords();
  forgetRussianWords();
}

/** What `make` gives for `term`, kept in `cache` (emptied when full). */
function cached<T>(cache: Map<string, T>, term: string, make: (term: string) => T): T {
  let value = cache.get(term);
  if (value === undefined) {
    value = make(term);
    if (cache.size >= PATTERN_CACHE_LIMIT) cache.clear();
    cache.set(term, value);
  }
  return value;
}

const cachedKazakhPatterns = (term: string) => cached(kazakhCache, term, kazakhPatterns);
const cachedRussianForms = (term: string) => cached(russianCache, term, russianForms);

export function defaultPatterns(lang: Lang, term: string): SurfacePattern[] {
  return lang === 'kk'
    ? cachedKazakhPatterns(term)
    : cachedRussianForms(term).map((stem) => ({ stem, suffixes: null }));
}

/** The word-table word a pattern's stem ends with: its words read one after the other. */
function wordOfStem(builder: WordTableBuilder, stem: string): number {
  let state = 0;
  let from = 0;
  for (;;) {
    const space = stem.indexOf(' ', from);
    const to = space < 0 ? stem.length : space;
    // The term's own hyphens, which a line end may follow.
    for (let h = stem.indexOf('-', from); h >= 0 && h < to; h = stem.indexOf('-', h + 1))
      builder.markHyphen(builder.word(state, stem, from, h + 1));
    const w = builder.word(state, stem, from, to);
    if (space < 0) return w;
    state = builder.goOn(w);
    from = space + 1;
  }
}

/** Every prefix of a Kazakh form that is also a common derived word (заңды). */
const AMBIGUOUS_PREFIXES: ReadonlySet<string> = new Set(
  [...AMBIGUOUS_FORMS].flatMap((f) =>
    Array.from({ length: f.length + 1 }, (_, k) => f.slice(0, k)),
  ),
);

/**
 * A compilation in steps: the entries' patterns added a slice at a time
 * (`addNext`), then the index built from them (`finish`). compileMatcher runs
 * it in one go; compileMatcherInSlices pauses between slices.
 */
export class MatcherCompilation {
  private readonly words: WordTableBuilder;
  private readonly terminals: TerminalsBuilder;
  private readonly suffixes = new SuffixSets();
  /** The next entry to add. */
  private next = 0;

  constructor(
    private readonly entries: readonly MatchableEntry[],
    private readonly options: MatcherOptions = {},
  ) {
    // About a dozen words and terminals per entry (the forms of a Russian phrase,
    // a Kazakh stem or two); room for more from the start, so that the builders'
    // arrays are not regrown halfway.
    this.words = new WordTableBuilder(KEY, entries.length * 16);
    this.terminals = new TerminalsBuilder(entries.length * 16, entries.length * 12);
  }

  /** Add the patterns of the next `count` entries; false once every entry is in. */
  addNext(count: number): boolean {
    const { entries, words, terminals, suffixes } = this;
    const custom = this.options.patterns;
    const add = (entry: number, lang: Lang, term: string, stem: string, set: SuffixSet | null) => {
      if (stem === '') return;
      const suffix = set ? suffixes.add(set) : -1;
      const compiled = suffix >= 0 ? suffixes.sets[suffix]! : null;
      // A Kazakh stem whose last word begins a common derived word (заң → заңды).
      const ambiguous =
        lang === 'kk' &&
        compiled !== null &&
        AMBIGUOUS_PREFIXES.has(stem.slice(stem.lastIndexOf(' ') + 1));
      terminals.add(
        wordOfStem(words, stem),
        entry,
        lang,
        term,
        stem,
        suffix,
        compiled?.bare ?? false,
        compiled?.any ?? false,
        ambiguous,
      );
    };
    const end = Math.min(entries.length, this.next + count);
    for (let entry = this.next; entry < end; entry++) {
      for (const lang of ['kk', 'ru'] as const) {
        for (const term of entries[entry]![lang]) {
          if (custom) {
            for (const { stem, suffixes: set } of custom(lang, term))
              add(entry, lang, term, stem, set);
          } else if (lang === 'ru') {
            // The forms as they are: no pattern object per form.
            for (const stem of cachedRussianForms(term)) add(entry, lang, term, stem, null);
          } else {
            for (const { stem, suffixes: set } of cachedKazakhPatterns(term))
              add(entry, lang, term, stem, set);
          }
        }
      }
    }
    this.next = end;
    return end < entries.length;
  }

  /** The index of every entry (those not added yet are added first). */
  finish(): Matcher {
    return runSteps(this.finishSteps());
  }

  /**
   * `finish` as steps: laying out the terminals and freezing the word table
   * yield every few thousand words, so that a termbase's take no long task.
   */
  *finishSteps(): Steps<Matcher> {
    const { entries, words, terminals, suffixes } = this;
    this.addNext(entries.length);
    if (words.full) throw new RangeError('glossary too large for the word table');
    const laidOut = yield* terminals.buildSteps(words.words, entries);
    const table = yield* words.freezeSteps(
      terminals.heads,
      terminals.kinds,
      ENDS_WORD,
      TAKES_SUFFIX,
    );
    return assembleMatcher(
      [
        {
          entries: entries.length,
          table,
          terminals: laidOut,
          suffixSets: suffixes.sets,
          reversed: suffixes.reversed(),
          // A longer word cannot hold a match (at least 512 keys, more for a glossary with a longer term).
          maxWordKeys: Math.max(512, terminals.longestStem + suffixes.longest),
        },
      ],
      this.options.memoBits,
    );
  }
}

export function compileMatcher(
  entries: readonly MatchableEntry[],
  options: MatcherOptions = {},
): Matcher {
  return new MatcherCompilation(entries, options).finish();
}

/** Entries per slice of compileMatcherInSlices: a few milliseconds' work, so its pause can come soon. */
const COMPILE_SLICE_ENTRIES = 50;

/**
 * The index compileMatcher makes, compiled `sliceEntries` entries at a time
 * with `pause()` awaited between slices: a service worker compiling a large
 * termbase goes on answering meanwhile.
 */
export async function compileMatcherInSlices(
  entries: readonly MatchableEntry[],
  pause: () => Promise<void>,
  options: MatcherOptions = {},
  sliceEntries = COMPILE_SLICE_ENTRIES,
): Promise<Matcher> {
  const compilation = new MatcherCompilation(entries, options);
  while (compilation.addNext(sliceEntries)) await pause();
  return runStepsWithPauses(compilation.finishSteps(), pause);
}
