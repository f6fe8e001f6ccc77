/** Glossary entries for unit tests, made from their two terms. */
import type { Entry, EntrySource } from '../../glossary/types';
import type { StoredEntry } from '../../lib/protocol';

/** An entry with the two terms, a definition made from each, no citation and no tag; `extra` replaces fields. */
export function testEntry(id: string, kk: string, ru: string, extra: Partial<Entry> = {}): Entry {
  return {
    id,
    kk: { term: kk, variants: [], definition: `${kk} анықтамасы` },
    ru: { term: ru, variants: [], definition: `определение: ${ru}` },
    citations: [],
    tags: [],
    ...extra,
  };
}

/** The same entry as the database holds it, from `source`. */
export function storedTestEntry(
  id: string,
  kk: string,
  ru: string,
  source: EntrySource = 'bundled',
): StoredEntry {
  return { ...testEntry(id, kk, ru), source, createdAt: 0, updatedAt: 0 };
}
