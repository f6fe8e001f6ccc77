/**
 * CSV import and export, one entry per row (see glossary/io/README.md for the
 * columns). Lists (variants, tags) are joined with "|"; citations, which have
 * structure, are one JSON array per cell.
 *
 * Cells that a spreadsheet would run as a formula (starting with = + - @) are
 * written with a leading apostrophe, which import removes again.
 */
import Papa from 'papaparse';
import type { Entry } from '../types';
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
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['kk_term', 'ru_term'];
export const LIST_SEPARATOR = '|';

export function exportCsv(entries: readonly Entry[]): string {
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
  ]);
  return (
    Papa.unparse(
      { fields: [...CSV_COLUMNS], data: rows },
      { escapeFormulae: true, newline: '\r\n' },
    ) + '\r\n'
  );
}

const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;

function list(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function importCsv(text: string): Entry[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
    transform: (cell) => cell.replace(FORMULA_GUARD, ''),
  });
  const fields = parsed.meta.fields ?? [];
  const unknown = fields.filter((f) => !(CSV_COLUMNS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    throw new ImportError(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; expected ${CSV_COLUMNS.join(', ')}`,
      'header (line 1)',
    );
  }
  const missing = REQUIRED.filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    throw new ImportError(
      `missing column ${missing.map((m) => `"${m}"`).join(', ')}`,
      'header (line 1)',
    );
  }
  const problem = parsed.errors[0];
  if (problem) {
    throw new ImportError(problem.message, `row ${(problem.row ?? 0) + 2}`);
  }
  const raw = parsed.data.map((row, i) => {
    const cell = (c: Column) => row[c] ?? '';
    let citations: unknown = [];
    if (cell('citations').trim()) {
      try {
        citations = JSON.parse(cell('citations'));
      } catch {
        throw new ImportError('the citations cell is not a JSON list', `row ${i + 2}`);
      }
    }
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
    return entry;
  });
  // Row numbers count the header as line 1, as a spreadsheet shows them.
  return checkEntries(raw, (i) => `row ${i + 2}`);
}
