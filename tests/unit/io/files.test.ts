/**
 * Real-world files: Excel's CSVs (windows-1251 with semicolons, UTF-16 "Unicode
 * text" with tabs, UTF-8 with a byte order mark), the export for Excel, and
 * the preview's honesty about entries a file repeats.
 */
import { describe, expect, test } from 'vitest';
import {
  decodeText,
  detectDelimiter,
  EXPORTERS,
  ImportError,
  parseImport,
  parseImportFile,
  previewImport,
} from '../../../glossary/io';
import type { Entry } from '../../../glossary/types';
import { cp1251 } from '../../support/encodings';

function utf16(text: string, le: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = c & 0xff;
    out[2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return out;
}

const EXCEL_RU =
  'kk_term;ru_term;ru_definition\r\nсот;суд;орган «правосудия»\r\nзаң;новая запись;ещё одна, с запятой\r\n';

describe('encodings', () => {
  test('a windows-1251 CSV with semicolons (Excel, Russian locale) is read with its Cyrillic intact', () => {
    const parsed = parseImportFile('excel.csv', cp1251(EXCEL_RU));
    expect(parsed.encoding).toBe('windows-1251');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.lossy).toBe(true); // заң: windows-1251 has no ң
    expect(parsed.entries.map((e) => [e.kk.term, e.ru.term, e.ru.definition])).toEqual([
      ['сот', 'суд', 'орган «правосудия»'],
      ['заң'.replace('ң', '?'), 'новая запись', 'ещё одна, с запятой'],
    ]);
  });

  test('Kazakh letters windows-1251 cannot hold show as "?", and the file is marked lossy', () => {
    expect(parseImportFile('excel.csv', cp1251(EXCEL_RU)).entries[1]!.kk.term).toBe('за?');
    expect(decodeText(cp1251('kk_term;ru_term\r\nсот;суд\r\n')).lossy).toBe(false);
    expect(decodeText(cp1251('kk_term;ru_term\r\nқұқық;право\r\n')).lossy).toBe(true);
  });

  test.each([
    [
      'UTF-16 LE with a byte order mark',
      utf16(EXCEL_RU.replaceAll(';', '\t'), true, true),
      'utf-16le',
    ],
    ['UTF-16 BE with a byte order mark', utf16(EXCEL_RU, false, true), 'utf-16be'],
    ['UTF-16 LE without one', utf16(EXCEL_RU, true, false), 'utf-16le'],
    ['UTF-8 with a byte order mark', new TextEncoder().encode('\uFEFF' + EXCEL_RU), 'utf-8'],
    ['UTF-8 without one', new TextEncoder().encode(EXCEL_RU), 'utf-8'],
  ])('%s', (_name, bytes, encoding) => {
    const parsed = parseImportFile('list.csv', bytes);
    expect(parsed.encoding).toBe(encoding);
    expect(parsed.entries[1]!.kk.term).toBe('заң');
    expect(parsed.entries[0]!.ru.definition).toBe('орган «правосудия»');
  });

  test('UTF-8 is tried strictly first: valid UTF-8 is never read as windows-1251', () => {
    expect(decodeText(new TextEncoder().encode('Құқық — право')).encoding).toBe('utf-8');
  });

  test('bytes that are neither are refused; binary files too', () => {
    const random = Uint8Array.from({ length: 400 }, (_, i) => (i * 7919 + 13) % 256).filter(
      (b) => b !== 0,
    );
    expect(() => decodeText(random)).toThrow(
      expect.objectContaining({ code: 'import.unknownEncoding' }),
    );
    expect(() => decodeText(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2]))).toThrow(
      expect.objectContaining({ code: 'import.binary' }),
    );
    // A broken UTF-8 file with a UTF-8 byte order mark is not guessed at.
    expect(() => decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]))).toThrow(ImportError);
  });
});

describe('CSV dialects', () => {
  test.each([
    ['a,b;c\n', ','],
    ['kk_term;ru_term\n', ';'],
    ['kk_term\tru_term\n', '\t'],
    ['"a;b;c",d\n', ','],
  ])('delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  const entries: Entry[] = [
    {
      id: 'p-1',
      kk: { term: 'сот', variants: ['сот органы'], definition: 'үтір, нүктелі; үтір' },
      ru: { term: 'суд', variants: [], definition: '=формула' },
      citations: [],
      tags: ['a'],
    },
  ];
  test.each([',', ';', '\t'] as const)('export with %j and a byte order mark, and back', (d) => {
    const text = EXPORTERS.csv.write(entries, { csv: { delimiter: d } });
    expect(text.startsWith('\uFEFFid' + d + 'kk_term' + d)).toBe(true);
    expect(parseImport('x.csv', text)).toEqual(entries);
    expect(parseImportFile('x.csv', new TextEncoder().encode(text)).entries).toEqual(entries);
  });
});

describe('the preview counts what a file repeats', () => {
  const e = (id: string, kk: string, ru: string): Entry => ({
    id,
    kk: { term: kk, variants: [], definition: '' },
    ru: { term: ru, variants: [], definition: '' },
    citations: [],
    tags: [],
  });
  test('two entries sharing one id: one new, one repeated', () => {
    const preview = previewImport([e('p-a', 'сот', 'суд'), e('p-a', 'заң', 'закон')], []);
    expect(preview.items.map((i) => i.status)).toEqual(['new', 'repeated']);
    expect(preview.items[1]!.repeats).toBe(0);
    expect(preview.counts).toEqual({ new: 1, changed: 0, duplicate: 0, repeated: 1 });
  });
  test('two rows without ids with the same terms are repeated too', () => {
    const preview = previewImport([e('', 'Сот', 'суд'), e('', 'сот', 'Суд')], []);
    expect(preview.counts.repeated).toBe(1);
  });
});
