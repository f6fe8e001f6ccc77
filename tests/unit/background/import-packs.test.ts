/**
 * Import packs (db/import-packs.ts, schema 5): an import's new entries are
 * written as a few packs and moved into rows later. Whether an entry is still
 * packed or already a row, every reader sees the same glossary, every write
 * meets it, an undo takes it back, a cancelled import leaves no pack, and a
 * version-4 database upgrades with its entries and batches intact.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import { AtaZanDatabase } from '../../../db/database';
import {
  deleteEntries,
  deleteEntry,
  findByTerm,
  getEntry,
  getRevision,
  getSnapshot,
  importEntries,
  listEntries,
  saveEntry,
  undoBatch,
} from '../../../db/glossary-store';
import { PACK_SIZE, unpackImports } from '../../../db/import-packs';
import { seedBundled } from '../../../db/seed';
import { GlossaryService } from '../../../entrypoints/background/requests';
import { PackMover } from '../../../entrypoints/background/pack-mover';
import type { Entry } from '../../../glossary/types';
import type { DuplicatePolicy, StoredEntry } from '../../../lib/protocol';
import { databaseAtVersion, freshDatabases, reopenUpgraded } from '../../support/databases';
import { testEntry } from '../../support/entries';

const freshDb = freshDatabases('atazan-packs');

/** `n` distinct entries with no id, as a termbase file gives them. */
function termbase(n: number, from = 0): Entry[] {
  return Array.from({ length: n }, (_, i) =>
    testEntry('', `термин ${from + i}`, `термин ${from + i} ру`),
  );
}

async function seeded(): Promise<AtaZanDatabase> {
  const db = freshDb();
  await seedBundled(db, '1', [testEntry('sot', 'сот', 'суд'), testEntry('zan', 'заң', 'закон')]);
  return db;
}

/** The background over a seeded database into which `n` termbase entries were imported through its request, all added. */
async function importedThroughService(
  n: number,
): Promise<{ db: AtaZanDatabase; svc: GlossaryService }> {
  const db = await seeded();
  const svc = new GlossaryService(db);
  const { response } = await svc.handle({
    type: 'entries/import',
    policy: 'skip',
    entries: termbase(n),
  });
  expect(response).toMatchObject({ added: n });
  return { db, svc };
}

/** Import `entries` (skip policy) and check they were packed, not written as rows. */
async function importPacked(db: AtaZanDatabase, entries: Entry[]) {
  const before = await db.importPacks.count();
  const change = await importEntries(db, entries, 'skip', 'termbase.json');
  expect(await db.importPacks.count()).toBe(before + Math.ceil(change.result.added / PACK_SIZE));
  return change;
}

