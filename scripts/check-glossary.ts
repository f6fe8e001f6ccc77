/**
 * Review glossary data files before the full test run: every problem the data
 * tests would report for the entries of the files named (schema, quotes,
 * attestation, the matcher finding each term in its dictionary and two
 * inflected forms, terms repeated in any data file), one line per problem.
 * The rules are the data test's own (glossary/entry-review.ts).
 *
 *   npx tsx scripts/check-glossary.ts glossary/data/criminal.json
 */
import { basename, join } from 'node:path';
import { compileMatcher, matchableOf } from '../glossary/matcher';
import { senseGroups } from '../glossary/review';
import type { Entry } from '../glossary/types';
import { LANGS, entryProblems, repeatedTerms } from '../glossary/entry-review';
import { DATA_DIR, dataFileNames, readDataFile } from './glossary-data-files';

const load = (path: string): Entry[] => readDataFile(path).entries;

const targets = process.argv.slice(2);
if (targets.length === 0) {
  console.error('usage: npx tsx scripts/check-glossary.ts FILE.json...');
  process.exit(2);
}
const problems: string[] = [];
const mine: Entry[] = [];
for (const t of targets) {
  try {
    mine.push(...load(t));
  } catch (err) {
    problems.push((err as Error).message);
  }
}
const others: Entry[] = dataFileNames()
  .filter((f) => !targets.some((t) => basename(t) === f))
  .flatMap((f) => load(join(DATA_DIR, f)));
const mineIds = new Set(mine.map((e) => e.id));
const all = [...mine, ...others.filter((e) => !mineIds.has(e.id))];

/** Senses of one word (glossary/context.ts) may share a term; the context step picks one. */
const sameSenseGroup = senseGroups(all);

for (const lang of LANGS) {
  for (const { entry: e, first } of repeatedTerms(all, lang, sameSenseGroup)) {
    if (mineIds.has(e.id) || mineIds.has(first))
      problems.push(`${e.id}: ${lang} term "${e[lang].term}" is also the term of ${first}`);
  }
}

const together = compileMatcher(all.map(matchableOf));

// The few concepts a text establishes without naming them are counted by the data test.
for (const e of mine) problems.push(...entryProblems(e, together, sameSenseGroup));

for (const p of problems) console.log(p);
console.log(`${mine.length} entries checked, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
