/**
 * The options table's requests: `entries/page` (one page of the personal
 * entries, filtered and sorted by glossary/entry-list.ts), `entries/ids` (its
 * "select all") and `entries/with-term` (the entry form's duplicate warning),
 * answered by the background from a glossary of bundled entries, overrides and
 * a few thousand personal entries.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { seedBundled } from '../../../db/seed';
import { GlossaryService } from '../../../entrypoints/background/requests';
import { EntryList, type FilterTextCache } from '../../../glossary/entry-list';
import { errorInfoOf } from '../../../glossary/errors';
import type { EntriesPage, ImportSummary, StoredEntry } from '../../../lib/protocol';
import { MAX_PAGE_ROWS } from '../../../lib/request-schemas';
import { freshDatabases } from '../../support/databases';
import { testEntry } from '../../support/entries';

const freshDb = freshDatabases('atazan-page');

const BUNDLED = [
  testEntry('sot', 'сот', 'суд', { tags: ['judiciary'] }),
  testEntry('zan', 'заң', 'закон'),
  testEntry('prokuror', 'прокурор', 'прокурор', {
    kk: { term: 'прокурор', variants: ['айыптаушы'], definition: '' },
  }),
];
/** Personal entries in the termbase. */
const SIZE = 3000;

async function ask<T>(svc: GlossaryService, request: object): Promise<T> {
  const { response } = await svc.handle(request);
  const info = errorInfoOf((response as { error?: unknown } | null)?.error);
  if (info) throw new Error(`${JSON.stringify(request)}: ${info.code}`);
  return response as T;
}

/** The code a request is refused with (null when it is answered). */
async function refusal(svc: GlossaryService, request: object): Promise<string | null> {
  const { response } = await svc.handle(request);
  return errorInfoOf((response as { error?: unknown } | null)?.error)?.code ?? null;
}

/** A glossary with the bundled entries, an override of `sot`, and SIZE imported termbase entries. */
async function termbase(): Promise<GlossaryService> {
  const db = freshDb();
  await seedBundled(db, '1.0.0', BUNDLED);
  const svc = new GlossaryService(db);
  await ask(svc, {
    type: 'entry/save',
    entry: testEntry('sot', 'сот', 'суд', { tags: ['менің'] }),
  });
  const entries = Array.from({ length: SIZE }, (_, i) =>
    testEntry('', `база термині ${i}`, `термин базы ${i}`, { tags: i % 10 === 0 ? ['ондық'] : [] }),
  );
  const summary = await ask<ImportSummary>(svc, {
    type: 'entries/import',
    entries,
    policy: 'skip',
  });
  expect(summary.added).toBe(SIZE);
  return svc;
}

const page = (svc: GlossaryService, query: object) =>
  ask<EntriesPage>(svc, { type: 'entries/page', limit: 100, ...query });

