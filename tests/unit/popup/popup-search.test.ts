/**
 * Which answer the popup shows: a running worker's (asked first), else the
 * stored index's once the worker is late; the first complete answer wins, a
 * stand-in answer only when nothing better came, and the stored index is read
 * once and then answers the later keystrokes itself.
 */
import { describe, expect, test } from 'vitest';
import type { SearchResults } from '../../../components/search-results';
import { popupSearch } from '../../../entrypoints/popup/popup-search';
import type { SearchAnswer } from '../../../lib/protocol';
import type { StoredSearch } from '../../../lib/stored-search';

/** An answer naming where it came from (its size). */
const answer = (size: number, complete = true): SearchAnswer => ({
  hits: [],
  size,
  revision: 1,
  complete,
});
const BACKGROUND = 1;
const STORED = 2;
const STAND_IN = 3;

/** A promise that never settles: a worker still waking. */
const never = <T>() => new Promise<T>(() => undefined);

type Background = () => Promise<SearchResults>;
type Stored = 'none' | 'answers' | 'stale' | 'fails';

function storedIndex(kind: Stored, log: string[]): () => Promise<StoredSearch | null> {
  return async () => {
    log.push('open');
    if (kind === 'none') return null;
    if (kind === 'fails') throw new Error('unreadable');
    return {
      revision: 1,
      search: async () => (kind === 'stale' ? null : answer(STORED)),
      close: () => void log.push('close'),
    };
  };
}

const CASES: [string, Background, Stored, number | 'error', string[]][] = [
  [
    'a running worker answers: the stored index is not read',
    async () => answer(BACKGROUND),
    'answers',
    BACKGROUND,
    [],
  ],
  ['a sleeping worker: the stored index answers', never, 'answers', STORED, ['open']],
  [
    'a worker with a stand-in answer: the stored index is complete',
    async () => answer(STAND_IN, false),
    'answers',
    STORED,
    ['open'],
  ],
  [
    'a stand-in answer and no stored index: the stand-in',
    async () => answer(STAND_IN, false),
    'none',
    STAND_IN,
    ['open'],
  ],
  [
    'a late worker and a stale stored index: the worker',
    () => new Promise((r) => setTimeout(() => r(answer(BACKGROUND)), 60)),
    'stale',
    BACKGROUND,
    ['open'],
  ],
  [
    'a late worker and an unreadable stored index: the worker',
    () => new Promise((r) => setTimeout(() => r(answer(BACKGROUND)), 60)),
    'fails',
    BACKGROUND,
    ['open'],
  ],
  [
    'the worker fails: the stored index',
    () => Promise.reject(new Error('gone')),
    'answers',
    STORED,
    ['open'],
  ],
  [
    'the worker fails and nothing is stored: its error',
    () => Promise.reject(new Error('gone')),
    'none',
    'error',
    ['open'],
  ],
];

describe('the popup’s first answer', () => {
  test.each(CASES)('%s', async (_name, background, stored, want, opened) => {
    const log: string[] = [];
    const s = popupSearch(background, storedIndex(stored, log), 10);
    if (want === 'error') await expect(s.search('суд', 20)).rejects.toThrow('gone');
    else expect((await s.search('суд', 20)).size).toBe(want);
    expect(log).toEqual(opened);
  });
});

test('a blank query (the hint’s count) waits for a slow worker instead of reading the stored index', async () => {
  const log: string[] = [];
  const late = () => new Promise<SearchResults>((r) => setTimeout(() => r(answer(BACKGROUND)), 60));
  const s = popupSearch(late, storedIndex('answers', log), 10);
  expect((await s.search(' ', 20)).size).toBe(BACKGROUND);
  expect(log).toEqual([]);
  // Only a failing worker sends it to the stored index.
  const failing = popupSearch(
    () => Promise.reject(new Error('gone')),
    storedIndex('answers', log),
    10,
  );
  expect((await failing.search('', 20)).size).toBe(STORED);
  expect(log).toEqual(['open']);
});

test('once read, the stored index answers later keystrokes without asking the worker', async () => {
  const log: string[] = [];
  let asked = 0;
  const s = popupSearch(
    () => {
      asked++;
      return never();
    },
    storedIndex('answers', log),
    10,
  );
  expect((await s.search('с', 20)).size).toBe(STORED);
  expect((await s.search('су', 20)).size).toBe(STORED);
  expect(asked).toBe(1);
  s.close();
  expect(log).toEqual(['open', 'close']);
});

test('the stored index’s first steps are taken as the popup starts, and let go unused while the worker answers', async () => {
  const log: string[] = [];
  const opener = Object.assign(storedIndex('answers', log), {
    prepare: () => void log.push('prepare'),
    release: () => void log.push('release'),
  });
  const running = popupSearch(async () => answer(BACKGROUND), opener, 10);
  expect(log).toEqual(['prepare']);
  expect((await running.search('суд', 20)).size).toBe(BACKGROUND);
  running.close();
  expect(log).toEqual(['prepare', 'release']);
  log.length = 0;
  const asleep = popupSearch(never, opener, 10);
  expect((await asleep.search('суд', 20)).size).toBe(STORED);
  asleep.close();
  expect(log).toEqual(['prepare', 'open', 'close']);
});
