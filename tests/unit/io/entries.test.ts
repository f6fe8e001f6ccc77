import { describe, expect, test } from 'vitest';
import {
  parseImport,
  previewImport,
  EXPORTERS,
  MAX_IMPORT_BYTES,
  checkImportSize,
  ImportError,
} from '../../../glossary/io';
import type { Entry } from '../../../glossary/types';

const FULL: Entry = {
  id: 'p-abc123',
  kk: {
    term: 'сот төрелігі',
    variants: ['сот билігі', 'a|b-free "quoted", comma'],
    definition: 'Соттың қызметі; "тырнақша", үтір, = формула емес',
  },
  ru: { term: 'правосудие', variants: [], definition: '=SUM(A1) не формула; a < b & c' },
  en: { term: 'justice' },
  citations: [
    {
      edition: '2026',
      article: '76',
      clause: '1',
      quote: {
        kk: 'Сот төрелігін тек сот қана жүзеге асырады.',
        ru: 'Правосудие осуществляется только судом.',
      },
    },
    { edition: '1995', article: '75', clause: '1', quote: { kk: 'к', ru: 'р' }, mentions: false },
  ],
  tags: ['judiciary', 'менің тегім'],
};
const MINIMAL: Entry = {
  id: 'p-min',
  kk: { term: 'заң', variants: [], definition: '' },
  ru: { term: 'закон', variants: [], definition: '' },
  citations: [],
  tags: [],
};
// "|" cannot sit inside a CSV list cell (it separates the items); see glossary/io/README.md.
const CSV_SAFE: Entry = {
  ...FULL,
  kk: { ...FULL.kk, variants: ['сот билігі', 'quoted "x", comma'] },
};

describe('export → import round-trips without loss', () => {
  test.each(['json', 'csv', 'tbx'] as const)('%s', (format) => {
    const entries = format === 'csv' ? [CSV_SAFE, MINIMAL] : [FULL, MINIMAL];
    const text = EXPORTERS[format].write(entries);
    expect(parseImport(`x.${format}`, text)).toEqual(entries);
  });
});

/** An entry with a status, variant statuses and context rules (glossary/context.ts). */
const RULED: Entry = {
  id: 'p-ruled',
  kk: {
    term: 'Сенат',
    variants: ['Парламент Сенаты', 'жоғарғы палата'],
    definition: '',
    variantStatus: { 'жоғарғы палата': 'preferred' },
  },
  ru: {
    term: 'Сенат',
    variants: ['Сенат Парламента'],
    definition: '',
    variantStatus: { 'Сенат Парламента': 'historical' },
  },
  citations: [],
  tags: [],
  status: 'historical',
  sense: { group: 'senat', when: [{ form: 'bare', next: { words: ['палатасы'] } }] },
  quiet: [{ lang: 'ru', terms: ['Сенат'], when: [{ legalContext: true }] }],
};

describe('status, variant statuses and context rules round-trip', () => {
  test.each(['json', 'csv', 'tbx'] as const)('%s', (format) => {
    const text = EXPORTERS[format].write([RULED, MINIMAL]);
    expect(parseImport(`x.${format}`, text)).toEqual([RULED, MINIMAL]);
  });

  test('TBX writes each term’s administrativeStatus from the TBX-Basic picklist', () => {
    const tbx = EXPORTERS.tbx.write([RULED, MINIMAL]);
    const statuses = [
      ...tbx.matchAll(/<term>([^<]+)<\/term><termNote type="administrativeStatus">([^<]+)</g),
    ].map((m) => `${m[1]}=${m[2]}`);
    expect(statuses).toEqual([
      'Сенат=supersededTerm-admn-sts',
      'Парламент Сенаты=admittedTerm-admn-sts',
      'жоғарғы палата=preferredTerm-admn-sts',
      'Сенат=supersededTerm-admn-sts',
      'Сенат Парламента=supersededTerm-admn-sts',
      'заң=preferredTerm-admn-sts',
      'закон=preferredTerm-admn-sts',
    ]);
  });

  test('TBX from other tools: a deprecated term reads as historical', () => {
    const tbx = `<tbx type="TBX-Basic"><text><body><conceptEntry id="c1">
      <langSec xml:lang="kk"><termSec><term>сот</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>сот органы</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="ru"><termSec><term>суд</term></termSec></langSec></conceptEntry></body></text></tbx>`;
    expect(parseImport('a.tbx', tbx)[0]?.kk).toEqual({
      term: 'сот',
      variants: ['сот органы'],
      definition: '',
      variantStatus: { 'сот органы': 'historical' },
    });
  });

  test('a rule that is not one is refused with the field named', () => {
    expect(() =>
      parseImport('a.json', JSON.stringify([{ ...MINIMAL, quiet: [{ lang: 'xx', when: [] }] }])),
    ).toThrow(/quiet/);
  });
});

