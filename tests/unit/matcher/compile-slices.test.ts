/**
 * The compile in slices (compileMatcherInSlices), which a service worker runs
 * so that it answers other requests while a termbase compiles: the same index
 * byte for byte as compileMatcher's whatever the slice, with a pause between
 * every two slices, and other tasks run in those pauses.
 */
import { describe, expect, test } from 'vitest';
import {
  compileMatcher,
  compileMatcherInSlices,
  serializeMatcher,
} from '../../../glossary/matcher';
import { CONSTITUTION, GLOSSARIES } from '../../support/matcher-material';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Entries per slice, and the pauses a glossary of `n` entries then takes: one
 * between every two slices, and one before the word table is frozen.
 */
const SLICES: [string, number, (n: number) => number][] = [
  ['7 entries', 7, (n) => Math.ceil(n / 7)],
  ["50 entries (the worker's)", 50, (n) => (n > 50 ? Math.ceil(n / 50) : 0)],
  ['all entries at once', Number.MAX_SAFE_INTEGER, () => 0],
];

describe.each(GLOSSARIES)('the %s glossary', (_, entries) => {
  const whole = serializeMatcher(compileMatcher(entries));

  test.each(SLICES)(
    'in slices of %s: the same index, a pause between slices',
    async (_label, slice, pauses) => {
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
      expect(paused).toBe(pauses(entries.length));
      expect(serializeMatcher(matcher)).toEqual(whole);
      expect(matcher.scan(CONSTITUTION.slice(0, 20_000)).length).toBeGreaterThan(0);
    },
  );
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
