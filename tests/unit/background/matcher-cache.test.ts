/**
 * The background's compiled glossary (entrypoints/background/matcher-cache.ts)
 * compiling a whole glossary: in slices, so other requests are answered
 * meanwhile; after a saved entry extended it, compiled whole again once the
 * worker is idle and stored — unless the glossary changed while that compile
 * ran, when its result is dropped.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { BUNDLED_ENTRIES } from '../../../glossary/data';
import { compileMatcher, matchableOf, serializeMatcher } from '../../../glossary/matcher';
import { MatcherCache, type IndexStore } from '../../../entrypoints/background/matcher-cache';
import { decodeScanResult, type ScanResult } from '../../../lib/scan-wire';
import {
  PERSONAL_PART_FROM,
  compileGlossary,
  type StoredIndex,
} from '../../../entrypoints/background/stored-index';
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
function memoryStore(): IndexStore & { written: number[]; parts: () => StoredIndex[] } {
  let rows: StoredIndex[] = [];
  const written: number[] = [];
  return {
    written,
    parts: () => rows,
    read: async () => ({
      revision: rows[0]?.revision ?? 0,
      stored: rows.map((value) => ({ revision: value.revision, value: async () => value })),
    }),
    write: async (revision, parts) => {
      written.push(revision);
      rows = parts;
      return true;
    },
    drop: async () => void (rows = []),
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

describe('idle: what work that can wait waits for', () => {
  test('resolves at once with nothing compiling, and only once a compile (its warm-up too) has ended', async () => {
    const { cache, change } = await extendedAfterSave();
    await vi.runAllTimersAsync();
    const builds = cache.builds.length;
    let idle = false;
    await cache.idle().then(() => (idle = true));
    expect(idle).toBe(true);
    // A change whose whole compile the warm-up starts (a large change: not an extension).
    change([...ROWS.slice(1), ADDED]);
    cache.warmWhenIdle();
    idle = false;
    await vi.advanceTimersByTimeAsync(1500);
    const waiting = cache.idle().then(() => {
      idle = true;
      return cache.builds.length;
    });
    await vi.advanceTimersToNextTimerAsync();
    expect(idle).toBe(false);
    await vi.runAllTimersAsync();
    expect(await waiting).toBe(builds + 1);
    expect(cache.builds.at(-1)).toBe('compiled');
  });
});

/** A word of its own for each number: Cyrillic letters for its digits. */
const letters = (n: number) => [...String(n)].map((d) => 'абвгдежзик'[Number(d)]).join('');

