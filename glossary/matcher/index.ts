/**
 * The term matcher: compiles glossary entries once into an index of every way
 * their terms may appear, then finds them in a text in one pass, whatever the
 * glossary size (never one pass per term).
 *
 * How it works:
 * - Each term becomes surface patterns (glossary/morphology): Russian terms all
 *   their declined forms; Kazakh terms the stems of their last word, each with
 *   the set of suffix chains it may take.
 * - Keys are a lossy alphabet: folded (lowercase, ё → е, Latin look-alikes →
 *   Cyrillic) and "degraded" (Kazakh letters → their Russian substitutes,
 *   қ → к). One lookup therefore finds exact matches and matches typed with
 *   substitute letters.
 * - Each word of each pattern goes into the word table (glossary/word-table.ts)
 *   under a hash of its keys and the state its phrase has reached: there a
 *   stem ends (and takes suffixes), a pattern ends, or a phrase goes on.
 * - The scan visits each word start once and reads the word whole: hashed as
 *   it goes, looked up at its end and where the rest of it is a suffix, then
 *   the next word of a phrase the same way. What a word yields is remembered
 *   by its characters (glossary/word-memo.ts), so a repeated word costs one
 *   lookup.
 * - A candidate is verified against its term's exact folded form, letter by
 *   letter; one that needed a substitute letter is reported `approximate`.
 * - The first design, a character trie walked letter by letter, is kept as
 *   the reference (`wordTable: false`): the tests hold the word table to the
 *   same matches on real and roughened text.
 */
import { forgetKazakhWords, isAmbiguousKazakhForm, kazakhPatterns } from '../morphology/kazakh';
import { AMBIGUOUS_FORMS } from '../morphology/kazakh-rules';
import { forgetRussianWords, russianForms } from '../morphology/russian';
import type { SurfacePattern, SuffixSet } from '../morphology/types';
import { unpackSpans, type MatchedTerm, type ScanSpans } from '../spans';
import type { Entry, Lang, Match, MatchableEntry } from '../types';
import {
  CHAR,
  CHAR_CLASS_SHIFT,
  CHAR_KEY,
  CLASS,
  CharClass,
  DEGRADE,
  FL,
  FOLD,
  HYPHEN,
  IS_CYRILLIC,
  KEY,
  SPACE,
  VIA_LOOKALIKE,
} from './chars';
import { foldWord, lineBreakHyphenEnd, wordEnd } from './words';
import { MEMO_SEED, WordMemo, memoStep } from './word-memo';
import {
  SLOT_ENDS_WORD,
  SLOT_HYPHEN,
  SLOT_STATE,
  SLOT_TAKES_SUFFIX,
  WordTable,
  WordTableBuilder,
  seedA,
  seedB,
  stepA,
  stepB,
} from './word-table';

export interface Matcher {
  /** Non-overlapping matches, leftmost-longest, in text order. */
  scan(text: string): Match[];
  /**
   * The same matches, packed: no object per match, which is what a scan of a
   * large text with a large glossary otherwise spends most of its time on.
   */
  scanSpans(text: string): ScanSpans;
  /** The terms `ScanSpans` refer to by index. */
  readonly terms: readonly MatchedTerm[];
  /**
   * Forget the words remembered from earlier scans (glossary/word-memo.ts),
   * as a matcher fresh from compiling is: the benchmark measures such scans.
   */
  forgetWords(): void;
  /** Number of entries compiled. */
  readonly entries: number;
  /** Trie nodes and stored patterns, for the benchmark's memory figures. */
  readonly stats: { nodes: number; patterns: number; suffixSets: number; bytes: number };
}

export type { MatchedTerm, ScanSpans } from '../spans';
export { unpackSpans } from '../spans';

export interface MatcherOptions {
  /** Where the surface patterns of a term come from; the morphologies by default. */
  patterns?: (lang: Lang, term: string) => SurfacePattern[];
  /**
   * Look words up in the word table (the default) rather than walk the trie
   * letter by letter everywhere; the tests compare the two.
   */
  wordTable?: boolean;
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
 * inflected. Bounded, so a long session cannot grow it without limit.
 */
const patternCache: Record<Lang, Map<string, SurfacePattern[]>> = { kk: new Map(), ru: new Map() };
const PATTERN_CACHE_LIMIT = 50_000;

/**
 * Forget the cached patterns, and what the morphologies remember of words:
 * the benchmark measures compilations from nothing.
 */
export function clearPatternCache(): void {
  patternCache.kk.clear();
  patternCache.ru.clear();
  forgetKazakhWords();
  forgetRussianWords();
}

export function defaultPatterns(lang: Lang, term: string): SurfacePattern[] {
  const cache = patternCache[lang];
  let patterns = cache.get(term);
  if (!patterns) {
    patterns =
      lang === 'kk'
        ? kazakhPatterns(term)
        : russianForms(term).map((stem) => ({ stem, suffixes: null }));
    if (cache.size >= PATTERN_CACHE_LIMIT) cache.clear();
    cache.set(term, patterns);
  }
  return patterns;
}

/**
 * A trie of the given strings as child maps (node 0 the root), each read
 * through keyOf, forwards or backwards; final marks a whole string.
 */
function mapTrie(
  strings: Iterable<string>,
  keyOf: Uint16Array,
  backwards: boolean,
): { next: Map<number, number>[]; final: boolean[] } {
  const next: Map<number, number>[] = [new Map()];
  const final: boolean[] = [false];
  for (const s of strings) {
    let node = 0;
    for (let i = 0; i < s.length; i++) {
      const k = keyOf[s.charCodeAt(backwards ? s.length - 1 - i : i)]!;
      let child = next[node]!.get(k);
      if (child === undefined) {
        child = next.length;
        next.push(new Map());
        final.push(false);
        next[node]!.set(k, child);
      }
      node = child;
    }
    final[node] = true;
  }
  return { next, final };
}

/**
 * Every suffix of every suffix set, reversed, as a trie with a dense row per
 * node (there are about a thousand): reading a word backwards from its end
 * finds each place where the rest of the word is some suffix.
 */
class ReversedSuffixes {
  /** Trie key → column (0 = a key no suffix has). */
  readonly alpha = new Uint16Array(0x10000);
  readonly width: number;
  readonly rows: Int32Array;
  readonly final: Uint8Array;

  constructor(suffixes: Iterable<string>) {
    const { next, final } = mapTrie(suffixes, KEY, true);
    let width = 1;
    for (const children of next) for (const k of children.keys()) this.alpha[k] ||= width++;
    this.width = width;
    this.rows = new Int32Array(next.length * width).fill(-1);
    this.final = Uint8Array.from(final, (f) => (f ? 1 : 0));
    next.forEach((children, v) => {
      for (const [k, child] of children) this.rows[v * width + this.alpha[k]!] = child;
    });
  }

  get bytes(): number {
    return this.alpha.byteLength + this.rows.byteLength + this.final.byteLength;
  }
}

/**
 * The suffixes of one SuffixSet as a small frozen trie: node v's edges are
 * keys[start[v], start[v + 1]) with children kids[…]; final[v] marks a whole
 * suffix.
 */
class SuffixTrie {
  readonly start: Int32Array;
  readonly keys: Uint16Array;
  readonly kids: Int32Array;
  readonly final: Uint8Array;