describe('import packs', () => {
  test('an import writes packs; the glossary reads the same before and after they become rows', async () => {
    const db = await seeded();
    const mine = await saveEntry(db, testEntry('', 'менің терминім', 'мой термин'));
    // An override of a bundled entry, and new entries on both sides of the user's own id.
    const entries = [
      testEntry('sot', 'сот', 'суд (импорт)'),
      ...termbase(PACK_SIZE + 3),
      testEntry('p-000000000000', 'бірінші', 'первый'),
      testEntry('p-zzzzzzzzzzzz', 'соңғы', 'последний'),
    ];
    const { result } = await importEntries(db, entries, 'overwrite', 'termbase.json');
    expect(result).toMatchObject({ added: entries.length - 1, updated: 1, skipped: 0 });
    expect(await db.importPacks.count()).toBeGreaterThan(0);
    const packed = await getSnapshot(db);
    const listed = await listEntries(db);
    const personal = await listEntries(db, 'personal');
    expect(listed).toEqual(packed.entries);
    expect(personal).toHaveLength(entries.length + 1);
    // The bundled entry is shown once, as the import overrode it.
    expect(packed.entries.filter((e) => e.id === 'sot').map((e) => e.ru.term)).toEqual([
      'суд (импорт)',
    ]);
    expect((await getEntry(db, 'sot'))?.ru.term).toBe('суд (импорт)');
    expect((await getEntry(db, 'p-zzzzzzzzzzzz'))?.kk.term).toBe('соңғы');
    expect((await getEntry(db, mine.result.id))?.kk.term).toBe('менің терминім');
    expect((await findByTerm(db, 'ru', 'ТЕРМИН 7 РУ'))?.kk.term).toBe('термин 7');
    expect((await findByTerm(db, 'ru', 'суд (импорт)'))?.id).toBe('sot');

    expect(await unpackImports(db)).toBe(true);
    expect(await db.importPacks.count()).toBe(0);
    expect(await getSnapshot(db)).toEqual(packed);
    expect(await listEntries(db, 'personal')).toEqual(personal);
    expect(await unpackImports(db)).toBe(false);
  });

  test('a write while entries are packed meets them as rows', async () => {
    const db = await seeded();
    await importPacked(db, termbase(30));
    const [first, second, third] = (await listEntries(db, 'personal')).map((e) => e.id);
    // Saved over a packed entry: updated in place, not doubled.
    const saved = await saveEntry(db, { ...(await getEntry(db, first!))!, tags: ['edited'] });
    expect(saved.result.id).toBe(first);
    // Taken out of its pack, now a row; the rest stay packed.
    expect(await db.entries.get(['personal', first!])).toBeDefined();
    expect((await db.importPacks.toArray()).flatMap((p) => p.entries)).toHaveLength(29);
    const snap = await getSnapshot(db);
    expect(snap.entries.filter((e) => e.id === first)).toHaveLength(1);
    expect(snap.entries.find((e) => e.id === first)?.tags).toEqual(['edited']);
    // Deleted one by one and in bulk, after a second import packed more.
    await importPacked(db, termbase(5, 100));
    expect((await deleteEntry(db, second!)).result?.id).toBe(second);
    await importPacked(db, termbase(5, 200));
    expect((await deleteEntries(db, [third!])).result.deleted).toBe(1);
    const ids = (await getSnapshot(db)).entries.map((e) => e.id);
    expect(ids).not.toContain(second);
    expect(ids).not.toContain(third);
    expect(ids).toHaveLength(2 + 30 - 2 + 5 + 5);
  });

  test('a second import meets the packed entries of the first as duplicates', async () => {
    const db = await seeded();
    await importPacked(db, termbase(40));
    const again = await importEntries(db, termbase(50), 'skip', 'again.json');
    expect(again.result).toMatchObject({ added: 10, skipped: 40 });
    const snap = await getSnapshot(db);
    expect(snap.entries).toHaveLength(2 + 50);
    expect(new Set(snap.entries.map((e) => e.id)).size).toBe(snap.entries.length);
  });

  test('a second import overwrites packed entries of the first, once each, and is undone', async () => {
    const db = await seeded();
    await importPacked(db, termbase(40));
    const first = await getSnapshot(db);
    const changed = termbase(40).map((e) => ({ ...e, tags: ['changed'] }));
    const again = await importEntries(db, changed, 'overwrite', 'again.json');
    expect(again.result).toMatchObject({ added: 0, updated: 40 });
    const snap = await getSnapshot(db);
    expect(snap.entries).toHaveLength(2 + 40);
    expect(
      snap.entries.filter((e) => e.source === 'personal').every((e) => e.tags[0] === 'changed'),
    ).toBe(true);
    await undoBatch(db, again.result.batchId);
    const undone = await getSnapshot(db);
    expect(undone.entries.map((e) => [e.id, e.tags])).toEqual(
      first.entries.map((e) => [e.id, e.tags]),
    );
  });

  test('undo takes packed entries out of their packs and puts back what was overwritten', async () => {
    const db = await seeded();
    const mine = await saveEntry(db, testEntry('', 'менің терминім', 'мой термин'));
    const before = await getSnapshot(db);
    const { result } = await importEntries(
      db,
      [
        ...termbase(PACK_SIZE + 5),
        testEntry('', 'менің терминім', 'мой термин', { tags: ['new'] }),
      ],
      'overwrite',
      'termbase.json',
    );
    expect(result).toMatchObject({ added: PACK_SIZE + 5, updated: 1 });
    expect(await db.importPacks.count()).toBe(2);
    // Half moved into rows, half still packed, when the reader changes their mind.
    await db.transaction('rw', db.entries, db.importPacks, async () => {
      const pack = await db.importPacks.orderBy(':id').first();
      await db.entries.bulkPut(pack!.entries.map((e) => ({ ...e, terms: [] })));
      await db.importPacks.delete(pack!.id!);
    });
    await undoBatch(db, result.batchId);
    expect(await db.importPacks.count()).toBe(0);
    const after = await getSnapshot(db);
    expect(after.entries).toEqual(before.entries);
    expect((await getEntry(db, mine.result.id))?.tags).toEqual([]);
  });

  test('an import cancelled while writing its packs leaves no pack and no entry', async () => {
    const db = await seeded();
    const before = await getSnapshot(db);
    let looks = 0;
    await expect(
      importEntries(db, termbase(PACK_SIZE * 2 + 1), 'skip', 'x.json', {
        cancelled: () => ++looks > 2,
      }),
    ).rejects.toMatchObject({ code: 'import.cancelled' });
    expect(await db.importPacks.count()).toBe(0);
    expect(await db.batches.count()).toBe(0);
    expect(await getSnapshot(db)).toEqual(before);
  });

  test('the background moves the packs into rows after an import', async () => {
    const { db, svc } = await importedThroughService(25);
    expect(await db.importPacks.count()).toBe(1);
    await expect.poll(() => db.importPacks.count(), { timeout: 10_000 }).toBe(0);
    await svc.packsMoved();
    expect(await db.entries.where('source').equals('personal').count()).toBe(25);
    expect(await db.entries.where('terms').equals('термин 3 ру').count()).toBe(1);
  });
});

