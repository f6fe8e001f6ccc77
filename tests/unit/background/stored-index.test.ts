/**
 * The stored compiled glossary (schema 4): a woken service worker loads it
 * instead of compiling, scans exactly as a fresh compile would, and rebuilds
 * it whenever it is of another revision or format, or damaged — while the
 * user's entries stay as they were.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { AtaZanDatabase, SCHEMA_V3, type CompiledIndexRow } from '../../../db/database';
import { readCompiledIndex, writeCompiledIndex } from '../../../db/compiled-index-store';
import { importEntries, listEntries } from '../../../db/glossary-store';
import { seedBundled } from '../../../db/seed';
import { GlossaryService } from '../../../entrypoints/background/requests';
import {
  INDEX_FORMAT,
  PERSONAL_PART_FROM,
  RULES_SLICE,
  compileGlossary,
  compileGlossaryInSlices,
  storedIndexOf,
  type StoredIndex,
} from '../../../entrypoints/background/stored-index';
import { COMPILED_PERSONAL_KEY } from '../../../lib/database-names';
import { packData } from '../../../lib/packed-data';
import { BUNDLED_ENTRIES, BUNDLED_VERSION } from '../../../glossary/data';
import type { Entry } from '../../../glossary/types';
import type { StoredEntry } from '../../../lib/protocol';
import { decodeScanResult, type ScanResult } from '../../../lib/scan-wire';
import { freshDatabases, reopenUpgraded } from '../../support/databases';
import { storedTestEntry, testEntry } from '../../support/entries';
import { bundledRowsOf } from '../../../lib/bundled-glossary-file';
import { CONSTITUTION } from '../../support/matcher-material';

/** Texts with senses (азаматтық), quiet words, abbreviations and a personal term. */
const TEXTS = [
  CONSTITUTION.slice(0, 60_000),
  'Азаматтық іс жүргізу кодексі. Азаматтығы бар адам. АПК и апк. Бұл жерде сот шешімі.',
  'Брак зарегистрирован в органах юстиции. Протокол примирения подписан сторонами.',
];

const PERSONAL: Entry = testEntry('', 'татуластыру хаттамасы', 'протокол примирения');

const freshDb = freshDatabases('atazan-stored');

/** A seeded database with one personal entry, and the service that compiled and stored its glossary. */
async function seeded(): Promise<{
  db: AtaZanDatabase;
  svc: GlossaryService;
  personal: StoredEntry;
}> {
  const db = freshDb();
  await seedBundled(db, BUNDLED_VERSION, BUNDLED_ENTRIES);
  const svc = new GlossaryService(db);
  const personal = (await svc.handle({ type: 'entry/save', entry: PERSONAL }))
    .response as StoredEntry;
  await svc.matcher.get();
  await svc.matcher.saved();
  return { db, svc, personal };
}

/** A service over the same database, as a woken worker starts: nothing in memory. */
const woken = (db: AtaZanDatabase): GlossaryService => new GlossaryService(db);

async function scans(svc: GlossaryService): Promise<unknown> {
  return (await svc.handle({ type: 'text/scan', texts: TEXTS })).response;
}

async function storedRow(db: AtaZanDatabase): Promise<CompiledIndexRow> {
  const row = await db.compiledIndex.get('glossary');
  if (!row) throw new Error('no stored index');
  return row;
}

/** The stored index as a woken worker reads it. */
async function storedValue(db: AtaZanDatabase): Promise<StoredIndex> {
  const { stored } = await readCompiledIndex(db);
  if (stored.length !== 1) throw new Error(`${stored.length} stored parts`);
  return storedIndexOf(await stored[0]!.value()) as StoredIndex;
}

/**
 * A woken worker over a damaged store compiles, scans as before and keeps
 * every entry; the index it stores replaces the damaged one, and the next
 * worker loads it.
 */
async function expectRebuilt(
  db: AtaZanDatabase,
  scansOf: (svc: GlossaryService) => Promise<unknown>,
  expected: unknown,
  entriesBefore: StoredEntry[],
): Promise<void> {
  const again = woken(db);
  expect(await scansOf(again)).toEqual(expected);
  expect(again.matcher.builds).toEqual(['compiled']);
  expect(await listEntries(db)).toEqual(entriesBefore);
  await again.matcher.saved();
  const third = woken(db);
  expect(await scansOf(third)).toEqual(expected);
  expect(third.matcher.builds).toEqual(['stored']);
}

