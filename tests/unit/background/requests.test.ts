import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import { AtaZanDatabase } from '../../../db/database';
import { MAX_BATCHES, getBundledVersion } from '../../../db/glossary-store';
import { validateEntry } from '../../../glossary/entry-model';
import { LIMITS } from '../../../glossary/limits';
import { SEED_BATCH, seedBundled } from '../../../db/seed';
import { GlossaryService } from '../../../entrypoints/background/requests';
import { foldTerm } from '../../../glossary/normalize';
import type { Entry } from '../../../glossary/types';
import type { GlossarySnapshot, ImportSummary, StoredEntry } from '../../../lib/protocol';
import type { ScanResult } from '../../../lib/scan-wire';
import type { Settings } from '../../../lib/settings';
import { decodeScanResult } from '../../../lib/scan-wire';
import { databaseAtVersion, freshDatabases, reopenUpgraded } from '../../support/databases';
import { testEntry } from '../../support/entries';

/** A test entry with a tag, as the bundled entries have. */
const entry = (id: string, kk: string, ru: string, extra: Partial<Entry> = {}): Entry =>
  testEntry(id, kk, ru, { tags: ['judiciary'], ...extra });

const BUNDLED_V1 = [
  entry('sot', 'сот', 'суд'),
  entry('sot-biligi', 'сот билігі', 'судебная власть'),
  entry('konstitutsiyalyq-sot', 'Конституциялық Сот', 'Конституционный Суд'),
];

const freshDb = freshDatabases('atazan-test');

async function ask<T>(svc: GlossaryService, request: unknown): Promise<T> {
  return (await svc.handle(request)).response as T;
}

describe('bundled glossary seeding', () => {
  test('seeds once per version and replaces only bundled rows on update', async () => {
    const db = freshDb();
    const svc = new GlossaryService(db);
    expect((await seedBundled(db, '1.0.0', BUNDLED_V1)).result).toBe(true);
    expect((await seedBundled(db, '1.0.0', BUNDLED_V1)).result).toBe(false);

    const personal = await ask<StoredEntry>(svc, {
      type: 'entry/save',
      entry: entry('', 'заң', 'закон'),
    });
    const override = await ask<StoredEntry>(svc, {
      type: 'entry/save',
      entry: entry('sot', 'сот', 'суд', { tags: ['mine'] }),
    });
    expect(override).toMatchObject({ id: 'sot', source: 'personal', overrides: 'sot' });

    // Version 2 drops sot-biligi, changes sot's definition, adds prokuror.
    const v2 = [
      { ...BUNDLED_V1[0]!, ru: { ...BUNDLED_V1[0]!.ru, definition: 'новое' } },
      BUNDLED_V1[2]!,
      entry('prokuror', 'прокурор', 'прокурор'),
    ];
    const seeded = await seedBundled(db, '2.0.0', v2);
    expect(seeded.result).toBe(true);
    svc.invalidate();
    const snap = await ask<GlossarySnapshot>(svc, { type: 'glossary/get' });
    expect(snap.bundledVersion).toBe('2.0.0');
    const byId = new Map(snap.entries.map((e) => [e.id, e]));
    expect([...byId.keys()].sort()).toEqual(
      ['konstitutsiyalyq-sot', 'prokuror', 'sot', personal.id].sort(),
    );
    // The override still wins over the updated bundled row.
    expect(byId.get('sot')).toMatchObject({ source: 'personal', tags: ['mine'] });
    expect(await db.entries.where('source').equals('personal').count()).toBe(2);
    // Reset shows the updated bundled row again.
    const reset = await ask<StoredEntry>(svc, { type: 'entry/reset', id: 'sot' });
    expect(reset).toMatchObject({ source: 'bundled', ru: { definition: 'новое' } });
  });
});