  constructor(suffixes: readonly string[], table: Uint16Array) {
    // Build with maps, then lay the nodes out breadth first.
    const { next, final: isFinal } = mapTrie(suffixes, table, false);
    const n = next.length;
    this.start = new Int32Array(n + 1);
    this.keys = new Uint16Array(n - 1);
    this.kids = new Int32Array(n - 1);
    this.final = new Uint8Array(n);
    let e = 0;
    for (let v = 0; v < n; v++) {
      this.start[v] = e;
      this.final[v] = isFinal[v] ? 1 : 0;
      for (const [k, child] of next[v]!) {
        this.keys[e] = k;
        this.kids[e++] = child;
      }
    }
    this.start[n] = e;
  }

  /**
   * Does text[i, end) — the rest of a word — spell a suffix? Reads the text
   * through `table`, skipping invisible characters and line-break hyphens.
   */
  matches(table: Uint16Array, text: string, i: number, end: number): boolean {
    const { start, keys, kids } = this;
    let node = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      const k = CLASS[c];
      let key: number;
      if (k === CharClass.Ignorable) {
        i++;
        continue;
      }
      if (k === CharClass.Hyphen) {
        const after = lineBreakHyphenEnd(text, i);
        if (after > 0) {
          i = after;
          continue;
        }
        key = HYPHEN;
      } else key = table[c]!;
      let found = -1;
      for (let j = start[node]!, last = start[node + 1]!; j < last; j++) {
        if (keys[j] === key) {
          found = kids[j]!;
          break;
        }
      }
      if (found < 0) return false;
      node = found;
      i++;
    }
    return this.final[node] === 1;
  }
}

/** A compiled suffix set: tries over the exact suffixes and over their degraded keys. */
interface CompiledSuffixes {
  exact: SuffixTrie;
  degraded: SuffixTrie;
  /** The bare stem is a form. */
  bare: boolean;
  /** Some suffix is not empty. */
  any: boolean;
}

function compileSuffixSet(set: SuffixSet): CompiledSuffixes {
  const nonEmpty = [...set.forms].filter((s) => s !== '');
  return {
    exact: new SuffixTrie(nonEmpty, FL),
    degraded: new SuffixTrie(nonEmpty, KEY),
    bare: set.forms.has(''),
    any: nonEmpty.length > 0,
  };
}

/**
 * Compare text[start, end) with the expected folded stem, stems[from, from +
 * length), reading the text the way `normalize` does but without allocating:
 * 0 = no match, 1 = exact, 2 = approximate (a Russian substitute stands for a
 * Kazakh letter).
 */
function compareStem(
  text: string,
  start: number,
  end: number,
  stems: string,
  from: number,
  length: number,
): 0 | 1 | 2 {
  let result: 1 | 2 = 1;
  let j = 0;
  let wordHasCyrillic = false;
  let wordUsedLookalike = false;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const k = CLASS[c];
    if (k === CharClass.Ignorable) {
      i++;
      continue;
    }
    let t: number;
    if (k === CharClass.Space) {
      if (wordUsedLookalike && !wordHasCyrillic) return 0;
      wordHasCyrillic = wordUsedLookalike = false;
      while (i < end && CLASS[text.charCodeAt(i)] === CharClass.Space) i++;
      t = SPACE;
    } else if (k === CharClass.Hyphen) {
      if (j < length && stems.charCodeAt(from + j) === HYPHEN) {
        // The term's own hyphen, perhaps at a line end.
        i++;
        const broken = lineBreakHyphenEnd(text, i - 1, true);
        if (broken > 0) i = broken;
      } else {
        const after = lineBreakHyphenEnd(text, i);
        if (after > 0) {
          i = after;
          continue;
        }
        i++;
      }
      t = HYPHEN;
    } else {
      if (IS_CYRILLIC[c]) wordHasCyrillic = true;
      t = FL[c]!;
      i++;
    }
    if (j >= length) return 0;
    const e = stems.charCodeAt(from + j++);
    if (FOLD[c] === e) continue; // as written (also a Latin letter of a Latin term)
    if (t === e) {
      if (VIA_LOOKALIKE[c]) wordUsedLookalike = true;
      continue;
    }
    const d = DEGRADE[e]!;
    if (d !== e && DEGRADE[t] === d) {
      // A substitute letter where the term has a Kazakh one (or Latin i read as і where the term has и).
      result = 2;
      continue;
    }
    return 0;
  }
  if (j !== length) return 0;
  // The last word may go on into its suffix; a look-alike-only stem there is rare enough to accept.
  if (
    wordUsedLookalike &&
    !wordHasCyrillic &&
    i >= end &&
    CLASS[text.charCodeAt(end)] !== CharClass.Word
  )
    return 0;
  return result;
}

/**
 * compareStem for a span without invisible characters or line-end hyphens:
 * most spans are the stem letter for letter, which one tight loop confirms;
 * anything else (a substitute letter, a look-alike, a run of spaces) goes to
 * compareStem.
 */
function comparePlain(
  text: string,
  start: number,
  end: number,
  stems: string,
  from: number,
  length: number,
): 0 | 1 | 2 {
  if (end - start === length) {
    let j = 0;
    while (j < length && FOLD[text.charCodeAt(start + j)] === stems.charCodeAt(from + j)) j++;
    if (j === length) return 1;
  }
  return compareStem(text, start, end, stems, from, length);
}

/** A growable typed array. */
function grown<T extends Int32Array | Uint16Array>(a: T, n: number, make: (size: number) => T): T {
  if (n < a.length) return a;
  let size = a.length * 2;
  while (size <= n) size *= 2;
  const next = make(size);
  next.set(a);
  return next;
}

/** Width of a build-time row for a node with many children, and how many make many. */
const BIG_ROW = 128;
const BIG_MIN = 5;

/**
 * The trie while it is built: first-child / next-sibling lists in typed
 * arrays, the root's children in a direct table. A new pattern's own nodes are
 * numbered one after another, so a chain of single children sits in sequence.
 */
class BuildTrie {
  readonly rootChild = new Int32Array(0x10000).fill(-1);
  firstChild = new Int32Array(1 << 16).fill(-1);
  nextSibling = new Int32Array(1 << 16).fill(-1);
  parent = new Int32Array(1 << 16);
  key = new Uint16Array(1 << 16);
  /**
   * The exact (undegraded) letter of the edge into each node when every
   * pattern through it has the same one, else 0: the walk then knows whether
   * the text so far is exact, approximate or impossible without re-reading it.
   */
  exact = new Uint16Array(1 << 16);
  /**
   * Nodes with many children get a row of `bigRows` indexed by a small
   * alphabet (walking their sibling list would be slow): childCount counts
   * children, bigRow gives the row or -1.
   */
  childCount = new Int32Array(1 << 16);
  bigRow = new Int32Array(1 << 16).fill(-1);
  bigRows = new Int32Array(64 * BIG_ROW).fill(-1);
  bigRowCount = 0;
  /** Trie key → index in the rows (0 = not seen yet). */
  readonly alphabet = new Uint16Array(0x10000);
  alphabetSize = 1;
  nodes = 1;