describe('a glossary being compiled goes first', () => {
  test('the packs are moved only once it is compiled', async () => {
    const db = await seeded();
    await importPacked(db, termbase(25));
    let compiled!: () => void;
    const compiling = new Promise<void>((resolve) => (compiled = resolve));
    const mover = new PackMover(db, () => compiling);
    mover.soon(0);
    // Long past the pause the move waits for between requests.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await db.importPacks.count()).toBe(1);
    compiled();
    await expect.poll(() => db.importPacks.count(), { timeout: 10_000 }).toBe(0);
    await mover.moved();
    expect(await db.entries.where('source').equals('personal').count()).toBe(25);
  });
});

describe('the packs read are kept', () => {
  test('readers after the import read no pack back; another connection reads each once', async () => {
    const db = await seeded();
    await importPacked(db, termbase(PACK_SIZE * 2 + 7));
    const reads = vi.spyOn(db.importPacks, 'bulkGet');
    const snap = await getSnapshot(db);
    expect(await getEntry(db, snap.entries.at(-1)!.id)).toEqual(snap.entries.at(-1));
    expect((await findByTerm(db, 'kk', 'ТЕРМИН 12'))?.kk.term).toBe('термин 12');
    expect(reads).not.toHaveBeenCalled();

    const other = new AtaZanDatabase(db.name);
    try {
      const bulkGet = vi.spyOn(other.importPacks, 'bulkGet');
      expect(await getSnapshot(other)).toEqual(snap);
      expect(await getSnapshot(other)).toEqual(snap);
      expect((await findByTerm(other, 'ru', 'термин 900 ру'))?.kk.term).toBe('термин 900');
      expect(bulkGet).toHaveBeenCalledTimes(1);
    } finally {
      other.close();
    }
  });

  test('an entry taken out of its pack is read as its row, and the rest of its pack as packed', async () => {
    const db = await seeded();
    await importPacked(db, termbase(PACK_SIZE + 1));
    const before = await getSnapshot(db);
    const target = before.entries.find((e) => e.kk.term === 'термин 3')!;
    const saved = await saveEntry(db, { ...target, tags: ['edited'] });
    const after = await getSnapshot(db);
    expect(after.entries.map((e) => e.id)).toEqual(before.entries.map((e) => e.id));
    expect(after.entries.find((e) => e.id === target.id)).toEqual(saved.result);
    expect((await findByTerm(db, 'kk', 'термин 3'))?.tags).toEqual(['edited']);
    // Its pack was written again without it: no pack row holds it.
    const packed = (await db.importPacks.toArray()).flatMap((p) => p.entries.map((e) => e.id));
    expect(packed).not.toContain(target.id);
    expect(packed).toHaveLength(PACK_SIZE);
    expect(await db.entries.get(['personal', target.id])).toBeDefined();
  });
});

