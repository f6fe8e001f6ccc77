/**
 * A woken worker (a new GlossaryService over the same database) serves search
 * from the stored search index of the snapshot's revision instead of building
 * one; a stale or damaged row is built again from the entries and written
 * over, never an error, and nothing is lost: every answer equals that of an
 * index built from the snapshot.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
// First: Dexie finds IndexedDB as it loads.
import { freshDatabases } from '../../support/databases';
import { TYPED_QUERIES } from '../../support/search-queries';
import * as searchData from '../../../glossary/search-data';
import { BUNDLED_ENTRIES } from '../../../glossary/data/index';
import { createSearch } from '../../../glossary/search';
import { importEntries } from '../../../db/glossary-store';
import { seedBundled } from '../../../db/seed';
import { GlossaryService } from '../../../entrypoints/background/requests';
import { bundledRowsOf } from '../../../lib/bundled-glossary-file';
import { SEARCH_INDEX_KEY } from '../../../lib/database-names';
import type { GlossarySnapshot, SearchAnswer, StoredEntry } from '../../../lib/protocol';
import { openStoredSearch, packSearchIndex } from '../../../lib/stored-search';
import { SearchCache } from '../../../entrypoints/background/search-cache';
import { testEntry } from '../../support/entries';

// Every index the worker builds (in slices), counted: a woken worker must build none from a good row.
vi.mock('../../../glossary/search-data', async (original) => {
  const actual = await original<typeof searchData>();
  return {
    ...actual,
    buildSearchDataInSlices: vi.fn(actual.buildSearchDataInSlices),
    tableDefinitions: vi.fn(actual.tableDefinitions),
  };
});
const built = vi.mocked(searchData.buildSearchDataInSlices);
/** The definitions indexed in one go (a query reaching them before they were built). */
const definedAtOnce = vi.mocked(searchData.tableDefinitions);

const freshDb = freshDatabases('atazan-woken-search');
/** Waits for the background's work, however loaded the machine (not a speed check). */
const WAIT = { timeout: 15_000 };

/** As people type, and the user's own entries (`storedGlossary`). */
const QUERIES = [...TYPED_QUERIES, 'эстоппель', 'эстопель', 'мой суд'];
const LIMIT = 30;

const ask = async (svc: GlossaryService, query: string) =>
  (await svc.handle({ type: 'search/query', query, limit: LIMIT })).response as SearchAnswer;

const snapshotOf = async (svc: GlossaryService) =>
  (await svc.handle({ type: 'glossary/get' })).response as GlossarySnapshot;

/** What an index built from these entries answers, as the service answers it. */
function answersOf(entries: readonly StoredEntry[]) {
  const search = createSearch(entries);
  return QUERIES.map((q) => search.search(q, LIMIT));
}

/** A glossary with the user's entries (one a personal version of a bundled entry), its search index stored. */
async function storedGlossary() {
  const db = freshDb();
  await seedBundled(db, '1.0.0', BUNDLED_ENTRIES);
  const svc = new GlossaryService(db);
  const court = BUNDLED_ENTRIES.find((e) => e.ru.term === 'суд')!;
  await svc.handle({ type: 'entry/save', entry: testEntry('', 'эстоппель', 'эстоппель') });
  await svc.handle({ type: 'entry/save', entry: testEntry('', 'менің сотым', 'мой суд') });
  await svc.handle({
    type: 'entry/save',
    entry: { ...court, ru: { ...court.ru, definition: 'Моя редакция.' }, source: 'personal' },
  });
  await svc.search.searchIndex();
  await svc.search.searchSaved();
  const snapshot = await snapshotOf(svc);
  expect((await db.compiledIndex.get(SEARCH_INDEX_KEY))?.revision).toBe(snapshot.revision);
  return { db, snapshot };
}

// A block body: a function returned from the hook would be taken as its cleanup.
beforeEach(() => {
  built.mockClear();
  definedAtOnce.mockClear();
});

