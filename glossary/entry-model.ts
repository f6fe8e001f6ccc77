/**
 * Validation of entries that come from outside the bundled data: the options
 * page, imports, undo. Personal entries are held to a looser standard than the
 * bundled glossary (glossary/schema.ts): a term in each language is required,
 * definitions may be empty, tags are free text; lengths and list sizes are
 * capped (glossary/limits.ts). Strings are trimmed and empty variants dropped,
 * so what is stored is what the matcher can use. Errors are codes with
 * parameters (glossary/errors.ts), which the page translates.
 */
import { CODE_SLUGS, TERM_STATUSES } from './codes';
import { LIMITS } from './limits';
import { parseContextRules } from './schema';
import type { Citation, CodeSlug, Entry, TermSide, TermStatus } from './types';
import { CodedError, type ErrorCode, type ErrorParams } from './errors';

export class ValidationError extends CodedError {
  override name = 'ValidationError';
  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(code, params);
  }
}

type Obj = Record<string, unknown>;
/** The field an error names (glossary/error-messages.ts FIELD_STRINGS), with `n` for a citation's fields. */
type Field = { field: string; n?: number };

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(x: unknown, where: Field, required: boolean, max: number): string {
  if (x === undefined || x === null) {
    if (required) throw new ValidationError('entry.required', where);
    return '';
  }
  if (typeof x !== 'string') throw new ValidationError('entry.notString', where);
  const s = x.trim();
  if (s.length > max) {
    throw new ValidationError('entry.tooLong', { ...where, length: s.length, max });
  }
  return s;
}

function strings(
  x: unknown,
  list: Field,
  item: Field,
  maxItem: number,
  maxCount: number,
): string[] {
  if (x === undefined || x === null) return [];
  if (!Array.isArray(x)) throw new ValidationError('entry.notList', list);
  const out = x.map((s) => str(s, item, true, maxItem)).filter((s) => s.length > 0);
  if (out.length > maxCount) {
    throw new ValidationError('entry.tooMany', { ...list, count: out.length, max: maxCount });
  }
  return out;
}

function side(x: unknown, lang: 'kk' | 'ru'): TermSide {
  const termField = { field: `${lang}.term` };
  if (!isObj(x)) throw new ValidationError('entry.required', termField);
  const term = str(x.term, termField, false, LIMITS.term);
  if (!term) throw new ValidationError('entry.required', termField);
  const variants = strings(
    x.variants,
    { field: `${lang}.variants` },
    { field: `${lang}.variant` },
    LIMITS.variant,
    LIMITS.variants,
  );
  const out: TermSide = {
    term,
    variants: [...new Set(variants)].filter((v) => v !== term),
    definition: str(x.definition, { field: `${lang}.definition` }, false, LIMITS.definition),
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
  const n = i + 1;
  if (!isObj(x)) throw new ValidationError('entry.citation.notObject', { n });
  const f = (field: string): Field => ({ field: `citation.${field}`, n });
  const article = str(x.article, f('article'), true, LIMITS.article);
  if (!article) throw new ValidationError('entry.required', f('article'));
  const clause =
    x.clause === null || x.clause === undefined
      ? null
      : str(x.clause, f('clause'), true, LIMITS.clause);
  const q = isObj(x.quote) ? x.quote : {};
  const quote = {
    kk: str(q.kk, f('quote.kk'), false, LIMITS.quote),
    ru: str(q.ru, f('quote.ru'), false, LIMITS.quote),
  };
  let out: Citation;
  if (x.code !== undefined) {
    if (!(CODE_SLUGS as unknown[]).includes(x.code)) {
      throw new ValidationError('entry.citation.code', { n });
    }
    const edition = str(x.edition, f('edition'), true, LIMITS.id);
    out = { code: x.code as CodeSlug, edition, article, clause: clause || null, quote };
  } else {
    if (x.edition !== '2026' && x.edition !== '1995') {
      throw new ValidationError('entry.citation.edition', { n });
    }
    out = { edition: x.edition, article, clause: clause || null, quote };
  }
  if (typeof x.mentions === 'boolean') out.mentions = x.mentions;
  return out;
}

/** Check and clean an entry; throws ValidationError (a code with parameters). */
export function validateEntry(input: unknown): Entry {
  if (!isObj(input)) throw new ValidationError('entry.notObject');
  const entry: Entry = {
    id: str(input.id, { field: 'id' }, false, LIMITS.id),
    kk: side(input.kk, 'kk'),
    ru: side(input.ru, 'ru'),
    citations: (() => {
      if (input.citations === undefined) return [];
      if (!Array.isArray(input.citations)) {
        throw new ValidationError('entry.notList', { field: 'citations' });
      }
      if (input.citations.length > LIMITS.citations) {
        throw new ValidationError('entry.tooMany', {
          field: 'citations',
          count: input.citations.length,
          max: LIMITS.citations,
        });
      }
      return input.citations.map(citation);
    })(),
    tags: [
      ...new Set(strings(input.tags, { field: 'tags' }, { field: 'tag' }, LIMITS.tag, LIMITS.tags)),
    ],
  };
  if (isStatus(input.status)) entry.status = input.status;
  // Context rules (glossary/context.ts), checked as the bundled data is: a
  // user's edit of a bundled entry keeps its senses and quiet words.
  try {
    Object.assign(entry, parseContextRules(input));
  } catch {
    throw new ValidationError('entry.rules');
  }
  if (isObj(input.en)) {
    const en = str(input.en.term, { field: 'en.term' }, false, LIMITS.term);
    if (en) entry.en = { term: en };
  }
  return entry;
}
