/**
 * The term matcher: compiles glossary entries once into a trie of every way
 * their terms may appear, then finds them in a text in one pass, whatever the
 * glossary size (never one pass per term).
 *
 * How it works:
 * - Each term becomes surface patterns (glossary/morphology): Russian terms all
 *   their declined forms; Kazakh terms the stems of their last word, each with
 *   the set of suffix chains it may take.
 * - Patterns are inserted into a character trie keyed in a lossy alphabet:
 *   folded (lowercase, ё → е, Latin look-alikes → Cyrillic) and "degraded"
 *   (Kazakh letters → their Russian substitutes, қ → к). One walk therefore
 *   finds exact matches and matches typed with substitute letters.
 * - A candidate is verified against the exact folded form; one that needed a
 *   substitute letter is reported `approximate`.
 * - The scan visits each word start once and walks the trie only as far as the
 *   text agrees with some term, so most words cost a lookup or two.
 */
import * as norm from './normalize';
import { lineBreakHyphenEnd } from './normalize';
import { isAmbiguousKazakhForm, kazakhPatterns } from './morphology/kazakh';
import { AMBIGUOUS_FORMS } from './morphology/kazakh-rules';
import { russianForms } from './morphology/russian';
import type { SurfacePattern, SuffixSet } from './morphology/types';
import type { Entry, Lang, Match, MatchableEntry } from './types';

export interface Matcher {
  /** Non-overlapping matches, leftmost-longest, in text order. */
  scan(text: string): Match[];
  /** Number of entries compiled. */
  readonly entries: number;
  /** Trie nodes and stored patterns, for the benchmark's memory figures. */
  readonly stats: { nodes: number; patterns: number; suffixSets: number; bytes: number };
}

export interface MatcherOptions {
  /** Where the surface patterns of a term come from; the morphologies by default. */
  patterns?: (lang: Lang, term: string) => SurfacePattern[];
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
const patternCache = new Map<string, SurfacePattern[]>();
const PATTERN_CACHE_LIMIT = 50_000;

/** Forget the cached patterns (the benchmark measures cold compilations). */
export function clearPatternCache(): void {
  patternCache.clear();
}

export function defaultPatterns(lang: Lang, term: string): SurfacePattern[] {
  const key = lang + term;
  let patterns = patternCache.get(key);
  if (!patterns) {
    patterns =
      lang === 'kk'
        ? kazakhPatterns(term)
        : russianForms(term).map((stem) => ({ stem, suffixes: null }));
    if (patternCache.size >= PATTERN_CACHE_LIMIT) patternCache.clear();
    patternCache.set(key, patterns);
  }
  return patterns;
}

// Local bindings of the normalisation tables and constants: the scan loop reads
// them millions of times, and a module namespace access can cost a getter call.
const CLASS = norm.CLASS;
const DEGRADE = norm.DEGRADE;
const FOLD = norm.FOLD;
const IS_CYRILLIC = norm.IS_CYRILLIC;
const LOOKALIKE = norm.LOOKALIKE;
const SPACE = norm.SPACE;
const HYPHEN = norm.HYPHEN;
const CharClass = norm.CharClass;

/** Code unit → folded code unit with Latin look-alikes read as the Cyrillic letters they stand for. */
const FL = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = FOLD[c]!;
    t[c] = LOOKALIKE[f]! || f;
  }
  return t;
})();

/** Code unit → trie key: FL, then degraded (Kazakh letters → their Russian substitutes). */
const KEY = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = DEGRADE[FL[c]!]!;
  return t;
})();

/** A code unit read through a Latin look-alike (so its word must hold Cyrillic to count). */
const VIA_LOOKALIKE = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (!IS_CYRILLIC[c] && LOOKALIKE[FOLD[c]!]) t[c] = 1;
  return t;
})();

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
    const next: Map<number, number>[] = [new Map()];
    const isFinal: boolean[] = [false];
    for (const s of suffixes) {
      let node = 0;
      for (let j = 0; j < s.length; j++) {
        const k = table[s.charCodeAt(j)]!;
        let child = next[node]!.get(k);
        if (child === undefined) {
          child = next.length;
          next.push(new Map());
          isFinal.push(false);
          next[node]!.set(k, child);
        }
        node = child;
      }
      isFinal[node] = true;
    }
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

/** Where a word that continues at `i` ends (after its last letter), hyphenated and line-broken parts included. */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  let end = i;
  while (i < n) {
    const k = CLASS[text.charCodeAt(i)];
    if (k === CharClass.Word) {
      end = ++i;
    } else if (k === CharClass.Ignorable) {
      i++;
    } else if (k === CharClass.Hyphen) {
      const after = lineBreakHyphenEnd(text, i);
      if (after > 0) i = after;
      else if (i + 1 < n && CLASS[text.charCodeAt(i + 1)] === CharClass.Word) i++;
      else break;
    } else break;
  }
  return end;
}