describe('the stored compiled glossary', () => {
  test('a saved entry extends the compiled glossary instead of compiling it all, and scans as a fresh compile; a delete compiles it all', async () => {
    const { db, svc } = await seeded();
    const extra: Entry = {
      ...PERSONAL,
      kk: { term: 'эстоппель', variants: [], definition: '' },
      ru: { term: 'эстоппель', variants: [], definition: '' },
    };
    const saved = (await svc.handle({ type: 'entry/save', entry: extra })).response as StoredEntry;
    const texts = [
      ...TEXTS,
      'Эстоппеля нет: сторона сослалась на эстоппель, а суд на протокол примирения.',
    ];
    const extended = (await svc.handle({ type: 'text/scan', texts })).response as ScanResult;
    expect(svc.matcher.builds).toEqual(['compiled', 'extended']);
    expect(
      decodeScanResult(extended)
        .at(-1)!
        .map((m) => [m.id, m.kind]),
    ).toContainEqual([saved.id, 'personal']);
    const fresh = woken(db);
    expect((await fresh.handle({ type: 'text/scan', texts })).response).toEqual(extended);
    expect(fresh.matcher.builds).toEqual(['compiled']);
    await svc.handle({ type: 'entry/delete', id: saved.id });
    const after = (await svc.handle({ type: 'text/scan', texts: texts.slice(-1) }))
      .response as ScanResult;
    expect(svc.matcher.builds.at(-1)).toBe('compiled');
    expect(decodeScanResult(after)[0]!.map((m) => m.id)).not.toContain(saved.id);
  });

  test('a woken worker loads it instead of compiling, and scans exactly as a fresh compile', async () => {
    const { db, svc, personal } = await seeded();
    expect(svc.matcher.builds).toEqual(['compiled']);
    const expected = await scans(svc);
    const again = woken(db);
    const restored = await scans(again);
    expect(restored).toEqual(expected);
    expect(again.matcher.builds).toEqual(['stored']);
    // The personal entry is highlighted, as personal, from the stored index too.
    const mine = decodeScanResult(restored as ScanResult)
      .flat()
      .filter((m) => m.id === personal.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((m) => m.kind))).toEqual(new Set(['personal']));
  });

  test('a woken worker that loaded the stored index extends it with a saved entry, and an edit compiles it all', async () => {
    const { db, personal } = await seeded();
    const again = woken(db);
    await scans(again);
    const extra: Entry = {
      ...PERSONAL,
      kk: { term: 'эстоппель', variants: [], definition: '' },
      ru: { term: 'эстоппель', variants: [], definition: '' },
    };
    await again.handle({ type: 'entry/save', entry: extra });
    const texts = ['Сторона сослалась на эстоппель.'];
    const extended = (await again.handle({ type: 'text/scan', texts })).response as ScanResult;
    expect(again.matcher.builds).toEqual(['stored', 'extended']);
    expect(decodeScanResult(extended)[0]!.map((m) => m.term)).toContain('эстоппель');
    // An entry changed since the stored index was made cannot be extended: compiled whole.
    await again.handle({
      type: 'entry/save',
      entry: { ...personal, ru: { ...personal.ru, definition: 'Изменено.' } },
    });
    await scans(again);
    expect(again.matcher.builds.at(-1)).toBe('compiled');
  });

  test('the restored context step decides senses and quiet words as the compiled one', async () => {
    const { db, svc } = await seeded();
    const a = (await svc.matcher.get()).context;
    const b = (await woken(db).matcher.get()).context;
    expect(b.terms).toEqual(a.terms);
    for (const text of TEXTS) {
      const spans = (await svc.matcher.get()).matcher.scanSpans(text);
      const ra = a.resolve(text, spans);
      const rb = b.resolve(text, spans);
      expect([...rb.data.subarray(0, 4 * rb.count)]).toEqual([
        ...ra.data.subarray(0, 4 * ra.count),
      ]);
      expect([...rb.senses]).toEqual([...ra.senses]);
    }
  });

  test('keeps whole only the entries with context rules', async () => {
    const { db } = await seeded();
    // Stored packed (lib/packed-data.ts), its bytes as one Blob.
    expect((await storedRow(db)).value).toBeInstanceOf(Blob);
    const value = await storedValue(db);
    expect(value.ids.length).toBe(BUNDLED_ENTRIES.length + 1);
    expect(value.ruled.length).toBeGreaterThan(0);
    expect(value.ruled.length).toBeLessThan(value.ids.length / 2);
  });

  test('a change of the glossary makes it stale: rebuilt, stored again, the new entry scanned', async () => {
    const { db, svc } = await seeded();
    const before = (await storedRow(db)).revision;
    await svc.handle({
      type: 'entry/save',
      entry: {
        ...PERSONAL,
        kk: { ...PERSONAL.kk, term: 'аралық сот' },
        ru: { ...PERSONAL.ru, term: 'третейский суд' },
      },
    });
    const again = woken(db);
    const res = JSON.stringify(
      await (
        await again.handle({ type: 'text/scan', texts: ['Третейский суд рассмотрел.'] })
      ).response,
    );
    expect(again.matcher.builds).toEqual(['compiled']);
    expect(res).toContain('третейский суд');
    await again.matcher.saved();
    expect((await storedRow(db)).revision).toBeGreaterThan(before);
    expect(woken(db).matcher.builds).toEqual([]);
    const third = woken(db);
    await third.matcher.get();
    expect(third.matcher.builds).toEqual(['stored']);
  });

  const DAMAGE: [string, (v: StoredIndex) => unknown][] = [
    ['another format', (v) => ({ ...v, format: `${INDEX_FORMAT}-old` })],
    ['not an object', () => 'garbage'],
    ['no matcher', (v) => ({ ...v, matcher: undefined })],
    [
      'a truncated array',
      (v) => ({
        ...v,
        matcher: {
          ...v.matcher,
          table: { ...v.matcher.table, stems: v.matcher.table.stems.slice(0, 3) },
        },
      }),
    ],
    ['an array of the wrong type', (v) => ({ ...v, matcher: { ...v.matcher, termLangs: [0, 1] } })],
    ['context data missing', (v) => ({ ...v, ruled: null })],
    ['packed bytes cut short', (v) => packData(v).buffer.slice(0, 4096)],
    ['packed bytes of something else', () => new TextEncoder().encode('{"a":1}').buffer],
    ['its Blob cut short', (v) => new Blob([packData(v).slice(0, 4096)])],
    ['its Blob cut short at the last array', (v) => new Blob([packData(v).slice(0, -8)])],
    ['its Blob emptied', () => new Blob([])],
    [
      'a byte of its Blob damaged in the header',
      (v) => {
        const bytes = packData(v);
        bytes[12] = 0xff;
        return new Blob([bytes]);
      },
    ],
    ['a broken context entry', (v) => ({ ...v, ruled: [{ id: 7 }] })],
    ['personal flags cut short', (v) => ({ ...v, personal: v.personal.slice(1) })],
    [
      'personal entries as a list of ids (the layout before)',
      (v) => ({ ...v, personal: v.ids.filter((_, k) => v.personal[k] === 1) }),
    ],
  ];

  test.each(DAMAGE)('%s: rebuilt, scans identical, entries intact', async (_, damage) => {
    const { db, svc, personal } = await seeded();
    const expected = await scans(svc);
    const entriesBefore = await listEntries(db);
    const row = await storedRow(db);
    await db.compiledIndex.put({ ...row, value: damage(await storedValue(db)) });
    await expectRebuilt(db, scans, expected, entriesBefore);
    expect(await listEntries(db, 'personal')).toEqual([personal]);
  });

  test('an index compiled before a change is not stored as current', async () => {
    const { db, svc } = await seeded();
    const { revision } = await readCompiledIndex(db);
    await svc.handle({ type: 'entry/save', entry: { ...PERSONAL, id: '' } });
    expect(await writeCompiledIndex(db, revision, [{ stale: true }])).toBe(false);
    expect((await storedRow(db)).revision).toBe(revision);
  });

  test('a version-3 database upgrades with its rows intact and no stored index', async () => {
    const name = 'atazan-migrate-v3';
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    const now = Date.now();
    await v3.table('entries').add({
      ...PERSONAL,
      id: 'p-000000000001',
      source: 'personal',
      createdAt: now,
      updatedAt: now,
      terms: ['татуластыру хаттамасы', 'протокол примирения'],
    });
    await v3.table('meta').put({ key: 'revision', value: 5 });
    const db = await reopenUpgraded(v3, freshDb);
    expect(await db.entries.count()).toBe(1);
    expect(await db.compiledIndex.count()).toBe(0);
    const svc = new GlossaryService(db);
    const res = JSON.stringify(
      (await svc.handle({ type: 'text/scan', texts: ['Протокол примирения.'] })).response,
    );
    expect(res).toContain('p-000000000001');
    await svc.matcher.saved();
    expect((await storedRow(db)).revision).toBe(5);
  });
});