  /** The child of `node` under `key`, or -1. */
  find(node: number, key: number): number {
    if (node === 0) return this.rootChild[key]!;
    const row = this.bigRow[node]!;
    if (row >= 0) {
      const a = this.alphabet[key]!;
      return a ? this.bigRows[row * BIG_ROW + a]! : -1;
    }
    for (let c = this.firstChild[node]!; c >= 0; c = this.nextSibling[c]!)
      if (this.key[c] === key) return c;
    return -1;
  }

  private alphabetIndex(key: number): number {
    let a = this.alphabet[key]!;
    if (!a) a = this.alphabet[key] = this.alphabetSize++;
    return a;
  }

  /** The child of `node` under `key`, created when missing; records the exact letter (0 when patterns disagree). */
  add(node: number, key: number, exactChar: number): number {
    const found = this.find(node, key);
    if (found >= 0) {
      if (this.exact[found] !== exactChar) this.exact[found] = 0;
      return found;
    }
    const created = this.nodes++;
    if (created >= this.firstChild.length) {
      const neg = (size: number) => new Int32Array(size).fill(-1);
      this.firstChild = grown(this.firstChild, created, neg);
      this.nextSibling = grown(this.nextSibling, created, neg);
      this.parent = grown(this.parent, created, (size) => new Int32Array(size));
      this.key = grown(this.key, created, (size) => new Uint16Array(size));
      this.exact = grown(this.exact, created, (size) => new Uint16Array(size));
      this.childCount = grown(this.childCount, created, (size) => new Int32Array(size));
      this.bigRow = grown(this.bigRow, created, neg);
    }
    this.parent[created] = node;
    this.key[created] = key;
    this.exact[created] = exactChar;
    if (node === 0) this.rootChild[key] = created;
    else {
      this.nextSibling[created] = this.firstChild[node]!;
      this.firstChild[node] = created;
      const count = ++this.childCount[node]!;
      // The alphabet of a glossary stays small; past a row's width, a node keeps its sibling list.
      if (count === BIG_MIN && this.alphabetSize + 16 < BIG_ROW) {
        const row = this.bigRowCount++;
        if ((row + 1) * BIG_ROW > this.bigRows.length) {
          this.bigRows = grown(this.bigRows, (row + 1) * BIG_ROW, (size) =>
            new Int32Array(size).fill(-1),
          );
        }
        for (let c = this.firstChild[node]!; c >= 0; c = this.nextSibling[c]!) {
          this.bigRows[row * BIG_ROW + this.alphabetIndex(this.key[c]!)] = c;
        }
        this.bigRow[node] = row;
      } else if (this.bigRow[node]! >= 0) {
        const a = this.alphabetIndex(key);
        if (a < BIG_ROW) this.bigRows[this.bigRow[node]! * BIG_ROW + a] = created;
        else {
          // The alphabet outgrew the rows: this node goes back to its sibling list.
          this.bigRow[node] = -1;
        }
      }
    }
    return created;
  }
}

/** Nodes with at least this many children get a dense row over the alphabet. */
const DENSE_MIN = 8;

/**
 * The trie as the scan reads it, packed so that one step touches as little
 * memory as it can:
 * - `rec`, four int32 per node: [0] where its edges start, or for a node with
 *   one child (most nodes) that edge's key | exact letter << 16; [1] the
 *   number of children (low 16 bits) and the node's terminal kinds (bits
 *   16+); [2] the only child, or the dense row, or -1; [3] its first
 *   terminal or -1;
 * - `edges`, two int32 per edge: key | the child's exact letter << 16, child;
 * - `dense`: rows over the alphabet for nodes with DENSE_MIN children or more.
 * A new pattern's own nodes are numbered in sequence, so walking a chain of
 * single children reads one record after the other.
 */
class FrozenTrie {
  readonly rootChild: Int32Array;
  readonly rec: Int32Array;
  readonly edges: Int32Array;
  readonly dense: Int32Array;
  readonly alpha: Uint16Array;
  readonly alphaSize: number;
  readonly exact: Uint16Array;

  constructor(trie: BuildTrie, heads: Int32Array, kinds: Int32Array) {
    const n = trie.nodes;
    const { parent, key } = trie;
    const alpha = new Uint16Array(0x10000);
    let alphaSize = 1;
    const start = new Int32Array(n + 1);
    for (let c = 1; c < n; c++) {
      start[parent[c]! + 1]!++;
      const k = key[c]!;
      if (!alpha[k]) alpha[k] = alphaSize++;
    }
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    const edges = new Int32Array(2 * n);
    for (let c = 1; c < n; c++) {
      const at = fill[parent[c]!]!++;
      // The child's exact letter rides along with the key: reading the edge reads it too.
      edges[2 * at] = key[c]! | (trie.exact[c]! << 16);
      edges[2 * at + 1] = c;
    }
    const rec = new Int32Array(4 * n);
    let rows = 0;
    for (let v = 0; v < n; v++) {
      const count = start[v + 1]! - start[v]!;
      const single = count === 1 && v > 0;
      rec[4 * v] = single ? edges[2 * start[v]!]! : start[v]!;
      rec[4 * v + 1] = count | (kinds[v]! << 16);
      rec[4 * v + 2] = single
        ? edges[2 * start[v]! + 1]!
        : v > 0 && count >= DENSE_MIN
          ? rows++
          : -1;
      rec[4 * v + 3] = heads[v]!;
    }
    const dense = new Int32Array(rows * alphaSize).fill(-1);
    for (let v = 1; v < n; v++) {
      const count = start[v + 1]! - start[v]!;
      if (count < DENSE_MIN) continue;
      const row = rec[4 * v + 2]!;
      for (let j = start[v]!; j < start[v + 1]!; j++)
        dense[row * alphaSize + alpha[edges[2 * j]! & 0xffff]!] = edges[2 * j + 1]!;
    }
    this.rootChild = trie.rootChild;
    this.exact = trie.exact;
    this.rec = rec;
    this.edges = edges;
    this.dense = dense;
    this.alpha = alpha;
    this.alphaSize = alphaSize;
  }

  get bytes(): number {
    return (
      this.rootChild.byteLength +
      this.rec.byteLength +
      this.edges.byteLength +
      this.dense.byteLength +
      this.alpha.byteLength
    );
  }
}

