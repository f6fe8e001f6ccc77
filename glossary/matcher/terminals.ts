/**
 * Terminals: one per (pattern, entry) — where a match of the pattern's stem
 * ends, what it takes after it and what it reports. The index (word-table.ts)
 * gives, for each word of the patterns, the first terminal of its chain; the
 * chain's terminals are consecutive records, in the order they were added
 * (entry by entry), so ties go to the earlier entry and checking a word's
 * terminals reads neighbouring memory, their stems one after another in one
 * string.
 *
 * The layout is private to this module: the scan reads a terminal only
 * through the accessors of Terminals.
 */
import type { MatchedTerm } from '../spans';
import type { Lang, MatchableEntry } from '../types';

/** A word's kinds: some terminal ends with the word / takes suffixes inside it. */
export const ENDS_WORD = 1;
export const TAKES_SUFFIX = 2;

// A record: four int32 per terminal.
const SUFFIX = 0;
const STEM_START = 1;
const ENTRY = 2;
const STEM_INFO = 3;
/** In STEM_INFO: the stem's form may be a common derived word (see TerminalsBuilder.add). */
const AMBIGUOUS_BIT = 1 << 30;
/** In STEM_INFO: the last terminal of its word's chain. */
const LAST_BIT = 1 << 29;
/** In STEM_INFO, below those bits: the stem's length. */
const STEM_LENGTH = LAST_BIT - 1;

/** A growable Int32Array indexed by word. */
class WordColumn {
  data: Int32Array;
  constructor(private readonly fill: number) {
    this.data = new Int32Array(1024).fill(fill);
  }
  ensure(n: number): void {
    if (n < this.data.length) return;
    let size = this.data.length;
    while (size <= n) size *= 2;
    const next = new Int32Array(size).fill(this.fill);
    next.set(this.data);
    this.data = next;
  }
}

/** The terminals as the matcher compiles them. */
export class TerminalsBuilder {
  /** Per word: its first terminal (-1 none) and its kinds. */
  private readonly head = new WordColumn(-1);
  private readonly kind = new WordColumn(0);
  // Per terminal, in the order added.
  private readonly entry: number[] = [];
  private readonly lang: Lang[] = [];
  private readonly term: string[] = [];
  private readonly stem: string[] = [];
  private readonly suffix: number[] = [];
  private readonly ambiguous: boolean[] = [];
  private readonly next: number[] = [];
  /** The longest stem. */
  longestStem = 0;

  get count(): number {
    return this.entry.length;
  }

  /**
   * Add the terminal of a pattern whose stem ends with `word`: `suffix` its
   * suffix set (-1 none), `bare` whether the bare stem is a form, `takes`
   * whether some suffix is not empty. `ambiguous`: the stem's form may be a
   * common derived word (заң → заңды), to be checked when matched. The same
   * pattern twice for one entry (a variant that inflects like the term) adds
   * nothing.
   */
  add(
    word: number,
    entry: number,
    lang: Lang,
    term: string,
    stem: string,
    suffix: number,
    bare: boolean,
    takes: boolean,
    ambiguous: boolean,
  ): void {
    this.head.ensure(word);
    this.kind.ensure(word);
    const head = this.head.data;
    let last = -1;
    for (let t = head[word]!; t >= 0; t = this.next[t]!) {
      if (this.entry[t] === entry && this.suffix[t] === suffix && this.stem[t] === stem) return;
      last = t;
    }
    const t = this.entry.length;
    this.entry.push(entry);
    this.lang.push(lang);
    this.term.push(term);
    this.stem.push(stem);
    this.suffix.push(suffix);
    this.ambiguous.push(ambiguous);
    this.next.push(-1);
    if (last < 0) head[word] = t;
    else this.next[last] = t;
    if (suffix < 0 || bare) this.kind.data[word]! |= ENDS_WORD;
    if (takes) this.kind.data[word]! |= TAKES_SUFFIX;
    if (stem.length > this.longestStem) this.longestStem = stem.length;
  }

