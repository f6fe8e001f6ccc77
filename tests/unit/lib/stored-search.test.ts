/**
 * The search index the background stores and the popup reads: read back, it
 * answers exactly as the index it was built as; the popup uses it only while
 * its revision is the database's, and a missing, stale or damaged row (or no
 * database at all) is a null that sends the popup to the background.
 */
import { describe, expect, test, vi } from 'vitest';
// First: Dexie finds IndexedDB as it loads.
import { freshDatabases } from '../../support/databases';
import { BUNDLED_ENTRIES } from '../../../glossary/data/index';
import { createSearch, openSearch } from '../../../glossary/search';
import { buildSearchData } from '../../../glossary/search-data';
import { seedBundled } from '../../../db/seed';
import { GlossaryService } from '../../../entrypoints/background/requests';
import { bundledSearchFile } from '../../../lib/bundled-glossary-file';
import { SEARCH_INDEX_KEY } from '../../../lib/database-names';
import type { GlossarySnapshot, SearchAnswer, StoredEntry } from '../../../lib/protocol';
import { openStoredSearch, packSearchIndex, storedSearchIndexOf } from '../../../lib/stored-search';
import { testEntry } from '../../support/entries';
import { TYPED_QUERIES } from '../../support/search-queries';

const freshDb = freshDatabases('atazan-stored-search');
/** Waits for the background's work, however loaded the machine (not a speed check). */
const WAIT = { timeout: 15_000 };

const QUERIES = TYPED_QUERIES;

const STORED: StoredEntry[] = BUNDLED_ENTRIES.map((e) => ({
  ...e,
  source: 'bundled',
  createdAt: 0,
  updatedAt: 0,
}));

describe('the stored search index answers as the index it was built as', () => {
  const built = createSearch(STORED);
  const stored = storedSearchIndexOf(packSearchIndex(buildSearchData(STORED), STORED));
  const read = openSearch(stored.data);

  test.each(QUERIES)('%s', (query) => {
    const want = built.search(query, 30).map((h) => [h.entry.id, h.kind, h.score]);
    const got = read.search(query, 30).map((h) => [stored.ids[h.index], h.kind, h.score]);
    expect(got).toEqual(want);
  });

  test('the queries reach every kind of hit', () => {
    const kinds = new Set(QUERIES.flatMap((q) => built.search(q, 30).map((h) => h.kind)));
    expect([...kinds].sort()).toEqual(['definition', 'exact', 'fuzzy', 'prefix', 'word-prefix']);
  });
});

/** The service's answer from the current glossary's own index (as the popup asks again until it is). */
async function backgroundAnswer(svc: GlossaryService, query: string): Promise<SearchAnswer> {
  const ask = async () =>
    (await svc.handle({ type: 'search/query', query, limit: 10 })).response as SearchAnswer;
  await expect.poll(async () => (await ask()).complete, WAIT).toBe(true);
  return ask();
}

/** The stored index once the background has written it (after it built the index). */
async function storedWhenWritten(name: string) {
  await expect
    .poll(async () => (await openStoredSearch(name))?.revision ?? null, WAIT)
    .not.toBeNull();
  return (await openStoredSearch(name))!;
}

