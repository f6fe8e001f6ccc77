/** glossary/lists.ts: lists joined end to end, in order, into a new list. */
import { expect, test } from 'vitest';
import { joinLists } from '../../../glossary/lists';

const CASES: [string, number[][], number[]][] = [
  ['no lists', [], []],
  ['empty lists', [[], []], []],
  ['one list', [[1, 2]], [1, 2]],
  ['in order', [[1], [], [2, 3], [4]], [1, 2, 3, 4]],
];

test.each(CASES)('%s', (_name, lists, joined) => {
  expect(joinLists(lists)).toEqual(joined);
});

test('a list of lists is joined one level deep, and the result is a new array', () => {
  const inner = [[1], [2]];
  const only = [inner];
  const out = joinLists<number[]>(only);
  expect(out).toEqual(inner);
  expect(out[0]).toBe(inner[0]);
  expect(out).not.toBe(inner);
});