/** One word of the text, folded (invisible characters and line-break hyphens dropped). */
function foldWord(text: string, start: number, end: number): string {
  let word = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const k = CLASS[c];
    if (k === CharClass.Word) word += String.fromCharCode(FL[c]!);
    else if (k === CharClass.Hyphen) {
      const after = lineBreakHyphenEnd(text, i);
      if (after > 0) i = after - 1;
      else word += '-';
    }
  }
  return word;
}

/**
 * Compare text[start, end) with the expected folded stem, reading the text the
 * way `normalize` does but without allocating: 0 = no match, 1 = exact,
 * 2 = approximate (a Russian substitute stands for a Kazakh letter).
 */
function compareStem(text: string, start: number, end: number, expected: string): 0 | 1 | 2 {
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
      if (expected.charCodeAt(j) === HYPHEN) {
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
    if (j >= expected.length) return 0;
    const e = expected.charCodeAt(j++);
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
  if (j !== expected.length) return 0;
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

/** What a match reports of the term it found, shared by all its patterns. */
interface MatchInfo {
  id: string;
  lang: Lang;
  term: string;
}

/**
 * What the walk learnt of a stem: 0 nothing (compare it letter by letter);
 * 1 exact; 2 approximate; 3 and 4 exact or approximate except at the letters
 * where the trie's patterns disagree.
 */
type StemState = 0 | 1 | 2 | 3 | 4;

/** Bits of NodeTable `kind`: a terminal may end the word here / takes suffixes. */
const ENDS_WORD = 1;
const TAKES_SUFFIX = 2;

export function compileMatcher(
  entries: readonly MatchableEntry[],
  options: MatcherOptions = {},
): Matcher {
  const patternsOf = options.patterns ?? defaultPatterns;
  const trie = new BuildTrie();
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

  let prevStem = '';
  const prevPath: number[] = [];
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
              suffixIndex.set(p.suffixes.id, suffix);
            }
          }
          // Forms of one term share long prefixes (конституционн-ый/-ого суд…):
          // start below the part this stem shares with the previous one.
          const stem = p.stem;
          let j = 0;
          const shared = Math.min(stem.length, prevStem.length);
          while (j < shared && stem.charCodeAt(j) === prevStem.charCodeAt(j)) j++;
          let node = j > 0 ? prevPath[j - 1]! : 0;
          for (; j < stem.length; j++) {
            const ch = stem.charCodeAt(j);
            node = trie.add(node, KEY[ch]!, ch);
            prevPath[j] = node;
          }
          prevStem = stem;
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
          const lastWord = p.stem.slice(p.stem.lastIndexOf(' ') + 1);
          tMaybeAmbiguous.push(
            lang === 'kk' && suffix >= 0 && ambiguousForms.some((f) => f.startsWith(lastWord)),
          );
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
  head.ensure(trie.nodes);
  kind.ensure(trie.nodes);
  const frozen = new FrozenTrie(trie, head.data, kind.data);
  const { rec, edges, dense, alpha, alphaSize, rootChild, exact } = frozen;

  // The terminal tables as the scan reads them: typed arrays, and one shared
  // object per (entry, language, term) with what a match reports.
  const T = tEntry.length;
  const termEntry = Int32Array.from(tEntry);
  const termSuffix = Int32Array.from(tSuffix);
  const termNext = Int32Array.from(tNext);
  const termStemLength = Int32Array.from(tStem, (stem) => stem.length);
  const termAmbiguous = Uint8Array.from(tMaybeAmbiguous, (b) => (b ? 1 : 0));
  const termInfo: MatchInfo[] = new Array<MatchInfo>(T);
  let info: MatchInfo | null = null;
  for (let t = 0; t < T; t++) {
    // Terminals come term by term, so the previous one's info is usually this one's.
    if (
      !info ||
      info.term !== tTerm[t] ||
      info.lang !== tLang[t] ||
      termEntry[t - 1] !== tEntry[t]
    ) {
      info = { id: entries[tEntry[t]!]!.id, lang: tLang[t]!, term: tTerm[t]! };
    }
    termInfo[t] = info;
  }

  // Per terminal, the positions of its stem where the trie's patterns disagree
  // on the exact letter (қ in one term, к in another): conflictPos[
  // conflictStart[t] … conflictStart[t + 1]).
  const conflictStart = new Int32Array(tEntry.length + 1);
  const conflictList: number[] = [];
  let prev = '';
  const path: number[] = [];
  for (let t = 0; t < tEntry.length; t++) {
    conflictStart[t] = conflictList.length;
    const stem = tStem[t]!;
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
    const stem = tStem[t]!;
    for (let k = conflictStart[t]!; k < conflictStart[t + 1]!; k++) {
      const p = conflictPos[k]!;
      const c = text.charCodeAt(start + p);
      const e = stem.charCodeAt(p);
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
  }

  // The best match found from the current word start (reset by matchAt):
  // its end, its terminal (-1 = none) and whether it is approximate.
  let bestEnd = -1;
  let bestT = -1;
  let bestApprox = false;

  /**
   * Check the terminals of `node` for a match of text[start, end): the stem
   * ends at `stemEnd`; a suffix runs from there to `end` (none when equal).
   * `stemState` is what the walk learnt of the stem: 1 exact, 2 approximate,
   * 0 unknown (it must be compared letter by letter).
   */
  const verify = (
    text: string,
    start: number,
    stemEnd: number,
    end: number,
    lastWordStart: number,
    node: number,
    stemState: StemState,
  ): void => {
    const withSuffix = end > stemEnd;
    let cachedSet = -1;
    let cachedResult: 0 | 1 | 2 = 0;
    for (let t = rec[(node << 2) + 3]!; t >= 0; t = termNext[t]!) {
      const s = termSuffix[t]!;
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
      else if (stemState !== 0 && stemEnd - start === termStemLength[t]) {
        // The span is the stem letter for letter; only the letters where the
        // trie's patterns disagree are unknown: compare those.
        stemResult = checkConflicts(text, start, t, stemState === 4 ? 2 : 1);
      } else stemResult = compareStem(text, start, stemEnd, tStem[t]!);
      if (stemResult === 0) continue;
      let approximate = stemResult === 2 || suffixResult === 2;
      if (!approximate && withSuffix && termAmbiguous[t]) {
        approximate = isAmbiguousKazakhForm(foldWord(text, lastWordStart, end));
      }
      // Longer wins; at equal length an exact match beats an approximate one; then the earlier entry.
      if (
        bestT < 0 ||
        end > bestEnd ||
        (end === bestEnd &&
          ((bestApprox && !approximate) ||
            (bestApprox === approximate && termEntry[t]! < termEntry[bestT]!)))
      ) {
        bestEnd = end;
        bestT = t;
        bestApprox = approximate;
      }
    }
  };

  // What the walk knows of the text read so far against the patterns' exact
  // letters: some node's patterns disagree on a letter, so verification must
  // compare (unknown); a substitute letter was needed (approx); a Cyrillic
  // letter was read from a Latin look-alike in the current word (latin: such
  // a word counts only if it also holds Cyrillic).
  let walkUnknown = false;
  let walkApprox = false;
  let walkLatin = false;
  /** Compare text letter c with the exact letter e of a node's patterns; false: no pattern can match. */
  const readExact = (c: number, e: number): boolean => {
    if (e === 0) walkUnknown = true;
    else if (FOLD[c] !== e) {
      if (FL[c] === e) walkLatin = true;
      else if (DEGRADE[e] === e)
        return false; // a Kazakh letter in the text where every term has a plain one
      else walkApprox = true;
    }
    return true;
  };

  /** What the walk knows of the stem read so far: 0 unknown (compare it), 1 exact, 2 approximate. */
  const stateOf = (wordCyrillic: boolean): StemState =>
    walkLatin && !wordCyrillic ? 0 : walkUnknown ? (walkApprox ? 4 : 3) : walkApprox ? 2 : 1;

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
    walkUnknown = walkApprox = walkLatin = false;
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
          verify(text, start, i, end, wordStart, node, stateOf(wordCyrillic));
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
            verify(text, start, i, end, wordStart, node, stateOf(wordCyrillic));
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
        verify(text, start, afterLetter, afterLetter, wordStart, node, stateOf(wordCyrillic));
      if (k !== CharClass.Space) return;
      node = child(node, SPACE);
      if (node < 0) return;
      while (i < n && CLASS[text.charCodeAt(i)] === CharClass.Space) i++;
      if (i >= n || CLASS[text.charCodeAt(i)] !== CharClass.Word) return;
      wordStart = i;
      wordCyrillic = walkLatin = false;
    }
  };

  const scan = (text: string): Match[] => {
    const out: Match[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (CLASS[c] !== CharClass.Word) {
        i++;
        continue;
      }
      // A word starts at i; most words share no first letter with a term's first word.
      const first = rootChild[KEY[c]!]!;
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0x20;
      if (
        first >= 0 &&
        (CLASS[next] !== CharClass.Word || pairs[alpha[KEY[c]!]! * alphaSize + alpha[KEY[next]!]!])
      ) {
        matchAt(text, i, first);
        if (bestT >= 0) {
          const info = termInfo[bestT]!;
          out.push({
            start: i,
            end: bestEnd,
            id: info.id,
            lang: info.lang,
            term: info.term,
            approximate: bestApprox,
          });
          i = bestEnd;
          continue;
        }
      }
      // Skip the rest of the word.
      i = wordEnd(text, i);
    }
    return out;
  };

  return {
    scan,
    entries: entries.length,
    stats: {
      nodes: trie.nodes,
      patterns: tEntry.length,
      suffixSets: suffixSets.length,
      bytes: frozen.bytes,
    },
  };
}
