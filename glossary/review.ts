/**
 * The checks a glossary entry is reviewed by, shared by the data tests
 * (tests/unit/glossary/data.test.ts) and the review script
 * (scripts/check-glossary.ts): whether the matcher finds an entry's terms in
 * its quotes, in their dictionary form and in inflected forms. Not used by the
 * extension.
 */
import { rulesOf } from './context';
import type { Matcher } from './matcher';
import { kazakhForms } from './morphology/kazakh';
import { russianForms } from './morphology/russian';
import { foldTerm } from './normalize';
import type { Entry, Lang } from './types';

/** Every term of an entry in one language: the term, then its variants. */
export const termsOf = (e: Entry, lang: Lang): string[] => [e[lang].term, ...e[lang].variants];

/** Terms that do not inflect in the language (the morphology rightly gives no other forms). */
export const INDECLINABLE: ReadonlySet<string> = new Set(['теңге']);

/**
 * Whether two entries are senses of one word (азаматтық "civil" and
 * "citizenship", glossary/context.ts), which may share a term.
 */
export function senseGroups(entries: readonly Entry[]): (a: string, b: string) => boolean {
  const groupOf = new Map<string, string>(
    entries.flatMap((e) => {
      const g = rulesOf(e).sense?.group;
      return g ? [[e.id, g] as const] : [];
    }),
  );
  return (a, b) => groupOf.has(a) && groupOf.get(a) === groupOf.get(b);
}

/**
 * Whether `own` (the entry's own matcher) finds its term or a variant of
 * `lang` in `text`. A term spelt the same in both languages ("Конституция",
 * "судья") is reported once, in either language.
 */
export function findsIn(own: Matcher, e: Entry, lang: Lang, text: string): boolean {
  const terms = termsOf(e, lang).map(foldTerm);
  return own
    .scan(text)
    .some((m) => m.id === e.id && (m.lang === lang || terms.includes(foldTerm(m.term))));
}

/** Where a sentence puts the word form: [before, after]. */
const FRAME: Record<Lang, [string, string]> = {
  kk: ['Мәтінде ', ' туралы айтылады.'],
  ru: ['В тексте упомянуто ', ' и ничего больше.'],
};

/**
 * Null when `all` (every entry together) finds `form` in a sentence as exactly
 * one span of entry `id` (or of another sense of its word); else what it found.
 */
export function findsExactly(
  all: Matcher,
  lang: Lang,
  form: string,
  id: string,
  sameSenseGroup: (a: string, b: string) => boolean,
): string | null {
  const [before, after] = FRAME[lang];
  const text = `${before}${form}${after}`;
  const matches = all.scan(text);
  const hit = matches.find(
    (m) => m.start === before.length && m.end === before.length + form.length,
  );
  if (!hit) {
    const got = matches.map((m) => `[${text.slice(m.start, m.end)}→${m.id}]`).join(' ');
    return `"${form}" (${lang}) of ${id}: no span covering exactly the form; got ${got || 'nothing'}`;
  }
  // The matcher finds one sense of a shared word; the context step picks (tests/unit/glossary/context.test.ts).
  if (hit.id !== id && !sameSenseGroup(hit.id, id))
    return `"${form}" (${lang}) of ${id}: found as ${hit.id}`;
  return null;
}

/** Two inflected forms of a term other than the term itself, picked deterministically. */
export function twoForms(lang: Lang, term: string): string[] {
  const forms = Array.from(lang === 'kk' ? kazakhForms(term) : russianForms(term));
  const own = foldTerm(term);
  const others = [...new Set(forms)].filter((f) => foldTerm(f) !== own);
  if (others.length < 2) return others;
  const first = others[0]!;
  const middle = others[Math.floor(others.length / 2)]!;
  return first === middle ? [first, others[1]!] : [first, middle];
}