describe('seeding a glossary of several batches', () => {
  /** Two and a half batches of entries, the last one's definition changed by `last`. */
  const many = (last: (e: Entry) => Entry = (e) => e): Entry[] =>
    Array.from({ length: SEED_BATCH * 2 + SEED_BATCH / 2 }, (_, i) =>
      entry(`term-${i}`, `термин ${i}`, `термин ${i}`),
    ).map((e, i, all) => (i === all.length - 1 ? last(e) : e));

  test('writes every row, a batch at a time, so other requests are answered meanwhile', async () => {
    const db = freshDb();
    const puts = vi.spyOn(db.entries, 'bulkPut');
    const entries = many();
    expect((await seedBundled(db, '1.0.0', entries)).result).toBe(true);
    expect(puts.mock.calls.map(([rows]) => rows.length)).toEqual([
      SEED_BATCH,
      SEED_BATCH,
      SEED_BATCH / 2,
    ]);
    expect(await db.entries.where('source').equals('bundled').count()).toBe(entries.length);
  });

  test('a row that cannot be written in the last batch leaves the version before whole', async () => {
    const db = freshDb();
    await seedBundled(db, '1.0.0', BUNDLED_V1);
    // A function cannot be stored: the last batch's put fails.
    const broken = many((e) => ({ ...e, ru: { ...e.ru, definition: (() => '') as never } }));
    await expect(seedBundled(db, '2.0.0', broken)).rejects.toThrow();
    expect(await getBundledVersion(db)).toBe('1.0.0');
    const ids = (await db.entries.toArray()).map((r) => r.id).sort();
    expect(ids).toEqual(BUNDLED_V1.map((e) => e.id).sort());
  });
});

describe('settings on a first install', () => {
  test('are the defaults at once, without the database', async () => {
    const db = freshDb();
    const svc = new GlossaryService(db);
    const saved = await ask<Settings>(svc, { type: 'settings/get' });
    const fresh = new GlossaryService(db);
    fresh.settingsNeverSaved();
    db.close();
    expect(await ask<Settings>(fresh, { type: 'settings/get' })).toEqual(saved);
  });

  test('a setting saved before is kept', async () => {
    const svc = new GlossaryService(freshDb());
    await ask<Settings>(svc, { type: 'settings/set', patch: { highlightMode: 'first' } });
    svc.settingsNeverSaved();
    const settings = await ask<Settings>(svc, { type: 'settings/get' });
    expect(settings.highlightMode).toBe('first');
  });
});

describe('a personal edit of a bundled entry keeps its status and context rules', () => {
  test('status, variant statuses, sense and quiet survive entry/save, and the scan uses them', async () => {
    const db = freshDb();
    const bundled = [
      entry('oblys', 'облыс', 'область', {
        quiet: [{ lang: 'ru', when: [{ legalContext: true }] }],
        status: 'admitted',
      }),
      entry('sot', 'сот', 'суд'),
    ];
    await seedBundled(db, '1.0.0', bundled);
    const svc = new GlossaryService(db);
    const edited = {
      ...bundled[0]!,
      ru: { ...bundled[0]!.ru, variants: ['обл.'], variantStatus: { 'обл.': 'historical' } },
    };
    const saved = await ask<StoredEntry>(svc, { type: 'entry/save', entry: edited });
    expect(saved).toMatchObject({
      source: 'personal',
      status: 'admitted',
      quiet: [{ lang: 'ru', when: [{ legalContext: true }] }],
      ru: { variantStatus: { 'обл.': 'historical' } },
    });
    const res = await ask<ScanResult>(svc, {
      type: 'text/scan',
      texts: ['В Акмолинской области начался сев.', 'Суд области рассмотрел дело.'],
    });
    expect(decodeScanResult(res).map((ms) => ms.map((m) => m.id))).toEqual([[], ['sot', 'oblys']]);
  });
});

describe('after a save, the snapshot is the one the database holds (made from the cached one, not read again)', () => {
  /** Saves in turn: a new entry, another, an edit of the first, a personal version of a bundled entry, its edit. */
  const SAVES: [string, (mine: StoredEntry[]) => unknown][] = [
    ['a new entry', () => entry('', 'заң', 'закон')],
    ['another, sorted among the personal ones', () => entry('', 'талап', 'иск')],
    [
      'an edit of the first',
      (mine) => ({ ...mine[0]!, ru: { ...mine[0]!.ru, definition: 'Правка.' } }),
    ],
    ['a personal version of a bundled entry', () => entry('sot', 'сот', 'суд', { tags: ['mine'] })],
    [
      'an edit of that version',
      (mine) => ({ ...mine.find((e) => e.id === 'sot')!, tags: ['again'] }),
    ],
  ];

  test('each save, in turn', async () => {
    const db = freshDb();
    await seedBundled(db, '1.0.0', BUNDLED_V1);
    const svc = new GlossaryService(db);
    const mine: StoredEntry[] = [];
    for (const [, save] of SAVES) {
      // The cached snapshot is of the revision before the save.
      await ask<GlossarySnapshot>(svc, { type: 'glossary/get' });
      mine.push(await ask<StoredEntry>(svc, { type: 'entry/save', entry: save(mine) }));
      const patched = await ask<GlossarySnapshot>(svc, { type: 'glossary/get' });
      const read = await ask<GlossarySnapshot>(new GlossaryService(db), { type: 'glossary/get' });
      expect(patched).toEqual(read);
    }
    const last = await ask<GlossarySnapshot>(svc, { type: 'glossary/get' });
    expect(last.entries.filter((e) => e.id === 'sot')).toMatchObject([
      { source: 'personal', tags: ['again'] },
    ]);
  });
});