describe('entries/page', () => {
  test('the first page, the count, a filter deep in the list, the order of each column', async () => {
    const svc = await termbase();
    const first = await page(svc, {});
    // Personal entries only: the override and the termbase, not the bundled rows.
    expect(first.all).toBe(SIZE + 1);
    expect(first.total).toBe(SIZE + 1);
    expect(first.rows).toHaveLength(100);
    expect(first.rows.every((e) => e.source === 'personal')).toBe(true);
    // Newest first: the override was saved before the import.
    const times = first.rows.map((e) => e.updatedAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // The filter folds as the search does (Kazakh letters typed on a Russian keyboard) and finds
    // an entry far down the list; the count is of the matches.
    const deep = await page(svc, { filter: 'БАЗА ТЕРМИНИ 2718' });
    expect(deep.rows.map((e) => e.kk.term)).toEqual(['база термині 2718']);
    expect(deep.total).toBe(1);
    expect(deep.all).toBe(SIZE + 1);
    // It looks in tags and variants too.
    expect((await page(svc, { filter: 'ондық', limit: 500 })).total).toBe(SIZE / 10);
    expect((await page(svc, { filter: 'менің' })).rows.map((e) => e.id)).toEqual(['sot']);
    expect((await page(svc, { filter: 'айыптаушы' })).total).toBe(0);

    // Sorted by the Kazakh term: ascending, then descending, in the collator's order.
    const byKk = await page(svc, {
      filter: 'база термині 1',
      sort: { key: 'kk', dir: 1 },
      lang: 'kk',
    });
    const terms = byKk.rows.map((e) => e.kk.term);
    const collator = new Intl.Collator('kk');
    expect([...terms].sort(collator.compare)).toEqual(terms);
    const byKkDown = await page(svc, {
      filter: 'база термині 1',
      sort: { key: 'kk', dir: -1 },
      lang: 'kk',
      offset: byKk.total - 100,
    });
    expect(byKkDown.rows.map((e) => e.kk.term).reverse()).toEqual(terms);
    const byRu = await page(svc, { sort: { key: 'ru', dir: 1 }, lang: 'ru', limit: 1 });
    expect(byRu.rows[0]!.ru.term).toBe('суд');
  });

  test('pages follow each other without a gap or a repeat; past the end there are no rows', async () => {
    const svc = await termbase();
    const seen = new Set<string>();
    for (let offset = 0; offset < SIZE + 1; offset += MAX_PAGE_ROWS) {
      const p = await page(svc, { offset, limit: MAX_PAGE_ROWS, sort: { key: 'ru', dir: 1 } });
      for (const e of p.rows) seen.add(e.id);
    }
    expect(seen.size).toBe(SIZE + 1);
    const past = await page(svc, { offset: SIZE + 1 });
    expect(past).toMatchObject({ rows: [], total: SIZE + 1, all: SIZE + 1 });
    expect((await page(svc, { offset: SIZE - 1 })).rows).toHaveLength(2);
  });

  test('a change is in the next page asked, with its revision', async () => {
    const svc = await termbase();
    const before = await page(svc, { filter: 'база термині 42' });
    const target = before.rows.find((e) => e.kk.term === 'база термині 42')!;
    await ask(svc, { type: 'entry/delete', id: target.id });
    const after = await page(svc, { filter: 'база термині 42' });
    expect(after.total).toBe(before.total - 1);
    expect(after.revision).toBeGreaterThan(before.revision);
    const edited = before.rows.find((e) => e.id !== target.id)!;
    await ask(svc, {
      type: 'entry/save',
      entry: testEntry(edited.id, 'мүлде жаңа', edited.ru.term),
    });
    expect((await page(svc, {})).rows[0]!.kk.term).toBe('мүлде жаңа');
  });

  test('bad parameters are refused with a code', async () => {
    const svc = await termbase();
    const cases: [object, string][] = [
      [{ filter: 5 }, 'request.query'],
      [{ sort: { key: 'definition', dir: 1 } }, 'request.sort'],
      [{ sort: { key: 'kk', dir: 0 } }, 'request.sort'],
      [{ sort: 'kk' }, 'entry.notObject'],
      [{ lang: 'de' }, 'settings.language'],
      [{ offset: -1 }, 'request.range'],
      [{ offset: 1.5 }, 'request.range'],
      [{ limit: 0 }, 'request.range'],
      [{ limit: MAX_PAGE_ROWS + 1 }, 'request.range'],
      [{ limit: undefined }, 'request.range'],
    ];
    for (const [query, code] of cases) {
      expect(
        await refusal(svc, { type: 'entries/page', limit: 100, ...query }),
        JSON.stringify(query),
      ).toBe(code);
    }
  });
});

describe('entries/ids', () => {
  test('every personal entry the filter lets through, past the first page', async () => {
    const svc = await termbase();
    const ids = await ask<string[]>(svc, { type: 'entries/ids', filter: 'ондық' });
    expect(ids).toHaveLength(SIZE / 10);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await ask<string[]>(svc, { type: 'entries/ids', filter: '' })).toHaveLength(SIZE + 1);
    expect(await refusal(svc, { type: 'entries/ids', filter: [] })).toBe('request.query');
  });
});

