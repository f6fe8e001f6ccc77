/**
 * The bundled glossary's data files (glossary/data/*.json) read from disk and
 * checked against the schema, the one way the data test
 * (tests/unit/glossary/data.test.ts) and the review script
 * (scripts/check-glossary.ts) read them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseGlossary } from '../glossary/schema';
import type { Entry } from '../glossary/types';

export const DATA_DIR = join(import.meta.dirname, '../glossary/data');

/** A data file read: its name, the glossary version it gives and its entries. */
export interface DataFile {
  file: string;
  version: string;
  entries: Entry[];
}

/** The data files' names, in order. */
export function dataFileNames(): string[] {
  return readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** The data file at `path` read and checked; throws the schema's error, which names the file. */
export function readDataFile(path: string): DataFile {
  const file = basename(path);
  const { version, entries } = parseGlossary(JSON.parse(readFileSync(path, 'utf8')), file);
  return { file, version, entries };
}