/** What each step does to the glossary's revision, and that no step changes what it lists. */
const REVISION_STEPS: [string, (db: AtaZanDatabase) => Promise<unknown>, number][] = [
  ['an import of three packs', (db) => importEntries(db, termbase(PACK_SIZE * 2 + 1), 'skip'), 1],
  ['one pack moved into rows', (db) => moveOnePack(db), 0],
  ['an entry saved', (db) => saveEntry(db, testEntry('', 'жаңа', 'новый')), 1],
  ['the other packs moved', (db) => unpackImports(db), 0],
  ['nothing left to move', (db) => unpackImports(db), 0],
];

/** Move the first pack alone, as one transaction of unpackImports does. */
async function moveOnePack(db: AtaZanDatabase): Promise<void> {
  let moves = 0;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const run = unpackImports(db, {
    // The second pace is held until the first pack's move has been looked at.
    pace: () =>
      moves++ === 0 ? Promise.resolve() : stopped.then(() => Promise.reject(new Error('held'))),
  });
  await expect.poll(() => moves, { timeout: 5000 }).toBe(2);
  stop();
  await run.catch(() => undefined);
}

describe('the revision', () => {
  test.each(REVISION_STEPS.map((step, i) => [i, step[0]] as const))(
    'step %i, %s: the revision as the table says, the entries as before',
    async (last) => {
      const db = await seeded();
      let expected = await getRevision(db);
      let shown: StoredEntry[] | null = null;
      for (const [, step, bump] of REVISION_STEPS.slice(0, last + 1)) {
        const before = await getSnapshot(db);
        await step(db);
        expected += bump;
        const after = await getSnapshot(db);
        expect(after.revision).toBe(expected);
        if (bump === 0) expect(after.entries).toEqual(before.entries);
        shown = after.entries;
      }
      expect(shown?.length).toBeGreaterThan(PACK_SIZE * 2);
    },
  );
});

describe('the move and the requests', () => {
  test('a save and a look-up while the packs are moved are answered at once; the move then ends', async () => {
    const { db, svc } = await importedThroughService(PACK_SIZE * 2 + 1);
    const revision = await getRevision(db);
    svc.unpackSoon(0);
    // Requests one after another: the move waits for a pause between them.
    const hit = await svc.handle({ type: 'entries/with-term', lang: 'kk', term: 'термин 700' });
    expect(hit.response).toMatchObject({ kk: { term: 'термин 700' } });
    const saved = await svc.handle({ type: 'entry/save', entry: testEntry('', 'жаңа', 'новый') });
    expect(saved.broadcasts).toEqual([{ type: 'glossary/changed', revision: revision + 1 }]);
    expect(await db.importPacks.count()).toBe(3);
    await svc.packsMoved();
    expect(await db.importPacks.count()).toBe(0);
    expect(await getRevision(db)).toBe(revision + 1);
    const snap = await getSnapshot(db);
    expect(snap.entries.filter((e) => e.source === 'personal')).toHaveLength(PACK_SIZE * 2 + 2);
    expect(snap.entries.some((e) => e.kk.term === 'жаңа')).toBe(true);
  });
});

