/**
 * What every import format shares: the size limit, the error a user sees
 * (what is wrong and where), and the check of each entry — the background's
 * own validation (db/validate.ts, so the preview never promises what the
 * writer would refuse) plus a refusal of HTML markup in any field.
 */
import { validateEntry } from '../../db/validate';
import type { Entry } from '../types';

/** Files above this size are refused before they are read or parsed. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ImportFormat = 'json' | 'csv' | 'tbx';

/** An import that cannot go ahead; `where` names the place in the file (an entry, a row, a line). */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    readonly where: string | null = null,
  ) {
    super(where ? `${where}: ${message}` : message);
  }
}

/** A tag (`<img …>`, `</b>`, `<br/>`) or a comment. Plain "<" in prose ("a < b") passes. */
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--/i;

/** Every string in a value with its path ("kk.definition", "citations.0.quote.ru"). */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}.${i}`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
  }
}

/**
 * Check the raw entries of a file; `where(i)` names entry i for messages
 * ("entry 3", "row 4", "conceptEntry 2 (id c12)"). Throws on the first fault.
 */
export function checkEntries(raw: readonly unknown[], where: (index: number) => string): Entry[] {
  return raw.map((item, i) => {
    for (const [path, text] of strings(item, '')) {
      const m = MARKUP.exec(text);
      if (m) {
        throw new ImportError(
          `${path} contains HTML markup (${JSON.stringify(m[0].slice(0, 30))}); only plain text is accepted`,
          where(i),
        );
      }
    }
    try {
      return validateEntry(item);
    } catch (err) {
      throw new ImportError(err instanceof Error ? err.message : String(err), where(i));
    }
  });
}
