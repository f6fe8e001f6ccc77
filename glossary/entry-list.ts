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

export class EntryList<E extends ListedEntry> {
  private texts: string[] | null = null;
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

  /** The folded texts, made at the first filter (an unfiltered table never needs them). */
  private foldedTexts(): string[] {
    if (!this.texts) {
      const fresh: FilterTextCache = new Map();
      this.texts = this.entries.map((e) => {
        const known = this.cache.get(e.id);
        const text = known && known.updatedAt === e.updatedAt ? known.text : filterText(e);
        fresh.set(e.id, { updatedAt: e.updatedAt, text });
        return text;
      });
      // Keep only what this list holds: deleted entries do not linger.
      this.cache.clear();
      for (const [id, v] of fresh) this.cache.set(id, v);
    }
    return this.texts;
  }

  /** Make the folded texts now (after the first page is answered), so the first filter need not. */
  warm(): void {
    this.foldedTexts();
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
    const texts = this.foldedTexts();
    const positions = order.filter((i) => matchesFilter(texts[i]!, key));
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
    const texts = key ? this.foldedTexts() : null;
    const out: string[] = [];
    this.entries.forEach((e, i) => {
      if (!texts || matchesFilter(texts[i]!, key)) out.push(e.id);
    });
    return out;
  }
}
