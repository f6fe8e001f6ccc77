/**
 * What the matcher tests run on: the bundled and the evaluation glossaries,
 * and every clause of both Constitutions in both languages as one text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_ENTRIES } from '../../glossary/data';
import { matchableOf } from '../../glossary/matcher';
import { parseMatchableGlossary } from '../../glossary/matchable-file';
import { clauses } from '../../glossary/sources';
import type { MatchableEntry } from '../../glossary/types';

const EVAL_FILE = join(import.meta.dirname, '../fixtures/eval-glossary.json');

export const GLOSSARIES: [string, MatchableEntry[]][] = [
  ['bundled', BUNDLED_ENTRIES.map(matchableOf)],
  ['evaluation', parseMatchableGlossary(readFileSync(EVAL_FILE, 'utf8'), EVAL_FILE)],
];

export const CONSTITUTION = (['2026', '1995'] as const)
  .flatMap((edition) => (['kk', 'ru'] as const).map((lang) => clauses(edition, lang)))
  .flat()
  .map((c) => c.text)
  .join('\n\n');
