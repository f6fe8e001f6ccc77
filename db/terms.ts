/** The normalised terms of an entry, for the `*terms` index and duplicate detection. */
import { foldTerm } from '../glossary/normalize';
import type { Entry } from '../glossary/types';

/** Every term and variant of both languages, folded, without empties or repeats. */
export function normalizedTerms(entry: Pick<Entry, 'kk' | 'ru'>): string[] {
  const out = new Set<string>();
  for (const side of [entry.kk, entry.ru]) {
    for (const t of [side.term, ...side.variants]) {
      const f = foldTerm(t);
      if (f) out.add(f);
    }
  }
  return [...out];
}
