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
    vi.useFakeTimers();
    let snap = snapshot(1, ROWS);
    const store = memoryStore();
    const cache = new MatcherCache(async () => snap, undefined, { store, pause: timerPause });
    const first = cache.get();
    await vi.runAllTimersAsync();
    await first;
    const added = personal('эстоппель', 'эстоппель');
    snap = snapshot(2, [...ROWS, added]);
    const extended = await cache.get();
    expect(cache.builds).toEqual(['compiled', 'extended']);
    await vi.runAllTimersAsync();
    expect(cache.builds).toEqual(['compiled', 'extended', 'compiled']);
    expect(store.written).toEqual([1, 2]);
    const whole = await cache.get();
    expect(whole).not.toBe(extended);
    const text = 'Суд сослался на эстоппель. Правосудие осуществляется только судом.';
    expect(whole.matcher.scan(text)).toEqual(extended.matcher.scan(text));
    expect(whole.matcher.scan(text).map((m) => m.id)).toContain(added.id);
  });

  test('a change while that compile runs drops its result: the newer glossary is kept and stored', async () => {
    vi.useFakeTimers();
    let snap = snapshot(1, ROWS);
    const store = memoryStore();
    const cache = new MatcherCache(async () => snap, undefined, { store, pause: timerPause });
    const first = cache.get();
    await vi.runAllTimersAsync();
    await first;
    snap = snapshot(2, [...ROWS, personal('эстоппель', 'эстоппель')]);
    await cache.get();
    // The idle compile starts, and pauses after its first slice.
    await vi.advanceTimersToNextTimerAsync();
    expect(cache.builds).toEqual(['compiled', 'extended']);
    snap = snapshot(3, [...snap.entries, personal('аффидевит', 'аффидевит')]);
    expect((await cache.get()).revision).toBe(3);
    await vi.runAllTimersAsync();
    expect(cache.builds).toEqual(['compiled', 'extended', 'extended', 'compiled']);
    expect(store.written).toEqual([1, 3]);
    expect((await cache.get()).revision).toBe(3);
  });
});