describe('a large termbase is stored apart, and a woken worker answers tabs from the bundled part while it loads', () => {
  const OVERRIDE: StoredEntry = { ...personal('прокурор', 'прокурор'), overrides: 'prosecutor' };
  const ESTOPPEL = personal('эстоппель', 'эстоппель');
  const TERMBASE = Array.from({ length: PERSONAL_PART_FROM }, (_, i) =>
    personal(`${letters(i)}шарт`, `${letters(i)}трактат`),
  );
  const BUNDLED = ROWS.filter((r) => r.id !== 'prosecutor');
  const snapOf = (mine: StoredEntry[]) => snapshot(1, [...BUNDLED, OVERRIDE, ESTOPPEL, ...mine]);
  const TEXT = `Прокурор и адвокат сослались на эстоппель и ${letters(5)}трактат.`;
  const ids = (res: ScanResult) => decodeScanResult(res, (s) => s)[0]!.map((m) => m.id);
  const WHOLE = [OVERRIDE.id, 'advocate', ESTOPPEL.id, TERMBASE[5]!.id];

  /**
   * The index a running worker stored for the glossary of `snap`, read back
   * by a woken one whose store reads a second part only once `open` is called.
   */
  async function woken(snap: GlossarySnapshot, rescan = true) {
    const store = memoryStore();
    const running = new MatcherCache(async () => snap, undefined, { store });
    await running.get();
    await running.saved();
    let open = (): void => undefined;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const gated: IndexStore = {
      ...store,
      read: async () => {
        const { revision, stored } = await store.read();
        return {
          revision,
          stored: stored.map((part, k) =>
            k === 0 ? part : { ...part, value: () => opened.then(() => part.value()) },
          ),
        };
      },
    };
    const cache = new MatcherCache(async () => snap, undefined, { store: gated });
    const told: [readonly number[], number][] = [];
    if (rescan) cache.rescanEarlyTabs((tabs, revision) => told.push([tabs, revision]));
    return { cache, running, open, told, parts: store.parts() };
  }

  test('the termbase is a part of its own, after the bundled entries', async () => {
    const { parts } = await woken(snapOf(TERMBASE));
    expect(parts.map((p) => p.ids.length)).toEqual([BUNDLED.length, PERSONAL_PART_FROM + 2]);
    expect(parts[0]!.personal.includes(1)).toBe(false);
    expect(parts[1]!.personal.every((flag) => flag === 1)).toBe(true);
  });

  test('tabs are answered from the bundled part, then told to scan again; the whole scans as the running worker did', async () => {
    const { cache, running, open, told } = await woken(snapOf(TERMBASE));
    expect(ids(await cache.scan([TEXT], 7))).toEqual(['advocate']);
    expect(ids(await cache.scan([TEXT], 8))).toEqual(['advocate']);
    // A request with no tab to tell later (an extension page) waits for the whole glossary.
    let untabbed: ScanResult | null = null;
    const waiting = cache.scan([TEXT]).then((r) => (untabbed = r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(untabbed).toBeNull();
    expect(told).toEqual([]);
    open();
    await waiting;
    expect(ids(untabbed!)).toEqual(WHOLE);
    expect(told).toEqual([[[7, 8], 1]]);
    expect(ids(await cache.scan([TEXT], 7))).toEqual(WHOLE);
    expect(await cache.scan([TEXT], 7)).toEqual(await running.scan([TEXT]));
    expect(cache.builds).toEqual(['stored']);
  });

  test.each([
    [
      'a smaller termbase, stored in one part with the bundled entries',
      TERMBASE.slice(0, PERSONAL_PART_FROM - 3),
      true,
    ],
    ['a worker that cannot tell tabs to scan again', TERMBASE, false],
  ])('%s: no early answer', async (_, mine, rescan) => {
    const { cache, open, told } = await woken(snapOf(mine), rescan);
    let answered: ScanResult | null = null;
    const waiting = cache.scan([TEXT], 7).then((r) => (answered = r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // One part is read at once, not gated: then the whole answers at once.
    if (mine.length >= PERSONAL_PART_FROM) expect(answered).toBeNull();
    open();
    await waiting;
    expect(ids(answered!)).toEqual(WHOLE);
    expect(told).toEqual([]);
  });
});

describe('while an import is compiled, tabs are answered from the glossary compiled before', () => {
  const IMPORTED = Array.from({ length: 600 }, (_, i) =>
    personal(`${letters(i)}шарт`, `${letters(i)}трактат`),
  );
  const MORE = Array.from({ length: 600 }, (_, i) =>
    personal(`${letters(i)}келісім`, `${letters(i)}соглашение`),
  );
  const TEXT = `Адвокат сослался на ${letters(42)}трактат.`;
  const ids = (res: ScanResult) => decodeScanResult(res, (s) => s)[0]!.map((m) => m.id);

  /** A cache whose glossary (the bundled rows) is compiled, and `next` its glossary after a change. */
  async function compiledThen(next: StoredEntry[]) {
    let snap = snapshot(1, ROWS);
    const cache = new MatcherCache(async () => snap, undefined, { store: memoryStore() });
    const told: [readonly number[], number][] = [];
    cache.rescanEarlyTabs((tabs, revision) => told.push([tabs, revision]));
    await cache.get();
    snap = snapshot(2, next);
    return { cache, told };
  }

  test('entries only added: the tab gets the glossary before them at once, then is told to scan again', async () => {
    const { cache, told } = await compiledThen([...ROWS, ...IMPORTED]);
    expect(ids(await cache.scan([TEXT], 7))).toEqual(['advocate']);
    expect(told).toEqual([]);
    await cache.get();
    expect(cache.builds).toEqual(['compiled', 'compiled']);
    expect(told).toEqual([[[7], 2]]);
    expect(ids(await cache.scan([TEXT], 7))).toEqual(['advocate', IMPORTED[42]!.id]);
  });

  test.each([
    ['added', [...ROWS, ...IMPORTED, ADDED], ['advocate', ADDED.id]],
    ['added and another deleted', [...ROWS.slice(1), ...IMPORTED, ADDED], ['advocate']],
    ['added with more than a save', [...ROWS, ...IMPORTED, ...MORE, ADDED], ['advocate']],
  ])(
    'an entry %s while it is compiled: the tab gets it beside the glossary before at once, or that glossary alone',
    async (_, saved, early) => {
      vi.useFakeTimers();
      let snap = snapshot(1, ROWS);
      const cache = new MatcherCache(async () => snap, undefined, {
        store: memoryStore(),
        pause: timerPause,
      });
      const told: number[] = [];
      cache.rescanEarlyTabs((tabs) => told.push(...tabs));
      const first = cache.get();
      await vi.runAllTimersAsync();
      await first;
      snap = snapshot(2, [...ROWS, ...IMPORTED]);
      const text = `${TEXT.slice(0, -1)} и эстоппель.`;
      // The import's compile has started, and waits on the (faked) timers.
      expect(ids(await cache.scan([text], 7))).toEqual(['advocate']);
      snap = snapshot(3, saved);
      expect(ids(await cache.scan([text], 7))).toEqual(early);
      expect(told).toEqual([]);
      const whole = cache.get();
      await vi.runAllTimersAsync();
      await whole;
      expect(told).toEqual([7]);
      const last = decodeScanResult(await cache.scan([text], 7), (s) => s)[0]!.map((m) => m.id);
      expect(last).toEqual([
        'advocate',
        IMPORTED[42]!.id,
        ...(saved.includes(ADDED) ? [ADDED.id] : []),
      ]);
    },
  );

  test.each([
    ['an entry deleted besides', [...ROWS.slice(1), ...IMPORTED], 7],
    ['a request with no tab to tell', [...ROWS, ...IMPORTED], undefined],
  ])('%s: the new glossary is waited for', async (_, next, tab) => {
    const { cache, told } = await compiledThen(next);
    expect(ids(await cache.scan([TEXT], tab))).toEqual(['advocate', IMPORTED[42]!.id]);
    expect(told).toEqual([]);
  });
});

describe('storing a compiled glossary holds the worker a while', () => {
  test('so it waits until no tab has asked for a scan for a moment', async () => {
    vi.useFakeTimers();
    const store = memoryStore();
    const cache = new MatcherCache(
      async () => snapshot(1, ROWS),
      (entries) => compileMatcher(entries.map(matchableOf)),
      { store },
    );
    await cache.scan(['Правосудие осуществляется только судом.'], 7);
    await vi.advanceTimersByTimeAsync(200);
    expect(store.written).toEqual([]);
    await cache.scan(['Адвокат.'], 8);
    await vi.advanceTimersByTimeAsync(200);
    expect(store.written).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(store.written).toEqual([1]);
  });
});

describe('storing an import compiled while tabs were answered early', () => {
  test('waits for the scans the tabs were told to make', async () => {
    vi.useFakeTimers();
    let snap = snapshot(1, ROWS);
    const store = memoryStore();
    // Each slice of the compile a tenth of a second: it ends long after the early scan.
    const slowPause = () => new Promise<void>((resolve) => setTimeout(resolve, 100));
    const cache = new MatcherCache(async () => snap, undefined, { store, pause: slowPause });
    const told: number[] = [];
    cache.rescanEarlyTabs((tabs) => told.push(...tabs));
    const first = cache.get();
    await vi.runAllTimersAsync();
    await first;
    const imported = Array.from({ length: 600 }, (_, i) =>
      personal(`${letters(i)}шарт`, `${letters(i)}трактат`),
    );
    snap = snapshot(2, [...ROWS, ...imported]);
    // Long before the compile ends, a tab is answered early: its scan is long past when it ends.
    await cache.scan(['Адвокат.'], 7);
    const whole = cache.get();
    while (told.length === 0) await vi.advanceTimersByTimeAsync(10);
    await whole;
    expect(told).toEqual([7]);
    // Told to scan again, the tab asks a little later: the glossary is not stored before that.
    await vi.advanceTimersByTimeAsync(250);
    expect(store.written).toEqual([1]);
    await cache.scan(['Адвокат.'], 7);
    await vi.advanceTimersByTimeAsync(250);
    expect(store.written).toEqual([1]);
    await vi.advanceTimersByTimeAsync(100);
    expect(store.written).toEqual([1, 2]);
  });
});