describe('requests', () => {
  async function seeded(): Promise<GlossaryService> {
    const db = freshDb();
    await seedBundled(db, '1.0.0', BUNDLED_V1);
    return new GlossaryService(db);
  }

  test('entry/save gives new entries a p- id, broadcasts and bumps the revision', async () => {
    const svc = await seeded();
    const before = await ask<GlossarySnapshot>(svc, { type: 'glossary/get' });
    const res = await svc.handle({ type: 'entry/save', entry: entry('', '  заң ', 'закон') });
    const saved = res.response as StoredEntry;
    expect(saved.id).toMatch(/^p-[0-9a-z]{12}$/);
    expect(saved.kk.term).toBe('заң');
    expect(res.broadcasts).toEqual([{ type: 'glossary/changed', revision: before.revision + 1 }]);
    const after = await ask<GlossarySnapshot>(svc, { type: 'glossary/get' });
    expect(after.revision).toBe(before.revision + 1);
    expect(after.entries.map((e) => e.id)).toContain(saved.id);

    // Saving again under its id updates it and keeps createdAt.
    const again = await ask<StoredEntry>(svc, {
      type: 'entry/save',
      entry: { ...saved, ru: { ...saved.ru, definition: 'правка' } },
    });
    expect(again).toMatchObject({ id: saved.id, createdAt: saved.createdAt });
    expect(
      (await ask<StoredEntry[]>(svc, { type: 'entries/list', source: 'personal' })).length,
    ).toBe(1);
  });

  test('invalid input is answered with a clear error and changes nothing', async () => {
    const svc = await seeded();
    const noRu = await svc.handle({
      type: 'entry/save',
      entry: { id: '', kk: { term: 'заң', variants: [], definition: '' }, ru: { term: ' ' } },
    });
    expect(noRu.response).toEqual({
      error: { code: 'entry.required', params: { field: 'ru.term' } },
    });
    expect(noRu.broadcasts).toEqual([]);
    expect(await svc.handle({ type: 'entry/save' })).toMatchObject({
      response: { error: { code: 'entry.notObject' } },
    });
    expect((await svc.handle({ type: 'nope' })).response).toEqual({
      error: { code: 'request.unknownType', params: { type: 'nope' } },
    });
    expect((await svc.handle({ type: 'entry/delete', id: 'sot' })).response).toMatchObject({
      error: { code: 'entry.bundledDelete' },
    });
  });

  test('delete returns the row and restore puts it back', async () => {
    const svc = await seeded();
    const saved = await ask<StoredEntry>(svc, {
      type: 'entry/save',
      entry: entry('', 'заң', 'закон'),
    });
    const deleted = await ask<StoredEntry>(svc, { type: 'entry/delete', id: saved.id });
    expect(deleted).toEqual(saved);
    expect(await ask(svc, { type: 'entry/get', id: saved.id })).toBeNull();
    await ask(svc, { type: 'entry/restore', entry: deleted });
    expect(await ask(svc, { type: 'entry/get', id: saved.id })).toEqual(saved);
  });

  test('import: one transaction, duplicate policies by id and by terms', async () => {
    const svc = await seeded();
    const incoming = [
      entry('sot', 'сот', 'суд', { tags: ['imported'] }), // duplicate by id (bundled)
      entry('x-1', 'Конституциялық сот', 'конституционный суд'), // duplicate by terms
      entry('', 'заң', 'закон'), // new
    ];
    const skip = await ask<ImportSummary>(svc, {
      type: 'entries/import',
      entries: incoming,
      policy: 'skip',
    });
    expect(skip).toEqual({ added: 1, updated: 0, skipped: 2, batchId: expect.any(Number) });
    const over = await ask<ImportSummary>(svc, {
      type: 'entries/import',
      entries: incoming.slice(0, 2),
      policy: 'overwrite',
    });
    expect(over).toMatchObject({ added: 0, updated: 2, skipped: 0 });
    expect(await ask(svc, { type: 'entry/get', id: 'sot' })).toMatchObject({
      source: 'personal',
      overrides: 'sot',
      tags: ['imported'],
    });
    const both = await ask<ImportSummary>(svc, {
      type: 'entries/import',
      entries: incoming.slice(2),
      policy: 'keep-both',
    });
    expect(both).toMatchObject({ added: 1, updated: 0, skipped: 0 });
    const mine = await ask<StoredEntry[]>(svc, { type: 'entries/list', source: 'personal' });
    expect(mine.filter((e) => e.kk.term === 'заң')).toHaveLength(2);

    // One invalid entry aborts the whole import.
    const count = mine.length;
    const bad = await svc.handle({
      type: 'entries/import',
      entries: [entry('', 'жаңа', 'новый'), { kk: { term: 'x' } }],
      policy: 'skip',
    });
    expect(bad.response).toEqual({
      error: {
        code: 'entry.required',
        params: { field: 'ru.term' },
        where: { code: 'where.entry', params: { n: 2 } },
      },
    });
    expect(
      await ask<StoredEntry[]>(svc, { type: 'entries/list', source: 'personal' }),
    ).toHaveLength(count);
  });

  test("import: an entry whose terms are another entry's variants is not a duplicate of it", async () => {
    const svc = await seeded();
    await ask(svc, {
      type: 'entry/save',
      entry: entry('', 'Қазақстан Республикасы', 'Республика Казахстан', {
        kk: { term: 'Қазақстан Республикасы', variants: ['ҚР'], definition: 'x' },
        ru: { term: 'Республика Казахстан', variants: ['РК'], definition: 'x' },
      }),
    });
    const summary = await ask<ImportSummary>(svc, {
      type: 'entries/import',
      entries: [entry('', 'ҚР', 'РК')],
      policy: 'skip',
    });
    expect(summary).toMatchObject({ added: 1, updated: 0, skipped: 0 });
  });

  test('text/scan answers with packed matches, the revision and the kind of each match; it follows changes', async () => {
    const svc = await seeded();
    const ids = (res: ScanResult) => decodeScanResult(res).map((l) => l.map((m) => m.id));
    const first = await ask<ScanResult>(svc, {
      type: 'text/scan',
      texts: ['Решение суда', 'без терминов'],
    });
    expect(ids(first)).toEqual([['sot'], []]);
    expect(
      decodeScanResult(first)
        .flat()
        .map((m) => m.kind),
    ).toEqual(['exact']);
    const saved = await ask<StoredEntry>(svc, {
      type: 'entry/save',
      entry: entry('', 'шешім', 'решение'),
    });
    const second = await ask<ScanResult>(svc, { type: 'text/scan', texts: ['Решение суда'] });
    expect(second.revision).toBe(first.revision + 1);
    expect(ids(second)).toEqual([[saved.id, 'sot']]);
    expect(decodeScanResult(second)[0]!.map((m) => m.kind)).toEqual(['personal', 'exact']);
    expect((await svc.handle({ type: 'text/scan', texts: 'суд' })).response).toEqual({
      error: { code: 'request.texts', params: {} },
    });
  });

  test('settings/set merges, validates and broadcasts', async () => {
    const svc = await seeded();
    const res = await svc.handle({
      type: 'settings/set',
      patch: { disabledSites: ['Example.KZ'] },
    });
    expect(res.response).toMatchObject({ enabled: true, disabledSites: ['example.kz'] });
    expect(res.broadcasts[0]).toMatchObject({ type: 'settings/changed' });
    await svc.handle({ type: 'settings/set', patch: { colors: { exact: 'rgb(1, 2, 3)' } } });
    const s = await ask<Settings>(svc, { type: 'settings/get' });
    expect(s.colors).toMatchObject({ exact: 'rgb(1, 2, 3)', personal: '#c8f0d0' });
    expect(
      (await svc.handle({ type: 'settings/set', patch: { colors: { exact: 'red;}body{' } } }))
        .response,
    ).toEqual({ error: { code: 'settings.color', params: { kind: 'exact' } } });
  });
});

