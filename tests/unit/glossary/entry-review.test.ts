/**
 * The review script's per-entry report (glossary/entry-review.ts
 * entryProblems): a sound bundled entry has no problem; a damaged copy of it
 * has the lines each rule gives, in the script's order, each starting with
 * the entry's id.
 */
import { expect, test } from 'vitest';
import { BUNDLED_ENTRIES } from '../../../glossary/data';
import { entryProblems } from '../../../glossary/entry-review';
import { compileMatcher, matchableOf } from '../../../glossary/matcher';
import type { Entry } from '../../../glossary/types';

const sound = BUNDLED_ENTRIES.find((e) => e.id === 'constitutional-court')!;
const first = sound.citations[0]!;

const ROWS: [string, Entry, string[]][] = [
  ['the entry as bundled', sound, []],
  [
    'a Kazakh quote that is not the official text',
    { ...sound, citations: [{ ...first, quote: { ...first.quote, kk: 'Бос мәтін.' } }] },
    [
      'constitutional-court: 2026 art. 72.1: kk: quote not in the text: "Бос мәтін."',
      'constitutional-court: "Конституциялық Сот" not in the kk quote of 2026 art. 72.1',
      'constitutional-court: not attested (no citation whose two quotes hold its two terms)',
    ],
  ],
  [
    'no citation',
    { ...sound, citations: [] },
    ['constitutional-court: not attested (no citation whose two quotes hold its two terms)'],
  ],
  [
    'a citation that establishes the entry without naming it',
    { ...sound, citations: [{ ...first, mentions: false }] },
    [],
  ],
  [
    'a Russian term the quotes lack and the morphology cannot inflect',
    { ...sound, ru: { ...sound.ru, term: 'ООН' } },
    [
      'constitutional-court: "ООН" not in the ru quote of 2026 art. 72.2',
      'constitutional-court: "ООН" not in the ru quote of 1995 art. 71.6',
      'constitutional-court: "ООН" (ru) of constitutional-court: the morphology gives 0 other form(s)',
    ],
  ],
];

test.each(ROWS)('%s', (_, entry, expected) => {
  const all = compileMatcher([matchableOf(entry)]);
  expect(entryProblems(entry, all, () => false)).toEqual(expected);
});