/** A growable Int32Array indexed by trie node. */
class NodeTable {
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

/**
 * What the walk learnt of a stem: 0 nothing (compare it letter by letter);
 * 1 exact; 2 approximate; 3 and 4 exact or approximate except at the letters
 * where the trie's patterns disagree.
 */
type StemState = 0 | 1 | 2 | 3 | 4 | 5;
/** StemState 5: nothing known, but the span has no invisible characters or line-end hyphens. */
const PLAIN_SPAN = 5;

/** Bits of NodeTable `kind`: a terminal may end the word here / takes suffixes. */
const ENDS_WORD = 1;
const TAKES_SUFFIX = 2;
/** Marks, in a terminal's record, a stem whose form may be a common derived word (see tMaybeAmbiguous). */
const AMBIGUOUS_BIT = 1 << 30;
/** Marks the last terminal of a node's chain. */
const LAST_BIT = 1 << 29;
/** A terminal's stem length, below those bits. */
const STEM_LENGTH = LAST_BIT - 1;

/** The letter trie of a matcher that reads words through the word table: empty, made once. */
let empty: { trie: BuildTrie; frozen: FrozenTrie } | null = null;
function emptyTrie(): BuildTrie {
  empty ??= (() => {
    const trie = new BuildTrie();
    return { trie, frozen: new FrozenTrie(trie, Int32Array.of(-1), Int32Array.of(0)) };
  })();
  return empty.trie;
}
function emptyFrozenTrie(): FrozenTrie {
  emptyTrie();
  return empty!.frozen;
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

export function compileMatcher(
  entries: readonly MatchableEntry[],
  options: MatcherOptions = {},
): Matcher {
  const patternsOf = options.patterns ?? defaultPatterns;
  // The word table by default; the letter trie when asked (the tests compare
  // the two) or when the table cannot be used.
  // About a dozen words per entry (the forms of a Russian phrase, a Kazakh stem or two).
  const builder =
    options.wordTable === false ? null : new WordTableBuilder(KEY, entries.length * 12);
  const trie = builder ? emptyTrie() : new BuildTrie();
  const head = new NodeTable(-1); // first terminal of a node
  const kind = new NodeTable(0);

  // Terminal tables: one row per (pattern, entry), chained per node.
  const tEntry: number[] = [];
  const tLang: Lang[] = [];
  const tTerm: string[] = [];
  const tStem: string[] = [];
  const tSuffix: number[] = [];
  const tNext: number[] = [];
  /** The stem's last word begins a Kazakh form that is also a common derived word (заң → заңды). */
  const tMaybeAmbiguous: boolean[] = [];
  const ambiguousForms = [...AMBIGUOUS_FORMS];

  const suffixIndex = new Map<string, number>();
  const suffixSets: CompiledSuffixes[] = [];
  /** Every suffix of every set, for the word table's reverse suffix trie. */
  const allSuffixes = new Set<string>();

  let prevStem = '';
  const prevPath: number[] = [];
  /** The longest stem, for the word table's MAX_WORD_KEYS. */
  let longestStem = 0;
  for (let entryIdx = 0; entryIdx < entries.length; entryIdx++) {
    const entry = entries[entryIdx]!;
    for (const lang of ['kk', 'ru'] as const) {
      for (const term of entry[lang]) {
        for (const p of patternsOf(lang, term)) {
          if (p.stem === '') continue;
          let suffix = -1;
          if (p.suffixes) {
            const known = suffixIndex.get(p.suffixes.id);
            if (known !== undefined) suffix = known;
            else {
              suffix = suffixSets.length;
              suffixSets.push(compileSuffixSet(p.suffixes));
              for (const form of p.suffixes.forms) allSuffixes.add(form);
              suffixIndex.set(p.suffixes.id, suffix);
            }
          }
          const stem = p.stem;
          if (stem.length > longestStem) longestStem = stem.length;
          let node: number;
          if (builder) node = wordOfStem(builder, stem);
          else {
            // Forms of one term share long prefixes (конституционн-ый/-ого суд…):
            // start below the part this stem shares with the previous one.
            let j = 0;
            const shared = Math.min(stem.length, prevStem.length);
            while (j < shared && stem.charCodeAt(j) === prevStem.charCodeAt(j)) j++;
            node = j > 0 ? prevPath[j - 1]! : 0;
            for (; j < stem.length; j++) {
              const ch = stem.charCodeAt(j);
              node = trie.add(node, KEY[ch]!, ch);
              prevPath[j] = node;
            }
            prevStem = stem;
          }
          head.ensure(node);
          kind.ensure(node);
          // The same pattern twice for one entry (a variant that inflects like the term) adds nothing.
          let dup = false;
          for (let t = head.data[node]!; t >= 0; t = tNext[t]!) {
            if (tEntry[t] === entryIdx && tSuffix[t] === suffix && tStem[t] === p.stem) dup = true;
          }
          if (dup) continue;
          const t = tEntry.length;
          tEntry.push(entryIdx);
          tLang.push(lang);
          tTerm.push(term);
          tStem.push(p.stem);
          tSuffix.push(suffix);
          let maybeAmbiguous = false;
          if (lang === 'kk' && suffix >= 0) {
            const lastWord = stem.slice(stem.lastIndexOf(' ') + 1);
            maybeAmbiguous = ambiguousForms.some((f) => f.startsWith(lastWord));
          }
          tMaybeAmbiguous.push(maybeAmbiguous);
          // Keep entry order along the chain so ties go to the earlier entry.
          tNext.push(-1);
          let last = head.data[node]!;
          if (last < 0) head.data[node] = t;
          else {
            while (tNext[last]! >= 0) last = tNext[last]!;
            tNext[last] = t;
          }
          const s = suffix >= 0 ? suffixSets[suffix]! : null;
          if (!s || s.bare) kind.data[node]! |= ENDS_WORD;
          if (s?.any) kind.data[node]! |= TAKES_SUFFIX;
        }
      }
    }
  }
  if (builder?.full) return compileMatcher(entries, { ...options, wordTable: false });
  const nodes = builder ? builder.words : trie.nodes;
  head.ensure(nodes);
  kind.ensure(nodes);

  // Lay the terminals out node by node, each node's chain in order: checking
  // a node's terminals then reads neighbouring records, and their stems one
  // after another in one string, not strings strewn over the heap (for a
  // large glossary, a word met for the first time in a text costs cache
  // misses, not instructions). `order`: new terminal number → old.
  const order: number[] = [];
  for (let node = 0; node < nodes; node++) {
    const first = head.data[node]!;
    if (first < 0) continue;
    head.data[node] = order.length;
    for (let t = first; t >= 0; t = tNext[t]!) order.push(t);
  }
  const words = builder?.freeze(head.data, kind.data, ENDS_WORD, TAKES_SUFFIX) ?? null;
  // The letter trie (empty when the word table serves).
  const frozen = builder ? emptyFrozenTrie() : new FrozenTrie(trie, head.data, kind.data);
  const { rec, edges, dense, alpha, alphaSize, rootChild, exact } = frozen;

  // The terminal tables as the scan reads them: typed arrays, and one shared
  // object per (entry, language, term) with what a match reports.
  const T = tEntry.length;
  // The terms matches report, and each terminal's. In the order they were
  // made, terminals come term by term, so the previous terminal's term is
  // usually this one's.
  const terms: MatchedTerm[] = [];
  const termOfMade = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    const last = terms[terms.length - 1];
    if (!last || last.term !== tTerm[t] || last.lang !== tLang[t] || tEntry[t - 1] !== tEntry[t]) {
      terms.push({ id: entries[tEntry[t]!]!.id, lang: tLang[t]!, term: tTerm[t]! });
    }
    termOfMade[t] = terms.length - 1;
  }
  // Plain loops: this runs once per glossary, before the JIT has warmed up.
  const termOf = new Int32Array(T);
  const stemOf: string[] = new Array<string>(T);
  for (let t = 0; t < T; t++) {
    const made = order[t]!;
    termOf[t] = termOfMade[made]!;
    stemOf[t] = tStem[made]!;
  }
  /**
   * Every stem, one after another in terminal order: joined by the engine in
   * one go, where copying code unit by code unit in a cold service worker
   * costs tens of milliseconds.
   */
  const stems = stemOf.join('');
  // One record of four int32 per terminal, so that checking one reads one
  // cache line: its suffix set (-1 none), where its stem starts in `stems`,
  // its entry, and its stem's length | AMBIGUOUS_BIT | LAST_BIT (the last of
  // its node's chain; else the next terminal is the next record).
  const terminals = new Int32Array(T * 4);
  for (let t = 0, at = 0; t < T; t++) {
    const made = order[t]!;
    const stem = stemOf[t]!;
    terminals[4 * t] = tSuffix[made]!;
    terminals[4 * t + 1] = at;
    terminals[4 * t + 2] = tEntry[made]!;
    terminals[4 * t + 3] =
      stem.length | (tMaybeAmbiguous[made] ? AMBIGUOUS_BIT : 0) | (tNext[made]! < 0 ? LAST_BIT : 0);
    at += stem.length;
  }

  // Per terminal, the positions of its stem where the trie's patterns disagree
  // on the exact letter (қ in one term, к in another): conflictPos[
  // conflictStart[t] … conflictStart[t + 1]).
  const conflictStart = new Int32Array(tEntry.length + 1);
  const conflictList: number[] = [];
  let prev = '';
  const path: number[] = [];
  for (let t = 0; t < (builder ? 0 : T); t++) {
    conflictStart[t] = conflictList.length;
    const stem = stemOf[t]!;
    let j = 0;
    const shared = Math.min(stem.length, prev.length);
    while (j < shared && stem.charCodeAt(j) === prev.charCodeAt(j)) j++;
    for (; j < stem.length; j++)
      path[j] = trie.find(j > 0 ? path[j - 1]! : 0, KEY[stem.charCodeAt(j)]!);
    for (let k = 0; k < stem.length; k++) if (trie.exact[path[k]!] === 0) conflictList.push(k);
    prev = stem;
  }
  conflictStart[tEntry.length] = conflictList.length;
  const conflictPos = Int32Array.from(conflictList);

  /** Compare the text with terminal t's stem at its conflict positions only; `base` is what the walk found elsewhere. */
  const checkConflicts = (text: string, start: number, t: number, base: 1 | 2): 0 | 1 | 2 => {
    let result: 0 | 1 | 2 = base;
    const stem = terminals[4 * t + 1]!;
    for (let k = conflictStart[t]!; k < conflictStart[t + 1]!; k++) {
      const p = conflictPos[k]!;
      const c = text.charCodeAt(start + p);
      const e = stems.charCodeAt(stem + p);
      if (FOLD[c] === e || FL[c] === e) continue;
      if (DEGRADE[e] !== e && DEGRADE[FL[c]!] === DEGRADE[e]) result = 2;
      else return 0;
    }
    return result;
  };

  /** The child of `node` under `key`, or -1. */
  const child = (node: number, key: number): number => {
    const r = node << 2;
    const count = rec[r + 1]! & 0xffff;
    if (count === 1 && node > 0) return (rec[r]! & 0xffff) === key ? rec[r + 2]! : -1;
    if (count >= DENSE_MIN && node > 0) {
      const a = alpha[key]!;
      return a ? dense[rec[r + 2]! * alphaSize + a]! : -1;
    }
    for (let j = rec[r]! << 1, end = j + (count << 1); j < end; j += 2) {
      if ((edges[j]! & 0xffff) === key) return edges[j + 1]!;
    }
    return -1;
  };
  /** The keys of a node's children. */
  const childKeys = (node: number): number[] => {
    const r = node << 2;
    const count = rec[r + 1]! & 0xffff;
    if (count === 1 && node > 0) return [rec[r]! & 0xffff];
    const keys: number[] = [];
    for (let j = rec[r]! << 1, end = j + (count << 1); j < end; j += 2)
      keys.push(edges[j]! & 0xffff);
    return keys;
  };
  const kindOf = (node: number): number => rec[(node << 2) + 1]! >>> 16;

  /**
   * Which first two keys start some pattern (alphabet × alphabet bits): most
   * words are rejected on their first two letters without walking the trie.
   */
  const pairs = new Uint8Array(alphaSize * alphaSize);
  for (let key = 0; key < 0x10000; key++) {
    const first = rootChild[key]!;
    if (first < 0) continue;
    for (const k of childKeys(first)) pairs[alpha[key]! * alphaSize + alpha[k]!] = 1;
    // A one-letter first word, or one that is a whole pattern: no second letter to test.
    const info = rec[(first << 2) + 1]!;
    if (info >>> 16 || (info & 0xffff) === 0) pairs[alpha[key]! * alphaSize] = 1;
    // A one-letter stem that takes suffixes: any letter may follow (а → аның).
    if ((info >>> 16) & TAKES_SUFFIX)
      pairs.fill(1, alpha[key]! * alphaSize, (alpha[key]! + 1) * alphaSize);
  }

  const slots = words?.slots ?? new Int32Array(0);
  const stemBloom = words?.stems ?? new Uint32Array(0);
  const startBloom = words?.starts ?? new Uint32Array(0);
  const shortBloom = words?.shortWords ?? new Uint32Array(0);
  // Where a stem may end inside a word: where the rest of the word spells some
  // suffix. Reading the word's keys backwards through a trie of every suffix,
  // reversed, finds those places; only they are looked up.
  const reversed = new ReversedSuffixes(allSuffixes);
  const { rows: revRows, alpha: revAlpha, width: revWidth, final: revFinal } = reversed;
  /**
   * The lanes before each key of the current word and, in a word with
   * invisible characters or a line-end hyphen, where each key is in the text
   * (~position for a term's own hyphen at a line end, where no stem ends).
   * A longer word cannot hold a match: no stem and suffix come near it (at
   * least 512, more for a glossary with a longer term).
   */
  let longestSuffix = 0;
  for (const s of allSuffixes) if (s.length > longestSuffix) longestSuffix = s.length;
  const MAX_WORD_KEYS = Math.max(512, longestStem + longestSuffix);
  const laneA = new Int32Array(MAX_WORD_KEYS + 1);
  const laneB = new Int32Array(MAX_WORD_KEYS + 1);
  const keyAt = new Int32Array(MAX_WORD_KEYS + 1);
  /** Stem lengths (in keys) where a suffix may start, longest first. */
  const splits = new Int32Array(MAX_WORD_KEYS);
  const memo = new WordMemo(options.memoBits);
  const memoSlots = memo.slots;

  // The best match found from the current word start (reset by matchAt):
  // its end, its terminal (-1 = none) and whether it is approximate.
  let bestEnd = -1;
  let bestT = -1;
  let bestApprox = false;
  /** termOf[bestT], what the match reports (the memo keeps it, saving a lookup per match). */
  let bestTerm = -1;

  /**
   * Check the terminals chained from `first` for a match of text[start,
   * end): the stem ends at `stemEnd`; a suffix runs from there to `end` (none
   * when equal). `stemState` is what the walk learnt of the stem (see
   * StemState); the word table knows nothing of it (PLAIN_SPAN, or 0).
   */
  const verify = (
    text: string,
    start: number,
    stemEnd: number,
    end: number,
    lastWordStart: number,
    first: number,
    stemState: StemState,
  ): void => {
    const withSuffix = end > stemEnd;
    let cachedSet = -1;
    let cachedResult: 0 | 1 | 2 = 0;
    for (let t = first; t >= 0; t = terminals[4 * t + 3]! & LAST_BIT ? -1 : t + 1) {
      const s = terminals[4 * t]!;
      let suffixResult: 0 | 1 | 2 = 1;
      if (withSuffix) {
        if (s < 0) continue;
        if (s !== cachedSet) {
          const set = suffixSets[s]!;
          cachedSet = s;
          cachedResult = set.exact.matches(FL, text, stemEnd, end)
            ? 1
            : set.degraded.matches(KEY, text, stemEnd, end)
              ? 2
              : 0;
        }
        suffixResult = cachedResult;
        if (suffixResult === 0) continue;
      } else if (s >= 0 && !suffixSets[s]!.bare) continue;
      let stemResult: 0 | 1 | 2;
      if (stemState === 1 || stemState === 2) stemResult = stemState;
      else if (stemState === PLAIN_SPAN)
        stemResult = comparePlain(
          text,
          start,
          stemEnd,
          stems,
          terminals[4 * t + 1]!,
          terminals[4 * t + 3]! & STEM_LENGTH,
        );
      else if (stemState !== 0 && stemEnd - start === (terminals[4 * t + 3]! & STEM_LENGTH)) {
        // The span is the stem letter for letter; only the letters where the
        // trie's patterns disagree are unknown: compare those.
        stemResult = checkConflicts(text, start, t, stemState === 4 ? 2 : 1);
      } else
        stemResult = compareStem(
          text,
          start,
          stemEnd,
          stems,
          terminals[4 * t + 1]!,
          terminals[4 * t + 3]! & STEM_LENGTH,
        );
      if (stemResult === 0) continue;
      let approximate = stemResult === 2 || suffixResult === 2;
      if (!approximate && withSuffix && terminals[4 * t + 3]! & AMBIGUOUS_BIT) {
        approximate = isAmbiguousKazakhForm(foldWord(text, lastWordStart, end));
      }
      // Longer wins; at equal length an exact match beats an approximate one; then the earlier entry.
      if (
        bestT < 0 ||
        end > bestEnd ||
        (end === bestEnd &&
          ((bestApprox && !approximate) ||
            (bestApprox === approximate && terminals[4 * t + 2]! < terminals[4 * bestT + 2]!)))
      ) {
        bestEnd = end;
        bestT = t;
        bestApprox = approximate;
        bestTerm = termOf[t]!;
      }
    }
  };

  // What the walk knows of the text read so far against the patterns' exact
  // letters: some node's patterns disagree on a letter, so verification must
  // compare (unknown); a substitute letter was needed (approx); a Cyrillic
  // letter was read from a Latin look-alike in the current word (latin: such
  // a word counts only if it also holds Cyrillic; maybeLatin: a look-alike
  // was read where the patterns disagree, so verification must compare).
  let walkUnknown = false;
  let walkApprox = false;
  let walkLatin = false;
  let walkMaybeLatin = false;
  /** Compare text letter c with the exact letter e of a node's patterns; false: no pattern can match. */
  const readExact = (c: number, e: number): boolean => {
    if (e === 0) {
      walkUnknown = true;
      if (VIA_LOOKALIKE[c]) walkMaybeLatin = true;
    } else if (FOLD[c] !== e) {
      if (FL[c] === e) walkLatin = true;
      else if (DEGRADE[e] === e)
        return false; // a Kazakh letter in the text where every term has a plain one
      else walkApprox = true;
    }
    return true;
  };

  /** What the walk knows of the stem read so far: 0 unknown (compare it), 1 exact, 2 approximate. */
  const stateOf = (wordCyrillic: boolean): StemState =>
    (walkLatin && !wordCyrillic) || walkMaybeLatin
      ? 0
      : walkUnknown
        ? walkApprox
          ? 4
          : 3
        : walkApprox
          ? 2
          : 1;

  /** Walk the trie from a word start, leaving the longest verified match in bestEnd/bestT/bestApprox. */
  const matchAt = (text: string, start: number, first: number): void => {
    bestT = -1;
    const n = text.length;
    let node = first;
    let i = start + 1;
    let end = -1; // end of the current word, once needed
    let wordStart = start;
    /** After the last letter read: a span ends there, not after trailing invisible characters. */
    let afterLetter = i;
    walkUnknown = walkApprox = walkLatin = walkMaybeLatin = false;
    const c0 = text.charCodeAt(start);
    let wordCyrillic = IS_CYRILLIC[c0] === 1;
    if (!readExact(c0, exact[first]!)) return;
    while (true) {
      const c = i < n ? text.charCodeAt(i) : 0x20;
      const k = i < n ? CLASS[c]! : CharClass.Other;
      if (k === CharClass.Word) {
        // One trie step, written out: this is the innermost loop of the scan.
        const r = node << 2;
        const info = rec[r + 1]!;
        if (info & (TAKES_SUFFIX << 16)) {
          // A stem ends inside this word: the rest of the word must be one of its suffixes.
          if (end < i) end = wordEnd(text, i);
          verify(text, start, i, end, wordStart, rec[r + 3]!, stateOf(wordCyrillic));
        }
        const key = KEY[c]!;
        const count = info & 0xffff;
        let exactLetter = 0;
        if (count === 1) {
          const edge = rec[r]!;
          if ((edge & 0xffff) !== key) return;
          node = rec[r + 2]!;
          exactLetter = edge >>> 16;
        } else if (count >= DENSE_MIN) {
          const a = alpha[key]!;
          node = a ? dense[rec[r + 2]! * alphaSize + a]! : -1;
          if (node < 0) return;
          exactLetter = exact[node]!;
        } else {
          node = -1;
          for (let j = rec[r]! << 1, last = j + (count << 1); j < last; j += 2) {
            const edge = edges[j]!;
            if ((edge & 0xffff) === key) {
              node = edges[j + 1]!;
              exactLetter = edge >>> 16;
              break;
            }
          }
          if (node < 0) return;
        }
        if (!readExact(c, exactLetter)) return;
        if (IS_CYRILLIC[c]) wordCyrillic = true;
        afterLetter = ++i;
        continue;
      }
      if (k === CharClass.Ignorable) {
        i++;
        continue;
      }
      if (k === CharClass.Hyphen) {
        const broken = lineBreakHyphenEnd(text, i, true);
        if (broken > 0) {
          // A hyphen at a line end: a hyphen the term itself has (Алаш-\nОрда,
          // іс-\nқимыл), else a word split across lines (правосу-\nдие).
          const h = child(node, HYPHEN);
          if (h >= 0) {
            node = h;
            i = broken;
            continue;
          }
          const soft = lineBreakHyphenEnd(text, i);
          if (soft > 0) {
            i = soft;
            continue;
          }
        } else if (i + 1 < n && CLASS[text.charCodeAt(i + 1)] === CharClass.Word) {
          // "ҚР-ның": a suffix after a hyphen, or a hyphenated term (Алаш-Орда).
          if (kindOf(node) & TAKES_SUFFIX) {
            if (end < i) end = wordEnd(text, i);
            verify(text, start, i, end, wordStart, rec[(node << 2) + 3]!, stateOf(wordCyrillic));
          }
          node = child(node, HYPHEN);
          if (node < 0) return;
          i++;
          continue;
        }
      }
      // The word ends here.
      if (walkLatin && !wordCyrillic) return; // a Latin word never matches through look-alikes
      if (kindOf(node) & ENDS_WORD)
        verify(
          text,
          start,
          afterLetter,
          afterLetter,
          wordStart,
          rec[(node << 2) + 3]!,
          stateOf(wordCyrillic),
        );
      if (k !== CharClass.Space) return;
      node = child(node, SPACE);
      if (node < 0) return;
      while (i < n && CLASS[text.charCodeAt(i)] === CharClass.Space) i++;
      if (i >= n || CLASS[text.charCodeAt(i)] !== CharClass.Word) return;
      wordStart = i;
      wordCyrillic = walkLatin = false;
    }
  };

  /**
   * Where the next word of a phrase may start after the word readWord read
   * (past trailing invisible characters); set when it returns a state.
   */
  let wordStop = 0;

  /**
   * Read the word at wordStart from word state `state` (0 = a first word)
   * through the word table, verifying the terminals it meets for a match
   * from `start` (into bestEnd/bestT/bestApprox). Returns the state the next
   * word of a phrase goes on from, or -1 when none does.
   *
   * It reads the text as the letter walk does: invisible characters are
   * skipped; a hyphen followed by a letter is part of the word; a hyphen at a
   * line end is the term's own when some term has one there (Алаш-\nОрда),
   * else it joins a word split across lines (правосу-\nдие).
   */
  const readWord = (text: string, start: number, wordStart: number, state: number): number => {
    const table = words!;
    const n = text.length;
    let a = seedA(state);
    let b = seedB(state);
    let length = 0;
    /** Keys are not one per code unit from wordStart: keyAt holds their places. */
    let irregular = false;
    let lineBreak = false;
    let lastLetterEnd = wordStart;
    let i = wordStart;
    while (i < n) {
      const info = CHAR[text.charCodeAt(i)]!;
      let key = info & CHAR_KEY;
      const k = (info >>> CHAR_CLASS_SHIFT) & 7;
      let at = i;
      let after = i + 1;
      if (k === CharClass.Word) {
        lastLetterEnd = after;
      } else if (k === CharClass.Hyphen) {
        if (after >= n || CLASS[text.charCodeAt(after)] !== CharClass.Word) {
          const broken = lineBreakHyphenEnd(text, i, true);
          if (broken < 0) break;
          if (!irregular) {
            for (let p = 0; p < length; p++) keyAt[p] = wordStart + p;
            irregular = true;
          }
          lineBreak = true;
          const found = table.find(stepA(a, HYPHEN), stepB(b, HYPHEN));
          if (found >= 0 && slots[found + 2]! & SLOT_HYPHEN) {
            key = HYPHEN;
            at = ~i;
            after = broken;
          } else {
            const soft = lineBreakHyphenEnd(text, i);
            if (soft < 0) break;
            i = soft;
            continue;
          }
        } else key = HYPHEN;
      } else if (k === CharClass.Ignorable) {
        if (!irregular) {
          for (let p = 0; p < length; p++) keyAt[p] = wordStart + p;
          irregular = true;
        }
        i++;
        continue;
      } else break;
      if (length === MAX_WORD_KEYS) return -1;
      laneA[length] = a;
      laneB[length] = b;
      if (irregular) keyAt[length] = at;
      length++;
      a = stepA(a, key);
      b = stepB(b, key);
      i = after;
      // A later word of a phrase: do its first two keys begin any, or its first one make one?
      if (
        length === 2 &&
        state !== 0 &&
        !WordTable.maybe(startBloom, a, b) &&
        !WordTable.maybe(shortBloom, laneA[1]!, laneB[1]!)
      )
        return -1;
    }
    const end = lastLetterEnd;
    // Where the rest of the word may be a suffix, shortest stems first, as the walk meets them.
    let splitCount = 0;
    for (let v = 0, p = length - 1; p > 0; p--) {
      const place = irregular ? keyAt[p]! : wordStart + p;
      if (place < 0) {
        // A term's own hyphen at a line end. For a stem before it, the walk's
        // verification reads it as a split word's when a lowercase letter
        // follows, else ends the suffix's word there: read the suffix afresh.
        if (lineBreakHyphenEnd(text, ~place) < 0) v = 0;
        continue;
      }
      if (v < 0) continue;
      const x = revAlpha[CHAR[text.charCodeAt(place)]! & CHAR_KEY]!;
      v = x === 0 ? -1 : revRows[v * revWidth + x]!;
      if (v < 0) {
        if (lineBreak) continue; // an own hyphen further back may start a suffix afresh
        break;
      }
      if (revFinal[v] && WordTable.maybe(stemBloom, laneA[p]!, laneB[p]!)) splits[splitCount++] = p;
    }
    while (splitCount > 0) {
      const p = splits[--splitCount]!;
      const found = table.find(laneA[p]!, laneB[p]!);
      if (found >= 0 && slots[found + 2]! & SLOT_TAKES_SUFFIX) {
        const stemEnd = irregular ? keyAt[p]! : wordStart + p;
        // Past a term's own hyphen at a line end the walk measures the suffix's word afresh.
        const suffixEnd = lineBreak ? wordEnd(text, stemEnd) : end;
        verify(text, start, stemEnd, suffixEnd, wordStart, slots[found + 3]!, PLAIN_SPAN);
      }
    }
    const found = table.find(a, b);
    if (found < 0) return -1;
    const value = slots[found + 2]!;
    if (value & SLOT_ENDS_WORD) {
      verify(text, start, end, end, wordStart, slots[found + 3]!, PLAIN_SPAN);
    }
    // Trailing invisible characters belong to no word, but the walk reads past them.
    wordStop = i;
    return (value & SLOT_STATE) - 1;
  };

  // What hashWord found of the word it read last, and where.
  let wordHash = 0;
  let wordPlain = true;
  /** Reset at the start of each scan (it holds a place in the text scanned). */
  let hashedAt = -1;
  let hashedEnd = -1;
  /**
   * Where the word at i ends (hyphenated parts included), with its hash; a
   * word with invisible characters or a line-end hyphen is not plain, and is
   * not remembered.
   */
  const hashWord = (text: string, i: number): number => {
    // A word a failed phrase read is read again as a first word: once is enough.
    if (i === hashedAt) return hashedEnd;
    hashedAt = i;
    const n = text.length;
    let hash = MEMO_SEED;
    wordPlain = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      const k = CLASS[c];
      if (k !== CharClass.Word) {
        if (k === CharClass.Hyphen) {
          if (i + 1 >= n || CLASS[text.charCodeAt(i + 1)] !== CharClass.Word) {
            if (lineBreakHyphenEnd(text, i, true) > 0) wordPlain = false;
            break;
          }
        } else if (k === CharClass.Ignorable) {
          wordPlain = false;
          break;
        } else break;
      }
      hash = memoStep(hash, c);
    }
    wordHash = hash;
    hashedEnd = i;
    return i;
  };

