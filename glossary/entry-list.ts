/**
 * The rule of the options page's table of personal entries, in one place: what
 * the filter looks in and how it matches, how each column sorts, and which
 * rows a page holds. The background answers the table's `entries/page` with
 * it, so the page never holds the whole termbase.
 *
 * A termbase holds tens of thousands of entries: each entry's folded text is
 * made once per list (and reused for an entry that did not change since the
 * previous list), each order once per sort and language, a filter only tests
 * the folded texts, and the last filter's rows are kept for the next page.
 */
import { searchKey } from './search-data';
import type { Entry } from './types';

export type EntrySortKey = 'kk' | 'ru' | 'updated';
export const ENTRY_SORT_KEYS: readonly EntrySortKey[] = ['kk', 'ru', 'updated'];

export interface EntrySort {
  key: EntrySortKey;
  /** 1 ascending, -1 descending. */
  dir: 1 | -1;
}

/** The table's first order: the entries changed last come first. */
export const DEFAULT_ENTRY_SORT: EntrySort = { key: 'updated', dir: -1 };

export interface EntryPageQuery {
  /** Text the entries must hold (folded as the search folds it); '' for all. */
  filter: string;
  sort: EntrySort;
  /** A language tag for the order of terms (the interface language). */
  lang: string;
  /** Rows before the page (zero-based). */
  offset: number;
  /** Rows in the page at most. */
  limit: number;
}

export interface EntryPage<E> {
  /** The page's rows, in order; none when `offset` is past the end. */
  rows: E[];
  /** Entries that match the filter. */
  total: number;
  /** Entries in the list, whatever the filter. */
  all: number;
}

/** An entry as the table lists it: a stored entry has its time of change. */
export type ListedEntry = Entry & { updatedAt: number };

/** What the filter looks in: the terms, variants and tags, folded as the search folds them. */
export function filterText(e: Entry): string {
  return searchKey([e.kk.term, e.ru.term, ...e.kk.variants, ...e.ru.variants, ...e.tags].join(' '));
}

/** The folded filter; '' lets every entry through. */
export const filterKey = (filter: string): string => searchKey(filter);

/** Whether an entry's folded text (`filterText`) holds the folded filter (`filterKey`). */
export const matchesFilter = (text: string, key: string): boolean => !key || text.includes(key);

/** The order of two entries by a column; ties keep the list's order (the sort is stable). */
export function compareEntries(
  sort: EntrySort,
  lang: string,
): (a: ListedEntry, b: ListedEntry) => number {
  const { key, dir } = sort;
  if (key === 'updated') return (a, b) => (a.updatedAt - b.updatedAt) * dir;
  const collator = new Intl.Collator(lang);
  return (a, b) => collator.compare(a[key].term, b[key].term) * dir;
}

/** Folded texts of earlier lists, by id, reused while the entry's `updatedAt` is the same. */
export type FilterTextCache = Map<string, { updatedAt: number; text: string }>;

/** Between the folded texts in the list's one haystack: no filter key holds it (see `hits`). */
const SEPARATOR = '\u0000';

/** The last of the ascending `starts` that is at most `at`. */
function entryAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class EntryList<E extends ListedEntry> {
  /** The folded texts made so far, in the order of `entries`. */
  private readonly texts: string[] = [];
  private readonly fresh: FilterTextCache = new Map();
  /**
   * Every folded text in one string, each after a SEPARATOR, and where each
   * starts: a filter is a few searches of one flat string, where testing
   * each text apart would first flatten each of them (made by concatenation).
   */
  private haystack: { text: string; starts: Int32Array } | null = null;
  private readonly orders = new Map<string, number[]>();
  /** The positions the last filter and sort let through, for the next page of the same. */
  private last: { filter: string; order: string; positions: number[] } | null = null;

  constructor(
    readonly entries: readonly E[],
    private readonly cache: FilterTextCache = new Map(),
  ) {}

  get size(): number {
    return this.entries.length;
  }

  /**
   * Fold up to `count` more entries' texts (all the rest by default); true
   * once every text is folded and the haystack made. The background folds a
   * large list a slice at a time before the first filter, answering requests
   * between slices; a filter that comes first folds what is left.
   */
  fold(count = Infinity): boolean {
    const { entries, texts, fresh } = this;
    const end = Math.min(entries.length, texts.length + count);
    for (let i = texts.length; i < end; i++) {
      const e = entries[i]!;
      const known = this.cache.get(e.id);
      const text = known && known.updatedAt === e.updatedAt ? known.text : filterText(e);
      fresh.set(e.id, { updatedAt: e.updatedAt, text });
      texts.push(text);
    }
    if (texts.length < entries.length) return false;
    if (!this.haystack) {
      // Keep only what this list holds: deleted entries do not linger.
      this.cache.clear();
      for (const [id, v] of fresh) this.cache.set(id, v);
      const starts = new Int32Array(texts.length);
      let at = 0;
      texts.forEach((t, i) => {
        starts[i] = at + 1;
        at += 1 + t.length;
      });
      this.haystack = { text: SEPARATOR + texts.join(SEPARATOR), starts };
    }
    return true;
  }

  /** Make the folded texts now (after the first page is answered), so the first filter need not. */
  warm(): void {
    this.fold();
  }

  /** Per entry, 1 when its folded text holds `key` (not ''): the rule of `matchesFilter`. */
  private hits(key: string): Uint8Array {
    this.fold();
    const { texts } = this;
    const { text, starts } = this.haystack!;
    const hit = new Uint8Array(texts.length);
    if (key.includes(SEPARATOR)) {
      texts.forEach((t, i) => (hit[i] = matchesFilter(t, key) ? 1 : 0));
      return hit;
    }
    // A key without the separator is found within one entry's text; then on from the next text.
    for (let from = 0; ;) {
      const at = text.indexOf(key, from);
      if (at < 0) return hit;
      const i = entryAt(starts, at);
      hit[i] = 1;
      if (i + 1 >= starts.length) return hit;
      from = starts[i + 1]!;
    }
  }

  /** Positions in `entries`, in this order. */
  private order(sort: EntrySort, lang: string): number[] {
    const name = `${sort.key}:${sort.dir}:${sort.key === 'updated' ? '' : lang}`;
    let order = this.orders.get(name);
    if (!order) {
      const compare = compareEntries(sort, lang);
      const { entries } = this;
      order = entries.map((_, i) => i).sort((a, b) => compare(entries[a]!, entries[b]!));
      this.orders.set(name, order);
    }
    return order;
  }

  /** Positions of the entries the filter lets through, in this order. */
  private matching(filter: string, sort: EntrySort, lang: string): number[] {
    const key = filterKey(filter);
    const order = this.order(sort, lang);
    if (!key) return order;
    const name = `${sort.key}:${sort.dir}:${lang}`;
    if (this.last?.filter === key && this.last.order === name) return this.last.positions;
    const hit = this.hits(key);
    const positions = order.filter((i) => hit[i] === 1);
    this.last = { filter: key, order: name, positions };
    return positions;
  }

  page(q: EntryPageQuery): EntryPage<E> {
    const positions = this.matching(q.filter, q.sort, q.lang);
    const rows = positions.slice(q.offset, q.offset + q.limit).map((i) => this.entries[i]!);
    return { rows, total: positions.length, all: this.entries.length };
  }

  /** The ids of every entry the filter lets through (a "select all"). */
  ids(filter: string): string[] {
    const key = filterKey(filter);
    const hit = key ? this.hits(key) : null;
    const out: string[] = [];
    this.entries.forEach((e, i) => {
      if (!hit || hit[i] === 1) out.push(e.id);
    });
    return out;
  }
}
