/**
 * `npm run digests`: md5 digests of the JSON of `scan()` output on fixed
 * material, so that a change meant to change no match can be shown to change
 * none (run before and after; the digests must be identical).
 *
 * - the benchmark texts (100 KB, 1 MB, 5 MB) and the distinct text (every
 *   document of bench/corpus.ts distinctTexts, one after another) with the
 *   benchmark glossaries of 100, 1,000 and 10,000 entries;
 * - each Constitution (glossary/sources: 2026 and 1995, kk and ru, clauses
 *   joined by blank lines) with the bundled glossary.
 *
 * The digests depend on the glossary data: a change to glossary/data changes
 * the ones that use it (every one, since the benchmark glossaries start with
 * the bundled entries).
 */
import { createHash } from 'node:crypto';
import { BUNDLED_ENTRIES } from '../glossary/data/index';
import { compileMatcher, matchableOf } from '../glossary/matcher';
import { clauses } from '../glossary/sources';
import type { MatchableEntry } from '../glossary/types';
import { distinctTexts, glossaryOfSize, realEntries, textOfSize } from '../bench/corpus';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function digest(name: string, entries: readonly MatchableEntry[], text: string): void {
  const matches = compileMatcher(entries).scan(text);
  console.log(`${md5(JSON.stringify(matches))}  ${name} (${matches.length} matches)`);
}

async function main(): Promise<void> {
  const real = await realEntries();
  const texts: [string, string][] = [
    ['100 KB', textOfSize(100 * 1024)],
    ['1 MB', textOfSize(1024 * 1024)],
    ['5 MB', textOfSize(5 * 1024 * 1024)],
    [
      'distinct',
      distinctTexts()
        .map((d) => d.text)
        .join('\n\n'),
    ],
  ];
  for (const size of [100, 1_000, 10_000]) {
    const entries = glossaryOfSize(size, real);
    for (const [label, text] of texts) digest(`${size} entries, ${label} text`, entries, text);
  }
  const bundled = BUNDLED_ENTRIES.map(matchableOf);
  for (const edition of ['2026', '1995'] as const) {
    for (const lang of ['kk', 'ru'] as const) {
      const text = clauses(edition, lang)
        .map((c) => c.text)
        .join('\n\n');
      digest(`bundled glossary, Constitution ${edition} ${lang}`, bundled, text);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
