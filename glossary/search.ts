/**
 * Glossary search for the toolbar popup and the options page.
 *
 * Everything is compared in one folded form, `searchKey` = degrade(foldTerm(x)):
 * case, ё, Latin look-alikes and invisible characters are folded, and each
 * Kazakh letter is merged with the Russian letter that stands in for it on a
 * Russian keyboard (сот торелиги finds сот төрелігі). A Latin query is also
 * tried in Cyrillic (sot töreligi, sot toreligi, konstitutsiya).
 *
 * Ranking, best first: a term or variant equal to the query, starting with it,
 * having a word that starts with it, then Fuse.js fuzzy matches of terms and
 * variants (канституция), then entries whose definitions hold every word of the
 * query (by prefix, or fuzzily for longer words).
 *
 * Running Fuse over 10,000 entries' strings costs hundreds of milliseconds per
 * keystroke, so the index is built once per glossary revision over the unique
 * strings, with a character-bigram index that narrows each query to the few
 * strings that could be within Fuse's error threshold; Fuse scores only those.
 * Exact and prefix hits come from the word starts bucketed by their first
 * letters; each pass (terms, fuzzy terms, definitions) runs only while fewer
 * than `limit` entries are found, since it can only add lower-ranked hits;
 * and the definitions' words are indexed at the first query that needs them.
 */
import Fuse from 'fuse.js';
import { degrade, foldTerm } from './normalize';
import { hasLatin, latinToCyrillic } from './transliterate';
import type { Entry } from './types';

/** How a result was found, best first. */
export type HitKind = 'exact' | 'prefix' | 'word-prefix' | 'fuzzy' | 'definition';

const KIND_ORDER: Record<HitKind, number> = {
  exact: 0,
  prefix: 1,
  'word-prefix': 2,
  fuzzy: 3,
  definition: 4,
};

export interface SearchHit<E extends Entry> {
  entry: E;
  kind: HitKind;
  /** Within a kind, lower is better (term length for exact and prefix hits, Fuse's 0…1 score otherwise). */
  score: number;
}

export interface GlossarySearch<E extends Entry> {
  /** Results for a query, best first. A blank query has none. */
  search(query: string, limit?: number): SearchHit<E>[];
  readonly size: number;
}

/** The folded form in which the index and the queries are compared. */
export function searchKey(text: string): string {
  return degrade(foldTerm(text));
}

const DEFAULT_LIMIT = 20;
/** Below this many characters a fuzzy match is noise; only exact and prefix hits count. */
const MIN_FUZZY_QUERY = 4;
/** 0.34 lets one wrong letter through in a ten-letter word (канституция), not two in a five-letter one. */
const THRESHOLD = 0.34;
/**
 * Fuse scores at most this many candidates per query (those sharing the most
 * bigrams with it): whole terms, and words of definitions for each query word.
 */
const MAX_TERM_CANDIDATES = 100;
const MAX_WORD_CANDIDATES = 40;
/** A bigram held by more strings than this share of them (and this floor) is common. */
const COMMON_GRAM_SHARE = 50;
const COMMON_GRAM_FLOOR = 200;
const FUSE_OPTIONS = { includeScore: true, ignoreLocation: true, threshold: THRESHOLD };

/**
 * Unique folded strings, each with the entries it belongs to, and a bigram
 * index for choosing fuzzy candidates.
 */
class StringIndex {
  readonly strings: string[] = [];
  /** strings[i] belongs to entries owners[i]. */
  readonly owners: number[][] = [];
  private readonly position = new Map<string, number>();
  /** Bigram (two UTF-16 code units packed in one number) → the strings holding it, ascending. */
  private readonly grams = new Map<number, number[]>();
  /** The same lists as typed arrays, made at the first fuzzy query (they are read far more than written). */
  private frozen: Map<number, Int32Array> | null = null;
  private shared = new Uint16Array(0);