  /**
   * Lay the terminals out word by word (`words` words). Afterwards `heads`
   * gives each word's first terminal in the new numbering, `kinds` its kinds.
   */
  build(words: number, entries: readonly MatchableEntry[]): Terminals {
    this.head.ensure(words);
    this.kind.ensure(words);
    const head = this.head.data;
    const T = this.entry.length;
    // order: new terminal number → the number it was added with.
    const order = new Int32Array(T);
    let n = 0;
    for (let w = 0; w < words; w++) {
      const first = head[w]!;
      if (first < 0) continue;
      head[w] = n;
      for (let t = first; t >= 0; t = this.next[t]!) order[n++] = t;
    }
    // The terms matches report: in the order they were added, terminals come
    // term by term, so the previous terminal's term is usually this one's.
    const terms: MatchedTerm[] = [];
    const termOfAdded = new Int32Array(T);
    for (let t = 0; t < T; t++) {
      const last = terms[terms.length - 1];
      if (
        !last ||
        last.term !== this.term[t] ||
        last.lang !== this.lang[t] ||
        this.entry[t - 1] !== this.entry[t]
      ) {
        terms.push({ id: entries[this.entry[t]!]!.id, lang: this.lang[t]!, term: this.term[t]! });
      }
      termOfAdded[t] = terms.length - 1;
    }
    // Plain loops: this runs once per glossary, before the JIT has warmed up.
    const termOf = new Int32Array(T);
    const stems = new Array<string>(T);
    const records = new Int32Array(T * 4);
    for (let t = 0, at = 0; t < T; t++) {
      const added = order[t]!;
      const stem = this.stem[added]!;
      termOf[t] = termOfAdded[added]!;
      stems[t] = stem;
      records[4 * t + SUFFIX] = this.suffix[added]!;
      records[4 * t + STEM_START] = at;
      records[4 * t + ENTRY] = this.entry[added]!;
      records[4 * t + STEM_INFO] =
        stem.length |
        (this.ambiguous[added] ? AMBIGUOUS_BIT : 0) |
        (this.next[added]! < 0 ? LAST_BIT : 0);
      at += stem.length;
    }
    // Joined by the engine in one go, not copied code unit by code unit: this
    // runs before the JIT has warmed up.
    return new Terminals(records, stems.join(''), termOf, terms);
  }

  /** Per word: its first terminal (after build, in the laid-out numbering), -1 none. */
  get heads(): Int32Array {
    return this.head.data;
  }

  /** Per word: ENDS_WORD | TAKES_SUFFIX. */
  get kinds(): Int32Array {
    return this.kind.data;
  }
}

/** The terminals' arrays, as a stored index holds them (the terms apart: serialize.ts stores those). */
export interface TerminalsData {
  readonly records: Int32Array;
  readonly stems: string;
  readonly termOf: Int32Array;
}

/**
 * Why `data` cannot be the terminals of a matcher with `terms` terms,
 * `suffixSets` suffix sets and `entries` entries (a stored index may be
 * truncated or corrupted), or null. Terminals that pass keep the scan inside
 * its arrays: every chain ends, every stem lies inside `stems`.
 */
export function checkTerminalsData(
  data: TerminalsData,
  terms: number,
  suffixSets: number,
  entries: number,
): string | null {
  const { records, stems, termOf } = data;
  const count = termOf.length;
  if (records.length !== 4 * count) return 'terminals: records and terms disagree in length';
  if (count > 0 && (records[4 * (count - 1) + STEM_INFO]! & LAST_BIT) === 0)
    return 'terminals: the last chain does not end';
  for (let t = 0; t < count; t++) {
    const suffix = records[4 * t + SUFFIX]!;
    const start = records[4 * t + STEM_START]!;
    const entry = records[4 * t + ENTRY]!;
    const info = records[4 * t + STEM_INFO]!;
    const term = termOf[t]!;
    if (
      suffix < -1 ||
      suffix >= suffixSets ||
      entry < 0 ||
      entry >= entries ||
      info < 0 ||
      start < 0 ||
      start + (info & STEM_LENGTH) > stems.length ||
      term < 0 ||
      term >= terms
    )
      return 'terminals: a record is malformed';
  }
  return null;
}

/** The terminals as the scan reads them. */
export class Terminals {
  constructor(
    private readonly records: Int32Array,
    /** Every stem, one after another in terminal order. */
    readonly stems: string,
    /** Terminal → the index in `terms` of what its match reports. */
    readonly termOf: Int32Array,
    readonly terms: MatchedTerm[],
  ) {}

  /** The terminal after t in its word's chain, or -1. */
  next(t: number): number {
    return this.records[4 * t + STEM_INFO]! & LAST_BIT ? -1 : t + 1;
  }

  /** Its suffix set (-1: the word ends with the stem). */
  suffixSet(t: number): number {
    return this.records[4 * t + SUFFIX]!;
  }

  /** The entry (its index in the compiled entries; lower wins a tie). */
  entry(t: number): number {
    return this.records[4 * t + ENTRY]!;
  }

  /** Where its stem starts in `stems`. */
  stemStart(t: number): number {
    return this.records[4 * t + STEM_START]!;
  }

  stemLength(t: number): number {
    return this.records[4 * t + STEM_INFO]! & STEM_LENGTH;
  }

  /** Its form with a suffix may be a common derived word: check the word (isAmbiguousKazakhForm). */
  mayBeAmbiguous(t: number): boolean {
    return (this.records[4 * t + STEM_INFO]! & AMBIGUOUS_BIT) !== 0;
  }

  get count(): number {
    return this.termOf.length;
  }

  /** The arrays, as serialize.ts stores them (shared, not copied). */
  data(): TerminalsData {
    return { records: this.records, stems: this.stems, termOf: this.termOf };
  }

  get bytes(): number {
    return this.records.byteLength + this.termOf.byteLength + 2 * this.stems.length;
  }
}
