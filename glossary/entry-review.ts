/**
 * The glossary data rules, entry by entry, as both the data test
 * (tests/unit/glossary/data.test.ts) and the review script
 * (scripts/check-glossary.ts) apply them, built on glossary/review.ts: each
 * rule gives the problems it finds as lines to report (empty when none).
 */
import { citationPlace, citationProblems } from './attestation';
import { compileMatcher, matchableOf, type Matcher } from './matcher';
import { foldTerm } from './normalize';
import { INDECLINABLE, findsExactly, findsIn, termsOf, twoForms } from './review';
import type { Entry, Lang } from './types';

export const LANGS: readonly Lang[] = ['kk', 'ru'];

/** Whether two ids are senses of one word (glossary/review.ts senseGroups). */
export type SameSense = (a: string, b: string) => boolean;

/** Whether the entry's own matcher finds its term (or a variant) of a language in a text. */
export type OwnFinder = (lang: Lang, text: string) => boolean;

/** The finder of one entry: a matcher of that entry alone, so a quote is searched for its terms only. */
export function ownFinder(e: Entry): OwnFinder {
  const own = compileMatcher([matchableOf(e)]);
  return (lang, text) => findsIn(own, e, lang, text);
}

/**
 * Entries whose `lang` term (folded) an earlier entry already has, unless the
 * two are senses of one word: each with the id of the entry that had it first.
 */
export function repeatedTerms(
  entries: readonly Entry[],
  lang: Lang,
  sameSense: SameSense,
): { entry: Entry; first: string }[] {
  const seen = new Map<string, string>();
  const repeated: { entry: Entry; first: string }[] = [];
  for (const e of entries) {
    const k = foldTerm(e[lang].term);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, e.id);
    else if (!sameSense(first, e.id)) repeated.push({ entry: e, first });
  }
  return repeated;
}

/** What is wrong with the entry's quotes against the official texts, each with its place. */
export function citationProblemsOf(e: Entry): string[] {
  return e.citations.flatMap((c) => citationProblems(c).map((p) => `${citationPlace(c)}: ${p}`));
}

/** The quotes (of citations that name the entry) in which its own matcher misses its term. */
export function quoteMisses(e: Entry, finds: OwnFinder): string[] {
  return e.citations.flatMap((c) =>
    c.mentions === false
      ? []
      : LANGS.filter((lang) => !finds(lang, c.quote[lang])).map(
          (lang) => `${e.id}: "${e[lang].term}" not in the ${lang} quote of ${citationPlace(c)}`,
        ),
  );
}

/** Whether a citation that names the entry holds its two terms, one in each quote. */
export function isAttested(e: Entry, finds: OwnFinder): boolean {
  return e.citations.some(
    (c) => c.mentions !== false && LANGS.every((lang) => finds(lang, c.quote[lang])),
  );
}

/** The entry's terms and variants of `lang` that `all` (every entry together) does not find exactly as this entry. */
export function dictionaryFormProblems(
  e: Entry,
  lang: Lang,
  all: Matcher,
  sameSense: SameSense,
): string[] {
  return termsOf(e, lang).flatMap((t) => findsExactly(all, lang, t, e.id, sameSense) ?? []);
}

/**
 * Two inflected forms of the entry's `lang` term, each found exactly as this
 * entry by `all`; a term with fewer forms is a problem unless it is indeclinable.
 */
export function inflectedFormProblems(
  e: Entry,
  lang: Lang,
  all: Matcher,
  sameSense: SameSense,
): string[] {
  const term = e[lang].term;
  const forms = twoForms(lang, term);
  if (forms.length < 2) {
    return INDECLINABLE.has(foldTerm(term))
      ? []
      : [`"${term}" (${lang}) of ${e.id}: the morphology gives ${forms.length} other form(s)`];
  }
  return forms.flatMap((f) => findsExactly(all, lang, f, e.id, sameSense) ?? []);
}

/**
 * Every problem the rules above find in one entry, a line apiece starting
 * with its id: its citations and quotes, its attestation (a citation that
 * establishes the entry without naming it excuses it), and, for each
 * language, its dictionary form and two inflected forms found by `all`.
 */
export function entryProblems(e: Entry, all: Matcher, sameSense: SameSense): string[] {
  const finds = ownFinder(e);
  const problems = citationProblemsOf(e).map((p) => `${e.id}: ${p}`);
  problems.push(...quoteMisses(e, finds));
  if (!isAttested(e, finds) && !e.citations.some((c) => c.mentions === false))
    problems.push(`${e.id}: not attested (no citation whose two quotes hold its two terms)`);
  for (const lang of LANGS) {
    for (const p of dictionaryFormProblems(e, lang, all, sameSense)) problems.push(`${e.id}: ${p}`);
    for (const p of inflectedFormProblems(e, lang, all, sameSense)) problems.push(`${e.id}: ${p}`);
  }
  return problems;
}
