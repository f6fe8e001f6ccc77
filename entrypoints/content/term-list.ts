/**
 * The page's terms as the side panel lists them: one row per glossary entry
 * found, with the text as first found, how often it occurs and where it first
 * comes up. Pure: the content script feeds it the painted occurrences in
 * document order (entrypoints/content/page-terms.ts).
 */
import type { Lang } from '../../glossary/types';
import type { PageTermRow } from '../../lib/page-protocol';

export interface FoundTerm {
  id: string;
  /** The page's text of the occurrence. */
  text: string;
  /** The language of the text it was found in. */
  lang: Lang;
}

/** Rows in order of first appearance. */
export function listTerms(occurrences: readonly FoundTerm[]): PageTermRow[] {
  const rows = new Map<string, PageTermRow>();
  occurrences.forEach((o, i) => {
    const row = rows.get(o.id);
    if (row) row.count++;
    else rows.set(o.id, { id: o.id, text: o.text, lang: o.lang, count: 1, first: i });
  });
  return [...rows.values()];
}