describe('a woken worker takes the stored search index', () => {
  test('of the snapshot’s revision: nothing is built or written, and it answers as a built index', async () => {
    const { db, snapshot } = await storedGlossary();
    const woken = new GlossaryService(db);
    const put = vi.spyOn(db.compiledIndex, 'put');
    built.mockClear();
    await woken.search.searchIndex();
    const answers = await Promise.all(QUERIES.map((q) => ask(woken, q)));
    await woken.search.searchSaved();
    expect(built).not.toHaveBeenCalled();
    expect(put).not.toHaveBeenCalled();
    expect(answers.every((a) => a.complete && a.revision === snapshot.revision)).toBe(true);
    expect(answers.map((a) => a.hits)).toEqual(answersOf(snapshot.entries));
    expect(answers.map((a) => a.size)).toEqual(QUERIES.map(() => snapshot.entries.length));
  });

  test('and answers from it before reading every entry: the same answers, nothing built', async () => {
    const { db, snapshot } = await storedGlossary();
    const woken = new GlossaryService(db);
    const readAll = vi.spyOn(woken, 'getSnapshot');
    built.mockClear();
    const answers = [];
    for (const q of QUERIES) answers.push(await ask(woken, q));
    expect(readAll).not.toHaveBeenCalled();
    expect(built).not.toHaveBeenCalled();
    expect(answers.every((a) => a.complete && a.revision === snapshot.revision)).toBe(true);
    expect(answers.map((a) => a.hits)).toEqual(answersOf(snapshot.entries));
  });

  test('but not once the glossary changed: the change is found', async () => {
    const { db } = await storedGlossary();
    const woken = new GlossaryService(db);
    expect((await ask(woken, 'суд')).complete).toBe(true);
    await woken.handle({ type: 'entry/save', entry: testEntry('', 'жаңа термин', 'новый термин') });
    await expect
      .poll(async () => {
        const a = await ask(woken, 'новый термин');
        return a.complete && a.hits[0]?.entry.ru.term;
      }, WAIT)
      .toBe('новый термин');
    const snapshot = await snapshotOf(woken);
    const answers = await Promise.all(QUERIES.map((q) => ask(woken, q)));
    expect(answers.map((a) => a.hits)).toEqual(answersOf(snapshot.entries));
  });

  test('not when stored for an earlier revision (the worker stopped before storing its last change’s): the row is not even read', async () => {
    const { db } = await storedGlossary();
    // The glossary moved on after the row was stored, as after a save the worker had no time to index.
    await db.meta.put({
      key: 'revision',
      value: (await snapshotOf(new GlossaryService(db))).revision + 1,
    });
    const woken = new GlossaryService(db);
    const get = vi.spyOn(db.compiledIndex, 'get');
    const answers = [];
    for (const q of QUERIES) {
      await expect.poll(async () => (await ask(woken, q)).complete, WAIT).toBe(true);
      answers.push(await ask(woken, q));
    }
    expect(get.mock.calls.filter(([key]) => (key as unknown) === SEARCH_INDEX_KEY)).toEqual([]);
    expect(answers.map((a) => a.hits)).toEqual(answersOf((await snapshotOf(woken)).entries));
  });

  test('with an import’s entries still packed: read with every entry, they are found', async () => {
    const { db } = await storedGlossary();
    const termbase = Array.from({ length: 20 }, (_, i) =>
      testEntry('', `импорт термині ${i}`, `импортный термин ${i}`),
    );
    await importEntries(db, termbase, 'skip', 'termbase.json');
    expect(await db.importPacks.count()).toBeGreaterThan(0);
    const writer = new GlossaryService(db);
    await writer.search.searchIndex();
    await writer.search.searchSaved();
    const woken = new GlossaryService(db);
    const readAll = vi.spyOn(woken, 'getSnapshot');
    await expect
      .poll(async () => (await ask(woken, 'импортный термин 7')).complete, WAIT)
      .toBe(true);
    const answer = await ask(woken, 'импортный термин 7');
    expect(answer.hits[0]?.entry.ru.term).toBe('импортный термин 7');
    expect(readAll).toHaveBeenCalled();
    const { entries } = await snapshotOf(woken);
    expect(answer.hits).toEqual(createSearch(entries).search('импортный термин 7', LIMIT));
  });

  test('whose entries are in another order: each is found as the stored index names it', async () => {
    const { db, snapshot } = await storedGlossary();
    const reordered = [...snapshot.entries].reverse();
    const row = (await db.compiledIndex.get(SEARCH_INDEX_KEY))!;
    const value = packSearchIndex(searchData.buildSearchData(reordered), reordered);
    await db.compiledIndex.put({ ...row, value });
    const woken = new GlossaryService(db);
    built.mockClear();
    await woken.search.searchIndex();
    expect(built).not.toHaveBeenCalled();
    const answers = await Promise.all(QUERIES.map((q) => ask(woken, q)));
    expect(answers.map((a) => a.hits)).toEqual(answersOf(reordered));
  });
});

