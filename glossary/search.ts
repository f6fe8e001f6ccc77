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
 * strings (glossary/search-data.ts), with a character-bigram index that narrows each query to the few
 * strings that could be within Fuse's error threshold; Fuse scores only those.
 * Exact and prefix hits come from the word starts bucketed by their first
 * letters; each pass (terms, fuzzy terms, definitions) runs only while fewer
 * than `limit` entries are found, since it can only add lower-ranked hits;
 * and the definitions' words are indexed at the first query that needs them.
 */
import Fuse from 'fuse.js';
import { hasLatin, latinToCyrillic } from './transliterate';
import type { Entry } from './types';
import {
  bigrams,
  buildSearchData,
  searchKey,
  tableDefinitions,
  words,
  type DefinitionTable,
  type SearchData,
  type StringTable,
} from './search-data';

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
/** A fuzzy match this close (about one wrong letter in six) needs no other candidates. */
const CLOSE_FUZZY_SCORE = THRESHOLD / 2;
const FUSE_OPTIONS = { includeScore: true, ignoreLocation: true, threshold: THRESHOLD };

/** Queries over a StringTable: owners, and Fuse's fuzzy matches among the strings. */
class StringSearch {
  /** Bigrams each candidate shares with the query, reused from query to query. */
  private shared: Uint16Array;

  constructor(readonly table: StringTable) {
    this.shared = new Uint16Array(table.strings.length);
  }

  /** The entries string i belongs to. */
  ownersOf(i: number): Int32Array {
    const { ownerStart, owners } = this.table;
    return owners.subarray(ownerStart[i]!, ownerStart[i + 1]!);
  }

  /** The strings holding bigram g, ascending. */
  private postings(g: number): Int32Array {
    const { gramKeys, gramStart, gramList } = this.table;
    let lo = 0;
    let hi = gramKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gramKeys[mid]! < g) lo = mid + 1;
      else hi = mid;
    }
    return lo < gramKeys.length && gramKeys[lo] === g
      ? gramList.subarray(gramStart[lo]!, gramStart[lo + 1]!)
      : EMPTY;
  }

  /** Fuse's fuzzy matches of `query` among the strings: [string index, score]. */
  fuzzy(query: string, maxCandidates: number): Array<[number, number]> {
    const { strings } = this.table;
    const lists = [...bigrams(query)]
      .map((g) => this.postings(g))
      .sort((a, b) => a.length - b.length);
    // Fuse scores a substring match by errors / pattern length, so this many
    // errors pass its threshold; each wrong letter breaks at most two bigrams.
    const maxErrors = Math.floor(query.length * THRESHOLD);
    let need = Math.max(1, lists.length - 2 * maxErrors);
    // The commonest bigrams (held by a large share of all strings) say little
    // about which strings are close and cost the most to count: past the rarer
    // ones they are left out, and the count a candidate needs drops with them.
    const common = Math.max(COMMON_GRAM_FLOOR, strings.length / COMMON_GRAM_SHARE);
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
    return this.fuzzyAmong(query, candidates);
  }

  /** Fuse's fuzzy matches of `query` among the given strings: [string index, score]. */
  fuzzyAmong(query: string, candidates: readonly number[]): Array<[number, number]> {
    if (candidates.length === 0) return [];
    const { strings } = this.table;
    const fuse = new Fuse(
      candidates.map((i) => strings[i]!),
      FUSE_OPTIONS,
    );
    return fuse.search(query).map((r) => [candidates[r.refIndex]!, r.score ?? 1]);
  }
}

const EMPTY = new Int32Array(0);

/** One result of `openSearch`: the entry's place in its glossary. */
export interface RankedHit {
  index: number;
  kind: HitKind;
  score: number;
}

/** A search index answering with entries' places (`createSearch` turns them into entries). */
export interface IndexSearch {
  search(query: string, limit?: number): RankedHit[];
  readonly size: number;
}

/**
 * Build the search index over a glossary (once per revision, not per
 * keystroke), or answer from `data` already built from these entries.
 * `definitions` indexes the definitions' words when a query first reaches
 * them (null: not yet, those queries find terms alone).
 */
export function createSearch<E extends Entry>(
  entries: readonly E[],
  data: SearchData = buildSearchData(entries),
  definitions: () => DefinitionTable | null = () => tableDefinitions(entries),
): GlossarySearch<E> {
  // The definitions' words are indexed at the first query that reaches them:
  // most keystrokes fill the results with terms alone, and the index is then
  // ready sooner after each change of the glossary.
  const index = openSearch(data, definitions);
  return {
    size: entries.length,
    search: (query, limit) =>
      index.search(query, limit).map(({ index: i, kind, score }) => ({
        entry: entries[i]!,
        kind,
        score,
      })),
  };
}

