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
  /** Bigram (two UTF-16 code units packed in one number) → the strings holding it. */
  private readonly grams = new Map<number, number[]>();
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
    }
    const owners = this.owners[i]!;
    if (owners[owners.length - 1] !== entry) owners.push(entry);
  }

  indexOf(text: string): number | undefined {
    return this.position.get(text);
  }

  /** Fuse's fuzzy matches of `query` among the strings: [string index, score]. */
  fuzzy(query: string, maxCandidates: number): Array<[number, number]> {
    if (this.shared.length < this.strings.length)
      this.shared = new Uint16Array(this.strings.length);
    const grams = bigrams(query);
    // Fuse scores a substring match by errors / pattern length, so this many
    // errors pass its threshold; each wrong letter breaks at most two bigrams.
    const maxErrors = Math.floor(query.length * THRESHOLD);
    const need = Math.max(1, grams.size - 2 * maxErrors);
    const touched: number[] = [];
    for (const g of grams) {
      for (const i of this.grams.get(g) ?? []) {
        const count = this.shared[i]!;
        if (count === 0) touched.push(i);
        this.shared[i] = count + 1;
      }
    }
    let candidates = touched.filter((i) => this.shared[i]! >= need);
    if (candidates.length > maxCandidates) {
      candidates.sort((a, b) => this.shared[b]! - this.shared[a]!);
      candidates = candidates.slice(0, maxCandidates);
    }
    for (const i of touched) this.shared[i] = 0;
    const fuse = new Fuse(
      candidates.map((i) => this.strings[i]!),
      FUSE_OPTIONS,
    );
    return fuse.search(query).map((r) => [candidates[r.refIndex]!, r.score ?? 1]);
  }
}

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
  const definitionWords = new StringIndex();
  // Definitions repeat their words; folding each distinct word once is several times faster.
  const foldedWords = new Map<string, string[]>();
  entries.forEach((e, i) => {
    for (const t of [e.kk.term, e.ru.term, ...e.kk.variants, ...e.ru.variants, e.en?.term ?? '']) {
      const key = searchKey(t);
      if (key) terms.add(key, i);
    }
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
  const sortedWords = definitionWords.strings.map((_, i) => i);
  sortedWords.sort((a, b) => compare(definitionWords.strings[a]!, definitionWords.strings[b]!));

  function rankTerms(q: string, into: Map<number, Ranked>): void {
    const wordStart = ' ' + q;
    terms.strings.forEach((term, i) => {
      let kind: HitKind | null = null;
      if (term === q) kind = 'exact';
      else if (term.startsWith(q)) kind = 'prefix';
      else if (term.includes(wordStart)) kind = 'word-prefix';
      if (kind !== null) for (const e of terms.owners[i]!) keepBest(into, e, kind, term.length);
    });
    if (q.length >= MIN_FUZZY_QUERY) {
      for (const [i, score] of terms.fuzzy(q, MAX_TERM_CANDIDATES)) {
        for (const e of terms.owners[i]!) keepBest(into, e, 'fuzzy', score);
      }
    }
  }

  /** Entries whose definitions hold a word starting with (or, when long, close to) `word`. */
  function definitionHits(word: string): Map<number, number> {
    const hits = new Map<number, number>();
    const add = (stringIndex: number, score: number) => {
      for (const e of definitionWords.owners[stringIndex]!) {
        const prev = hits.get(e);
        if (prev === undefined || score < prev) hits.set(e, score);
      }
    };
    const strings = definitionWords.strings;
    for (let k = lowerBound(sortedWords, strings, word); k < sortedWords.length; k++) {
      const i = sortedWords[k]!;
      if (!strings[i]!.startsWith(word)) break;
      add(i, 0);
    }
    if (word.length >= MIN_FUZZY_QUERY)
      for (const [i, score] of definitionWords.fuzzy(word, MAX_WORD_CANDIDATES)) add(i, score);
    return hits;
  }

  function rankDefinitions(q: string, into: Map<number, Ranked>): void {
    const queryWords = words(q).filter((w) => w.length >= 2);
    if (queryWords.length === 0) return;
    let found: Map<number, number> | null = null;
    for (const w of queryWords) {
      const hits = definitionHits(w);
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
    for (const [e, s] of found ?? []) keepBest(into, e, 'definition', s / queryWords.length);
  }

  return {
    size: entries.length,
    search(query: string, limit = DEFAULT_LIMIT): SearchHit<E>[] {
      const folded = searchKey(query);
      if (folded.length === 0) return [];
      const readings = hasLatin(folded)
        ? [...new Set([folded, ...latinToCyrillic(folded).map(searchKey)])]
        : [folded];
      const best = new Map<number, Ranked>();
      for (const q of readings) rankTerms(q, best);
      if (folded.length >= 3) for (const q of readings) rankDefinitions(q, best);
      return [...best.entries()]
        .sort(
          ([ia, a], [ib, b]) =>
            KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.score - b.score || ia - ib,
        )
        .slice(0, limit)
        .map(([i, r]) => ({ entry: entries[i]!, kind: r.kind, score: r.score }));
    },
  };
}

interface Ranked {
  kind: HitKind;
  score: number;
}

function keepBest(into: Map<number, Ranked>, entry: number, kind: HitKind, score: number): void {
  const prev = into.get(entry);
  if (
    prev === undefined ||
    KIND_ORDER[kind] < KIND_ORDER[prev.kind] ||
    (kind === prev.kind && score < prev.score)
  ) {
    into.set(entry, { kind, score });
  }
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
