/**
 * CSV import and export, one entry per row (see glossary/io/README.md for the
 * columns). Lists (variants, tags) are joined with "|"; citations, variant
 * statuses and context rules, which have structure, are one JSON value per cell.
 *
 * Cells that a spreadsheet would run as a formula (starting with = + - @) are
 * written with a leading apostrophe, which import removes again.
 *
 * Dialects: export writes a UTF-8 byte order mark (so Excel reads the text as
 * UTF-8) and the delimiter of the reader's choice — a semicolon for Excel in a
 * Kazakh or Russian locale, where the comma is the decimal sign. Import finds
 * the delimiter (comma, semicolon or tab) in the header line.
 */
import Papa from 'papaparse';
import type { Entry } from '../types';
import type { WhereInfo } from '../errors';
import { checkEntries, ImportError } from './entries';

export const CSV_COLUMNS = [
  'id',
  'kk_term',
  'kk_variants',
  'kk_definition',
  'ru_term',
  'ru_variants',
  'ru_definition',
  'en_term',
  'tags',
  'citations',
  'status',
  'kk_variant_status',
  'ru_variant_status',
  'sense',
  'quiet',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['kk_term', 'ru_term'];
export const LIST_SEPARATOR = '|';

export type CsvDelimiter = ',' | ';' | '\t';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

export interface CsvOptions {
  /** Default ",". */
  delimiter?: CsvDelimiter;
  /** Start with a UTF-8 byte order mark (default true). */
  bom?: boolean;
}

/** The delimiter a spreadsheet expects in a UI language's locale: ";" where the comma is the decimal sign. */
export function csvDelimiterFor(lang: string): CsvDelimiter {
  return lang === 'kk' || lang === 'ru' ? ';' : ',';
}

export function exportCsv(entries: readonly Entry[], options: CsvOptions = {}): string {
  const rows = entries.map((e) => [
    e.id,
    e.kk.term,
    e.kk.variants.join(LIST_SEPARATOR),
    e.kk.definition,
    e.ru.term,
    e.ru.variants.join(LIST_SEPARATOR),
    e.ru.definition,
    e.en?.term ?? '',
    e.tags.join(LIST_SEPARATOR),
    e.citations.length ? JSON.stringify(e.citations) : '',
    e.status ?? '',
    e.kk.variantStatus ? JSON.stringify(e.kk.variantStatus) : '',
    e.ru.variantStatus ? JSON.stringify(e.ru.variantStatus) : '',
    e.sense ? JSON.stringify(e.sense) : '',
    e.quiet ? JSON.stringify(e.quiet) : '',
  ]);
  const delimiter = options.delimiter ?? ',';
  return (
    (options.bom === false ? '' : '\uFEFF') +
    Papa.unparse(
      { fields: [...CSV_COLUMNS], data: rows },
      { escapeFormulae: true, newline: '\r\n', delimiter },
    ) +
    '\r\n'
  );
}

/** The delimiter of a CSV text: the candidate found most often in its first line, outside quotes. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) {
      counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
    }
  }
  let best: CsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;

function list(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function importCsv(text: string): Entry[] {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(body, {
    header: true,
    delimiter: detectDelimiter(body),
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
    transform: (cell) => cell.replace(FORMULA_GUARD, ''),
  });
  const fields = parsed.meta.fields ?? [];
  const unknown = fields.filter((f) => !(CSV_COLUMNS as readonly string[]).includes(f));
  const header: WhereInfo = { code: 'where.header' };
  if (unknown.length > 0) {
    throw new ImportError(
      'import.csv.unknownColumns',
      { columns: unknown.join(', '), expected: CSV_COLUMNS.join(', ') },
      header,
    );
  }
  const missing = REQUIRED.filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    throw new ImportError('import.csv.missingColumns', { columns: missing.join(', ') }, header);
  }
  const problem = parsed.errors[0];
  if (problem) {
    throw new ImportError(
      problem.type === 'Quotes' ? 'import.csv.quotes' : 'import.csv.fieldCount',
      {},
      { code: 'where.row', params: { n: (problem.row ?? 0) + 2 } },
    );
  }
  const raw = parsed.data.map((row, i) => {
    const cell = (c: Column) => row[c] ?? '';
    /** A JSON cell, or undefined when empty. */
    const json = (c: Column, what: string): unknown => {
      if (!cell(c).trim()) return undefined;
      try {
        return JSON.parse(cell(c));
      } catch {
        throw new ImportError(
          c === 'citations' ? 'import.csv.citations' : 'import.csv.json',
          { column: c, expected: what },
          { code: 'where.row', params: { n: i + 2 } },
        );
      }
    };
    const citations = json('citations', 'a JSON list') ?? [];
    const entry: Record<string, unknown> = {
      id: cell('id'),
      kk: {
        term: cell('kk_term'),
        variants: list(cell('kk_variants')),
        definition: cell('kk_definition'),
      },
      ru: {
        term: cell('ru_term'),
        variants: list(cell('ru_variants')),
        definition: cell('ru_definition'),
      },
      citations,
      tags: list(cell('tags')),
    };
    if (cell('en_term').trim()) entry.en = { term: cell('en_term') };
    if (cell('status').trim()) entry.status = cell('status').trim();
    const kkStatus = json('kk_variant_status', 'a JSON object');
    if (kkStatus !== undefined) (entry.kk as Record<string, unknown>).variantStatus = kkStatus;
    const ruStatus = json('ru_variant_status', 'a JSON object');
    if (ruStatus !== undefined) (entry.ru as Record<string, unknown>).variantStatus = ruStatus;
    const sense = json('sense', 'a JSON object');
    if (sense !== undefined) entry.sense = sense;
    const quiet = json('quiet', 'a JSON list');
    if (quiet !== undefined) entry.quiet = quiet;
    return entry;
  });
  // Row numbers count the header as line 1, as a spreadsheet shows them.
  return checkEntries(raw, (i) => ({ code: 'where.row', params: { n: i + 2 } }));
}