/**
 * Queries over built search data; `definitions` makes the definitions' index
 * when the data has none and a query needs it (it is kept in the data).
 */
export function openSearch(
  data: SearchData,
  definitions?: () => DefinitionTable | null,
): IndexSearch {
  const terms = new StringSearch(data.terms);
  const wordStarts = new Map<string, Int32Array>();
  data.wordStarts.keys.forEach((key, k) =>
    wordStarts.set(
      key,
      data.wordStarts.pairs.subarray(data.wordStarts.start[k]!, data.wordStarts.start[k + 1]!),
    ),
  );
  let definitionSearch: DefinitionSearch | null = null;
  const best = new Best(data.size);

  function rankTerms(q: string, into: Best): void {
    const strings = data.terms.strings;
    const bucket = wordStarts.get(q.slice(0, 2));
    if (!bucket) return;
    for (let k = 0; k < bucket.length; k += 2) {
      const i = bucket[k]!;
      const at = bucket[k + 1]!;
      const term = strings[i]!;
      if (!term.startsWith(q, at)) continue;
      const kind: HitKind = at > 0 ? 'word-prefix' : term.length === q.length ? 'exact' : 'prefix';
      for (const e of terms.ownersOf(i)) into.keep(e, kind, term.length);
    }
  }

  function rankFuzzyTerms(q: string, into: Best): void {
    if (q.length < MIN_FUZZY_QUERY) return;
    let close = false;
    for (const [i, score] of terms.fuzzy(q, MAX_TERM_CANDIDATES)) {
      close ||= score <= CLOSE_FUZZY_SCORE;
      for (const e of terms.ownersOf(i)) into.keep(e, 'fuzzy', score);
    }
    if (close) return;
    // The bigram filter reads the rarest bigrams, and a typo's own are often those (правосудте):
    // the term meant may never be a candidate. A typo seldom falls in the first half of a
    // word, so the strings with a word starting with the query's first half are scored too.
    for (const [i, score] of terms.fuzzyAmong(q, sharingFirstHalf(q))) {
      for (const e of terms.ownersOf(i)) into.keep(e, 'fuzzy', score);
    }
  }

  /** The strings with a word starting with the first half of `q`, nearest its length first. */
  function sharingFirstHalf(q: string): number[] {
    const bucket = wordStarts.get(q.slice(0, 2));
    if (!bucket) return [];
    const half = q.slice(0, Math.ceil(q.length / 2));
    const strings = data.terms.strings;
    const found = new Set<number>();
    for (let k = 0; k < bucket.length; k += 2) {
      if (strings[bucket[k]!]!.startsWith(half, bucket[k + 1]!)) found.add(bucket[k]!);
    }
    const near = (i: number) => Math.abs(strings[i]!.length - q.length);
    return [...found].sort((a, b) => near(a) - near(b) || a - b).slice(0, MAX_TERM_CANDIDATES);
  }

  function rankDefinitions(q: string, into: Best): void {
    const queryWords = words(q).filter((w) => w.length >= 2);
    if (queryWords.length === 0) return;
    if (!definitionSearch) {
      data.definitions ??= definitions?.() ?? null;
      if (!data.definitions) return;
      definitionSearch = new DefinitionSearch(data.definitions);
    }
    let found: Map<number, number> | null = null;
    for (const w of queryWords) {
      const hits = definitionSearch.hits(w);
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
    size: data.size,
    search(query: string, limit = DEFAULT_LIMIT): RankedHit[] {
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
        .map((i) => ({ index: i, kind: KINDS[best.kind[i]!]!, score: best.score[i]! }));
    },
  };
}

/** Entries whose definitions hold a word starting with (or, when long, close to) a word. */
class DefinitionSearch {
  private readonly words: StringSearch;

  constructor(private readonly table: DefinitionTable) {
    this.words = new StringSearch(table.words);
  }

  hits(word: string): Map<number, number> {
    const hits = new Map<number, number>();
    const add = (stringIndex: number, score: number) => {
      for (const e of this.words.ownersOf(stringIndex)) {
        const prev = hits.get(e);
        if (prev === undefined || score < prev) hits.set(e, score);
      }
    };
    const { sorted } = this.table;
    const strings = this.table.words.strings;
    for (let k = lowerBound(sorted, strings, word); k < sorted.length; k++) {
      const i = sorted[k]!;
      if (!strings[i]!.startsWith(word)) break;
      add(i, 0);
    }
    if (word.length >= MIN_FUZZY_QUERY)
      for (const [i, score] of this.words.fuzzy(word, MAX_WORD_CANDIDATES)) add(i, score);
    return hits;
  }
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

/** First position in `order` whose string is not below `key`. */
function lowerBound(order: Int32Array, strings: readonly string[], key: string): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strings[order[mid]!]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