describe('the popup reads the background’s stored index', () => {
  async function seeded() {
    const db = freshDb();
    await seedBundled(db, '1.0.0', BUNDLED_ENTRIES);
    return { db, svc: new GlossaryService(db) };
  }

  test('after a search, the stored index answers with the same entries, without the background', async () => {
    const { db, svc } = await seeded();
    const asked = await backgroundAnswer(svc, 'Конституционный Суд');
    const stored = await storedWhenWritten(db.name);
    const snapshot = (await svc.handle({ type: 'glossary/get' })).response as GlossarySnapshot;
    expect(stored.revision).toBe(snapshot.revision);
    const local = await stored.search('Конституционный Суд', 10);
    expect(local?.hits).toEqual(asked.hits);
    expect(local?.hits[0]?.entry).not.toHaveProperty('terms');
    stored.close();
  });

  test('a woken worker that takes the stored index does not store it again', async () => {
    const { db, svc } = await seeded();
    await backgroundAnswer(svc, 'суд');
    (await storedWhenWritten(db.name)).close();
    const woken = new GlossaryService(db);
    const put = vi.spyOn(db.compiledIndex, 'put');
    await backgroundAnswer(woken, 'суд');
    await woken.search.searchSaved();
    expect(put.mock.calls.filter(([row]) => row.key === SEARCH_INDEX_KEY)).toEqual([]);
  });

  test('a change makes it stale (null) until the new revision is stored; a personal version is found as the user’s', async () => {
    const { db, svc } = await seeded();
    await backgroundAnswer(svc, 'суд');
    (await storedWhenWritten(db.name)).close();
    const court = BUNDLED_ENTRIES.find((e) => e.ru.term === 'суд')!;
    await svc.handle({
      type: 'entry/save',
      entry: { ...court, ru: { ...court.ru, definition: 'Моя редакция.' }, source: 'personal' },
    });
    expect(await openStoredSearch(db.name)).toBeNull();
    await backgroundAnswer(svc, 'суд');
    const stored = await storedWhenWritten(db.name);
    const hit = (await stored.search('суд', 10))!.hits.find((h) => h.entry.id === court.id)!;
    expect(hit.entry).toMatchObject({ source: 'personal', ru: { definition: 'Моя редакция.' } });
    stored.close();
  });

  test('an entry deleted behind an open index gives null for a query that finds it', async () => {
    const { db, svc } = await seeded();
    await svc.handle({ type: 'entry/save', entry: testEntry('', 'эстоппель', 'эстоппель') });
    await backgroundAnswer(svc, 'эстоппель');
    const stored = await storedWhenWritten(db.name);
    const mine = (await stored.search('эстоппель', 10))!.hits[0]!.entry;
    expect(mine.source).toBe('personal');
    await db.entries.delete(['personal', mine.id]);
    expect(await stored.search('эстоппель', 10)).toBeNull();
    stored.close();
  });

  test('on install the bundled glossary’s built search index is stored as the seeded revision and answers as the worker’s own', async () => {
    const { db, svc } = await seeded();
    const snapshot = (await svc.handle({ type: 'glossary/get' })).response as GlossarySnapshot;
    const file = async () => bundledSearchFile(BUNDLED_ENTRIES);
    expect(await svc.search.adoptSearch(snapshot.revision, file)).toBe(true);
    const stored = (await openStoredSearch(db.name))!;
    expect(stored.revision).toBe(snapshot.revision);
    for (const query of ['Конституционный Суд', 'сот', 'канституция', 'жеке басына']) {
      const asked = await backgroundAnswer(new GlossaryService(db), query);
      expect((await stored.search(query, 10))?.hits).toEqual(asked.hits);
    }
    stored.close();
  });

  test('the built search index is not adopted over a glossary with the user’s entries, nor for another revision', async () => {
    const { svc } = await seeded();
    const file = async () => bundledSearchFile(BUNDLED_ENTRIES);
    const before = (await svc.handle({ type: 'glossary/get' })).response as GlossarySnapshot;
    expect(await svc.search.adoptSearch(before.revision + 1, file)).toBe(false);
    await svc.handle({ type: 'entry/save', entry: testEntry('', 'эстоппель', 'эстоппель') });
    const after = (await svc.handle({ type: 'glossary/get' })).response as GlossarySnapshot;
    expect(await svc.search.adoptSearch(after.revision, file)).toBe(false);
  });

  const DAMAGED: [string, (row: { revision: number; value: unknown }) => unknown][] = [
    ['not a buffer', () => ({ value: { size: 3 } })],
    ['a cut buffer', (row) => ({ value: (row.value as ArrayBuffer).slice(0, 200) })],
    ['an empty buffer', () => ({ value: new ArrayBuffer(0) })],
    ['no revision', () => ({ revision: 'x' })],
  ];

  test.each(DAMAGED)('a damaged row (%s) is not used', async (_name, damage) => {
    const { db, svc } = await seeded();
    await backgroundAnswer(svc, 'суд');
    (await storedWhenWritten(db.name)).close();
    const row = (await db.compiledIndex.get(SEARCH_INDEX_KEY))!;
    await db.compiledIndex.put({ ...row, ...(damage(row) as object) });
    expect(await openStoredSearch(db.name)).toBeNull();
  });

  test('with no database yet, nothing is opened and none is made', async () => {
    expect(await openStoredSearch('atazan-never-made')).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('atazan-never-made');
  });
});