  add(text: string, entry: number): void {
    let i = this.position.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.position.set(text, i);
      this.strings.push(text);
      this.owners.push([]);
      for (const g of bigrams(text)) {
        const list = this.grams.get(g);
        if (list) list.push(i);
        else this.grams.set(g, [i]);
      }
      this.frozen = null;
    }
    const owners = this.owners[i]!;
    if (owners[owners.length - 1] !== entry) owners.push(entry);
  }

  indexOf(text: string): number | undefined {
    return this.position.get(text);
  }

  private postings(): Map<number, Int32Array> {
    if (!this.frozen) {
      this.frozen = new Map();
      for (const [g, list] of this.grams) this.frozen.set(g, Int32Array.from(list));
    }
    return this.frozen;
  }

  /** Fuse's fuzzy matches of `query` among the strings: [string index, score]. */
  fuzzy(query: string, maxCandidates: number): Array<[number, number]> {
    if (this.shared.length < this.strings.length)
      this.shared = new Uint16Array(this.strings.length);
    const postings = this.postings();
    const lists = [...bigrams(query)]
      .map((g) => postings.get(g) ?? EMPTY)
      .sort((a, b) => a.length - b.length);
    // Fuse scores a substring match by errors / pattern length, so this many
    // errors pass its threshold; each wrong letter breaks at most two bigrams.
    const maxErrors = Math.floor(query.length * THRESHOLD);
    let need = Math.max(1, lists.length - 2 * maxErrors);
    // The commonest bigrams (held by a large share of all strings) say little
    // about which strings are close and cost the most to count: past the rarer
    // ones they are left out, and the count a candidate needs drops with them.
    const common = Math.max(COMMON_GRAM_FLOOR, this.strings.length / COMMON_GRAM_SHARE);
    const touched: number[] = [];
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l]!;
      if (l >= 2 && list.length > common) {
        need = Math.max(1, need - (lists.length - l));
        break;
      }
      for (const i of list) {
        const count = this.shared[i]!;
        if (count === 0) touched.push(i);
        this.shared[i] = count + 1;
      }
    }
    let candidates = touched.filter((i) => this.shared[i]! >= need);
    if (candidates.length > maxCandidates) {
      candidates.sort((a, b) => this.shared[b]! - this.shared[a]! || a - b);
      candidates = candidates.slice(0, maxCandidates);
    }
    for (const i of touched) this.shared[i] = 0;
    if (candidates.length === 0) return [];
    const fuse = new Fuse(
      candidates.map((i) => this.strings[i]!),
      FUSE_OPTIONS,
    );
    return fuse.search(query).map((r) => [candidates[r.refIndex]!, r.score ?? 1]);
  }
}

const EMPTY = new Int32Array(0);

/** The distinct bigrams of a string, each packed as (first << 16) | second. */
function bigrams(text: string): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < text.length; i++)
    out.add((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1));
  return out;
}

