/**
 * The compile in slices (compileMatcherInSlices), which a service worker runs
 * so that it answers other requests while a termbase compiles: the same index
 * byte for byte as compileMatcher's whatever the slice, with a pause between
 * every two slices and every few thousand words while the index is laid out
 * and frozen, and other tasks run in those pauses.
 */
import { describe, expect, test } from 'vitest';
import {
  compileMatcher,
  compileMatcherInSlices,
  serializeMatcher,
} from '../../../glossary/matcher';
import type { MatchableEntry } from '../../../glossary/types';
import { CONSTITUTION, GLOSSARIES } from '../../support/matcher-material';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Entries per slice. */
const SLICES: [string, number][] = [
  ['7 entries', 7],
  ["50 entries (the worker's)", 50],
];

/** The pauses a compile in slices of `slice` entries takes. */
async function pausesOf(entries: readonly MatchableEntry[], slice: number): Promise<number> {
  let paused = 0;
  await compileMatcherInSlices(
    entries,
    () => {
      paused++;
      return nextTask();
    },
    {},
    slice,
  );
  return paused;
}

/**
 * Per glossary, whether laying out its terminals and freezing its word table
 * pause too: the bundled glossary's are some 25,000 terminals, past a step of
 * their own; the evaluation glossary's are fewer.
 */
const PAUSES_WHEN_LAID_OUT: Record<string, boolean> = { bundled: true, evaluation: false };

describe.each(GLOSSARIES)('the %s glossary', (name, entries) => {
  const whole = serializeMatcher(compileMatcher(entries));

  test.each(SLICES)(
    'in slices of %s: the same index, a pause between slices and those of laying it out',
    async (_label, slice) => {
      let paused = 0;
      const matcher = await compileMatcherInSlices(
        entries,
        () => {
          paused++;
          return nextTask();
        },
        {},
        slice,
      );
      const laidOut = await pausesOf(entries, Number.MAX_SAFE_INTEGER);
      expect(paused).toBe(Math.ceil(entries.length / slice) - 1 + laidOut);
      expect(serializeMatcher(matcher)).toEqual(whole);
      expect(matcher.scan(CONSTITUTION.slice(0, 20_000)).length).toBeGreaterThan(0);
    },
  );

  test('all entries in one slice: the same index, paused only while it is laid out and frozen', async () => {
    const matcher = await compileMatcherInSlices(
      entries,
      () => nextTask(),
      {},
      Number.MAX_SAFE_INTEGER,
    );
    expect(serializeMatcher(matcher)).toEqual(whole);
    expect((await pausesOf(entries, Number.MAX_SAFE_INTEGER)) > 0).toBe(PAUSES_WHEN_LAID_OUT[name]);
  });
});

test('other tasks run while it compiles: a timer set before it fires before it ends', async () => {
  const entries = GLOSSARIES[0]![1];
  const order: string[] = [];
  setTimeout(() => order.push('timer'), 0);
  await compileMatcherInSlices(entries, nextTask, {}, 100).then(() => order.push('compiled'));
  expect(order).toEqual(['timer', 'compiled']);
});

test('an empty glossary compiles with no pause', async () => {
  let paused = 0;
  const matcher = await compileMatcherInSlices([], async () => void paused++);
  expect(paused).toBe(0);
  expect(serializeMatcher(matcher)).toEqual(serializeMatcher(compileMatcher([])));
});
