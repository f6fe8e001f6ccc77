/**
 * The streamed import at the background's door (fake-indexeddb): chunks are
 * checked as they come and held; the commit writes them in one transaction,
 * one batch and one revision; a cancel — before the commit or during it —
 * writes nothing and leaves the entries and the revision as they were; an
 * import the background no longer knows (it was restarted) is refused with a
 * code. And `search/query` answers from the background's index.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { AtaZanDatabase } from '../../../db/database';
import { importEntries } from '../../../db/glossary-store';
import { seedBundled } from '../../../db/seed';
import { GlossaryService } from '../../../entrypoints/background/requests';
import { streamImport, IMPORT_CHUNK } from '../../../components/import-stream';
import { CodedError, errorInfoOf } from '../../../glossary/errors';
import type { Entry } from '../../../glossary/types';
import type {
  BatchInfo,
  GlossarySnapshot,
  ImportSummary,
  SearchAnswer,
  StoredEntry,
} from '../../../lib/protocol';
import type { ask as askFn } from '../../../lib/client';
import { freshDatabases } from '../../support/databases';
import { testEntry } from '../../support/entries';

/** `n` distinct entries with no id, as a termbase file gives them. */
function termbase(n: number): Entry[] {
  return Array.from({ length: n }, (_, i) => testEntry('', `термин ${i}`, `термин ${i} ру`));
}

const freshDb = freshDatabases('atazan-stream');
async function freshService(): Promise<{ db: AtaZanDatabase; svc: GlossaryService }> {
  const db = freshDb();
  await seedBundled(db, '1', [testEntry('sot', 'сот', 'суд'), testEntry('zan', 'заң', 'закон')]);
  return { db, svc: new GlossaryService(db) };
}

/** `ask` as a page has it, answered by the service (errors thrown as codes, as lib/client does). */
function asker(svc: GlossaryService): typeof askFn {
  return (async (type: string, params?: object) => {
    const { response } = await svc.handle({ ...(params ?? {}), type });
    const info =
      response && typeof response === 'object' && 'error' in response
        ? errorInfoOf((response as { error: unknown }).error)
        : null;
    if (info) throw new CodedError(info.code, info.params, info.where ?? null);
    return response;
  }) as typeof askFn;
}

async function state(svc: GlossaryService) {
  const snapshot = (await svc.handle({ type: 'glossary/get' })).response as GlossarySnapshot;
  return { revision: snapshot.revision, ids: snapshot.entries.map((e) => e.id).sort() };
}