/** Whitespace and punctuation between the words of a raw definition (hyphens stay inside words). */
const RAW_WORD_BREAK = /[\s.,;:!?()«»"“”„'[\]{}/]+/u;

function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Build the search index over a glossary (once per revision, not per keystroke). */
export function createSearch<E extends Entry>(entries: readonly E[]): GlossarySearch<E> {
  const terms = new StringIndex();
  entries.forEach((e, i) => {
    for (const t of [e.kk.term, e.ru.term, ...e.kk.variants, ...e.ru.variants, e.en?.term ?? '']) {
      const key = searchKey(t);
      if (key) terms.add(key, i);
    }
  });
  // The definitions' words are indexed at the first query that reaches them:
  // most keystrokes fill the results with terms alone, and the index is then
  // ready sooner after each change of the glossary.
  let definitions: DefinitionIndex | null = null;
  const best = new Best(entries.length);

  // Where each word of each term starts, bucketed by the word's first two
  // characters (and its first one), so a query reads only the words that can
  // start with it instead of every term.
  const wordStarts = indexWordStarts(terms.strings);

  function rankTerms(q: string, into: Best): void {
    const strings = terms.strings;
    const bucket = wordStarts.get(q.slice(0, 2));
    if (!bucket) return;
    for (let k = 0; k < bucket.length; k += 2) {
      const i = bucket[k]!;
      const at = bucket[k + 1]!;
      const term = strings[i]!;
      if (!term.startsWith(q, at)) continue;
      const kind: HitKind = at > 0 ? 'word-prefix' : term.length === q.length ? 'exact' : 'prefix';
      for (const e of terms.owners[i]!) into.keep(e, kind, term.length);
    }
  }

  function rankFuzzyTerms(q: string, into: Best): void {
    if (q.length < MIN_FUZZY_QUERY) return;
    for (const [i, score] of terms.fuzzy(q, MAX_TERM_CANDIDATES)) {
      for (const e of terms.owners[i]!) into.keep(e, 'fuzzy', score);
    }
  }

  function rankDefinitions(q: string, into: Best): void {
    const queryWords = words(q).filter((w) => w.length >= 2);
    if (queryWords.length === 0) return;
    definitions ??= indexDefinitions(entries);
    let found: Map<number, number> | null = null;
    for (const w of queryWords) {
      const hits = definitions.hits(w);
      if (found === null) found = hits;
      else {
        const both = new Map<number, number>();
        for (const [e, s] of found) {
          const t = hits.get(e);
          if (t !== undefined) both.set(e, s + t);
        }
        found = both;
      }
      if (found.size === 0) return;
    }
    for (const [e, s] of found ?? []) into.keep(e, 'definition', s / queryWords.length);
  }

  return {
    size: entries.length,
    search(query: string, limit = DEFAULT_LIMIT): SearchHit<E>[] {
      const folded = searchKey(query);
      if (folded.length === 0) return [];
      const readings = hasLatin(folded)
        ? [...new Set([folded, ...latinToCyrillic(folded).map(searchKey)])]
        : [folded];
      best.clear();
      // Each pass finds only kinds ranked below the previous passes' kinds, so
      // once `limit` entries are found the later passes cannot change the result.
      for (const q of readings) rankTerms(q, best);
      if (best.size < limit) for (const q of readings) rankFuzzyTerms(q, best);
      if (best.size < limit && folded.length >= 3) {
        for (const q of readings) rankDefinitions(q, best);
      }
      return best
        .top(limit)
        .map((i) => ({ entry: entries[i]!, kind: KINDS[best.kind[i]!]!, score: best.score[i]! }));
    },
  };
}

interface DefinitionIndex {
  /** Entries whose definitions hold a word starting with (or, when long, close to) `word`. */
  hits(word: string): Map<number, number>;
}

function indexDefinitions(entries: readonly Entry[]): DefinitionIndex {
  const definitionWords = new StringIndex();
  // Definitions repeat their words; folding each distinct word once is several times faster.
  const foldedWords = new Map<string, string[]>();
  entries.forEach((e, i) => {
    for (const d of [e.kk.definition, e.ru.definition]) {
      for (const raw of d.split(RAW_WORD_BREAK)) {
        if (raw === '') continue;
        let folded = foldedWords.get(raw);
        if (folded === undefined) foldedWords.set(raw, (folded = words(searchKey(raw))));
        for (const w of folded) definitionWords.add(w, i);
      }
    }
  });
  // Definition words in order, for prefix lookups by binary search.
  const strings = definitionWords.strings;
  const sortedWords = strings.map((_, i) => i);
  sortedWords.sort((a, b) => compare(strings[a]!, strings[b]!));
  return {
    hits(word: string): Map<number, number> {
      const hits = new Map<number, number>();
      const add = (stringIndex: number, score: number) => {
        for (const e of definitionWords.owners[stringIndex]!) {
          const prev = hits.get(e);
          if (prev === undefined || score < prev) hits.set(e, score);
        }
      };
      for (let k = lowerBound(sortedWords, strings, word); k < sortedWords.length; k++) {
        const i = sortedWords[k]!;
        if (!strings[i]!.startsWith(word)) break;
        add(i, 0);
      }
      if (word.length >= MIN_FUZZY_QUERY)
        for (const [i, score] of definitionWords.fuzzy(word, MAX_WORD_CANDIDATES)) add(i, score);
      return hits;
    },
  };
}

const KINDS = Object.keys(KIND_ORDER) as HitKind[];
/** No kind yet: past every real kind. */
const UNSEEN = KINDS.length;

/** Each entry's best hit of one search, in arrays reused from search to search. */
class Best {
  readonly kind: Uint8Array;
  readonly score: Float64Array;
  private readonly found: number[] = [];

  constructor(entries: number) {
    this.kind = new Uint8Array(entries).fill(UNSEEN);
    this.score = new Float64Array(entries);
  }

  get size(): number {
    return this.found.length;
  }

  clear(): void {
    for (const e of this.found) this.kind[e] = UNSEEN;
    this.found.length = 0;
  }

  keep(entry: number, kind: HitKind, score: number): void {
    const k = KIND_ORDER[kind];
    const prev = this.kind[entry]!;
    if (prev === UNSEEN) this.found.push(entry);
    else if (k > prev || (k === prev && score >= this.score[entry]!)) return;
    this.kind[entry] = k;
    this.score[entry] = score;
  }

  private before(a: number, b: number): boolean {
    const d = this.kind[a]! - this.kind[b]!;
    if (d !== 0) return d < 0;
    const s = this.score[a]! - this.score[b]!;
    return s !== 0 ? s < 0 : a < b;
  }

  /** The `limit` best entries, best first (kind, then score, then glossary order). */
  top(limit: number): number[] {
    const out: number[] = [];
    for (const e of this.found) {
      if (out.length === limit && !this.before(e, out[limit - 1]!)) continue;
      let at = out.length < limit ? out.length : limit - 1;
      while (at > 0 && this.before(e, out[at - 1]!)) {
        out[at] = out[at - 1]!;
        at--;
      }
      out[at] = e;
    }
    return out;
  }
}

/**
 * For every word start of every string (its start and each place after a
 * space): [string index, offset] pairs, under the word's first two characters
 * and under its first one.
 */
function indexWordStarts(strings: readonly string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  const push = (key: string, i: number, at: number) => {
    const list = lists.get(key);
    if (list) list.push(i, at);
    else lists.set(key, [i, at]);
  };
  strings.forEach((text, i) => {
    for (let at = 0; at < text.length; at = text.indexOf(' ', at) + 1) {
      push(text.charAt(at), i, at);
      if (at + 1 < text.length) push(text.slice(at, at + 2), i, at);
      if (text.indexOf(' ', at) < 0) break;
    }
  });
  const out = new Map<string, Int32Array>();
  for (const [key, list] of lists) out.set(key, Int32Array.from(list));
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First position in `order` whose string is not below `key`. */
function lowerBound(order: number[], strings: string[], key: string): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strings[order[mid]!]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
