/**
 * The background's compiled glossary (entrypoints/background/matcher-cache.ts)
 * compiling a whole glossary: in slices, so other requests are answered
 * meanwhile; after a saved entry extended it, compiled whole again once the
 * worker is idle and stored — unless the glossary changed while that compile
 * ran, when its result is dropped.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { BUNDLED_ENTRIES } from '../../../glossary/data';
import { serializeMatcher } from '../../../glossary/matcher';
import { MatcherCache, type IndexStore } from '../../../entrypoints/background/matcher-cache';
import { compileGlossary, type StoredIndex } from '../../../entrypoints/background/stored-index';
import { bundledRowsOf } from '../../../lib/bundled-glossary-file';
import type { GlossarySnapshot, StoredEntry } from '../../../lib/protocol';
import { testEntry } from '../../support/entries';

const ROWS = bundledRowsOf(BUNDLED_ENTRIES);

const personal = (kk: string, ru: string): StoredEntry => ({
  ...testEntry(`personal-${ru}`, kk, ru),
  source: 'personal',
  createdAt: 1,
  updatedAt: 1,
});

const snapshot = (revision: number, entries: StoredEntry[]): GlossarySnapshot => ({
  revision,
  bundledVersion: 'test',
  entries,
});

/** A store in memory that records the revisions written. */
function memoryStore(): IndexStore & { written: number[] } {
  let row: { revision: number; value: StoredIndex } | undefined;
  const written: number[] = [];
  return {
    written,
    read: async () => ({ revision: row?.revision ?? 0, stored: row }),
    write: async (revision, value) => {
      written.push(revision);
      row = { revision, value };
      return true;
    },
    drop: async () => void (row = undefined),
  };
}

/** A pause on the (faked) timers, so the tests step through the slices. */
const timerPause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

const ADDED = personal('эстоппель', 'эстоппель');

/**
 * On faked timers, a cache whose glossary (the bundled rows) was compiled
 * whole and stored, then extended by a saved entry (revision 2): `change`
 * gives it the next glossary.
 */
async function extendedAfterSave() {
  vi.useFakeTimers();
  let snap = snapshot(1, ROWS);
  const store = memoryStore();
  const cache = new MatcherCache(async () => snap, undefined, { store, pause: timerPause });
  const first = cache.get();
  await vi.runAllTimersAsync();
  await first;
  snap = snapshot(2, [...ROWS, ADDED]);
  const extended = await cache.get();
  expect(cache.builds).toEqual(['compiled', 'extended']);
  const change = (entries: StoredEntry[]) => void (snap = snapshot(snap.revision + 1, entries));
  return { cache, store, extended, change };
}

describe("the background's whole compile", () => {
  test('runs in slices: a task queued before it runs before it ends, and it compiles what compileGlossary does', async () => {
    const snap = snapshot(1, ROWS);
    const cache = new MatcherCache(async () => snap);
    const order: string[] = [];
    setTimeout(() => order.push(cache.builds.length === 0 ? 'task, while compiling' : 'task'), 0);
    const compiled = await cache.get();
    order.push('compiled');
    expect(order).toEqual(['task, while compiling', 'compiled']);
    expect(cache.builds).toEqual(['compiled']);
    expect(serializeMatcher(compiled.matcher)).toEqual(
      serializeMatcher(compileGlossary(snap).compiled.matcher),
    );
  });

  test('after a saved entry extended the glossary, compiles it whole when idle and stores it', async () => {
    const { cache, store, extended } = await extendedAfterSave();
    await vi.runAllTimersAsync();
    expect(cache.builds).toEqual(['compiled', 'extended', 'compiled']);
    expect(store.written).toEqual([1, 2]);
    const whole = await cache.get();
    expect(whole).not.toBe(extended);
    const text = 'Суд сослался на эстоппель. Правосудие осуществляется только судом.';
    expect(whole.matcher.scan(text)).toEqual(extended.matcher.scan(text));
    expect(whole.matcher.scan(text).map((m) => m.id)).toContain(ADDED.id);
  });

  test('a change while that compile runs drops its result: the newer glossary is kept and stored', async () => {
    const { cache, store, change } = await extendedAfterSave();
    // The idle compile starts, and pauses after its first slice.
    await vi.advanceTimersToNextTimerAsync();
    expect(cache.builds).toEqual(['compiled', 'extended']);
    change([...ROWS, ADDED, personal('аффидевит', 'аффидевит')]);
    expect((await cache.get()).revision).toBe(3);
    await vi.runAllTimersAsync();
    expect(cache.builds).toEqual(['compiled', 'extended', 'extended', 'compiled']);
    expect(store.written).toEqual([1, 3]);
    expect((await cache.get()).revision).toBe(3);
  });
});

describe('after a change, the glossary is made ready once the worker is idle', () => {
  test('warmWhenIdle compiles the new revision without a page asking, once for several calls', async () => {
    const { cache, change } = await extendedAfterSave();
    change([...ROWS, ADDED, personal('мораторий', 'мораторий')]);
    cache.warmWhenIdle();
    cache.warmWhenIdle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(cache.builds).toEqual(['compiled', 'extended']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(cache.builds).toEqual(['compiled', 'extended', 'extended']);
    // Asked now, the page gets it without another build.
    await cache.get();
    expect(cache.builds).toEqual(['compiled', 'extended', 'extended']);
  });

  test('each request puts it off', async () => {
    const { cache, change } = await extendedAfterSave();
    change([...ROWS, ADDED, personal('мораторий', 'мораторий')]);
    cache.warmWhenIdle();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      cache.postponeWarm();
    }
    expect(cache.builds).toEqual(['compiled', 'extended']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(cache.builds).toEqual(['compiled', 'extended', 'extended']);
  });
});
