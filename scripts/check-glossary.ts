/**
 * Review glossary data files before the full test run: every problem the data
 * tests would report for the entries of the files named (schema, quotes,
 * attestation, the matcher finding each term in its dictionary and two
 * inflected forms, terms repeated in any data file), one line per problem.
 *
 *   npx tsx scripts/check-glossary.ts glossary/data/criminal.json
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { citationPlace, citationProblems } from '../glossary/attestation';
import { compileMatcher, matchableOf } from '../glossary/matcher';
import { foldTerm } from '../glossary/normalize';
import {
  INDECLINABLE,
  findsExactly,
  findsIn,
  senseGroups,
  termsOf,
  twoForms,
} from '../glossary/review';
import { parseGlossaryFile } from '../glossary/schema';
import type { Entry, Lang } from '../glossary/types';

const DATA_DIR = join(import.meta.dirname, '../glossary/data');
const LANGS: readonly Lang[] = ['kk', 'ru'];

const load = (path: string): Entry[] =>
  parseGlossaryFile(JSON.parse(readFileSync(path, 'utf8')), basename(path));

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
const others: Entry[] = readdirSync(DATA_DIR)
  .filter((f) => f.endsWith('.json') && !targets.some((t) => basename(t) === f))
  .flatMap((f) => load(join(DATA_DIR, f)));
const mineIds = new Set(mine.map((e) => e.id));
const all = [...mine, ...others.filter((e) => !mineIds.has(e.id))];

/** Senses of one word (glossary/context.ts) may share a term; the context step picks one. */
const sameSenseGroup = senseGroups(all);

for (const lang of LANGS) {
  const seen = new Map<string, string>();
  for (const e of all) {
    const k = foldTerm(e[lang].term);
    const prev = seen.get(k);
    if (prev && !sameSenseGroup(prev, e.id) && (mineIds.has(e.id) || mineIds.has(prev)))
      problems.push(`${e.id}: ${lang} term "${e[lang].term}" is also the term of ${prev}`);
    seen.set(k, e.id);
  }
}

const together = compileMatcher(all.map(matchableOf));

for (const e of mine) {
  const own = compileMatcher([matchableOf(e)]);
  const finds = (lang: Lang, text: string): boolean => findsIn(own, e, lang, text);
  for (const c of e.citations) {
    for (const p of citationProblems(c)) problems.push(`${e.id}: ${citationPlace(c)}: ${p}`);
    if (c.mentions === false) continue;
    for (const lang of LANGS)
      if (!finds(lang, c.quote[lang]))
        problems.push(`${e.id}: "${e[lang].term}" not in the ${lang} quote of ${citationPlace(c)}`);
  }
  const attested = e.citations.some(
    (c) => c.mentions !== false && LANGS.every((l) => finds(l, c.quote[l])),
  );
  // The few concepts a text establishes without naming them are counted by the data test.
  if (!attested && !e.citations.some((c) => c.mentions === false))
    problems.push(`${e.id}: not attested (no citation whose two quotes hold its two terms)`);
  for (const lang of LANGS) {
    const forms = twoForms(lang, e[lang].term);
    if (forms.length < 2 && !INDECLINABLE.has(foldTerm(e[lang].term)))
      problems.push(`${e.id}: "${e[lang].term}" (${lang}) has ${forms.length} inflected form(s)`);
    for (const form of [...termsOf(e, lang), ...forms]) {
      const err = findsExactly(together, lang, form, e.id, sameSenseGroup);
      if (err) problems.push(`${e.id}: ${err}`);
    }
  }
}

for (const p of problems) console.log(p);
console.log(`${mine.length} entries checked, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
