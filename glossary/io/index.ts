/**
 * Reading and writing glossary files: choose the format, enforce the size
 * limit before parsing, find the text encoding, and hand back checked
 * entries. Pure (no browser API).
 */
import { CodedError } from '../errors';
import type { Entry } from '../types';
import { detectDelimiter, exportCsv, importCsv, type CsvOptions } from './csv';
import { decodeText, type TextEncodingName } from './decode';
import { ImportError, MAX_IMPORT_BYTES, type ImportFormat } from './entries';
import { exportJson, importJson } from './json';
import { exportTbx, importTbx } from './tbx';

export { ImportError, MAX_IMPORT_BYTES, type ImportFormat } from './entries';
export { decodeText, type DecodedText, type TextEncodingName } from './decode';
export {
  csvDelimiterFor,
  CSV_DELIMITERS,
  detectDelimiter,
  type CsvDelimiter,
  type CsvOptions,
} from './csv';
export {
  previewImport,
  PREVIEW_STATUSES,
  type ImportPreview,
  type PreviewItem,
  type PreviewStatus,
} from './preview';

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** Refuse a file by its size alone, before reading it. */
export function checkImportSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ImportError('import.tooLarge', { size: mb(bytes), limit: mb(MAX_IMPORT_BYTES) });
  }
}

/** The format of a file, by its extension, else by its first characters. */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'tbx' || ext === 'xml') return 'tbx';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  if (start.startsWith('<')) return 'tbx';
  return 'csv';
}

/** Parse and check a file's text; throws ImportError saying what is wrong and where. */
export function parseImport(fileName: string, text: string): Entry[] {
  checkImportSize(new TextEncoder().encode(text).length);
  if (text.includes('\u0000')) throw new ImportError('import.binary');
  return parseText(text, detectFormat(fileName, text));
}

/** The entries of a text already checked for size and binary content. */
function parseText(text: string, format: ImportFormat): Entry[] {
  let entries: Entry[];
  try {
    entries =
      format === 'json' ? importJson(text) : format === 'csv' ? importCsv(text) : importTbx(text);
  } catch (err) {
    // Broken XML (xml.ts XmlError) is an import error like the others.
    if (err instanceof CodedError && !(err instanceof ImportError)) {
      throw new ImportError(err.code, err.params, err.where);
    }
    throw err;
  }
  if (entries.length === 0) throw new ImportError('import.empty');
  return entries;
}

export interface ParsedFile {
  entries: Entry[];
  format: ImportFormat;
  encoding: TextEncodingName;
  /** windows-1251 text where Kazakh letters seem to have been saved as "?". */
  lossy: boolean;
  /** The delimiter of a CSV file. */
  delimiter?: string;
}

/** Parse a file from its bytes: size, encoding (decode.ts), format, entries. */
export function parseImportFile(fileName: string, bytes: Uint8Array): ParsedFile {
  checkImportSize(bytes.length);
  const { text, encoding, lossy } = decodeText(bytes);
  const format = detectFormat(fileName, text);
  // The bytes were measured above and decodeText refuses binary text: not checked again.
  const entries = parseText(text, format);
  const parsed: ParsedFile = { entries, format, encoding, lossy };
  if (format === 'csv') parsed.delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''));
  return parsed;
}

export interface ExportOptions {
  csv?: CsvOptions;
}

export const EXPORTERS: Record<
  ImportFormat,
  { write: (entries: readonly Entry[], options?: ExportOptions) => string; mime: string }
> = {
  json: { write: (entries) => exportJson(entries), mime: 'application/json' },
  csv: { write: (entries, options) => exportCsv(entries, options?.csv), mime: 'text/csv' },
  tbx: { write: (entries) => exportTbx(entries), mime: 'application/x-tbx+xml' },
};