  /** What the memo keeps of the best match besides bestT: its term << 1 | approximate. */
  const reported = (): number => (bestTerm << 1) | (bestApprox ? 1 : 0);

  /**
   * Match from a word start word by word, leaving the longest verified match
   * in bestEnd/bestT/bestApprox/bestTerm as matchAt does; returns where the first word
   * ends. What plain words yield is remembered (glossary/word-memo.ts): a
   * first word under its own text; a later word of a phrase under its own
   * text and the memo slot of the word before it. That slot stands for the
   * exact text of every earlier word of the phrase, so what the later word
   * yields is its verified best match, as for a first word: the whole phrase
   * is compared letter by letter once, not at each of its occurrences.
   */
  const matchWords = (text: string, start: number): number => {
    bestT = -1;
    const n = text.length;
    let i = hashWord(text, start);
    let firstEnd = i;
    let state: number;
    /** The memo slot of the word read last, while every word so far has one (else -1). */
    let chain = -1;
    if (!wordPlain) {
      state = readWord(text, start, start, 0);
      i = wordStop;
      firstEnd = wordEnd(text, start);
    } else {
      const at = memo.find(text, start, firstEnd, wordHash, 0);
      if (at >= 0) {
        bestT = memoSlots[at + 4]!;
        bestTerm = memoSlots[at + 5]! >> 1;
        bestApprox = (memoSlots[at + 5]! & 1) === 1;
        bestEnd = firstEnd;
        state = memoSlots[at + 6]!;
        chain = at;
      } else {
        state = readWord(text, start, start, 0);
        chain = memo.store(text, start, firstEnd, wordHash, 0, bestT, reported(), state);
      }
    }
    while (state >= 0) {
      if (i >= n || CLASS[text.charCodeAt(i)] !== CharClass.Space) break;
      while (i < n && CLASS[text.charCodeAt(i)] === CharClass.Space) i++;
      if (i >= n || CLASS[text.charCodeAt(i)] !== CharClass.Word) break;
      const wordStart = i;
      // Most words after a phrase's first word do not go on with it, and
      // their first two letters tell (see WordTable.starts), before anything
      // else is read.
      if (i + 1 < n && CLASS[text.charCodeAt(i + 1)] === CharClass.Word) {
        const k0 = KEY[text.charCodeAt(i)]!;
        const k1 = KEY[text.charCodeAt(i + 1)]!;
        const a1 = stepA(seedA(state), k0);
        const b1 = stepB(seedB(state), k0);
        if (
          !WordTable.maybe(startBloom, stepA(a1, k1), stepB(b1, k1)) &&
          !WordTable.maybe(shortBloom, a1, b1)
        )
          break;
      }
      // The word that came after the last word the last time: compared in
      // place, it needs neither a hash nor a probe.
      if (chain >= 0) {
        const next = memo.nextAt(chain, text, wordStart);
        if (next >= 0) {
          const t = memoSlots[next + 4]!;
          if (t >= 0) {
            bestT = t;
            bestTerm = memoSlots[next + 5]! >> 1;
            bestApprox = (memoSlots[next + 5]! & 1) === 1;
            bestEnd = wordStart + memoSlots[next + 2]!;
          }
          state = memoSlots[next + 6]!;
          chain = next;
          i = wordStart + memoSlots[next + 2]!;
          continue;
        }
      }
      const end = hashWord(text, wordStart);
      if (!wordPlain || chain < 0) {
        state = readWord(text, start, wordStart, state);
        i = wordStop;
        chain = -1;
        continue;
      }
      // Slot keys: 0 for a first word, the previous word's slot + 1 here.
      const at = memo.find(text, wordStart, end, wordHash, chain + 1);
      if (at >= 0) {
        const t = memoSlots[at + 4]!;
        if (t >= 0) {
          bestT = t;
          bestTerm = memoSlots[at + 5]! >> 1;
          bestApprox = (memoSlots[at + 5]! & 1) === 1;
          bestEnd = end;
        }
        state = memoSlots[at + 6]!;
        memo.follows(at, chain);
        chain = at;
        i = end;
        continue;
      }
      const hadT = bestT;
      const hadEnd = bestEnd;
      state = readWord(text, start, wordStart, state);
      // What this word added: every match it verifies ends at its end.
      const found = bestT >= 0 && (hadT < 0 || bestEnd > hadEnd);
      // A full memo forgets every slot, this phrase's too: then stop remembering.
      const previous = chain;
      chain = memo.full
        ? -1
        : memo.store(
            text,
            wordStart,
            end,
            wordHash,
            chain + 1,
            found ? bestT : -1,
            found ? reported() : 0,
            state,
          );
      if (chain >= 0) memo.follows(chain, previous);
      i = end;
    }
    return firstEnd;
  };

