/**
 * The search index as plain data (glossary/search.ts queries it): the
 * glossary's folded terms and definitions' words, each with the entries it
 * belongs to, a bigram index for choosing fuzzy candidates, and where each
 * word of each term starts. Typed arrays and strings only, so the background
 * can store it packed (lib/stored-search.ts) and the popup read it back,
 * checked by `searchDataOf` before use.
 */
import { degrade, foldTerm } from './normalize';
import { runSteps, runStepsWithPauses, type Steps } from './steps';
import type { Entry } from './types';

/** Entries, or strings, indexed between two pauses of a build in slices: a few milliseconds' work. */
const ENTRIES_PER_SLICE = 50;
const STRINGS_PER_SLICE = 500;

/** The folded form in which the index and the queries are compared. */
export function searchKey(text: string): string {
  return degrade(foldTerm(text));
}

/**
 * Unique folded strings, each with the entries it belongs to, and a bigram
 * index for choosing fuzzy candidates: the plain arrays a built index is kept
 * in (stored by the background, read by the popup as it opens).
 */
export interface StringTable {
  strings: string[];
  /** strings[i] belongs to entries owners[ownerStart[i]] … owners[ownerStart[i + 1] - 1], ascending. */
  ownerStart: Int32Array;
  owners: Int32Array;
  /** Bigram keys ascending; the strings holding gramKeys[g] are gramList[gramStart[g]] … gramList[gramStart[g + 1] - 1]. */
  gramKeys: Int32Array;
  gramStart: Int32Array;
  gramList: Int32Array;
}

/** Collects strings and their owners, then freezes them into a StringTable. */
class StringTableBuilder {
  readonly strings: string[] = [];
  private readonly owners: number[][] = [];
  private readonly position = new Map<string, number>();

  add(text: string, entry: number): void {
    let i = this.position.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.position.set(text, i);
      this.strings.push(text);
      this.owners.push([]);
    }
    const owners = this.owners[i]!;
    if (owners[owners.length - 1] !== entry) owners.push(entry);
  }

  *freeze(): Steps<StringTable> {
    const { strings } = this;
    const grams = new Map<number, number[]>();
    for (let i = 0; i < strings.length; i++) {
      if (i > 0 && i % STRINGS_PER_SLICE === 0) yield;
      for (const g of bigrams(strings[i]!)) {
        const list = grams.get(g);
        if (list) list.push(i);
        else grams.set(g, [i]);
      }
    }
    const gramKeys = Int32Array.from(grams.keys()).sort();
    return {
      strings,
      ...compressed(this.owners, 'ownerStart', 'owners'),
      gramKeys,
      ...compressed(
        Array.from(gramKeys, (g) => grams.get(g)!),
        'gramStart',
        'gramList',
      ),
    };
  }
}

/** Lists laid end to end, with where each starts (and one past the last). */
function compressed<S extends string, L extends string>(
  lists: readonly number[][],
  startName: S,
  listName: L,
): Record<S, Int32Array> & Record<L, Int32Array> {
  const start = new Int32Array(lists.length + 1);
  let n = 0;
  lists.forEach((list, i) => {
    start[i] = n;
    n += list.length;
  });
  start[lists.length] = n;
  const all = new Int32Array(n);
  lists.forEach((list, i) => all.set(list, start[i]));
  return { [startName]: start, [listName]: all } as Record<S, Int32Array> & Record<L, Int32Array>;
}

/** The distinct bigrams of a string, each packed as (first << 16) | second. */
export function bigrams(text: string): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < text.length; i++)
    out.add((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1));
  return out;
}

