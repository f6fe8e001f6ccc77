/**
 * The entry model for entries that come from outside the bundled data: the
 * options form, imports, undo — one check, used by all three. Personal entries are held to a looser standard than the
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
import { foldTerm } from './normalize';

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

/**
 * Runs each field's check, keeping what passes and collecting what does not,
 * so a form can show every problem at once; the first is what `validateEntry`
 * throws.
 */
class Problems {
  readonly list: ValidationError[] = [];
  check<T>(run: () => T, fallback: T): T {
    try {
      return run();
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      this.list.push(err);
      return fallback;
    }
  }
}

function side(x: unknown, lang: 'kk' | 'ru', problems: Problems): TermSide {
  const termField = { field: `${lang}.term` };
  const obj: Obj = isObj(x) ? x : {};
  const term = problems.check(() => {
    const t = str(obj.term, termField, false, LIMITS.term);
    if (!t) throw new ValidationError('entry.required', termField);
    return t;
  }, '');
  const variants = problems.check(
    () =>
      strings(
        obj.variants,
        { field: `${lang}.variants` },
        { field: `${lang}.variant` },
        LIMITS.variant,
        LIMITS.variants,
      ),
    [],
  );
  const out: TermSide = {
    term,
    variants: [...new Set(variants)].filter((v) => v !== term),
    definition: problems.check(
      () => str(obj.definition, { field: `${lang}.definition` }, false, LIMITS.definition),
      '',
    ),
  };
  if (isObj(obj.variantStatus)) {
    const kept = Object.entries(obj.variantStatus).filter(
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

/**
 * Check and clean an entry from outside the bundled data, collecting every
 * problem: `entry` is what would be stored, meaningful only when `problems`
 * is empty. The options form shows the problems by field; the background
 * refuses the entry with the first.
 */
export function checkEntry(input: unknown): { entry: Entry; problems: ValidationError[] } {
  const problems = new Problems();
  if (!isObj(input)) {
    problems.list.push(new ValidationError('entry.notObject'));
    input = {};
  }
  const raw = input as Obj;
  const entry: Entry = {
    id: problems.check(() => str(raw.id, { field: 'id' }, false, LIMITS.id), ''),
    kk: side(raw.kk, 'kk', problems),
    ru: side(raw.ru, 'ru', problems),
    citations: problems.check(() => {
      if (raw.citations === undefined) return [];
      if (!Array.isArray(raw.citations)) {
        throw new ValidationError('entry.notList', { field: 'citations' });
      }
      if (raw.citations.length > LIMITS.citations) {
        throw new ValidationError('entry.tooMany', {
          field: 'citations',
          count: raw.citations.length,
          max: LIMITS.citations,
        });
      }
      return raw.citations.flatMap((c: unknown, i) => {
        const checked = problems.check<Citation | null>(() => citation(c, i), null);
        return checked ? [checked] : [];
      });
    }, []),
    tags: [
      ...new Set(
        problems.check(
          () => strings(raw.tags, { field: 'tags' }, { field: 'tag' }, LIMITS.tag, LIMITS.tags),
          [],
        ),
      ),
    ],
  };
  if (isStatus(raw.status)) entry.status = raw.status;
  // Context rules (glossary/context.ts), checked as the bundled data is: a
  // user's edit of a bundled entry keeps its senses and quiet words.
  problems.check(() => {
    try {
      Object.assign(entry, parseContextRules(raw));
    } catch {
      throw new ValidationError('entry.rules');
    }
  }, undefined);
  if (isObj(raw.en)) {
    const en = problems.check(
      () => str((raw.en as Obj).term, { field: 'en.term' }, false, LIMITS.term),
      '',
    );
    if (en) entry.en = { term: en };
  }
  return { entry, problems: problems.list };
}

/** Check and clean an entry; throws the first ValidationError (a code with parameters). */
export function validateEntry(input: unknown): Entry {
  const { entry, problems } = checkEntry(input);
  if (problems[0]) throw problems[0];
  return entry;
}

/**
 * The duplicate rule, one for the import preview, the import itself and the
 * form: two entries are the same concept when their Kazakh and their Russian
 * terms fold to the same text (variants do not count: an abbreviation entry
 * such as ҚР / РК is not a duplicate of the entry that lists them as
 * variants). Null when either term is empty.
 */
export function duplicateKey(entry: Pick<Entry, 'kk' | 'ru'>): string | null {
  const kk = foldTerm(entry.kk.term);
  const ru = foldTerm(entry.ru.term);
  return kk && ru ? `${kk}\n${ru}` : null;
}
