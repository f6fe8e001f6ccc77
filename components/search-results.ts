/**
 * What the popup's search answers and how its results read: shared by the
 * search panel (Preact) and the popup's first results (plain DOM, before the
 * panel has loaded), so both show the same rows, status and selection.
 */
import type { SearchHit } from '../glossary/search';
import type { Translate } from '../lib/i18n';
import type { StoredEntry } from '../lib/protocol';

/** What a search answers: the hits, best first, and the size of the glossary searched. */
export interface SearchResults {
  hits: SearchHit<StoredEntry>[];
  size: number;
  /** False when answered from a stand-in index while the glossary's own is made: ask again soon. */
  complete?: boolean;
}

/** Search elsewhere (the background); a new function means the glossary changed. */
export type Searcher = (query: string, limit: number) => Promise<SearchResults>;

/** How many results are asked for and shown. */
export const MAX_RESULTS = 30;

/**
 * The line under the search box: the failure, loading, the hint, or how many
 * were found (and, from a stand-in index, that the glossary's own is being made).
 */
export function searchStatus(
  t: Translate,
  query: string,
  results: SearchResults | null,
  failed: string | null,
): string {
  if (failed !== null) return failed;
  if (results === null) return t('popup.loading');
  if (query.trim() === '') return t('popup.hint', { count: results.size });
  const indexing = results.complete === false;
  if (results.hits.length === 0) return t(indexing ? 'popup.noResultsIndexing' : 'popup.noResults');
  return t(indexing ? 'popup.resultCountIndexing' : 'popup.resultCount', {
    count: results.hits.length,
  });
}

/** The selected row after an arrow key: down and up go round the list. */
export function movedSelection(active: number, key: 'ArrowDown' | 'ArrowUp', rows: number): number {
  const step = key === 'ArrowDown' ? 1 : -1;
  return (active + step + rows) % rows;
}