describe('schema 5', () => {
  test('a version-4 database upgrades with its entries and batches intact and no pack', async () => {
    const v4 = databaseAtVersion('atazan-migrate-v4', 4);
    const now = Date.now();
    const rows = Array.from({ length: 300 }, (_, i) => ({
      ...testEntry(`p-${String(i).padStart(12, '0')}`, `термин ${i}`, `термин ${i} ру`),
      source: 'personal',
      createdAt: now,
      updatedAt: now,
      terms: [`термин ${i}`, `термин ${i} ру`],
    }));
    await v4.table('entries').bulkAdd(rows);
    await v4.table('meta').put({ key: 'revision', value: 7 });
    await v4.table('batches').add({
      kind: 'import',
      name: 'old.json',
      createdAt: now,
      created: rows.map((r) => r.id),
      previous: [],
    });
    const db = await reopenUpgraded(v4, freshDb);
    expect(await db.importPacks.count()).toBe(0);
    const snap = await getSnapshot(db);
    expect(snap.revision).toBe(7);
    expect(snap.entries.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    expect((await findByTerm(db, 'kk', 'ТЕРМИН 42'))?.id).toBe('p-000000000042');
    // The old import is still undone in one step.
    const [batch] = await db.batches.toArray();
    expect((await undoBatch(db, batch!.id)).result.removed).toBe(300);
    expect((await getSnapshot(db)).entries).toHaveLength(0);
  });
});

describe('the streamed import plans while its chunks come', () => {
  async function send(svc: GlossaryService, request: object): Promise<unknown> {
    const { response } = await svc.handle(request);
    if (response && typeof response === 'object' && 'error' in response) {
      throw new Error(JSON.stringify(response));
    }
    return response;
  }

  /** A streamed import begun with `policy`: its id. */
  async function begin(svc: GlossaryService, policy: DuplicatePolicy): Promise<string> {
    const { importId } = (await send(svc, { type: 'import/begin', policy })) as {
      importId: string;
    };
    return importId;
  }

  test('chunks out of order are decided in file order', async () => {
    const db = await seeded();
    const svc = new GlossaryService(db);
    const importId = await begin(svc, 'overwrite');
    // The second chunk repeats an entry of the first with a new definition: it overwrites it.
    const first = termbase(3);
    const again = { ...first[1]!, kk: { ...first[1]!.kk, definition: 'кейінгі' } };
    await send(svc, { type: 'import/chunk', importId, offset: 3, entries: [again] });
    await send(svc, { type: 'import/chunk', importId, offset: 0, entries: first });
    const summary = await send(svc, { type: 'import/commit', importId });
    expect(summary).toMatchObject({ added: 3, updated: 1 });
    const snap = await getSnapshot(db);
    expect(snap.entries.find((e) => e.kk.term === 'термин 1')?.kk.definition).toBe('кейінгі');
  });

  test('a cancel that comes while the commit waits for the plan writes nothing', async () => {
    const db = await seeded();
    const svc = new GlossaryService(db);
    const before = await getSnapshot(db);
    const importId = await begin(svc, 'skip');
    await send(svc, { type: 'import/chunk', importId, offset: 0, entries: termbase(50) });
    const commit = svc.handle({ type: 'import/commit', importId });
    await send(svc, { type: 'import/cancel', importId });
    expect((await commit).response).toMatchObject({ error: { code: 'import.cancelled' } });
    expect(await getSnapshot(db)).toEqual(before);
    expect(await db.importPacks.count()).toBe(0);
  });

  test('a glossary changed while the chunks came is read again at the commit', async () => {
    const db = await seeded();
    const svc = new GlossaryService(db);
    const importId = await begin(svc, 'skip');
    await send(svc, { type: 'import/chunk', importId, offset: 0, entries: termbase(10) });
    // Meanwhile the user saves one of the file's entries on the options page.
    await send(svc, { type: 'entry/save', entry: termbase(1, 4)[0] });
    await send(svc, { type: 'import/chunk', importId, offset: 10, entries: termbase(5, 10) });
    const summary = await send(svc, { type: 'import/commit', importId });
    expect(summary).toMatchObject({ added: 14, skipped: 1 });
    const snap = await getSnapshot(db);
    expect(snap.entries.filter((e) => e.kk.term === 'термин 4')).toHaveLength(1);
    expect(snap.entries).toHaveLength(2 + 15);
  });
});
