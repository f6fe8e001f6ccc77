import { describe, expect, test } from 'vitest';
import { createSearch } from '../../../glossary/search';
import {
  buildSearchData,
  buildSearchDataInSlices,
  searchKey,
  tableDefinitions,
  tableDefinitionsInSlices,
} from '../../../glossary/search-data';
import { latinToCyrillic } from '../../../glossary/transliterate';
import type { Entry } from '../../../glossary/types';
import { BUNDLED_ENTRIES } from '../../../glossary/data/index';

function entry(id: string, kk: string, ru: string, extra: Partial<Entry> = {}): Entry {
  return {
    id,
    kk: { term: kk, variants: [], definition: `${kk} туралы анықтама.` },
    ru: { term: ru, variants: [], definition: `Определение: ${ru}.` },
    citations: [],
    tags: [],
    ...extra,
  };
}

const ENTRIES: Entry[] = [
  entry('justice', 'сот төрелігі', 'правосудие'),
  entry('court', 'сот', 'суд'),
  entry('constitutional-court', 'Конституциялық Сот', 'Конституционный Суд'),
  entry('constitution', 'Конституция', 'Конституция', {
    kk: {
      term: 'Конституция',
      variants: ['Ата Заң', 'ҚР Конституциясы'],
      definition: 'Ең жоғары заң күші бар негізгі заң.',
    },
    ru: {
      term: 'Конституция',
      variants: ['Основной Закон'],
      definition: 'Основной закон государства, обладающий высшей юридической силой.',
    },
  }),
  entry('citizen', 'азамат', 'гражданин'),
  entry('civil-procedure', 'азаматтық іс жүргізу', 'гражданское судопроизводство'),
  entry('maslikhat', 'мәслихат', 'маслихат'),
];

const search = createSearch(ENTRIES);
const ids = (q: string) => search.search(q).map((h) => h.entry.id);

describe('folding', () => {
  test('Kazakh letters fold onto their Russian-keyboard substitutes, case and ё too', () => {
    expect(searchKey('Сот Төрелігі')).toBe(searchKey('сот торелиги'));
    expect(searchKey('ЁЛКА')).toBe('елка');
  });
  test('Latin queries read as Kazakh (2021 alphabet) and as common romanisation', () => {
    expect(latinToCyrillic('sot töreligi').map(searchKey)).toContain(searchKey('сот төрелігі'));
    expect(latinToCyrillic('konstitutsiya').map(searchKey)).toContain(searchKey('конституция'));
    expect(latinToCyrillic('qūqyq').map(searchKey)).toContain(searchKey('құқық'));
  });
});

describe('finding entries', () => {
  test.each([
    ['сот төрелігі', 'justice'],
    ['сот торелиги', 'justice'], // Kazakh typed on a Russian keyboard
    ['sot töreligi', 'justice'], // 2021 Latin alphabet
    ['sot toreligi', 'justice'], // plain ASCII
    ['правосудие', 'justice'],
    ['ПРАВОСУДИЕ', 'justice'],
    ['канституция', 'constitution'], // a typo
    ['konstitutsiya', 'constitution'],
    ['ата заң', 'constitution'], // a variant
    ['основной закон', 'constitution'],
    ['гражданское судопроизводство', 'civil-procedure'],
    ['азаматтык ис', 'civil-procedure'],
    ['maslihat', 'maslikhat'],
    ['высшей юридической силой', 'constitution'], // words of a definition
  ])('%s → %s', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  test('a blank query finds nothing', () => {
    expect(search.search('   ')).toEqual([]);
  });
});

describe('ranking', () => {
  test('an exact hit comes first, then prefix hits, then words inside terms', () => {
    const hits = search.search('сот');
    expect(hits[0]).toMatchObject({ kind: 'exact', entry: { id: 'court' } });
    expect(hits[1]).toMatchObject({ kind: 'prefix', entry: { id: 'justice' } });
    expect(hits.find((h) => h.entry.id === 'constitutional-court')?.kind).toBe('word-prefix');
  });
  test('exact and prefix hits rank before fuzzy ones', () => {
    const hits = search.search('азамат');
    expect(hits.map((h) => h.entry.id).slice(0, 2)).toEqual(['citizen', 'civil-procedure']);
    expect(hits[0]!.kind).toBe('exact');
  });
  test('term hits rank before definition hits', () => {
    const hits = search.search('конституция');
    expect(hits[0]!.entry.id).toBe('constitution');
    const kinds = hits.map((h) => h.kind);
    expect(kinds.indexOf('definition')).toBeLessThan(0);
  });
  test('limit caps the results', () => {
    expect(search.search('с', 2)).toHaveLength(2);
  });
});

describe('one wrong letter, in the bundled glossary in its own order and in the database’s', () => {
  const byId = [...BUNDLED_ENTRIES].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const orders = [createSearch(BUNDLED_ENTRIES), createSearch(byId)];
  // A typo whose own bigrams are the query's rarest hides the term from the bigram filter.
  test.each([
    ['канституция', 'constitution', 'a letter replaced'],
    ['конституцыя', 'constitution', 'a letter replaced'],
    ['констиуция', 'constitution', 'a letter dropped'],
    ['конститутция', 'constitution', 'a letter added'],
    ['правосудте', 'justice', 'a letter replaced'],
    ['прокурорр', 'prosecutor', 'a letter added'],
    ['сот төрелгі', 'justice', 'a letter dropped'],
    ['адвакат', 'advocate', 'a letter replaced'],
  ])('%s → %s (%s)', (query, id) => {
    for (const search of orders) {
      const hits = search.search(query);
      expect(hits.slice(0, 2).map((h) => h.entry.id)).toContain(id);
      expect(hits.find((h) => h.entry.id === id)?.kind).toBe('fuzzy');
    }
  });
  test.each(['ъъъъъъ', 'щщщщщщщщ'])('%s (no term near it) finds nothing', (query) => {
    for (const search of orders) expect(search.search(query)).toEqual([]);
  });
});

describe('the bundled glossary', () => {
  const bundled = createSearch(BUNDLED_ENTRIES);
  test.each(['сот торелиги', 'sot toreligi', 'канституция', 'правосудие'])(
    '%s finds an entry first',
    (q) => {
      expect(bundled.search(q)[0]?.entry.id).toBe(q === 'канституция' ? 'constitution' : 'justice');
    },
  );
});

describe('the search index built in slices (as the service worker builds it)', () => {
  // Past several slices of entries and strings: the bundled glossary and a synthetic termbase.
  const MANY: Entry[] = [
    ...BUNDLED_ENTRIES,
    ...Array.from({ length: 3000 }, (_, i) =>
      entry(`t${i}`, `термин ${i} шарт`, `термин ${i} договора`),
    ),
  ];

  test('is the index built at once, definitions too, with pauses between its slices', async () => {
    let pauses = 0;
    const pause = async () => void pauses++;
    expect(await buildSearchDataInSlices(MANY, pause)).toEqual(buildSearchData(MANY));
    const termPauses = pauses;
    expect(termPauses).toBeGreaterThan(4);
    expect(await tableDefinitionsInSlices(MANY, pause)).toEqual(tableDefinitions(MANY));
    expect(pauses - termPauses).toBeGreaterThan(4);
  });

  test('of an empty glossary: the empty index', async () => {
    const data = await buildSearchDataInSlices([], async () => undefined);
    expect(data).toEqual(buildSearchData([]));
    expect(data.terms.strings).toEqual([]);
  });
});
