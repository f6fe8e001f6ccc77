/**
 * Kazakh suffix chains: stem + (plural) + (possessive) + (case | -дағы |
 * -дай | -ша), realised per class of stem (harmony, last sound) and cached
 * as one frozen SuffixSet per class, which every stem of the class shares.
 */
import type { SuffixSet } from './types';
import {
  AFTER_POSSESSIVE_3,
  CASES,
  DATIVE_AFTER_1SG_2SG,
  FINAL_CLASSES,
  PLURAL,
  POSSESSIVES,
  POSSESSIVE_3,
  type FinalClass,
  type Harmony,
} from './kazakh-rules';
import { finalClassOf, isVowelAt, realise } from './kazakh-sounds';

/**
 * Which suffixes of a class a pattern takes:
 * - all:   every suffix (a stem that does not change)
 * - cons:  '' and the consonant-initial suffixes (the unchanged stem of an
 *          alternating word: құқық + тың)
 * - vowel: the vowel-initial suffixes (the alternated stem: құқығ + ы)
 */
export type Start = 'all' | 'cons' | 'vowel';

/**
 * Which chain:
 * - plain:  the full paradigm of a bare stem
 * - p3:     what follows a 3rd-person possessive the word already carries
 *           (сот төрелігі + н, нің, не …)
 * - pl3:    plural + 3rd possessive + what follows (the izafet base: сот акті + лерін)
 * - abbr:   an abbreviation: '' or a hyphen and any ending (ҚР-ның, ҚР-да)
 */
export type Chain = 'plain' | 'p3' | 'pl3' | 'abbr';

/** Push stem-relative suffixes for every case ending after `base` (whose last sound is `c`). */
function pushCases(out: string[], base: string, c: FinalClass, h: Harmony, bareDative: boolean) {
  for (const { name, table } of CASES) {
    if (bareDative && name === 'dative') {
      out.push(base + realise(DATIVE_AFTER_1SG_2SG, h));
      continue;
    }
    for (const t of table[c]) out.push(base + realise(t, h));
  }
}

function pushAfterPossessive3(out: string[], base: string, h: Harmony) {
  for (const t of AFTER_POSSESSIVE_3) out.push(base + realise(t, h));
}

/** Every suffix of the plain paradigm of a stem of harmony h ending in class c. */
function plainChains(h: Harmony, c: FinalClass): string[] {
  const out: string[] = [];
  const numbers: [string, FinalClass][] = [
    ['', c],
    [realise(PLURAL[c][0]!, h), 'RYU'], // the plural ends in р
  ];
  for (const [num, nc] of numbers) {
    pushCases(out, num, nc, h, false);
    for (const p of POSSESSIVES) {
      const poss = realise(nc === 'V' ? p.afterVowel : p.afterConsonant, h);
      const pc = finalClassOf(poss);
      if (pc) pushCases(out, num + poss, pc, h, p.bareDative);
    }
    const p3 = realise(nc === 'V' ? POSSESSIVE_3.afterVowel : POSSESSIVE_3.afterConsonant, h);
    pushAfterPossessive3(out, num + p3, h);
  }
  return out;
}

/** plural + 3rd possessive + what follows it (актілері, актілерін, актілерінің …). */
function plural3Chains(h: Harmony, c: FinalClass): string[] {
  const out: string[] = [];
  const pl = realise(PLURAL[c][0]!, h);
  pushAfterPossessive3(out, pl + realise(POSSESSIVE_3.afterConsonant, h), h);
  return out;
}

// ---------------------------------------------------------------------------
// The SuffixSet cache: one frozen object per class, built on first use.

const setCache = new Map<string, SuffixSet>();

export function makeSet(id: string, build: () => Iterable<string>): SuffixSet {
  let s = setCache.get(id);
  if (!s) {
    s = Object.freeze({ id, forms: new Set(build()) as ReadonlySet<string> });
    setCache.set(id, s);
  }
  return s;
}

function startsWithVowel(suffix: string): boolean {
  return isVowelAt(suffix, 0);
}

function filterStart(forms: string[], start: Start): string[] {
  if (start === 'all') return forms;
  const wantVowel = start === 'vowel';
  return forms.filter((f) => (f === '' ? !wantVowel : startsWithVowel(f) === wantVowel));
}

/**
 * The shared SuffixSet of a class. Vowel-initial suffixes begin with a
 * possessive vowel, after which nothing depends on the stem's last sound, so
 * their sets are keyed by harmony alone.
 */
export function suffixSet(h: Harmony, c: FinalClass, start: Start, chain: Chain): SuffixSet {
  if (chain === 'abbr') return abbreviationSet();
  if (chain === 'p3') {
    return makeSet(`${h}|*|all|p3`, () => {
      const out: string[] = [];
      pushAfterPossessive3(out, '', h);
      return out;
    });
  }
  if (chain === 'pl3') return makeSet(`${h}|${c}|cons|pl3`, () => plural3Chains(h, c));
  const key = start === 'vowel' ? '*' : c;
  return makeSet(`${h}|${key}|${start}|plain`, () => filterStart(plainChains(h, c), start));
}

/**
 * Abbreviations (ҚР, ҚХК) are read letter by letter, so their endings vary by
 * writer: accept any ending of either harmony after a hyphen.
 */
export function abbreviationSet(): SuffixSet {
  return makeSet('*|*|all|abbr', () => {
    // Cases, plural + cases and the 3rd-person possessive chain; 1st/2nd person
    // possessives of an abbreviation do not occur in legal text.
    const forms: string[] = [];
    for (const h of ['back', 'front'] as const) {
      for (const c of FINAL_CLASSES) {
        pushCases(forms, '', c, h, false);
        pushCases(forms, realise(PLURAL[c][0]!, h), 'RYU', h, false);
        const p3 = c === 'V' ? POSSESSIVE_3.afterVowel : POSSESSIVE_3.afterConsonant;
        pushAfterPossessive3(forms, realise(p3, h), h);
      }
    }
    const out = new Set<string>(['']);
    for (const f of forms) if (f) out.add('-' + f);
    return out;
  });
}

/** Number of SuffixSets built so far (for tests and benchmarks). */
export function suffixSetCount(): number {
  return setCache.size;
}

/** Forget the suffix sets built so far (the benchmark measures compilations from nothing). */
export function forgetSuffixSets(): void {
  setCache.clear();
}
