/**
 * Terminals: one per (pattern, entry) — where a match of the pattern's stem
 * ends, what it takes after it and what it reports. The index (word-table.ts)
 * gives, for each word of the patterns, the first terminal of its chain; the
 * chain's terminals are consecutive records, in the order they were added
 * (entry by entry), so ties go to the earlier entry and checking a word's
 * terminals reads neighbouring memory, their stems one after another in one
 * array of code units.
 *
 * The layout is private to this module: the scan reads a terminal only
 * through the accessors of Terminals.
 */
import type { MatchedTerm } from '../spans';
import { runSteps, type Steps } from '../steps';
import type { Lang, MatchableEntry } from '../types';

/** Terms, words or terminals laid out between two yields of TerminalsBuilder.buildSteps. */
const LAYOUT_STEP = 4096;

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

/** A growable Int32Array: a column indexed by word or by terminal. */
class Column {
  data: Int32Array<ArrayBuffer>;
  constructor(
    private readonly fill: number,
    size: number,
  ) {
    this.data = new Int32Array(Math.max(size, 1024));
    if (fill !== 0) this.data.fill(fill);
  }
  ensure(n: number): void {
    if (n < this.data.length) return;
    let size = this.data.length;
    while (size <= n) size *= 2;
    const next = new Int32Array(size);
    if (this.fill !== 0) next.fill(this.fill, this.data.length);
    next.set(this.data);
    this.data = next;
  }
}

/** The terminals as the matcher compiles them. */
export class TerminalsBuilder {
  /** Per word: its first terminal (-1 none) and its kinds. */
  private readonly head: Column;
  private readonly kind: Column;
  // Per terminal, in the order added: typed columns, so that adding one
  // allocates nothing but the occasional doubling.
  private readonly entry: Column;
  private readonly suffix: Column;
  /** The next terminal of its word's chain (-1 none). */
  private readonly next: Column;
  /** Its stem's length, with AMBIGUOUS_BIT. */
  private readonly info: Column;
  /** The index of its term among the terms matches report. */
  private readonly termIndex: Column;
  private readonly stem: string[] = [];
  private count_ = 0;
  // The terms matches report, per term: its entry, language and text. In the
  // order terminals are added they come term by term, so a terminal whose
  // term, language and entry are those of the terminal added before it
  // shares its term.
  private readonly termEntry: number[] = [];
  private readonly termLang: Lang[] = [];
  private readonly termText: string[] = [];
  /** The longest stem. */
  longestStem = 0;

  /** `words` and `terminals`: about how many there will be (the columns grow past it). */
  constructor(words = 1024, terminals = 1024) {
    this.head = new Column(-1, words);
    this.kind = new Column(0, words);
    this.entry = new Column(0, terminals);
    this.suffix = new Column(0, terminals);
    this.next = new Column(0, terminals);
    this.info = new Column(0, terminals);
    this.termIndex = new Column(0, terminals);
  }

  get count(): number {
    return this.count_;
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
    const entries = this.entry.data;
    const suffixes = this.suffix.data;
    const next = this.next.data;
    let last = -1;
    for (let t = head[word]!; t >= 0; t = next[t]!) {
      if (entries[t] === entry && suffixes[t] === suffix && this.stem[t] === stem) return;
      last = t;
    }
    const t = this.count_++;
    this.entry.ensure(t);
    this.suffix.ensure(t);
    this.next.ensure(t);
    this.info.ensure(t);
    this.termIndex.ensure(t);
    const terms = this.termText.length;
    if (
      terms === 0 ||
      this.termText[terms - 1] !== term ||
      this.termLang[terms - 1] !== lang ||
      this.termEntry[terms - 1] !== entry
    ) {
      this.termEntry.push(entry);
      this.termLang.push(lang);
      this.termText.push(term);
    }
    this.termIndex.data[t] = this.termText.length - 1;
    this.entry.data[t] = entry;
    this.suffix.data[t] = suffix;
    this.next.data[t] = -1;
    this.info.data[t] = stem.length | (ambiguous ? AMBIGUOUS_BIT : 0);
    this.stem.push(stem);
    if (last < 0) head[word] = t;
    else this.next.data[last] = t;
    if (suffix < 0 || bare) this.kind.data[word]! |= ENDS_WORD;
    if (takes) this.kind.data[word]! |= TAKES_SUFFIX;
    if (stem.length > this.longestStem) this.longestStem = stem.length;
  }

  /**
   * Lay the terminals out word by word (`words` words). Afterwards `heads`
   * gives each word's first terminal in the new numbering, `kinds` its kinds.
   */
  build(words: number, entries: readonly MatchableEntry[]): Terminals {
    return runSteps(this.buildSteps(words, entries));
  }

  /** `build` as steps, yielding every LAYOUT_STEP terms, words or terminals (a termbase has 100,000s). */
  *buildSteps(words: number, entries: readonly MatchableEntry[]): Steps<Terminals> {
    this.head.ensure(words);
    this.kind.ensure(words);
    const head = this.head.data;
    const next = this.next.data;
    const T = this.count_;
    const terms: MatchedTerm[] = new Array<MatchedTerm>(this.termText.length);
    for (let k = 0; k < terms.length; k++) {
      if (k % LAYOUT_STEP === LAYOUT_STEP - 1) yield;
      terms[k] = {
        id: entries[this.termEntry[k]!]!.id,
        lang: this.termLang[k]!,
        term: this.termText[k]!,
      };
    }
    // Plain loops: this runs once per glossary, before the JIT has warmed up.
    const termOf = new Int32Array(T);
    const stems = new Array<string>(T);
    const records = new Int32Array(T * 4);
    const entry = this.entry.data;
    const suffix = this.suffix.data;
    const info = this.info.data;
    const termIndex = this.termIndex.data;
    let n = 0;
    let at = 0;
    for (let w = 0; w < words; w++) {
      if (w % LAYOUT_STEP === LAYOUT_STEP - 1) yield;
      const first = head[w]!;
      if (first < 0) continue;
      head[w] = n;
      for (let added = first; added >= 0; added = next[added]!, n++) {
        const stem = this.stem[added]!;
        termOf[n] = termIndex[added]!;
        stems[n] = stem;
        records[4 * n + SUFFIX] = suffix[added]!;
        records[4 * n + STEM_START] = at;
        records[4 * n + ENTRY] = entry[added]!;
        records[4 * n + STEM_INFO] = info[added]! | (next[added]! < 0 ? LAST_BIT : 0);
        at += stem.length;
      }
    }
    // Code units, not one joined string: a stored index loads them as they are, with no decoding.
    const codes = new Uint16Array(at);
    for (let t = 0, p = 0; t < T; t++) {
      if (t % LAYOUT_STEP === LAYOUT_STEP - 1) yield;
      const stem = stems[t]!;
      for (let i = 0; i < stem.length; i++) codes[p++] = stem.charCodeAt(i);
    }
    return new Terminals(records, codes, termOf, terms);
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
  readonly stems: Uint16Array;
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
    /** Every stem's code units, one after another in terminal order. */
    readonly stems: Uint16Array,
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
    return this.records.byteLength + this.termOf.byteLength + this.stems.byteLength;
  }
}
