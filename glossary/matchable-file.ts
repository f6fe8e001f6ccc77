/**
 * Reading a glossary given to the CLI or the benchmark: a JSON array of
 * entries, either in the full entry format (glossary/types.ts) or the minimal
 * `{"id", "kk", "ru"}` with plain strings (or arrays of strings). A
 * `{version, entries}` file is accepted too. Every problem is reported with the
 * file name and the entry, so a user can fix it.
 */
import { parseContextRules } from './schema';
import type { Entry, MatchableEntry } from './types';

/** An entry's terms, and its context rules (glossary/context.ts) when the file gives them. */
export type GlossaryFileEntry = MatchableEntry & Pick<Entry, 'sense' | 'quiet'>;

export class GlossaryInputError extends Error {
  override name = 'GlossaryInputError';
}

function termsOf(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value))
    return value.every((v) => typeof v === 'string') ? (value as string[]) : null;
  if (value && typeof value === 'object') {
    const side = value as { term?: unknown; variants?: unknown };
    if (typeof side.term !== 'string') return null;
    const variants = side.variants ?? [];
    if (!Array.isArray(variants) || !variants.every((v) => typeof v === 'string')) return null;
    return [side.term, ...(variants as string[])];
  }
  return null;
}

/** Parse and check a glossary file's text; throws GlossaryInputError naming the file and entry. */
export function parseMatchableGlossary(text: string, fileName: string): GlossaryFileEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new GlossaryInputError(`${fileName}: not valid JSON (${(e as Error).message})`);
  }
  if (data && typeof data === 'object' && !Array.isArray(data) && 'entries' in data) {
    data = (data as { entries: unknown }).entries;
  }
  if (!Array.isArray(data)) {
    throw new GlossaryInputError(`${fileName}: expected a JSON array of entries`);
  }
  const ids = new Set<string>();
  return data.map((raw: unknown, index): GlossaryFileEntry => {
    const where = `${fileName}: entry #${index + 1}`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new GlossaryInputError(`${where}: expected an object with "id", "kk" and "ru"`);
    }
    const entry = raw as Record<string, unknown>;
    if (typeof entry.id !== 'string' || entry.id.trim() === '') {
      throw new GlossaryInputError(`${where}: missing "id"`);
    }
    const named = `${where} (id "${entry.id}")`;
    if (ids.has(entry.id)) throw new GlossaryInputError(`${named}: duplicate id`);
    ids.add(entry.id);
    const result: GlossaryFileEntry = { id: entry.id, kk: [], ru: [] };
    for (const lang of ['kk', 'ru'] as const) {
      if (entry[lang] === undefined) continue;
      const terms = termsOf(entry[lang]);
      if (terms === null) {
        throw new GlossaryInputError(
          `${named}: "${lang}" must be a string, an array of strings, or {"term", "variants"}`,
        );
      }
      result[lang] = terms.map((t) => t.trim()).filter((t) => t !== '');
    }
    if (result.kk.length === 0 && result.ru.length === 0) {
      throw new GlossaryInputError(`${named}: no term in "kk" or "ru"`);
    }
    try {
      Object.assign(result, parseContextRules(entry));
    } catch (e) {
      throw new GlossaryInputError(`${named}: ${(e as Error).message}`);
    }
    return result;
  });
}