describe('schema migration', () => {
  test('version 1 with 1,000 personal entries upgrades to the current version with none lost', async () => {
    const v1 = databaseAtVersion('atazan-migrate-v1', 1);
    const now = Date.now();
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      ...entry(`p-${String(i).padStart(12, '0')}`, `термин ${i}`, `Термин ${i}`),
      source: 'personal',
      createdAt: now,
      updatedAt: now,
    }));
    await v1.table('entries').bulkAdd(rows);
    await v1
      .table('entries')
      .add({ ...entry('sot', 'сот', 'суд'), source: 'bundled', createdAt: now, updatedAt: now });
    await v1.table('meta').put({ key: 'bundledVersion', value: '1.0.0' });

    const db = await reopenUpgraded(v1, freshDb);
    expect(await db.entries.where('source').equals('personal').count()).toBe(1000);
    // The new index is filled for old rows.
    const hit = await db.entries.where('terms').equals(foldTerm('ТЕРМИН 517')).toArray();
    expect(hit.map((r) => r.id)).toEqual(['p-000000000517']);
    const snap = await new GlossaryService(db).getSnapshot();
    expect(snap.entries).toHaveLength(1001);
    expect(snap.entries.every((e) => !('terms' in e))).toBe(true);
  });
});

describe('undo: imports and bulk deletes are batches', () => {
  async function seeded(): Promise<GlossaryService> {
    const db = freshDb();
    await seedBundled(db, '1.0.0', BUNDLED_V1);
    return new GlossaryService(db);
  }
  const personalRows = async (svc: GlossaryService) =>
    (await ask<StoredEntry[]>(svc, { type: 'entries/list', source: 'personal' })).sort((a, b) =>
      a.id.localeCompare(b.id),
    );

  test('undoing an import removes what it added and restores what it overwrote, as it was', async () => {
    const svc = await seeded();
    const mine = await ask<StoredEntry>(svc, {
      type: 'entry/save',
      entry: entry('', 'заң', 'закон', { tags: ['mine'] }),
    });
    const before = await personalRows(svc);
    const summary = await ask<ImportSummary>(svc, {
      type: 'entries/import',
      name: 'file.csv',
      policy: 'overwrite',
      entries: [
        entry(mine.id, 'заң', 'закон', { tags: ['from the file'] }), // overwrites a personal entry
        entry('sot', 'сот', 'суд', { tags: ['imported'] }), // creates an override of a bundled one
        entry('', 'жаңа', 'новый'), // new
        entry('', 'жаңа', 'новый', { tags: ['again'] }), // repeats the previous row of the file
      ],
    });
    expect(summary).toMatchObject({ added: 1, updated: 3, skipped: 0 });
    expect(await ask(svc, { type: 'entry/get', id: mine.id })).toMatchObject({
      tags: ['from the file'],
    });
    expect(await ask(svc, { type: 'batches/list' })).toEqual([
      {
        id: summary.batchId,
        kind: 'import',
        name: 'file.csv',
        createdAt: expect.any(Number),
        created: 2,
        previous: 1,
      },
    ]);
    const undo = await svc.handle({ type: 'batch/undo', id: summary.batchId });
    expect(undo.response).toEqual({ removed: 2, restored: 1 });
    expect(undo.broadcasts[0]).toMatchObject({ type: 'glossary/changed' });
    expect(await personalRows(svc)).toEqual(before);
    expect(await ask(svc, { type: 'entry/get', id: 'sot' })).toMatchObject({ source: 'bundled' });
    expect(await ask(svc, { type: 'batches/list' })).toEqual([]);
    // A batch is undone once.
    expect((await svc.handle({ type: 'batch/undo', id: summary.batchId })).response).toEqual({
      error: { code: 'batch.notFound', params: {} },
    });
  });

  test('a bulk delete is one batch; its undo brings every row back as it was', async () => {
    const svc = await seeded();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (await ask<StoredEntry>(svc, { type: 'entry/save', entry: entry('', `т${i}`, `т${i}`) }))
          .id,
      );
    }
    await ask(svc, { type: 'entry/save', entry: entry('sot', 'сот', 'суд', { tags: ['x'] }) });
    const before = await personalRows(svc);
    const res = await svc.handle({
      type: 'entries/delete',
      ids: [...ids.slice(0, 3), 'sot', 'nope'],
    });
    expect(res.response).toEqual({ deleted: 4, batchId: expect.any(Number) });
    expect(await personalRows(svc)).toHaveLength(2);
    expect(await ask(svc, { type: 'entry/get', id: 'sot' })).toMatchObject({ source: 'bundled' });
    const { batchId } = res.response as { batchId: number };
    expect(await ask(svc, { type: 'batch/undo', id: batchId })).toEqual({
      removed: 0,
      restored: 4,
    });
    expect(await personalRows(svc)).toEqual(before);
    expect((await svc.handle({ type: 'entries/delete', ids: 'x' })).response).toMatchObject({
      error: { code: 'request.ids' },
    });
  });

  test('only the last batches are kept', async () => {
    const svc = await seeded();
    const db = (svc as unknown as { db: AtaZanDatabase }).db;
    for (let i = 0; i < MAX_BATCHES + 3; i++) {
      await ask(svc, {
        type: 'entries/import',
        policy: 'skip',
        entries: [entry('', `а${i}`, `б${i}`)],
      });
    }
    expect(await db.batches.count()).toBe(MAX_BATCHES);
  });
});

