/**
 * The pause between the slices of the worker's long work
 * (entrypoints/background/next-task.ts): other tasks come in once the work
 * has held the worker SLICE_MS, and not between every two small slices.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { SLICE_MS, nextTask, pauseBetweenSlices } from '../../../entrypoints/background/next-task';

/** The clock the pause reads: it only moves forward, across the tests too. */
let clock = 1_000_000;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Whether a task queued before the pause ran by the time it returned. */
async function letsTaskIn(): Promise<boolean> {
  let ran = false;
  void nextTask().then(() => (ran = true));
  await pauseBetweenSlices();
  return ran;
}

test.each([
  ['held the worker SLICE_MS since the last pause: it lets a waiting task in', SLICE_MS, true],
  ['held it less: it goes on at once', SLICE_MS - 1, false],
])('%s', async (_, held, expected) => {
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  // A pause that lets tasks in, whatever came before.
  clock += 1_000;
  expect(await letsTaskIn()).toBe(true);
  clock += held;
  expect(await letsTaskIn()).toBe(expected);
});
