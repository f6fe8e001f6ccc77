/**
 * Validation of entries that come from outside the bundled data: the options
 * page, imports, undo. Personal entries are held to a looser standard than the
 * bundled glossary (glossary/schema.ts): a term in each language is required,
 * definitions may be empty, tags are free text. Strings are trimmed and empty
 * variants dropped, so what is stored is what the matcher can use.
 */
import { CODE_SLUGS, TERM_STATUSES } from '../glossary/codes';
import { parseContextRules } from '../glossary/schema';
import type { Citation, CodeSlug, Entry, TermSide, TermStatus } from '../glossary/types';

export class ValidationError extends Error {
  override name = 'ValidationError';
}

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(x: unknown, where: string, required: boolean): string {
  if (x === undefined || x === null) {
    if (required) throw new ValidationError(`${where} is required`);
    return '';
  }
  if (typeof x !== 'string') throw new ValidationError(`${where} must be a string`);
  return x.trim();
}

function strings(x: unknown, where: string): string[] {
  if (x === undefined || x === null) return [];
  if (!Array.isArray(x)) throw new ValidationError(`${where} must be a list of strings`);
  return x.map((s, i) => str(s, `${where}[${i}]`, true)).filter((s) => s.length > 0);
}

function side(x: unknown, lang: 'kk' | 'ru'): TermSide {
  const name = lang === 'kk' ? 'Kazakh' : 'Russian';
  if (!isObj(x)) throw new ValidationError(`An entry needs a ${name} term (${lang}.term)`);
  const term = str(x.term, `${lang}.term`, false);
  if (!term) throw new ValidationError(`An entry needs a ${name} term (${lang}.term is empty)`);
  const out: TermSide = {
    term,
    variants: [...new Set(strings(x.variants, `${lang}.variants`))].filter((v) => v !== term),
    definition: str(x.definition, `${lang}.definition`, false),
  };
  if (isObj(x.variantStatus)) {
    const kept = Object.entries(x.variantStatus).filter(
      (pair): pair is [string, TermStatus] => out.variants.includes(pair[0]) && isStatus(pair[1]),
    );
    if (kept.length) out.variantStatus = Object.fromEntries(kept);
  }
  return out;
}

const isStatus = (x: unknown): x is TermStatus =>
  typeof x === 'string' && (TERM_STATUSES as readonly string[]).includes(x);

function citation(x: unknown, i: number): Citation {
  const where = `citations[${i}]`;
  if (!isObj(x)) throw new ValidationError(`${where} must be an object`);
  const article = str(x.article, `${where}.article`, true);
  if (!article) throw new ValidationError(`${where}.article must not be empty`);
  const clause =
    x.clause === null || x.clause === undefined ? null : str(x.clause, `${where}.clause`, true);
  const q = isObj(x.quote) ? x.quote : {};
  const quote = {
    kk: str(q.kk, `${where}.quote.kk`, false),
    ru: str(q.ru, `${where}.quote.ru`, false),
  };
  let out: Citation;
  if (x.code !== undefined) {
    if (!(CODE_SLUGS as unknown[]).includes(x.code)) {
      throw new ValidationError(`${where}.code must be one of ${CODE_SLUGS.join(', ')}`);
    }
    const edition = str(x.edition, `${where}.edition`, true);
    out = { code: x.code as CodeSlug, edition, article, clause: clause || null, quote };
  } else {
    if (x.edition !== '2026' && x.edition !== '1995') {
      throw new ValidationError(`${where}.edition must be "2026" or "1995"`);
    }
    out = { edition: x.edition, article, clause: clause || null, quote };
  }
  if (typeof x.mentions === 'boolean') out.mentions = x.mentions;
  return out;
}

/** Check and clean an entry; throws ValidationError with a message fit for the user. */
export function validateEntry(input: unknown): Entry {
  if (!isObj(input)) throw new ValidationError('An entry must be an object');
  const entry: Entry = {
    id: str(input.id, 'id', false),
    kk: side(input.kk, 'kk'),
    ru: side(input.ru, 'ru'),
    citations: (() => {
      if (input.citations === undefined) return [];
      if (!Array.isArray(input.citations)) throw new ValidationError('citations must be a list');
      return input.citations.map(citation);
    })(),
    tags: [...new Set(strings(input.tags, 'tags'))],
  };
  if (isStatus(input.status)) entry.status = input.status;
  // Context rules (glossary/context.ts), checked as the bundled data is: a
  // user's edit of a bundled entry keeps its senses and quiet words.
  try {
    Object.assign(entry, parseContextRules(input));
  } catch (err) {
    throw new ValidationError(err instanceof Error ? err.message : String(err));
  }
  if (isObj(input.en)) {
    const en = str(input.en.term, 'en.term', false);
    if (en) entry.en = { term: en };
  }
  return entry;
}