/** Whitespace and punctuation between the words of a raw definition (hyphens stay inside words). */
const RAW_WORD_BREAK = /[\s.,;:!?()«»"“”„'[\]{}/]+/u;

export function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Where each word of each term starts: see `tableWordStarts`. */
export interface WordStartTable {
  /** A word's first two characters, and its first one; ascending. */
  keys: string[];
  /** [string index, offset] pairs under keys[k]: pairs[start[k]] … pairs[start[k + 1] - 1]. */
  start: Int32Array;
  pairs: Int32Array;
}

/** The words of the definitions, and their order for prefix lookups. */
export interface DefinitionTable {
  words: StringTable;
  /** Word indices in the words' order. */
  sorted: Int32Array;
}

/**
 * A built search index as plain data (typed arrays and strings): what the
 * background keeps and stores, and what `openSearch` answers queries from.
 * Entries are referred to by their place in the glossary it was built from.
 */
export interface SearchData {
  /** Entries in the glossary. */
  size: number;
  terms: StringTable;
  wordStarts: WordStartTable;
  /** Made at the first query that reaches the definitions (or before storing). */
  definitions: DefinitionTable | null;
}

/** Index a glossary's terms; the definitions are indexed at the first query that needs them. */
export function buildSearchData(entries: readonly Entry[]): SearchData {
  return runSteps(searchDataSteps(entries));
}

/** buildSearchData with `pause()` awaited between slices of the work. */
export function buildSearchDataInSlices(
  entries: readonly Entry[],
  pause: () => Promise<void>,
): Promise<SearchData> {
  return runStepsWithPauses(searchDataSteps(entries), pause);
}

function* searchDataSteps(entries: readonly Entry[]): Steps<SearchData> {
  const terms = new StringTableBuilder();
  for (let i = 0; i < entries.length; i++) {
    if (i > 0 && i % ENTRIES_PER_SLICE === 0) yield;
    const e = entries[i]!;
    for (const t of [e.kk.term, e.ru.term, ...e.kk.variants, ...e.ru.variants, e.en?.term ?? '']) {
      const key = searchKey(t);
      if (key) terms.add(key, i);
    }
  }
  const table = yield* terms.freeze();
  yield;
  return {
    size: entries.length,
    terms: table,
    wordStarts: yield* wordStartSteps(table.strings),
    definitions: null,
  };
}

/** Index the words of a glossary's definitions. */
export function tableDefinitions(entries: readonly Entry[]): DefinitionTable {
  return runSteps(definitionSteps(entries));
}

/** tableDefinitions with `pause()` awaited between slices of the work. */
export function tableDefinitionsInSlices(
  entries: readonly Entry[],
  pause: () => Promise<void>,
): Promise<DefinitionTable> {
  return runStepsWithPauses(definitionSteps(entries), pause);
}

function* definitionSteps(entries: readonly Entry[]): Steps<DefinitionTable> {
  const definitionWords = new StringTableBuilder();
  // Definitions repeat their words; folding each distinct word once is several times faster.
  const foldedWords = new Map<string, string[]>();
  for (let i = 0; i < entries.length; i++) {
    if (i > 0 && i % ENTRIES_PER_SLICE === 0) yield;
    const e = entries[i]!;
    for (const d of [e.kk.definition, e.ru.definition]) {
      for (const raw of d.split(RAW_WORD_BREAK)) {
        if (raw === '') continue;
        let folded = foldedWords.get(raw);
        if (folded === undefined) foldedWords.set(raw, (folded = words(searchKey(raw))));
        for (const w of folded) definitionWords.add(w, i);
      }
    }
  }
  yield;
  const strings = definitionWords.strings;
  const sorted = Int32Array.from(strings, (_, i) => i).sort((a, b) =>
    compare(strings[a]!, strings[b]!),
  );
  yield;
  return { words: yield* definitionWords.freeze(), sorted };
}

/**
 * For every word start of every string (its start and each place after a
 * space): [string index, offset] pairs, under the word's first two characters
 * and under its first one.
 */
function* wordStartSteps(strings: readonly string[]): Steps<WordStartTable> {
  const lists = new Map<string, number[]>();
  const push = (key: string, i: number, at: number) => {
    const list = lists.get(key);
    if (list) list.push(i, at);
    else lists.set(key, [i, at]);
  };
  for (let i = 0; i < strings.length; i++) {
    if (i > 0 && i % STRINGS_PER_SLICE === 0) yield;
    const text = strings[i]!;
    for (let at = 0; at < text.length; at = text.indexOf(' ', at) + 1) {
      push(text.charAt(at), i, at);
      if (at + 1 < text.length) push(text.slice(at, at + 2), i, at);
      if (text.indexOf(' ', at) < 0) break;
    }
  }
  yield;
  const keys = [...lists.keys()].sort(compare);
  return {
    keys,
    ...compressed(
      keys.map((k) => lists.get(k)!),
      'start',
      'pairs',
    ),
  };
}

/** Why stored search data could not be read. */
export class SearchDataError extends Error {}

/**
 * Search data read back from storage, checked before use (never trusted): the
 * arrays of the kinds and lengths `openSearch` reads, every place in them
 * inside its list, so a damaged copy is refused instead of answering wrongly.
 */
export function searchDataOf(value: unknown): SearchData {
  const v = value as Partial<SearchData> | null;
  if (typeof v !== 'object' || v === null) throw new SearchDataError('not an object');
  const size = v.size;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0)
    throw new SearchDataError('size');
  const terms = stringTableOf(v.terms, size, 'terms');
  const w = v.wordStarts as Partial<WordStartTable> | undefined;
  if (!w || !isStrings(w.keys)) throw new SearchDataError('wordStarts.keys');
  const pairs = offsetsInto(w.start, w.pairs, w.keys.length, 'wordStarts');
  for (let k = 0; k < pairs.length; k += 2) {
    const i = pairs[k]!;
    if (i < 0 || i >= terms.strings.length || pairs[k + 1]! < 0)
      throw new SearchDataError('wordStarts.pairs');
  }
  let definitions: DefinitionTable | null = null;
  if (v.definitions !== null && v.definitions !== undefined) {
    const d = v.definitions as Partial<DefinitionTable>;
    const words = stringTableOf(d.words, size, 'definitions');
    const sorted = d.sorted;
    if (!(sorted instanceof Int32Array) || sorted.length !== words.strings.length)
      throw new SearchDataError('definitions.sorted');
    for (const i of sorted)
      if (i < 0 || i >= words.strings.length) throw new SearchDataError('definitions.sorted');
    definitions = { words, sorted };
  }
  return { size, terms, wordStarts: w as WordStartTable, definitions };
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function stringTableOf(value: unknown, size: number, name: string): StringTable {
  const t = value as Partial<StringTable> | undefined;
  if (!t || !isStrings(t.strings)) throw new SearchDataError(`${name}.strings`);
  const n = t.strings.length;
  for (const e of offsetsInto(t.ownerStart, t.owners, n, `${name}.owners`))
    if (e < 0 || e >= size) throw new SearchDataError(`${name}.owners`);
  const keys = t.gramKeys;
  if (!(keys instanceof Int32Array)) throw new SearchDataError(`${name}.gramKeys`);
  for (let g = 1; g < keys.length; g++)
    if (keys[g - 1]! >= keys[g]!) throw new SearchDataError(`${name}.gramKeys`);
  for (const i of offsetsInto(t.gramStart, t.gramList, keys.length, `${name}.grams`))
    if (i < 0 || i >= n) throw new SearchDataError(`${name}.grams`);
  return t as StringTable;
}

/** `list`, checked to be cut into `lists` pieces by `start` (ascending, from 0 to its length). */
function offsetsInto(start: unknown, list: unknown, lists: number, name: string): Int32Array {
  if (!(start instanceof Int32Array) || !(list instanceof Int32Array))
    throw new SearchDataError(name);
  if (start.length !== lists + 1 || start[0] !== 0 || start[lists] !== list.length)
    throw new SearchDataError(name);
  for (let k = 1; k <= lists; k++) if (start[k]! < start[k - 1]!) throw new SearchDataError(name);
  return list;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