test('with a stale stored index, its answer while it builds its own comes from the bundled glossary’s built index, marked incomplete', async () => {
  const { db } = await storedGlossary();
  const row = (await db.compiledIndex.get(SEARCH_INDEX_KEY))!;
  await db.compiledIndex.put({ ...row, revision: row.revision - 1 });
  const woken = new GlossaryService(db);
  built.mockClear();
  const early = await ask(woken, 'Конституционный Суд');
  expect(built).not.toHaveBeenCalled();
  expect(early.complete).toBe(false);
  // In the database's key order, as the seeded glossary's own index ranks ties.
  const rows = bundledRowsOf(BUNDLED_ENTRIES).sort((a, b) => (a.id < b.id ? -1 : 1));
  const bundled = createSearch(rows);
  expect(early.hits).toEqual(bundled.search('Конституционный Суд', LIMIT));
  expect(early.hits.length).toBeGreaterThan(0);
});

/** Ways a stored row can be unfit for the snapshot, each made from the good row. */
const UNFIT: [
  string,
  (row: { revision: number; value: unknown }, s: GlossarySnapshot) => unknown,
][] = [
  ['of an earlier revision', (row) => ({ revision: row.revision - 1 })],
  ['not a buffer', () => ({ value: { size: 3 } })],
  ['a cut buffer', (row) => ({ value: (row.value as ArrayBuffer).slice(0, 200) })],
  ['an empty buffer', () => ({ value: new ArrayBuffer(0) })],
  ['no revision', () => ({ revision: 'x' })],
  [
    'missing an entry',
    (_row, s) => ({
      value: packSearchIndex(searchData.buildSearchData(s.entries.slice(1)), s.entries.slice(1)),
    }),
  ],
  [
    'naming an entry twice',
    (_row, s) => {
      const twice = [s.entries[1]!, ...s.entries.slice(1)];
      return { value: packSearchIndex(searchData.buildSearchData(twice), twice) };
    },
  ],
  [
    'naming a bundled entry as the user’s',
    (_row, s) => {
      const mislabelled = s.entries.map((e) => ({ ...e, source: 'personal' as const }));
      return { value: packSearchIndex(searchData.buildSearchData(mislabelled), mislabelled) };
    },
  ],
];

describe('a stored row unfit for the snapshot is built again and written over', () => {
  test.each(UNFIT)('%s', async (_name, unfit) => {
    const { db, snapshot } = await storedGlossary();
    const row = (await db.compiledIndex.get(SEARCH_INDEX_KEY))!;
    await db.compiledIndex.put({ ...row, ...(unfit(row, snapshot) as object) });
    const woken = new GlossaryService(db);
    built.mockClear();
    await woken.search.searchIndex();
    const answers = await Promise.all(QUERIES.map((q) => ask(woken, q)));
    expect(built).toHaveBeenCalledTimes(1);
    // Nothing lost: the glossary is as it was, and every answer is a built index's.
    expect(await snapshotOf(woken)).toEqual(snapshot);
    expect(answers.every((a) => a.complete)).toBe(true);
    expect(answers.map((a) => a.hits)).toEqual(answersOf(snapshot.entries));
    // The popup reads the row written over, and the next woken worker takes it.
    await woken.search.searchSaved();
    await expect
      .poll(async () => {
        const stored = await openStoredSearch(db.name);
        stored?.close();
        return stored?.revision ?? null;
      }, WAIT)
      .toBe(snapshot.revision);
    built.mockClear();
    await new GlossaryService(db).search.searchIndex();
    expect(built).not.toHaveBeenCalled();
  });
});