describe('streamed import', () => {
  test(
    'chunks, then one commit: one batch, one revision bump, progress reported',
    { timeout: 120_000 },
    async () => {
      const { svc } = await freshService();
      const ask = asker(svc);
      await ask('entry/save', { entry: testEntry('', 'менің терминім', 'мой термин') });
      const before = await state(svc);
      const entries = termbase(IMPORT_CHUNK * 2 + 7);
      const progress: string[] = [];
      const broadcasts: number[] = [];
      const handle = svc.handle.bind(svc);
      svc.handle = async (raw) => {
        const h = await handle(raw);
        for (const b of h.broadcasts)
          if (b.type === 'glossary/changed') broadcasts.push(b.revision);
        return h;
      };
      const summary = await streamImport(
        ask,
        entries,
        'skip',
        'termbase.csv',
        (p) => progress.push(`${p.phase} ${p.sent}/${p.total}`),
        new AbortController().signal,
      );
      expect(summary).toMatchObject({ added: entries.length, updated: 0, skipped: 0 });
      const total = entries.length;
      expect(progress).toEqual([
        `sending 0/${total}`,
        `sending ${IMPORT_CHUNK}/${total}`,
        `sending ${IMPORT_CHUNK * 2}/${total}`,
        `sending ${total}/${total}`,
        `saving ${total}/${total}`,
      ]);
      const after = await state(svc);
      expect(after.revision).toBe(before.revision + 1);
      expect(broadcasts).toEqual([after.revision]);
      expect(after.ids.length).toBe(before.ids.length + total);
      const [batch] = (await ask('batches/list')) as BatchInfo[];
      expect(batch).toMatchObject({ kind: 'import', name: 'termbase.csv', created: total });
      // Undone in one step, the user's own entry stays.
      await ask('batch/undo', { id: batch!.id });
      expect((await state(svc)).ids).toEqual(before.ids);
    },
  );

  test('cancelled while sending: nothing written, no revision bump, existing entries intact', async () => {
    const { svc } = await freshService();
    const ask = asker(svc);
    const mine = (await ask('entry/save', {
      entry: testEntry('', 'менің терминім', 'мой термин'),
    })) as StoredEntry;
    const before = await state(svc);
    const controller = new AbortController();
    const run = streamImport(
      ask,
      termbase(IMPORT_CHUNK * 3),
      'overwrite',
      'big.json',
      (p) => {
        if (p.sent >= IMPORT_CHUNK) controller.abort();
      },
      controller.signal,
    );
    await expect(run).rejects.toMatchObject({ code: 'import.cancelled' });
    expect(await state(svc)).toEqual(before);
    expect(await ask('entry/get', { id: mine.id })).toEqual(mine);
    expect(await ask('batches/list')).toEqual([]);
  });

  test('cancelled during the commit: its transaction is aborted, nothing written', async () => {
    const { db, svc } = await freshService();
    const before = await state(svc);
    let looks = 0;
    await expect(
      importEntries(db, termbase(5000), 'skip', 'x.csv', { cancelled: () => ++looks > 2 }),
    ).rejects.toMatchObject({ code: 'import.cancelled' });
    expect(looks).toBeGreaterThan(2);
    svc.invalidate();
    expect(await state(svc)).toEqual(before);
    expect(await db.batches.count()).toBe(0);
  });

  test('a bad entry is named by its place in the file, in the chunk that carries it', async () => {
    const { svc } = await freshService();
    const ask = asker(svc);
    const entries = termbase(IMPORT_CHUNK + 10);
    entries[IMPORT_CHUNK + 4] = {
      ...entries[IMPORT_CHUNK + 4]!,
      ru: { term: '', variants: [], definition: '' },
    };
    const before = await state(svc);
    const err = await streamImport(
      ask,
      entries,
      'skip',
      'x',
      () => undefined,
      new AbortController().signal,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ where: { code: 'where.entry', params: { n: IMPORT_CHUNK + 5 } } });
    expect(await state(svc)).toEqual(before);
  });

  test('chunks answered out of order are written in file order; a chunk that never came refuses the commit, nothing written', async () => {
    const { svc } = await freshService();
    const ask = asker(svc);
    const before = await state(svc);
    const entries = [
      testEntry('', 'бірінші', 'первый'),
      testEntry('', 'екінші', 'второй'),
      // Repeats the first, later in the file: with "overwrite" its version is the one kept.
      testEntry('', 'бірінші', 'первый', { tags: ['кейінгі'] }),
    ];
    const inOrder = await ask('import/begin', { policy: 'overwrite', name: 'x' });
    await ask('import/chunk', { importId: inOrder.importId, entries: entries.slice(2), offset: 2 });
    await ask('import/chunk', {
      importId: inOrder.importId,
      entries: entries.slice(0, 2),
      offset: 0,
    });
    const summary = await ask('import/commit', { importId: inOrder.importId });
    expect(summary).toMatchObject({ added: 2, updated: 1, skipped: 0 });
    const { entries: now } = (await ask('glossary/get')) as GlossarySnapshot;
    expect(now.find((e) => e.kk.term === 'бірінші')?.tags).toEqual(['кейінгі']);
    const gap = await ask('import/begin', { policy: 'skip', name: 'y' });
    await ask('import/chunk', { importId: gap.importId, entries: termbase(2), offset: 0 });
    await ask('import/chunk', { importId: gap.importId, entries: termbase(2), offset: 4 });
    const written = await state(svc);
    await expect(ask('import/commit', { importId: gap.importId })).rejects.toMatchObject({
      code: 'import.expired',
    });
    expect(await state(svc)).toEqual(written);
    expect(written.revision).toBe(before.revision + 1);
  });

  test('a chunk or commit for an import the background does not know is refused (it was restarted)', async () => {
    const { svc } = await freshService();
    const ask = asker(svc);
    const { importId } = await ask('import/begin', { policy: 'skip', name: 'x' });
    await ask('import/chunk', { importId, entries: termbase(3), offset: 0 });
    const restarted = new GlossaryService((svc as unknown as { db: AtaZanDatabase }).db);
    await expect(asker(restarted)('import/commit', { importId })).rejects.toMatchObject({
      code: 'import.expired',
    });
  });

  test('duplicates follow the policy as in one-shot imports, across chunks', async () => {
    const { svc } = await freshService();
    const ask = asker(svc);
    const entries = [
      ...termbase(IMPORT_CHUNK),
      testEntry('', 'сот', 'суд'), // the bundled entry, by its terms
      testEntry('', 'термин 0', 'термин 0 ру'), // repeats the file's first entry
    ];
    const skip = (await streamImport(
      ask,
      entries,
      'skip',
      'a',
      () => undefined,
      new AbortController().signal,
    )) as ImportSummary;
    expect(skip).toMatchObject({ added: IMPORT_CHUNK, skipped: 2, updated: 0 });
    const over = await streamImport(
      ask,
      entries,
      'overwrite',
      'b',
      () => undefined,
      new AbortController().signal,
    );
    expect(over).toMatchObject({ added: 0, updated: IMPORT_CHUNK + 2, skipped: 0 });
    const sot = (await ask('entry/get', { id: 'sot' })) as StoredEntry;
    expect(sot).toMatchObject({ source: 'personal', overrides: 'sot' });
  }, 120_000);
});

describe('search through the background', () => {
  test('answers at once (from the bundled glossary while its index is made), then from the current revision; a saved entry is found', async () => {
    const { svc } = await freshService();
    const ask = asker(svc);
    /** Ask until the answer comes from the index of the current glossary, as the popup does. */
    const settled = async (query: string) => {
      let answer = (await ask('search/query', { query })) as SearchAnswer;
      for (let i = 0; !answer.complete && i < 50; i++) {
        await new Promise((ok) => setTimeout(ok, 10));
        answer = (await ask('search/query', { query })) as SearchAnswer;
      }
      expect(answer.complete).toBe(true);
      return answer;
    };
    // Just woken: nothing built yet, so the bundled glossary answers, marked incomplete.
    const early = (await ask('search/query', { query: 'сот' })) as SearchAnswer;
    expect(early.complete).toBe(false);
    expect(early.hits.length).toBeGreaterThan(0);
    const first = await settled('сот');
    expect(first.hits[0]?.entry.id).toBe('sot');
    expect(first.size).toBe(2);
    const saved = (await ask('entry/save', {
      entry: testEntry('', 'сот шешімі', 'решение суда'),
    })) as StoredEntry;
    const answer = await settled('сот шеш');
    expect(answer.hits[0]?.entry.id).toBe(saved.id);
    expect(answer.size).toBe(3);
  });
});