describe('entries/with-term', () => {
  const find = (svc: GlossaryService, lang: string, term: string, except?: string) =>
    ask<StoredEntry | null>(svc, { type: 'entries/with-term', lang, term, except });

  test('finds the entry with a term or variant in that language, as the glossary has it', async () => {
    const svc = await termbase();
    // Folded: case and spaces do not matter; the other language does.
    expect((await find(svc, 'kk', '  ЗАҢ '))?.id).toBe('zan');
    expect(await find(svc, 'ru', 'заң')).toBeNull();
    expect((await find(svc, 'ru', 'термин базы 2999'))?.kk.term).toBe('база термині 2999');
    expect((await find(svc, 'kk', 'айыптаушы'))?.id).toBe('prokuror');
    // An overridden bundled entry is found as its override.
    expect(await find(svc, 'kk', 'сот')).toMatchObject({ id: 'sot', source: 'personal' });
    // The entry being edited is not its own duplicate.
    expect(await find(svc, 'kk', 'сот', 'sot')).toBeNull();
    expect(await find(svc, 'kk', 'жоқ термин')).toBeNull();
    expect(await find(svc, 'kk', '   ')).toBeNull();
  });

  test('an override that changed its term hides the bundled one', async () => {
    const svc = await termbase();
    await ask(svc, { type: 'entry/save', entry: testEntry('zan', 'заңнама', 'законодательство') });
    expect(await find(svc, 'kk', 'заң')).toBeNull();
    expect((await find(svc, 'kk', 'заңнама'))?.id).toBe('zan');
  });

  test('bad parameters are refused with a code', async () => {
    const svc = await termbase();
    expect(await refusal(svc, { type: 'entries/with-term', lang: 'en', term: 'x' })).toBe(
      'request.lang',
    );
    expect(await refusal(svc, { type: 'entries/with-term', lang: 'kk', term: 1 })).toBe(
      'request.query',
    );
    expect(
      await refusal(svc, { type: 'entries/with-term', lang: 'kk', term: 'x', except: '' }),
    ).toBe('request.idRequired');
  });
});

/** Entries whose folded texts, side by side, hold a filter across their boundary. */
const NEIGHBOURS = [
  testEntry('a', 'алма', 'яблоко'),
  testEntry('b', 'бал', 'мёд', { tags: ['тәтті'] }),
  testEntry('c', 'су', 'вода'),
  testEntry('d', 'алмас', 'алмаз'),
].map((e, i) => ({ ...e, updatedAt: i }));

/** The filter typed, and the ids it lets through (in the list's order). */
const FILTERS: [string, string[]][] = [
  ['алма', ['a', 'd']],
  ['АЛМА', ['a', 'd']],
  ['мед', ['b']],
  ['тәтті', ['b']],
  // The end of one entry's text and the start of the next are not one text.
  ['тәтті су', []],
  ['вода алмас', []],
  ['вода', ['c']],
  ['алмаз', ['d']],
  ['', ['a', 'b', 'c', 'd']],
  ['жоқ', []],
  ['\u0000', []],
];

describe('the filter rule (glossary/entry-list.ts)', () => {
  const sort = { key: 'updated', dir: 1 } as const;
  test.each(FILTERS)('%j lets through %j', (filter, ids) => {
    const list = new EntryList(NEIGHBOURS);
    expect(
      list.page({ filter, sort, lang: 'kk', offset: 0, limit: 10 }).rows.map((e) => e.id),
    ).toEqual(ids);
    expect(list.ids(filter)).toEqual(ids);
  });

  test('texts folded a slice at a time filter as texts folded at once, and are kept for the next list', () => {
    const cache: FilterTextCache = new Map();
    const sliced = new EntryList(NEIGHBOURS, cache);
    const steps: boolean[] = [];
    for (let done = false; !done;) steps.push((done = sliced.fold(1)));
    expect(steps).toEqual([false, false, false, true]);
    const whole = new EntryList(NEIGHBOURS);
    for (const [filter] of FILTERS) expect(sliced.ids(filter)).toEqual(whole.ids(filter));
    expect([...cache.keys()]).toEqual(['a', 'b', 'c', 'd']);
    // An entry changed since is folded again; the others come from the cache.
    const changed = [
      ...NEIGHBOURS.slice(0, 3),
      { ...NEIGHBOURS[3]!, kk: { ...NEIGHBOURS[3]!.kk, term: 'інжу' }, updatedAt: 9 },
    ];
    expect(new EntryList(changed, cache).ids('інжу')).toEqual(['d']);
    expect(cache.get('d')?.updatedAt).toBe(9);
  });
});