describe('a woken worker asked at once, over a stale or unreadable row, answers from the entries', () => {
  // The rows whose fault shows in the row itself (the others need the snapshot to show).
  test.each(UNFIT.slice(0, 5))('%s', async (_name, unfit) => {
    const { db, snapshot } = await storedGlossary();
    const row = (await db.compiledIndex.get(SEARCH_INDEX_KEY))!;
    await db.compiledIndex.put({ ...row, ...(unfit(row, snapshot) as object) });
    const woken = new GlossaryService(db);
    const answers = [];
    for (const q of QUERIES) {
      // Asked again while it answers from the bundled glossary alone, as the popup does.
      await expect.poll(async () => (await ask(woken, q)).complete, WAIT).toBe(true);
      answers.push(await ask(woken, q));
    }
    expect(answers.map((a) => a.hits)).toEqual(answersOf(snapshot.entries));
  });
});

test('while a changed glossary is indexed in slices, the search is answered from the index before, then from the new terms, marked incomplete until the definitions are in', async () => {
  const db = freshDb();
  await seedBundled(db, '1.0.0', BUNDLED_ENTRIES);
  const svc = new GlossaryService(db);
  // The build holds at each pause until let go, one pause or all.
  let held: (() => void)[] = [];
  let hold = false;
  const pause = () => (hold ? new Promise<void>((go) => held.push(go)) : Promise.resolve());
  const waitHeld = () => vi.waitFor(() => expect(held.length).toBeGreaterThan(0), WAIT);
  const cache = new SearchCache(
    db,
    () => svc.getSnapshot(),
    () => svc.getRevision(),
    { pause },
  );
  await cache.searchIndex();
  const before = await snapshotOf(svc);
  const estoppel = testEntry('', 'эстоппель', 'эстоппель', {
    ru: { term: 'эстоппель', variants: [], definition: 'Запрет противоречивого поведения.' },
  });
  await svc.handle({ type: 'entry/save', entry: estoppel });
  hold = true;
  const building = cache.searchIndex();
  await waitHeld();
  const ids = (a: SearchAnswer) => a.hits.map((h) => h.entry.ru.term);
  const fromBefore = await cache.query('эстоппель', LIMIT);
  expect(fromBefore).toMatchObject({ complete: false, revision: before.revision });
  expect(ids(fromBefore)).not.toContain('эстоппель');
  // Pause by pause until the new index answers from its terms.
  let fromTerms = fromBefore;
  while (fromTerms.revision === before.revision) {
    await waitHeld();
    held.shift()!();
    fromTerms = await cache.query('эстоппель', LIMIT);
  }
  expect(fromTerms.complete).toBe(false);
  expect(ids(fromTerms)[0]).toBe('эстоппель');
  // A query that reaches the definitions finds none yet, and builds none at once.
  const byDefinition = await cache.query('противоречивого', LIMIT);
  expect(byDefinition.complete).toBe(false);
  expect(ids(byDefinition)).not.toContain('эстоппель');
  expect(definedAtOnce).not.toHaveBeenCalled();
  hold = false;
  for (const go of held) go();
  held = [];
  await building;
  const after = await cache.query('противоречивого', LIMIT);
  expect(after.complete).toBe(true);
  expect(ids(after)).toContain('эстоппель');
  expect(built).toHaveBeenCalledTimes(2);
  expect(definedAtOnce).not.toHaveBeenCalled();
});

test('a build yields to a glossary being compiled for the pages: it goes on once that is done', async () => {
  const db = freshDb();
  await seedBundled(db, '1.0.0', BUNDLED_ENTRIES);
  const svc = new GlossaryService(db);
  let compiled = (): void => undefined;
  const compiling = new Promise<void>((resolve) => (compiled = resolve));
  let slices = 0;
  const cache = new SearchCache(
    db,
    () => svc.getSnapshot(),
    () => svc.getRevision(),
    { pause: async () => void slices++, yieldTo: () => compiling },
  );
  let done = false;
  const building = cache.searchIndex().then(() => (done = true));
  await vi.waitFor(() => expect(slices).toBe(1), WAIT);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(slices).toBe(1);
  expect(done).toBe(false);
  expect((await cache.query('суд', LIMIT)).complete).toBe(false);
  compiled();
  await building;
  expect(slices).toBeGreaterThan(1);
  expect((await cache.query('суд', LIMIT)).complete).toBe(true);
});
