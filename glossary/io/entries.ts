/**
 * What every import format shares: the size limit, the error a user sees
 * (a code with parameters and the place in the file: glossary/errors.ts), and the
 * check of each entry — the background's own validation (glossary/entry-model.ts, so
 * the preview never promises what the writer would refuse), the limits of
 * glossary/limits.ts, and that each Constitution citation names a clause that
 * exists.
 *
 * There is no HTML filter: a field may hold "<", "<b>" or a whole script,
 * and it is stored as the text it is. Every part of Ata Zan renders entries
 * as text (Preact text nodes, `textContent`), never as HTML, so markup in a
 * field shows as characters and never becomes an element
 * (tests/unit/components/ui-safety.test.tsx runs the usual XSS payloads through every field).
 */
import { validateEntry } from '../entry-model';
import { CodedError, type ErrorCode, type ErrorParams, type WhereInfo } from '../errors';
import { citationProblem } from '../citation-check';
import type { Entry } from '../types';

/**
 * Files above this size are refused before they are read or parsed. A
 * translator's termbase of 50,000 entries, every other one with a sentence of
 * definition per language, fits in every format (the sizes are in
 * glossary/io/README.md); the options page sends it to the background in chunks.
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export type ImportFormat = 'json' | 'csv' | 'tbx';

/** An import that cannot go ahead: a code with parameters, and the place in the file when known. */
export class ImportError extends CodedError {
  override name = 'ImportError';
  constructor(code: ErrorCode, params: ErrorParams = {}, where: WhereInfo | null = null) {
    super(code, params, where);
  }
}

/**
 * Check the raw entries of a file; `where(i)` names entry i for messages
 * (an entry, a row, a concept). Throws on the first fault.
 */
export function checkEntries(
  raw: readonly unknown[],
  where: (index: number) => WhereInfo,
): Entry[] {
  return raw.map((item, i) => {
    try {
      const entry = validateEntry(item);
      entry.citations.forEach((c, k) => {
        const problem = citationProblem(c, k);
        if (problem) throw problem;
      });
      return entry;
    } catch (err) {
      if (err instanceof CodedError) throw new ImportError(err.code, err.params, where(i));
      throw err;
    }
  });
}