describe('limits', () => {
  const long = (n: number) => 'ж'.repeat(n);
  test.each([
    ['kk.term', { kk: { term: long(LIMITS.term + 1) } }, LIMITS.term],
    ['ru.term', { ru: { term: long(LIMITS.term + 1) } }, LIMITS.term],
    ['kk.variant', { kk: { term: 'а', variants: [long(LIMITS.variant + 1)] } }, LIMITS.variant],
    [
      'ru.definition',
      { ru: { term: 'б', definition: long(LIMITS.definition + 1) } },
      LIMITS.definition,
    ],
    [
      'kk.definition',
      { kk: { term: 'а', definition: long(LIMITS.definition + 1) } },
      LIMITS.definition,
    ],
    [
      'citation.quote.ru',
      {
        citations: [
          {
            edition: '2026',
            article: '1',
            clause: '1',
            quote: { kk: '', ru: long(LIMITS.quote + 1) },
          },
        ],
      },
      LIMITS.quote,
    ],
    ['en.term', { en: { term: long(LIMITS.term + 1) } }, LIMITS.term],
    ['tag', { tags: [long(LIMITS.tag + 1)] }, LIMITS.tag],
  ])('%s longer than the limit is refused, naming the field', (field, patch, max) => {
    const base = { id: '', kk: { term: 'а' }, ru: { term: 'б' }, citations: [], tags: [] };
    expect(() => validateEntry({ ...base, ...patch })).toThrow(
      expect.objectContaining({
        code: 'entry.tooLong',
        params: expect.objectContaining({ field, max }),
      }),
    );
    // At the limit it passes.
    const at = JSON.parse(JSON.stringify({ ...base, ...patch }).replace(/ж+/, long(max)));
    expect(() => validateEntry(at)).not.toThrow();
  });
  test('variants per side, tags and citations are counted', () => {
    const many = Array.from({ length: LIMITS.variants + 1 }, (_, i) => `в${i}`);
    expect(() => validateEntry({ kk: { term: 'а', variants: many }, ru: { term: 'б' } })).toThrow(
      expect.objectContaining({
        code: 'entry.tooMany',
        params: { field: 'kk.variants', count: LIMITS.variants + 1, max: LIMITS.variants },
      }),
    );
    const tags = Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`);
    expect(() => validateEntry({ kk: { term: 'а' }, ru: { term: 'б' }, tags })).toThrow(
      expect.objectContaining({
        code: 'entry.tooMany',
        params: expect.objectContaining({ field: 'tags' }),
      }),
    );
  });
});

describe('schema 3', () => {
  test('a version-2 database upgrades with its rows intact and an empty batches store', async () => {
    const v2 = databaseAtVersion('atazan-migrate-v2', 2);
    const now = Date.now();
    await v2.table('entries').add({
      ...entry('p-000000000001', 'заң', 'закон'),
      source: 'personal',
      createdAt: now,
      updatedAt: now,
      terms: ['заң', 'закон'],
    });
    const db = await reopenUpgraded(v2, freshDb);
    expect(await db.entries.count()).toBe(1);
    expect(await db.batches.count()).toBe(0);
    const svc = new GlossaryService(db);
    const res = await ask<ImportSummary>(svc, {
      type: 'entries/import',
      policy: 'skip',
      entries: [entry('', 'сот', 'суд')],
    });
    expect(res.batchId).toBeGreaterThan(0);
  });
});
