/**
 * Reading and writing glossary files: choose the format, enforce the size
 * limit before parsing, and hand back checked entries. Pure (no browser API).
 */
import type { Entry } from '../types';
import { exportCsv, importCsv } from './csv';
import { ImportError, MAX_IMPORT_BYTES, type ImportFormat } from './entries';
import { exportJson, importJson } from './json';
import { exportTbx, importTbx } from './tbx';

export { ImportError, MAX_IMPORT_BYTES, type ImportFormat } from './entries';
export { previewImport, type ImportPreview, type PreviewItem, type PreviewStatus } from './preview';

/** Refuse a file by its size alone, before reading it. */
export function checkImportSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new ImportError(`the file is ${mb(bytes)} MB; the limit is ${mb(MAX_IMPORT_BYTES)} MB`);
  }
}

/** The format of a file, by its extension, else by its first characters. */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (ext === 'tbx' || ext === 'xml') return 'tbx';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  if (start.startsWith('<')) return 'tbx';
  return 'csv';
}

/** Parse and check a file's text; throws ImportError saying what is wrong and where. */
export function parseImport(fileName: string, text: string): Entry[] {
  checkImportSize(new TextEncoder().encode(text).length);
  if (text.includes('\u0000')) throw new ImportError('the file is binary, not text');
  const format = detectFormat(fileName, text);
  const entries =
    format === 'json' ? importJson(text) : format === 'csv' ? importCsv(text) : importTbx(text);
  if (entries.length === 0) throw new ImportError('the file holds no entries');
  return entries;
}

export const EXPORTERS: Record<
  ImportFormat,
  { write: (entries: readonly Entry[]) => string; mime: string }
> = {
  json: { write: exportJson, mime: 'application/json' },
  csv: { write: exportCsv, mime: 'text/csv' },
  tbx: { write: exportTbx, mime: 'application/x-tbx+xml' },
};
