/**
 * The bundled glossary compiled straight from the entries shipped in the
 * background's code: what pages are scanned with right after install, while
 * the database is still being seeded, so the first page is not kept waiting
 * for the rows to be written and read back.
 */
import { BUNDLED_ENTRIES } from '../../glossary/data';
import type { StoredEntry } from '../../lib/protocol';
import { compileGlossary, type Compiled } from './stored-index';

let compiled: Compiled | null = null;

/** Compiled on first use, then kept. Its revision is 0: the database's first revision is 1. */
export function bundledGlossary(): Compiled {
  compiled ??= compileGlossary({
    revision: 0,
    entries: BUNDLED_ENTRIES.map((e): StoredEntry => ({
      ...e,
      source: 'bundled',
      createdAt: 0,
      updatedAt: 0,
    })),
  }).compiled;
  return compiled;
}