  /** The packed output, grown as needed and copied out at the end of a scan. */
  let out = new Int32Array(4096);
  const scanSpans = (text: string): ScanSpans => {
    let count = 0;
    hashedAt = -1;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (CLASS[c] !== CharClass.Word) {
        i++;
        continue;
      }
      let found = false;
      if (words) {
        const firstEnd = matchWords(text, i);
        if (bestT >= 0) found = true;
        else {
          i = firstEnd;
          continue;
        }
      } else {
        // The letter walk. Most words share no first two letters with a term's first word.
        const first = rootChild[KEY[c]!]!;
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0x20;
        if (
          first >= 0 &&
          (CLASS[next] !== CharClass.Word ||
            pairs[alpha[KEY[c]!]! * alphaSize + alpha[KEY[next]!]!])
        ) {
          matchAt(text, i, first);
          found = bestT >= 0;
        }
      }
      if (!found) {
        i = wordEnd(text, i);
        continue;
      }
      if (4 * count + 4 > out.length)
        out = grown(out, 4 * count + 4, (size) => new Int32Array(size));
      const at = 4 * count++;
      out[at] = i;
      out[at + 1] = bestEnd;
      out[at + 2] = bestTerm;
      out[at + 3] = bestApprox ? 1 : 0;
      i = bestEnd;
    }
    return { count, data: out.slice(0, 4 * count) };
  };

  const scan = (text: string): Match[] => {
    const { count, data } = scanSpans(text);
    return unpackSpans(data, count, terms);
  };

  return {
    scan,
    scanSpans,
    terms,
    forgetWords: () => memo.clear(),
    entries: entries.length,
    stats: {
      nodes: builder ? builder.words : trie.nodes,
      patterns: tEntry.length,
      suffixSets: suffixSets.length,
      bytes:
        (builder ? 0 : frozen.bytes) +
        terminals.byteLength +
        termOf.byteLength +
        2 * stems.length +
        (words?.bytes ?? 0) +
        memo.bytes +
        reversed.bytes,
    },
  };
}