/** A word of its own for each number: Cyrillic letters for its digits. */
const letters = (n: number) => [...String(n)].map((d) => 'абвгдежзик'[Number(d)]).join('');

describe('a large termbase stored as a part of its own', () => {
  const TERMBASE = Array.from({ length: PERSONAL_PART_FROM }, (_, i) =>
    testEntry('', `${letters(i)}шарт`, `${letters(i)}трактат`),
  );
  const TERMBASE_TEXTS = [
    ...TEXTS,
    `Стороны заключили ${letters(7)}трактат и ${letters(1234)}шарт.`,
  ];

  /** A seeded database with the termbase imported, its glossary compiled and stored in two parts. */
  async function withTermbase() {
    const { db, svc } = await seeded();
    await importEntries(db, TERMBASE, 'skip', 'termbase.json');
    svc.invalidate();
    await svc.matcher.get();
    await svc.matcher.saved();
    const scansOf = async (s: GlossaryService) =>
      (await s.handle({ type: 'text/scan', texts: TERMBASE_TEXTS })).response as ScanResult;
    return { db, svc, expected: await scansOf(svc), scansOf };
  }

  test('a woken worker loads both parts and scans as the running one', async () => {
    const { db, expected, scansOf } = await withTermbase();
    expect((await storedRow(db)).parts).toBe(2);
    expect(await db.compiledIndex.get(COMPILED_PERSONAL_KEY)).toBeDefined();
    const terms = decodeScanResult(expected, (x) => x)[3]!.map((m) => m.term);
    expect(terms).toEqual(['сторона', `${letters(7)}трактат`, `${letters(1234)}шарт`]);
    const again = woken(db);
    expect(await scansOf(again)).toEqual(expected);
    expect(again.matcher.builds).toEqual(['stored']);
  });

  const PART_DAMAGE: [string, (db: AtaZanDatabase) => Promise<unknown>][] = [
    ['its termbase part missing', (db) => db.compiledIndex.delete(COMPILED_PERSONAL_KEY)],
    [
      'its termbase part cut short',
      async (db) => {
        const row = (await db.compiledIndex.get(COMPILED_PERSONAL_KEY))!;
        const bytes = new Uint8Array(await (row.value as Blob).arrayBuffer());
        await db.compiledIndex.put({ ...row, value: new Blob([bytes.slice(0, -8)]) });
      },
    ],
    [
      'its termbase part of another revision',
      async (db) => {
        const row = (await db.compiledIndex.get(COMPILED_PERSONAL_KEY))!;
        await db.compiledIndex.put({ ...row, revision: row.revision - 1 });
      },
    ],
  ];

  test.each(PART_DAMAGE)('%s: rebuilt, scans identical, entries intact', async (_, damage) => {
    const { db, expected, scansOf } = await withTermbase();
    const entriesBefore = await listEntries(db);
    await damage(db);
    await expectRebuilt(db, scansOf, expected, entriesBefore);
  });

  test('once the termbase is deleted, one part is stored again and the second row goes', async () => {
    const { db, svc } = await withTermbase();
    const mine = await listEntries(db, 'personal');
    await svc.handle({
      type: 'entries/delete',
      ids: mine.filter((e) => e.kk.term.endsWith('шарт')).map((e) => e.id),
    });
    await svc.matcher.get();
    await svc.matcher.saved();
    expect((await storedRow(db)).parts).toBe(1);
    expect(await db.compiledIndex.get(COMPILED_PERSONAL_KEY)).toBeUndefined();
    expect(await scans(woken(db))).toEqual(await scans(svc));
  });
});