describe('other tools’ files', () => {
  test('JSON as a bare array', () => {
    expect(parseImport('a.json', JSON.stringify([MINIMAL]))).toEqual([MINIMAL]);
  });
  test('TBX v2 (martif) with tig and ntig', () => {
    const tbx = `<?xml version="1.0"?><martif type="TBX"><text><body>
      <termEntry id="e1"><descrip type="subjectField">law</descrip>
        <langSet xml:lang="kk-KZ"><tig><term>сот</term></tig></langSet>
        <langSet xml:lang="ru"><descripGrp><descrip type="definition">Орган &amp; власть</descrip></descripGrp>
          <ntig><termGrp><term>суд</term></termGrp></ntig><tig><term>судебный орган</term></tig></langSet>
      </termEntry></body></text></martif>`;
    expect(parseImport('a.tbx', tbx)).toEqual([
      {
        id: 'e1',
        kk: { term: 'сот', variants: [], definition: '' },
        ru: { term: 'суд', variants: ['судебный орган'], definition: 'Орган & власть' },
        citations: [],
        tags: ['law'],
      },
    ]);
  });
  test('CSV with only the two required columns', () => {
    expect(parseImport('a.csv', 'kk_term,ru_term\nзаң,закон\n')[0]).toMatchObject({
      kk: { term: 'заң' },
      ru: { term: 'закон' },
    });
  });
});

describe('bad files are refused with a code, its parameters and the place', () => {
  test.each([
    ['a.json', 'not json at all', 'import.notJson', null],
    ['a.json', '{"foo": 1}', 'import.jsonShape', null],
    [
      'a.json',
      '[{"kk":{"term":"заң"},"ru":{"term":""}}]',
      'entry.required',
      { code: 'where.entry', params: { n: 1 } },
    ],
    [
      'a.csv',
      'term,translation\nзаң,закон\n',
      'import.csv.unknownColumns',
      { code: 'where.header' },
    ],
    [
      'a.csv',
      'kk_term,ru_term\nзаң,закон\n,суд\n',
      'entry.required',
      { code: 'where.row', params: { n: 3 } },
    ],
    [
      'a.csv',
      'kk_term,ru_term,citations\nзаң,закон,[oops\n',
      'import.csv.citations',
      { code: 'where.row', params: { n: 2 } },
    ],
    [
      'a.tbx',
      '<tbx><text><body><conceptEntry><langSec xml:lang="kk"></body></tbx>',
      'xml.mismatch',
      { code: 'where.line', params: { line: 1, column: 61 } },
    ],
    ['a.tbx', '<!DOCTYPE x [<!ENTITY a "aaaa">]><tbx/>', 'xml.doctype', expect.anything()],
    ['a.tbx', '<html><body/></html>', 'import.tbx.notTbx', null],
    [
      'a.tbx',
      '<tbx><text><body><conceptEntry id="c9"><langSec xml:lang="ru"><termSec><term>суд</term></termSec></langSec></conceptEntry></body></text></tbx>',
      'entry.required',
      { code: 'where.conceptId', params: { n: 1, id: 'c9' } },
    ],
    ['a.json', '[]', 'import.empty', null],
    [
      'a.json',
      '[{"kk":{"term":"заң"},"ru":{"term":"закон"},"citations":[{"edition":"2026","article":"999","clause":"1","quote":{"kk":"","ru":""}}]}]',
      'entry.citation.noArticle',
      { code: 'where.entry', params: { n: 1 } },
    ],
    [
      'a.json',
      '[{"kk":{"term":"заң"},"ru":{"term":"закон"},"citations":[{"edition":"2026","article":"76","clause":"9","quote":{"kk":"","ru":""}}]}]',
      'entry.citation.noClause',
      { code: 'where.entry', params: { n: 1 } },
    ],
  ])('%s: %s', (name, text, code, where) => {
    let thrown: unknown;
    try {
      parseImport(name, text);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ImportError);
    expect((thrown as ImportError).code).toBe(code);
    expect((thrown as ImportError).where).toEqual(where);
  });

  test('the English message (logs, command line) names the place', () => {
    expect(() => parseImport('a.csv', 'kk_term,ru_term\nзаң,закон\n,суд\n')).toThrow(
      'Row 3: Kazakh term is required.',
    );
  });

  test(`a file over ${MAX_IMPORT_BYTES / 1024 / 1024} MB is refused by its size, before parsing`, () => {
    expect(() => checkImportSize(80 * 1024 * 1024)).toThrow(
      expect.objectContaining({ code: 'import.tooLarge', params: { size: '80.0', limit: '64.0' } }),
    );
    // A 50,000-entry termbase (glossary/io/README.md) is well inside the limit.
    expect(() => checkImportSize(40 * 1024 * 1024)).not.toThrow();
    expect(() => parseImport('big.json', '['.padEnd(MAX_IMPORT_BYTES + 1, ' '))).toThrow(/limit/);
  });

  test('markup is not refused: it is text like any other (it is always rendered as text)', () => {
    const [e] = parseImport(
      'a.json',
      '[{"kk":{"term":"<script>alert(1)</script>"},"ru":{"term":"закон","definition":"<img/src=x onerror=alert(1)>"}}]',
    );
    expect(e!.kk.term).toBe('<script>alert(1)</script>');
    expect(e!.ru.definition).toBe('<img/src=x onerror=alert(1)>');
  });
});

describe('import preview', () => {
  test('new, changed and duplicate entries, by id or by both terms', () => {
    const glossary = [FULL, MINIMAL];
    const preview = previewImport(
      [
        { ...MINIMAL, id: '' }, // same terms, same content → duplicate
        { ...FULL, tags: ['judiciary'] }, // same id, other content → changed
        { ...MINIMAL, id: '', kk: { ...MINIMAL.kk, term: 'жаңа' } }, // new
      ],
      glossary,
    );
    expect(preview.items.map((i) => i.status)).toEqual(['duplicate', 'changed', 'new']);
    expect(preview.counts).toEqual({ new: 1, changed: 1, duplicate: 1, repeated: 0 });
  });
});
