/**
 * JSON import and export in the canonical entry format (glossary/types.ts):
 * `{ version, entries: Entry[] }` is written; that or a bare array is read.
 */
import type { Entry, GlossaryFile, TermSide } from '../types';
import { checkEntries, ImportError } from './entries';

/** The version written in exported files (the format's, not the glossary's). */
export const EXPORT_VERSION = '1';

export function exportJson(entries: readonly Entry[]): string {
  const file: GlossaryFile = { version: EXPORT_VERSION, entries: entries.map(canonical) };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Only the canonical fields, in their usual order (drops source, timestamps and the like). */
export function canonical(e: Entry): Entry {
  const side = (s: TermSide): TermSide => {
    const o: TermSide = { term: s.term, variants: [...s.variants], definition: s.definition };
    if (s.variantStatus && Object.keys(s.variantStatus).length > 0)
      o.variantStatus = { ...s.variantStatus };
    return o;
  };
  const out: Entry = {
    id: e.id,
    kk: side(e.kk),
    ru: side(e.ru),
    citations: e.citations.map((c) => ({ ...c, quote: { ...c.quote } })),
    tags: [...e.tags],
  };
  if (e.en) out.en = { term: e.en.term };
  if (e.status) out.status = e.status;
  // Context rules are plain data (glossary/types.ts): a deep copy keeps them whole.
  if (e.sense) out.sense = structuredClone(e.sense);
  if (e.quiet) out.quiet = structuredClone(e.quiet);
  return out;
}

export function importJson(text: string): Entry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError('import.notJson');
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { entries?: unknown }).entries)
      ? (data as { entries: unknown[] }).entries
      : null;
  if (list === null) {
    throw new ImportError('import.jsonShape');
  }
  return checkEntries(list, (i) => ({ code: 'where.entry', params: { n: i + 1 } }));
}