describe('a termbase compiled in slices', () => {
  test('stores what a compile in one go stores, its rules looked for between pauses', async () => {
    // A part of its own, past its first slices of rule lookups, with entries that have rules in a later slice.
    const size = Math.max(PERSONAL_PART_FROM, 2 * RULES_SLICE) + 600;
    const termbase = Array.from({ length: size }, (_, i) =>
      storedTestEntry(`t${i}`, `${letters(i)}шарт`, `${letters(i)}трактат`, 'personal'),
    );
    termbase[size - 20] = storedTestEntry('quiet-core', 'мерзім', 'срок', 'personal');
    termbase[size - 10] = {
      ...storedTestEntry('quiet-own', 'қ', 'р', 'personal'),
      quiet: [{ lang: 'ru', when: [{ legalContext: true }] }],
    };
    const source = { revision: 9, entries: [...bundledRowsOf(BUNDLED_ENTRIES), ...termbase] };
    let pauses = 0;
    const sliced = await compileGlossaryInSlices(source, async () => void pauses++);
    const whole = compileGlossary(source);
    const [slicedParts, wholeParts] = [sliced.stored(), whole.stored()];
    expect(slicedParts).toHaveLength(2);
    expect(slicedParts).toEqual(wholeParts);
    expect(slicedParts[1]!.ruled.map((e) => e.id)).toEqual(['quiet-core', 'quiet-own']);
    expect(pauses).toBeGreaterThan(2);
  });
});
